/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-application.h"
#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_WINDOW (gr_window_get_type ())
G_DECLARE_FINAL_TYPE (GrWindow, gr_window, GR, WINDOW, GtkApplicationWindow)

GrWindow  *gr_window_new         (GrApplication *application);
GrSession *gr_window_get_session (GrWindow      *self);
void       gr_window_set_session (GrWindow      *self,
                                  GrSession     *session,
                                  GFile         *file);
gboolean   gr_window_open_file   (GrWindow      *self,
                                  GFile         *file);

G_END_DECLS
