/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_ACTION_ROW (gr_action_row_get_type ())
G_DECLARE_FINAL_TYPE (GrActionRow, gr_action_row, GR, ACTION_ROW, GtkListBoxRow)

GtkWidget *gr_action_row_new        (GrSession   *session,
                                     GrAction    *action);
GrAction  *gr_action_row_get_action (GrActionRow *self);
void       gr_action_row_focus_text (GrActionRow *self);

G_END_DECLS
