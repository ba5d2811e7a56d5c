/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-session.h"

G_BEGIN_DECLS

/* Up to this many participants the table is a GtkGrid read as a table (row and column headers,
 * each cell describing its row and column); beyond, the participants' rows are a GtkColumnView
 * that makes only the rows in sight, and the group's rows stay a small table of their own. */
#define GR_SCORES_TABLE_MAX_GRID_ROWS 40

#define GR_TYPE_SCORES_TABLE (gr_scores_table_get_type ())
G_DECLARE_FINAL_TYPE (GrScoresTable, gr_scores_table, GR, SCORES_TABLE, GtkWidget)

GtkWidget     *gr_scores_table_new             (void);
void           gr_scores_table_set_session     (GrScoresTable *self,
                                                GrSession     *session);
void           gr_scores_table_set_participant (GrScoresTable *self,
                                                GrParticipant *participant);
void           gr_scores_table_relabel         (GrScoresTable *self);
gboolean       gr_scores_table_is_virtual      (GrScoresTable *self);
GtkColumnView *gr_scores_table_get_column_view (GrScoresTable *self);
char          *gr_scores_table_get_text        (GrScoresTable *self);

G_END_DECLS
