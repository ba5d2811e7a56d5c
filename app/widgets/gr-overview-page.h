/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-chart-view.h"
#include "gr-scores-table.h"
#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_OVERVIEW_PAGE (gr_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (GrOverviewPage, gr_overview_page, GR, OVERVIEW_PAGE, GtkWidget)

GtkWidget   *gr_overview_page_new             (void);
void         gr_overview_page_set_session     (GrOverviewPage *self,
                                               GrSession      *session);
void         gr_overview_page_set_participant (GrOverviewPage *self,
                                               GrParticipant  *participant,
                                               gboolean        group);
void         gr_overview_page_set_by_role     (GrOverviewPage *self,
                                               gboolean        by_role);
void         gr_overview_page_set_references  (GrOverviewPage *self,
                                               GPtrArray      *references);
GrChartView *gr_overview_page_get_chart       (GrOverviewPage *self);
GrScoresTable *gr_overview_page_get_table     (GrOverviewPage *self);
char        *gr_overview_page_get_table_text  (GrOverviewPage *self);
char        *gr_overview_page_get_progress_text (GrOverviewPage *self);
gboolean     gr_overview_page_build_group_parts (GrOverviewPage *self);
void         gr_overview_page_relabel         (GrOverviewPage *self);

G_END_DECLS
