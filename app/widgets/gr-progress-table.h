/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_PROGRESS_TABLE (gr_progress_table_get_type ())
G_DECLARE_FINAL_TYPE (GrProgressTable, gr_progress_table, GR, PROGRESS_TABLE, GtkWidget)

GtkWidget *gr_progress_table_new             (void);
void       gr_progress_table_set_session     (GrProgressTable *self,
                                              GrSession       *session);
void       gr_progress_table_set_participant (GrProgressTable *self,
                                              GrParticipant   *participant);
void       gr_progress_table_set_references  (GrProgressTable *self,
                                              GPtrArray       *references);
void       gr_progress_table_relabel         (GrProgressTable *self);
char      *gr_progress_table_get_text        (GrProgressTable *self);

G_END_DECLS
