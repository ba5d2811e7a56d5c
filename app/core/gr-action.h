/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GR_TYPE_ACTION (gr_action_get_type ())
G_DECLARE_FINAL_TYPE (GrAction, gr_action, GR, ACTION, GObject)

GrAction   *gr_action_new        (void);
GrAction   *gr_action_copy       (GrAction   *self);
gboolean    gr_action_equal      (GrAction   *self,
                                  GrAction   *other);
const char *gr_action_get_text   (GrAction   *self);
void        gr_action_set_text   (GrAction   *self,
                                  const char *text);
const char *gr_action_get_owner  (GrAction   *self);
void        gr_action_set_owner  (GrAction   *self,
                                  const char *owner);
const char *gr_action_get_due    (GrAction   *self);
void        gr_action_set_due    (GrAction   *self,
                                  const char *due);
gboolean    gr_action_get_done   (GrAction   *self);
void        gr_action_set_done   (GrAction   *self,
                                  gboolean    done);
gboolean    gr_action_is_overdue (GrAction   *self,
                                  const char *today);
char       *gr_today_iso         (void);
gboolean    gr_is_valid_date     (const char *date);

G_END_DECLS
