/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-application.h"
#include "gr-chart-view.h"
#include "gr-competency-page.h"
#include "gr-draft.h"
#include "gr-history.h"
#include "gr-overview-page.h"
#include "gr-participants-page.h"
#include "gr-projector-view.h"
#include "gr-session.h"
#include "gr-sidebar-row.h"

G_BEGIN_DECLS

#define GR_TYPE_WINDOW (gr_window_get_type ())
G_DECLARE_FINAL_TYPE (GrWindow, gr_window, GR, WINDOW, GtkApplicationWindow)

GrWindow           *gr_window_new                   (GrApplication *application);
GrWindow           *gr_window_new_for_file          (GrApplication *application,
                                                     GFile         *file);
GrSession          *gr_window_get_session           (GrWindow      *self);
void                gr_window_set_session           (GrWindow      *self,
                                                     GrSession     *session,
                                                     GFile         *file);
GFile              *gr_window_get_file              (GrWindow      *self);
gboolean            gr_window_open_file             (GrWindow      *self,
                                                     GFile         *file);
gboolean            gr_window_open_loaded           (GrWindow      *self,
                                                     GFile         *file,
                                                     GrSession     *session,
                                                     const GError  *error);
gboolean            gr_window_restore_draft         (GrWindow      *self,
                                                     GrDraft       *draft,
                                                     GError       **error);
GrDraft            *gr_window_get_draft             (GrWindow      *self);
void                gr_window_compare_with_files    (GrWindow      *self,
                                                     GPtrArray     *files);
void                gr_window_compare_with_file     (GrWindow      *self,
                                                     GFile         *file);
GrSession          *gr_window_get_reference         (GrWindow      *self);
GPtrArray          *gr_window_get_references        (GrWindow      *self);
void                gr_window_import_participants   (GrWindow      *self,
                                                     GPtrArray     *files);
void                gr_window_prepare_files         (GrWindow      *self,
                                                     const char   **names,
                                                     GFile         *directory);
gboolean            gr_window_is_pristine           (GrWindow      *self);
gboolean            gr_window_is_modified           (GrWindow      *self);
gboolean            gr_window_is_busy               (GrWindow      *self);
GrHistory          *gr_window_get_history           (GrWindow      *self);
GrParticipant      *gr_window_get_participant       (GrWindow      *self);
void                gr_window_set_participant       (GrWindow      *self,
                                                     GrParticipant *participant);
void                gr_window_show_page             (GrWindow      *self,
                                                     const char    *page);
const char         *gr_window_get_page              (GrWindow      *self);
GrCompetencyPage   *gr_window_get_competency_page   (GrWindow      *self,
                                                     guint          competency);
GrSidebarRow       *gr_window_get_sidebar_row       (GrWindow      *self,
                                                     const char    *page);
GrChartView        *gr_window_get_chart             (GrWindow      *self);
GrOverviewPage     *gr_window_get_overview          (GrWindow      *self);
GrParticipantsPage *gr_window_get_participants_page (GrWindow      *self);
GrProjectorView    *gr_window_get_projector         (GrWindow      *self);
gboolean            gr_window_is_wide               (GrWindow      *self);
void                gr_window_relabel               (GrWindow      *self);

G_END_DECLS
