/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* What a PNG says about itself besides its pixels. */
typedef struct
{
  const char *title;      /* the tEXt (or iTXt) "Title", or NULL */
  const char *language;   /* the title's language, for an iTXt; NULL or "" when unknown */
  int         scale;      /* pixels per point: pHYs says 72 × scale dots per inch; 0 for none */
} GrPngMetadata;

GBytes *gr_png_encode         (const guint8        *pixels,
                               int                  width,
                               int                  height,
                               int                  stride,
                               const GrPngMetadata *metadata);
GBytes *gr_png_encode_surface (cairo_surface_t     *surface,
                               const GrPngMetadata *metadata);

G_END_DECLS
