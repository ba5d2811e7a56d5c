/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

GBytes *gr_png_encode         (const guint8    *pixels,
                               int              width,
                               int              height,
                               int              stride);
GBytes *gr_png_encode_surface (cairo_surface_t *surface);

G_END_DECLS
