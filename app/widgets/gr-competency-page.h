/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-action-plan.h"
#include "gr-item-row.h"
#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_COMPETENCY_PAGE (gr_competency_page_get_type ())
G_DECLARE_FINAL_TYPE (GrCompetencyPage, gr_competency_page, GR, COMPETENCY_PAGE, GtkWidget)

GtkWidget    *gr_competency_page_new                 (GrGrid           *grid,
                                                      GrCompetency     *competency);
GrCompetency *gr_competency_page_get_competency      (GrCompetencyPage *self);
void          gr_competency_page_set_participant     (GrCompetencyPage *self,
                                                      GrParticipant    *participant);
void          gr_competency_page_set_group           (GrCompetencyPage *self,
                                                      gboolean          group);
GrItemRow    *gr_competency_page_get_row             (GrCompetencyPage *self,
                                                      guint             position);
GtkDropDown  *gr_competency_page_get_target          (GrCompetencyPage *self);
void          gr_competency_page_set_second_language (GrCompetencyPage *self,
                                                      const char       *code);
void          gr_competency_page_relabel             (GrCompetencyPage *self);
void          gr_competency_page_set_session         (GrCompetencyPage *self,
                                                      GrSession        *session);
GrActionPlan *gr_competency_page_get_plan            (GrCompetencyPage *self);

G_END_DECLS
