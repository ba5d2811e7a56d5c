/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a PNG back in tests: through Cairo's libpng path, which checks the chunks' CRCs, and
 * zlib the stream's Adler-32, so a file that decodes is whole. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

static inline cairo_status_t
gr_test_png_read (void          *closure,
                  unsigned char *data,
                  unsigned int   length)
{
  GInputStream *stream = closure;
  gsize read = 0;

  if (!g_input_stream_read_all (stream, data, length, &read, NULL, NULL) || read != length)
    return CAIRO_STATUS_READ_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static inline cairo_surface_t *
gr_test_png_decode (GBytes *png)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (gr_test_png_read, stream);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}
