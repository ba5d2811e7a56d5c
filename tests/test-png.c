/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PNG writer: every image it writes reads back, through libpng, as the very pixels it was
 * given; and a batch of charts drawn on a shared frame gives the pixels of charts drawn alone. */
#include "config.h"

#include <cairo.h>
#include <string.h>

#include "gr-chart-cairo.h"
#include "gr-chart-export.h"
#include "gr-png.h"
#include "gr-test-png.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* What Cairo's own (libpng) writer makes of @surface. */
static GBytes *
cairo_png (cairo_surface_t *surface)
{
  GByteArray *array = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, array), ==,
                   CAIRO_STATUS_SUCCESS);
  return g_byte_array_free_to_bytes (array);
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b,
                    const char      *what)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) +
                                             y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) +
                                             y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        if (ra[x] != rb[x])
          g_error ("%s: pixel (%d, %d) is %08x, not %08x", what, x, y, rb[x], ra[x]);
    }
}

/* The colour type in the IHDR chunk: 2 RGB, 6 RGBA. */
static int
color_type (GBytes *png)
{
  const guint8 *data = g_bytes_get_data (png, NULL);

  g_assert_cmpuint (g_bytes_get_size (png), >, 33);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  return data[25];
}

/* Fills @surface with what a writer must get right: flat areas, repeated pixels along rows,
 * rows repeated from the one above, noise that matches nothing, and every alpha when asked. */
static cairo_surface_t *
make_image (int      width,
            int      height,
            gboolean translucent,
            guint32  seed)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GRand *rand = g_rand_new_with_seed (seed);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (data + y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 r, g, b, a = 255;

          if (y % 7 == 3)
            {
              row[x] = ((guint32 *) (data + (y - 1) * stride))[x];
              continue;
            }
          if (x < width / 3)
            r = g = b = 250;                            /* flat */
          else if (x < 2 * width / 3)
            r = (x / 5) * 7, g = y * 3, b = 128;        /* runs of equal pixels */
          else
            r = g_rand_int (rand), g = g_rand_int (rand), b = g_rand_int (rand);  /* noise */
          r &= 0xff, g &= 0xff, b &= 0xff;
          if (translucent)
            {
              a = (x * 37 + y * 11) % 256;
              /* Premultiplied: no channel above alpha. */
              r = r * a / 255, g = g * a / 255, b = b * a / 255;
            }
          row[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  g_rand_free (rand);

  return surface;
}

static void
test_opaque (void)
{
  const int sizes[][2] = { { 1, 1 }, { 2, 3 }, { 17, 5 }, { 300, 7 }, { 5, 300 },
                           { 640, 480 }, { 1023, 701 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *image = make_image (sizes[s][0], sizes[s][1], FALSE, s);
      g_autoptr(GBytes) png = gr_png_encode_surface (image, NULL);
      cairo_surface_t *back = gr_test_png_decode (png);
      g_autofree char *what = g_strdup_printf ("opaque %d×%d", sizes[s][0], sizes[s][1]);

      /* Opaque images are written without an alpha channel. */
      g_assert_cmpint (color_type (png), ==, 2);
      assert_same_pixels (image, back, what);
      cairo_surface_destroy (back);
      cairo_surface_destroy (image);
    }
}

static void
test_translucent (void)
{
  const int sizes[][2] = { { 1, 1 }, { 31, 9 }, { 700, 500 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *image = make_image (sizes[s][0], sizes[s][1], TRUE, s);
      g_autoptr(GBytes) png = gr_png_encode_surface (image, NULL);
      g_autoptr(GBytes) reference = cairo_png (image);
      cairo_surface_t *back = gr_test_png_decode (png);
      cairo_surface_t *expected = gr_test_png_decode (reference);
      g_autofree char *what = g_strdup_printf ("translucent %d×%d", sizes[s][0], sizes[s][1]);

      /* Translucent colours lose precision in any PNG: they must come back as they do from
       * Cairo's own writer. */
      g_assert_cmpint (color_type (png), ==, 6);
      assert_same_pixels (expected, back, what);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (back);
      cairo_surface_destroy (image);
    }
}

/* One pixel that is not opaque, last of all (after the rows were written as RGB) or in the
 * first row, makes the whole file RGBA. */
static void
test_late_alpha (void)
{
  const int places[][2] = { { 399, 299 }, { 0, 0 }, { 200, 150 } };

  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    {
      cairo_surface_t *image = make_image (400, 300, FALSE, 7);
      guint32 *pixel = (guint32 *) (cairo_image_surface_get_data (image) +
                                    places[p][1] * cairo_image_surface_get_stride (image)) +
                       places[p][0];
      g_autoptr(GBytes) png = NULL;
      cairo_surface_t *back;

      *pixel = 0x80402010;
      cairo_surface_mark_dirty (image);
      png = gr_png_encode_surface (image, NULL);
      back = gr_test_png_decode (png);
      g_assert_cmpint (color_type (png), ==, 6);
      assert_same_pixels (image, back, "one translucent pixel");
      cairo_surface_destroy (back);
      cairo_surface_destroy (image);
    }
}

static GrSession *
make_session (guint seed,
              guint n_participants)
{
  GrGrid *grid = gr_grid_get_default ();
  GrSession *session = gr_session_new (grid);

  gr_session_set_title (session, "Atelier");
  for (guint p = 0; p < n_participants; p++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %u", p + 1);
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, name);
      g_autoptr(GError) error = NULL;

      for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
        {
          GrCompetency *competency = gr_grid_get_competency (grid, c);

          /* Now and then a competency left out: a gap in the outline. */
          if ((seed + c) % 7 == 6)
            continue;
          for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
            gr_participant_set_level (participant,
                                      gr_item_get_index (gr_competency_get_item (competency, i)),
                                      (int) ((seed * 3 + c * 7 + i + p * 2) % 5));
        }
      gr_session_add_participant (session, participant, &error);
      g_assert_no_error (error);
    }

  return session;
}

/* Charts exported one after the other share their frame's layout and pixels: each must be the
 * chart exported alone, pixel for pixel. */
static void
test_batch_matches_single (void)
{
  const int sizes[][3] = { { 800, 800, 1 }, { 300, 300, 1 }, { 640, 480, 2 } };

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      GrChartExportOptions options;
      g_autoptr(GrChartExporter) exporter = NULL;

      gr_chart_export_options_init (&options);
      options.width = sizes[z][0];
      options.height = sizes[z][1];
      options.scale = sizes[z][2];
      options.translator = gr_translator_get ("fr");
      exporter = gr_chart_exporter_new (&options);

      for (guint s = 0; s < 24; s++)
        {
          /* One participant most of the time; now and then a group, whose legend differs. */
          g_autoptr(GrSession) session = make_session (s, s % 6 == 5 ? 3 : 1);
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) batch = gr_chart_exporter_export (exporter, session,
                                                              GR_CHART_FORMAT_PNG, &error);
          g_autoptr(GBytes) alone = NULL;
          g_autofree char *what = g_strdup_printf ("chart %u at %d×%d×%d", s, sizes[z][0],
                                                   sizes[z][1], sizes[z][2]);
          cairo_surface_t *a, *b;

          g_assert_no_error (error);
          alone = gr_chart_export_to_bytes (session, GR_CHART_FORMAT_PNG, &options, &error);
          g_assert_no_error (error);
          a = gr_test_png_decode (alone);
          b = gr_test_png_decode (batch);
          assert_same_pixels (a, b, what);
          cairo_surface_destroy (a);
          cairo_surface_destroy (b);
        }
    }
}

/* A chart as a PNG: written as RGB, and no larger than what Cairo's own writer (libpng and zlib
 * at their default level) makes. */
static void
test_chart_size (void)
{
  g_autoptr(GrSession) session = make_session (3, 1);
  g_autoptr(GrChartLayout) layout = NULL;
  GrChartExportOptions options;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 800);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  cairo_surface_t *back;

  gr_chart_export_options_init (&options);
  options.width = options.height = 800;
  layout = gr_chart_export_build_layout (session, &options, NULL);
  gr_chart_cairo_draw (layout, cr);
  cairo_destroy (cr);

  ours = gr_png_encode_surface (surface, NULL);
  theirs = cairo_png (surface);
  g_assert_cmpint (color_type (ours), ==, 2);
  g_test_message ("800×800 chart: %zu bytes, Cairo's writer %zu", g_bytes_get_size (ours),
                  g_bytes_get_size (theirs));
  g_assert_cmpuint (g_bytes_get_size (ours), <=, g_bytes_get_size (theirs));
  back = gr_test_png_decode (ours);
  assert_same_pixels (surface, back, "chart");

  cairo_surface_destroy (back);
  cairo_surface_destroy (surface);
}

/* The data of the first chunk of @type, or NULL; its length in *@length. */
static const guint8 *
find_chunk (GBytes     *png,
            const char *type,
            gsize      *length)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (png, &size);

  for (gsize at = 8; at + 12 <= size;)
    {
      gsize n = (gsize) data[at] << 24 | data[at + 1] << 16 | data[at + 2] << 8 | data[at + 3];

      if (memcmp (data + at + 4, type, 4) == 0)
        {
          *length = n;
          return data + at + 8;
        }
      at += 12 + n;
    }
  return NULL;
}

/* pHYs states 72 dpi times the scale (so that --scale=2 is known as HiDPI), and the title is a
 * tEXt chunk when Latin-1 holds it, an iTXt (UTF-8) otherwise. */
static void
test_metadata (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 20, 10);
  GrPngMetadata latin = { "Atelier du 12 mars", "fr", 2 };
  GrPngMetadata utf8 = { "Atelier — 12 mars 2026", "fr", 1 };
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) bare = NULL;
  const guint8 *data;
  gsize length;

  first = gr_png_encode_surface (image, &latin);
  data = find_chunk (first, "pHYs", &length);
  g_assert_nonnull (data);
  g_assert_cmpuint (length, ==, 9);
  /* 72 / 0.0254 × 2 = 5669 pixels per metre, in x and y, the unit being the metre. */
  g_assert_cmpmem (data, 9, ((const guint8[]) { 0, 0, 0x16, 0x25, 0, 0, 0x16, 0x25, 1 }), 9);
  data = find_chunk (first, "tEXt", &length);
  g_assert_nonnull (data);
  g_assert_cmpmem (data, length, "Title\0Atelier du 12 mars", 24);
  g_assert_null (find_chunk (first, "iTXt", &length));

  second = gr_png_encode_surface (image, &utf8);
  data = find_chunk (second, "pHYs", &length);
  g_assert_cmpmem (data, 9, ((const guint8[]) { 0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1 }), 9);
  data = find_chunk (second, "iTXt", &length);
  g_assert_nonnull (data);
  g_assert_cmpmem (data, length, "Title\0\0\0fr\0\0Atelier — 12 mars 2026",
                   strlen ("Title") + 5 + strlen ("fr") + strlen ("Atelier — 12 mars 2026"));
  g_assert_null (find_chunk (second, "tEXt", &length));

  /* Without metadata, neither. */
  bare = gr_png_encode_surface (image, NULL);
  g_assert_null (find_chunk (bare, "pHYs", &length));
  g_assert_null (find_chunk (bare, "tEXt", &length));
  cairo_surface_destroy (image);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/png/opaque", test_opaque);
  g_test_add_func ("/png/translucent", test_translucent);
  g_test_add_func ("/png/late-alpha", test_late_alpha);
  g_test_add_func ("/png/chart-size", test_chart_size);
  g_test_add_func ("/png/metadata", test_metadata);
  g_test_add_func ("/png/batch-matches-single", test_batch_matches_single);

  return g_test_run ();
}
