/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GR_TYPE_APPLICATION (gr_application_get_type ())
G_DECLARE_FINAL_TYPE (GrApplication, gr_application, GR, APPLICATION, GtkApplication)

GrApplication *gr_application_new           (void);
GtkWidget     *gr_application_offer_drafts (GrApplication *self);

G_END_DECLS
