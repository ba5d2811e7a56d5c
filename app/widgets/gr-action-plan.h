/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_ACTION_PLAN (gr_action_plan_get_type ())
G_DECLARE_FINAL_TYPE (GrActionPlan, gr_action_plan, GR, ACTION_PLAN, GtkWidget)

void        gr_action_plan_set_session (GrActionPlan *self,
                                        GrSession    *session,
                                        guint         competency);
void        gr_action_plan_add         (GrActionPlan *self);
GtkListBox *gr_action_plan_get_list    (GrActionPlan *self);
void        gr_action_plan_relabel     (GrActionPlan *self);

G_END_DECLS
