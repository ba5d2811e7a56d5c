/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GR_TYPE_ADAPTIVE_BOX (gr_adaptive_box_get_type ())
G_DECLARE_FINAL_TYPE (GrAdaptiveBox, gr_adaptive_box, GR, ADAPTIVE_BOX, GtkWidget)

GtkWidget *gr_adaptive_box_new        (void);
void       gr_adaptive_box_set_start  (GrAdaptiveBox *self,
                                       GtkWidget     *child);
void       gr_adaptive_box_set_end    (GrAdaptiveBox *self,
                                       GtkWidget     *child);
gboolean   gr_adaptive_box_is_wide    (GrAdaptiveBox *self);

G_END_DECLS
