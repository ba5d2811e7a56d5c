/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-types.h"

G_BEGIN_DECLS

#define GR_TYPE_SIDEBAR_ROW (gr_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (GrSidebarRow, gr_sidebar_row, GR, SIDEBAR_ROW, GtkListBoxRow)

GtkWidget  *gr_sidebar_row_new       (const char    *page_name,
                                      const char    *icon_name);
const char *gr_sidebar_row_get_page  (GrSidebarRow  *self);
void        gr_sidebar_row_set_title (GrSidebarRow  *self,
                                      const char    *title);
void        gr_sidebar_row_set_score (GrSidebarRow  *self,
                                      const GrStats *stats,
                                      GrGrid        *grid);
const char *gr_sidebar_row_get_score (GrSidebarRow  *self);

G_END_DECLS
