/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-chart-data.h"
#include "gr-chart-layout.h"
#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_CHART_VIEW (gr_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (GrChartView, gr_chart_view, GR, CHART_VIEW, GtkWidget)

GtkWidget     *gr_chart_view_new                   (void);
GrSession     *gr_chart_view_get_session           (GrChartView   *self);
void           gr_chart_view_set_session           (GrChartView   *self,
                                                    GrSession     *session);
GrParticipant *gr_chart_view_get_participant       (GrChartView   *self);
void           gr_chart_view_set_participant       (GrChartView   *self,
                                                    GrParticipant *participant);
gboolean       gr_chart_view_get_show_participants (GrChartView   *self);
void           gr_chart_view_set_show_participants (GrChartView   *self,
                                                    gboolean       show);
gboolean       gr_chart_view_get_show_title        (GrChartView   *self);
void           gr_chart_view_set_show_title        (GrChartView   *self,
                                                    gboolean       show);
gboolean       gr_chart_view_get_show_mean         (GrChartView   *self);
void           gr_chart_view_set_show_mean         (GrChartView   *self,
                                                    gboolean       show);
gboolean       gr_chart_view_get_show_band         (GrChartView   *self);
void           gr_chart_view_set_show_band         (GrChartView   *self,
                                                    gboolean       show);
const char * const *gr_chart_view_get_hidden_participants (GrChartView *self);
void           gr_chart_view_set_hidden_participants (GrChartView *self,
                                                    const char * const *names);
const char * const *gr_chart_view_get_shown_participants (GrChartView *self);
void           gr_chart_view_set_shown_participants (GrChartView *self,
                                                    const char * const *names);
void           gr_chart_view_get_visibility        (GrChartView   *self,
                                                    GrChartVisibility *visibility);
GrSession     *gr_chart_view_get_reference         (GrChartView   *self);
void           gr_chart_view_set_references        (GrChartView   *self,
                                                    GPtrArray     *references);
void           gr_chart_view_set_by_role           (GrChartView   *self,
                                                    gboolean       by_role);
gboolean       gr_chart_view_get_by_role           (GrChartView   *self);
void           gr_chart_view_set_reference         (GrChartView   *self,
                                                    GrSession     *reference);
const char    *gr_chart_view_get_description       (GrChartView   *self);
const GrChartLayout *gr_chart_view_get_layout      (GrChartView   *self);
void           gr_chart_view_follow_language       (void);

G_END_DECLS
