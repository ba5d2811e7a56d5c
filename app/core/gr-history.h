/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_HISTORY (gr_history_get_type ())
G_DECLARE_FINAL_TYPE (GrHistory, gr_history, GR, HISTORY, GObject)

GrHistory *gr_history_new           (GrSession *session);
GrSession *gr_history_get_session   (GrHistory *self);
gboolean   gr_history_can_undo      (GrHistory *self);
gboolean   gr_history_can_redo      (GrHistory *self);
gboolean   gr_history_undo          (GrHistory *self);
gboolean   gr_history_redo          (GrHistory *self);
void       gr_history_seal          (GrHistory *self);
void       gr_history_begin_group   (GrHistory *self);
void       gr_history_end_group     (GrHistory *self);
guint      gr_history_get_point     (GrHistory *self);
void       gr_history_mark_saved_at (GrHistory *self,
                                     guint      point);
void       gr_history_mark_modified (GrHistory *self);
gboolean   gr_history_is_modified   (GrHistory *self);

G_END_DECLS
