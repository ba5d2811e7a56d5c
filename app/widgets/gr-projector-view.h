/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-chart-view.h"
#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_PROJECTOR_VIEW (gr_projector_view_get_type ())
G_DECLARE_FINAL_TYPE (GrProjectorView, gr_projector_view, GR, PROJECTOR_VIEW, GtkWidget)

GtkWidget       *gr_projector_view_new                 (void);
void             gr_projector_view_set_session         (GrProjectorView *self,
                                                        GrSession       *session);
void             gr_projector_view_set_participant     (GrProjectorView *self,
                                                        GrParticipant   *participant,
                                                        gboolean         group);
void             gr_projector_view_set_by_role         (GrProjectorView *self,
                                                        gboolean         by_role);
void             gr_projector_view_set_competency      (GrProjectorView *self,
                                                        guint            competency);
void             gr_projector_view_set_show_names      (GrProjectorView *self,
                                                        gboolean         show);
void             gr_projector_view_set_second_language (GrProjectorView *self,
                                                        const char      *code);
void             gr_projector_view_scroll              (GrProjectorView *self,
                                                        int              direction);
GtkWidget       *gr_projector_view_get_more_cue        (GrProjectorView *self);
GtkToggleButton *gr_projector_view_get_names_toggle    (GrProjectorView *self);
GrChartView     *gr_projector_view_get_chart           (GrProjectorView *self);
void             gr_projector_view_relabel             (GrProjectorView *self);

G_END_DECLS
