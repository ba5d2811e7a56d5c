/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The deflate libraries side by side on the same chart (how gr-png.c's library and level were
 * chosen): zlib and libdeflate at several levels, on the rows filtered with "Up" as gr-png.c
 * does, and gr_png_encode() itself (filter, deflate, framing). Prints, for each, the median time
 * of REPEAT encodings and the compressed size; a third argument runs one of them alone, for
 * valgrind's callgrind (0: gr_png_encode).
 * Usage: png-deflate CHART.png [REPEAT [CASE]] */
#include "config.h"

#include <cairo.h>
#include <glib.h>
#include <libdeflate.h>
#include <string.h>
#include <zlib.h>

#include "gr-png.h"

static guint8 *
filter_up (cairo_surface_t *image,
           gsize           *length)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  gsize row = 1 + 3 * (gsize) width;
  guint8 *out = g_malloc0 (row * height);

  for (int y = 0; y < height; y++)
    {
      const guint32 *p = (const guint32 *) (data + y * stride);
      const guint32 *a = y > 0 ? (const guint32 *) (data + (y - 1) * stride) : NULL;
      guint8 *o = out + y * row;

      o[0] = 2;
      for (int x = 0; x < width; x++)
        {
          guint32 above = a ? a[x] : 0;

          o[1 + 3 * x] = (guint8) (p[x] >> 16) - (guint8) (above >> 16);
          o[2 + 3 * x] = (guint8) (p[x] >> 8) - (guint8) (above >> 8);
          o[3 + 3 * x] = (guint8) p[x] - (guint8) above;
        }
    }
  *length = row * height;
  return out;
}

typedef gsize (*Encoder) (const guint8 *in, gsize length, guint8 *out, gsize room, int level);

/* One compressor per level, made once, as an encoder that writes many files keeps it. */
static gsize
with_libdeflate (const guint8 *in, gsize length, guint8 *out, gsize room, int level)
{
  static struct libdeflate_compressor *c[13];

  if (c[level] == NULL)
    c[level] = libdeflate_alloc_compressor (level);
  return libdeflate_zlib_compress (c[level], in, length, out, room);
}

static gsize
with_zlib (const guint8 *in, gsize length, guint8 *out, gsize room, int level)
{
  z_stream z = { 0 };
  gsize n;

  deflateInit2 (&z, level < 0 ? -level : level, Z_DEFLATED, 15, 8,
                level < 0 ? Z_RLE : Z_DEFAULT_STRATEGY);
  z.next_in = (Bytef *) in;
  z.avail_in = length;
  z.next_out = out;
  z.avail_out = room;
  deflate (&z, Z_FINISH);
  n = z.total_out;
  deflateEnd (&z);
  return n;
}

static double
median (double *t, int n)
{
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (t[j] < t[i])
        {
          double s = t[i];
          t[i] = t[j];
          t[j] = s;
        }
  return t[n / 2];
}

int
main (int argc, char *argv[])
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (argv[1]);
  int repeat = argc > 2 ? atoi (argv[2]) : 21;
  /* A third argument runs that case alone (0: gr_png_encode), for callgrind. */
  int only = argc > 3 ? atoi (argv[3]) : -1;
  cairo_surface_t *image;
  cairo_t *cr;
  gsize length, room;
  guint8 *filtered, *out;
  static const struct { const char *name; Encoder encode; int level; } cases[] = {
    { "zlib level 1", with_zlib, 1 },
    { "zlib level 6", with_zlib, 6 },
    { "zlib Z_RLE", with_zlib, -1 },
    { "libdeflate level 1", with_libdeflate, 1 },
    { "libdeflate level 2", with_libdeflate, 2 },
    { "libdeflate level 4", with_libdeflate, 4 },
    { "libdeflate level 6", with_libdeflate, 6 },
    { "libdeflate level 9", with_libdeflate, 9 },
  };

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (png),
                                      cairo_image_surface_get_height (png));
  cr = cairo_create (image);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  filtered = filter_up (image, &length);
  room = length + length / 100 + 1024;
  out = g_malloc (room);

  if (only <= 0)
  {
    double t[101];
    GBytes *bytes = NULL;

    for (int r = 0; r < MIN (repeat, 101); r++)
      {
        gint64 start = g_get_monotonic_time ();

        g_clear_pointer (&bytes, g_bytes_unref);
        bytes = gr_png_encode_surface (image, NULL);
        t[r] = (g_get_monotonic_time () - start) / 1000.0;
      }
    g_print ("%-20s %7.2f ms %9zu bytes (whole file)\n", "gr_png_encode",
             median (t, MIN (repeat, 101)), g_bytes_get_size (bytes));
  }
  g_print ("%d×%d pixels, %zu filtered bytes (Up); median of %d runs\n",
           cairo_image_surface_get_width (image), cairo_image_surface_get_height (image),
           length, repeat);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double t[101];

      if (only >= 0 && (int) c + 1 != only)
        continue;
      gsize n = 0;

      for (int r = 0; r < MIN (repeat, 101); r++)
        {
          gint64 start = g_get_monotonic_time ();

          n = cases[c].encode (filtered, length, out, room, cases[c].level);
          t[r] = (g_get_monotonic_time () - start) / 1000.0;
        }
      g_print ("%-20s %7.2f ms %9zu bytes\n", cases[c].name, median (t, MIN (repeat, 101)), n);
    }
  return 0;
}
