/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-participant.h"

G_BEGIN_DECLS

#define GR_TYPE_ITEM_ROW (gr_item_row_get_type ())
G_DECLARE_FINAL_TYPE (GrItemRow, gr_item_row, GR, ITEM_ROW, GtkListBoxRow)

GtkWidget       *gr_item_row_new                 (GrGrid        *grid,
                                                  GrItem        *item);
GrItem          *gr_item_row_get_item            (GrItemRow     *self);
GrParticipant   *gr_item_row_get_participant     (GrItemRow     *self);
void             gr_item_row_set_participant     (GrItemRow     *self,
                                                  GrParticipant *participant);
GtkToggleButton *gr_item_row_get_level_button    (GrItemRow     *self,
                                                  int            level);
GtkTextView     *gr_item_row_get_note_view       (GrItemRow     *self);
void             gr_item_row_set_second_language (GrItemRow     *self,
                                                  const char    *code);
void             gr_item_row_relabel             (GrItemRow     *self);
int              gr_item_row_digit_for_keycode   (GdkDisplay    *display,
                                                  guint          keycode,
                                                  int            group);

G_END_DECLS
