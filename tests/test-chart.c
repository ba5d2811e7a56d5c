/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The radar chart: its geometry and layout as pure functions, the labels' invariants at every
 * size with long titles, and the PNG, SVG and PDF exports as a user receives them. */
#include "config.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "gr-chart-cairo.h"
#include "gr-chart-data.h"
#include "gr-chart-export.h"
#include "gr-chart-layout.h"
#include "gr-chart-svg.h"
#include "gr-format.h"
#include "gr-test-png.h"

/* librsvg 2.54 has no autoptr for its handle. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)

/* A grid of @n competencies whose titles are 60 characters long, as German or Italian ones can
 * be, each with a long subtitle. */
static GrGrid *
make_long_grid (guint n)
{
  g_autoptr(GString) json = g_string_new ("{ \"id\": \"long\", \"title\": \"Longue\", "
                                          "\"scale\": [");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Pas encore", "Premiers pas", "En progression", "Maîtrisé",
                          "Exemplaire" };
  GrGrid *grid;

  for (guint l = 0; l < 5; l++)
    g_string_append_printf (json, "%s{ \"level\": %u, \"name\": \"%s\", "
                            "\"description\": \"Niveau %u.\" }", l ? ", " : "", l, names[l], l);
  g_string_append (json, "], \"competencies\": [");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Zusammenarbeit%02u mit allen Beteiligten des "
                                                "Gebiets gestalten", i);

      g_assert_cmpuint (g_utf8_strlen (title, -1), ==, 60);
      g_string_append_printf (json, "%s{ \"id\": \"c%u\", \"title\": \"%s\", "
                              "\"subtitle\": \"collaborare con tutte le parti interessate del "
                              "territorio e oltre\", \"introduction\": \"Intro.\", "
                              "\"items\": [ { \"id\": \"c%u.1\", \"text\": \"Un.\" }, "
                              "{ \"id\": \"c%u.2\", \"text\": \"Deux.\" } ] }",
                              i ? ", " : "", i, title, i, i);
    }
  g_string_append (json, "] }");

  node = json_from_string (json->str, &error);
  g_assert_no_error (error);
  grid = gr_grid_new_from_json (node, NULL, &error);
  g_assert_no_error (error);

  return grid;
}

/* Two participants with scores everywhere but on competency @gap (none if out of range). */
static GrSession *
make_session (GrGrid *grid,
              guint   gap)
{
  GrSession *session = gr_session_new (grid);
  const char *names[] = { "Service jeunesse", "Direction générale" };

  gr_session_set_title (session, "Atelier du 12 mars");
  gr_session_set_date (session, "2026-03-12");
  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, names[p]);
      g_autoptr(GError) error = NULL;

      for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
        {
          GrCompetency *competency = gr_grid_get_competency (grid, c);

          if (c == gap)
            continue;
          for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
            gr_participant_set_level (participant,
                                      gr_item_get_index (gr_competency_get_item (competency, i)),
                                      (int) ((c + i + 2 * p) % 5));
        }
      gr_session_add_participant (session, participant, &error);
      g_assert_no_error (error);
    }

  return session;
}

static void
test_geometry (void)
{
  GrChartPoint center = { 100, 200 };
  GrChartPoint p;

  /* The first axis points straight up, the others follow clockwise. */
  g_assert_cmpfloat_with_epsilon (gr_chart_axis_angle (5, 0), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (gr_chart_axis_angle (4, 1), G_PI / 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (gr_chart_axis_angle (5, 2), 4 * G_PI / 5, 1e-12);

  /* The top level lands on the outer ring; half the scale halfway. */
  p = gr_chart_point_at (center, 80, 0, 4, 4);
  g_assert_cmpfloat_with_epsilon (p.x, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.y, 120, 1e-9);
  p = gr_chart_point_at (center, 80, G_PI / 2, 2, 4);
  g_assert_cmpfloat_with_epsilon (p.x, 140, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.y, 200, 1e-9);
  /* Level 0 is the centre, and the scale does not follow the data. */
  p = gr_chart_point_at (center, 80, 1.234, 0, 4);
  g_assert_cmpfloat_with_epsilon (p.x, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.y, 200, 1e-9);
  p = gr_chart_point_at (center, 80, gr_chart_axis_angle (5, 1), 3, 4);
  g_assert_cmpfloat_with_epsilon (p.x, 100 + 60 * sin (2 * G_PI / 5), 1e-9);
  g_assert_cmpfloat_with_epsilon (p.y, 200 - 60 * cos (2 * G_PI / 5), 1e-9);
}

static void
test_runs (void)
{
  GrChartPoint all[4] = { { 1, 1 }, { 2, 2 }, { 3, 3 }, { 4, 4 } };
  GrChartPoint gaps[6] = { { 1, 1 }, { NAN, NAN }, { 3, 3 }, { 4, 4 }, { NAN, NAN }, { 6, 6 } };
  GrChartPoint none[3] = { { NAN, NAN }, { NAN, NAN }, { NAN, NAN } };
  guint starts[6], lengths[6];

  g_assert_cmpuint (gr_chart_find_runs (all, 4, starts, lengths), ==, 1);
  g_assert_cmpuint (lengths[0], ==, 4);

  /* 2–3, then 5–0 wrapping round: never through the missing axes. */
  g_assert_cmpuint (gr_chart_find_runs (gaps, 6, starts, lengths), ==, 2);
  g_assert_cmpuint (starts[0], ==, 2);
  g_assert_cmpuint (lengths[0], ==, 2);
  g_assert_cmpuint (starts[1], ==, 5);
  g_assert_cmpuint (lengths[1], ==, 2);

  g_assert_cmpuint (gr_chart_find_runs (none, 3, starts, lengths), ==, 0);
}

static GrChartLayout *
layout_session (GrSession *session,
                double     width,
                double     height,
                gboolean   title)
{
  g_autoptr(GrChartData) data = NULL;
  GrChartStyle style;

  data = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, title,
                                         NULL);
  gr_chart_style_init_default (&style);
  return gr_chart_layout_new (data, &style, width, height);
}

static double
distance_to_rect (const GrChartRect *r,
                  GrChartPoint       p)
{
  double dx = MAX (MAX (r->x - p.x, 0), p.x - (r->x + r->width));
  double dy = MAX (MAX (r->y - p.y, 0), p.y - (r->y + r->height));

  return hypot (dx, dy);
}

/* Whether the box overlaps the outer ring's polygon (convex): separating axis test over the
 * box's two axes and the polygon's edge normals. */
static gboolean
overlaps_rings (const GrChartLayout *layout,
                const GrChartRect   *box)
{
  guint n = layout->n_axes;
  g_autofree GrChartPoint *ring = g_new (GrChartPoint, n);
  GrChartPoint corners[4] = { { box->x, box->y }, { box->x + box->width, box->y },
                              { box->x + box->width, box->y + box->height },
                              { box->x, box->y + box->height } };
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      ring[i] = gr_chart_layout_ring_point (layout, i, layout->max_level);
      x0 = MIN (x0, ring[i].x);
      x1 = MAX (x1, ring[i].x);
      y0 = MIN (y0, ring[i].y);
      y1 = MAX (y1, ring[i].y);
    }
  if (x1 <= box->x || box->x + box->width <= x0 || y1 <= box->y || box->y + box->height <= y0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      GrChartPoint a = ring[i], b = ring[(i + 1) % n];
      double nx = b.y - a.y, ny = a.x - b.x;
      double pmin = G_MAXDOUBLE, pmax = -G_MAXDOUBLE, rmin = G_MAXDOUBLE, rmax = -G_MAXDOUBLE;

      for (guint k = 0; k < n; k++)
        {
          double v = ring[k].x * nx + ring[k].y * ny;
          pmin = MIN (pmin, v);
          pmax = MAX (pmax, v);
        }
      for (guint k = 0; k < 4; k++)
        {
          double v = corners[k].x * nx + corners[k].y * ny;
          rmin = MIN (rmin, v);
          rmax = MAX (rmax, v);
        }
      if (rmax <= pmin || pmax <= rmin)
        return FALSE;
    }

  return TRUE;
}

/* What a reader would see go wrong: text over text, text over the rings, text cut off at the
 * edge, a title that lost words. */
static void
check_layout_invariants (const GrChartLayout *layout,
                         GrGrid              *grid,
                         const char          *what)
{
  GrChartRect page = { 0, 0, layout->width, layout->height };
  guint n_titles = 0;

  g_test_message ("%s: radius %.1f, font %.1f px", what, layout->radius, layout->font_size);
  g_assert_cmpfloat (layout->radius, >, 0);

  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *a = &g_array_index (layout->texts, GrChartText, t);

      if (!gr_chart_rect_contains (&page, &a->box) ||
          a->box.x < layout->width * 0.01 || a->box.y < layout->height * 0.01 ||
          a->box.x + a->box.width > layout->width * 0.99 ||
          a->box.y + a->box.height > layout->height * 0.99)
        g_error ("%s: “%s” leaves the chart", what, pango_layout_get_text (a->layout));
      g_assert_false (pango_layout_is_ellipsized (a->layout));

      if (a->kind == GR_CHART_TEXT_AXIS_TITLE)
        {
          const char *expected = gr_competency_get_title (gr_grid_get_competency (grid, a->axis));

          g_assert_cmpstr (pango_layout_get_text (a->layout), ==, expected);
          n_titles++;
        }

      /* Axis labels, the title and the legend stay off the rings. */
      if (a->kind != GR_CHART_TEXT_LEVEL && overlaps_rings (layout, &a->box))
        g_error ("%s: “%s” overlaps the rings", what, pango_layout_get_text (a->layout));

      for (guint u = t + 1; u < layout->texts->len; u++)
        {
          const GrChartText *b = &g_array_index (layout->texts, GrChartText, u);

          if (gr_chart_rect_intersects (&a->box, &b->box))
            g_error ("%s: “%s” overlaps “%s”", what, pango_layout_get_text (a->layout),
                     pango_layout_get_text (b->layout));
        }
    }
  g_assert_cmpuint (n_titles, ==, gr_grid_get_n_competencies (grid));

  for (guint i = 0; i < layout->n_axes; i++)
    {
      /* The labels keep clear of the whole circle round the outer ring. */
      g_assert_cmpfloat (distance_to_rect (&layout->label_boxes[i], layout->center), >=,
                         layout->radius);
      if (layout->legend_box.height > 0)
        g_assert_false (gr_chart_rect_intersects (&layout->label_boxes[i], &layout->legend_box));
      if (layout->title_box.height > 0)
        g_assert_false (gr_chart_rect_intersects (&layout->label_boxes[i], &layout->title_box));
      for (guint j = i + 1; j < layout->n_axes; j++)
        g_assert_false (gr_chart_rect_intersects (&layout->label_boxes[i],
                                                  &layout->label_boxes[j]));
    }
}

static void
test_label_invariants (void)
{
  const guint n_axes[] = { 3, 5, 8, 12 };
  const double sizes[][2] = { { 300, 300 }, { 400, 400 }, { 550, 550 }, { 800, 800 },
                              { 1200, 1200 }, { 1800, 1800 }, { 2600, 2600 }, { 4000, 4000 },
                              { 1600, 900 }, { 500, 1200 } };

  for (guint g = 0; g < G_N_ELEMENTS (n_axes); g++)
    {
      g_autoptr(GrGrid) grid = make_long_grid (n_axes[g]);
      g_autoptr(GrSession) session = make_session (grid, 1);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (int title = 0; title < 2; title++)
          {
            g_autoptr(GrChartLayout) layout = layout_session (session, sizes[s][0], sizes[s][1],
                                                              title);
            g_autofree char *what = g_strdup_printf ("%u axes, %g×%g%s", n_axes[g],
                                                     sizes[s][0], sizes[s][1],
                                                     title ? ", title" : "");

            check_layout_invariants (layout, grid, what);
          }
    }
}

/* The built-in grid at the smallest size keeps type a reader can read, and shows every level's
 * number. */
static void
test_engagement_small (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 99);
  g_autoptr(GrChartLayout) small = layout_session (session, 300, 300, FALSE);
  g_autoptr(GrChartLayout) large = layout_session (session, 1200, 1200, TRUE);
  guint levels = 0;

  check_layout_invariants (small, gr_grid_get_default (), "engagement 300");
  check_layout_invariants (large, gr_grid_get_default (), "engagement 1200");
  g_assert_cmpfloat (small->font_size, >=, 7);
  /* At 1200 px there is room for the subtitles and the level names. */
  g_assert_true (large->show_subtitles);
  g_assert_true (large->show_level_names);

  for (guint t = 0; t < large->texts->len; t++)
    if (g_array_index (large->texts, GrChartText, t).kind == GR_CHART_TEXT_LEVEL)
      levels++;
  g_assert_cmpint (levels, ==, gr_grid_get_max_level (gr_grid_get_default ()));
}

static void
test_gap (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 2);
  g_autoptr(GrChartData) data = NULL;
  g_autoptr(GrChartLayout) layout = NULL;
  g_autoptr(GBytes) svg = NULL;
  GrChartExportOptions options;
  const GrChartShape *main_shape = NULL;
  const char *title2 = gr_competency_get_title (gr_grid_get_competency (gr_grid_get_default (),
                                                                        2));
  gboolean marked = FALSE;
  guint starts[5], lengths[5];

  data = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, FALSE,
                                         NULL);
  g_assert_false (data->assessed[2]);
  g_assert_true (isnan (((GrChartSeries *) g_ptr_array_index (data->series, 0))->values[2]));
  g_assert_nonnull (strstr (data->description, "non évalué"));

  layout = layout_session (session, 800, 800, FALSE);
  for (guint s = 0; s < layout->shapes->len; s++)
    if (g_array_index (layout->shapes, GrChartShape, s).main)
      main_shape = &g_array_index (layout->shapes, GrChartShape, s);
  g_assert_nonnull (main_shape);

  /* No point at all on that axis, not one at the centre (0): the outline stops either side. */
  g_assert_true (isnan (main_shape->points[2].x));
  g_assert_cmpuint (gr_chart_find_runs (main_shape->points, 5, starts, lengths), ==, 1);
  g_assert_cmpuint (starts[0], ==, 3);
  g_assert_cmpuint (lengths[0], ==, 4);

  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

      if (text->kind == GR_CHART_TEXT_NOT_ASSESSED)
        {
          g_assert_cmpint (text->axis, ==, 2);
          g_assert_cmpstr (pango_layout_get_text (text->layout), ==, "non évalué");
          /* It sits in its axis' label. */
          g_assert_true (gr_chart_rect_contains (&layout->label_boxes[2], &text->box));
          marked = TRUE;
        }
    }
  g_assert_true (marked);

  gr_chart_export_options_init (&options);
  options.translator = gr_translator_get ("fr");
  svg = gr_chart_export_to_bytes (session, GR_CHART_FORMAT_SVG, &options, NULL);
  g_assert_nonnull (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg),
                                  "non évalué"));
  g_assert_nonnull (strstr (data->description, title2));
}

static void
test_description (void)
{
  g_autoptr(GrGrid) grid = make_long_grid (3);
  g_autoptr(GrSession) session = gr_session_new (grid);
  g_autoptr(GrParticipant) a = gr_participant_new (grid, "A");
  g_autoptr(GrParticipant) b = gr_participant_new (grid, "B");
  g_autoptr(GrChartData) group = NULL;
  g_autoptr(GrChartData) single = NULL;

  /* c0: A 1 and 2 (1,5), B 4 → mean 2,75, from 1,5 to 4. c1: A 3 only. c2: nothing. */
  gr_participant_set_level (a, 0, 1);
  gr_participant_set_level (a, 1, 2);
  gr_participant_set_level (b, 0, 4);
  gr_participant_set_level (a, 2, 3);
  gr_participant_set_target (a, 0, 4);
  gr_session_add_participant (session, a, NULL);
  gr_session_add_participant (session, b, NULL);

  group = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, FALSE, FALSE,
                                          NULL);
  g_assert_nonnull (strstr (group->description, "moyenne 2,75 sur 4, de 1,50 à 4,00"));
  g_assert_nonnull (strstr (group->description, "moyenne 3,00 sur 4, de 3,00 à 3,00"));
  g_assert_nonnull (strstr (group->description, "non évalué"));
  /* Without the participants' lines: the mean alone, with its band. */
  g_assert_cmpuint (group->series->len, ==, 1);

  single = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), a, TRUE, FALSE,
                                           NULL);
  g_assert_nonnull (strstr (single->description, "Zusammenarbeit00 mit allen Beteiligten des Gebiets gestalten : 1,50 sur 4. Objectif : 4."));
  /* The participant's targets come as a dashed series of their own. */
  g_assert_cmpuint (single->series->len, ==, 2);
  g_assert_cmpint (((GrChartSeries *) g_ptr_array_index (single->series, 1))->kind, ==,
                   GR_CHART_SERIES_TARGET);
}

/* WCAG's relative luminance and contrast ratio. */
static double
channel_luminance (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
contrast (const GrChartColor *a,
          const GrChartColor *b)
{
  double la = 0.2126 * channel_luminance (a->red) + 0.7152 * channel_luminance (a->green) +
              0.0722 * channel_luminance (a->blue);
  double lb = 0.2126 * channel_luminance (b->red) + 0.7152 * channel_luminance (b->green) +
              0.0722 * channel_luminance (b->blue);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The chart writes each competency's score at its label (the group's mean, or the
 * participant's), in the language's decimal notation, and "non évalué" where there is none;
 * the level labels and the scores are drawn with the series, over their lines. */
static void
test_scores_written (void)
{
  g_autoptr(GrGrid) grid = make_long_grid (3);
  g_autoptr(GrSession) session = gr_session_new (grid);
  g_autoptr(GrParticipant) a = gr_participant_new (grid, "A");
  g_autoptr(GrParticipant) b = gr_participant_new (grid, "B");
  g_autoptr(GrParticipant) c = gr_participant_new (grid, "Élus");
  g_autoptr(GrChartData) group = NULL;
  g_autoptr(GrChartData) single = NULL;
  g_autoptr(GrChartLayout) layout = NULL;
  const char *expected[] = { "2,8", "3", NULL };
  gboolean seen[3] = { FALSE };
  gboolean level_seen = FALSE;
  GrChartStyle style;

  gr_participant_set_level (a, 0, 1);
  gr_participant_set_level (a, 1, 2);
  gr_participant_set_level (b, 0, 4);
  gr_participant_set_level (a, 2, 3);
  gr_session_add_participant (session, a, NULL);
  gr_session_add_participant (session, b, NULL);
  /* Élus assessed nothing: out of the group's count, marked in the legend. */
  gr_session_add_participant (session, c, NULL);

  gr_chart_style_init_default (&style);
  group = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, FALSE,
                                          NULL);
  g_assert_nonnull (strstr (group->description, "groupe de 2 participants"));
  layout = gr_chart_layout_new (group, &style, 900, 700);
  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);
      const char *string = pango_layout_get_text (text->layout);

      if (text->kind == GR_CHART_TEXT_SCORE)
        {
          g_assert_cmpint (text->axis, >=, 0);
          g_assert_cmpint (text->axis, <, 3);
          g_assert_cmpstr (string, ==, expected[text->axis]);
          g_assert_true (gr_chart_rect_contains (&layout->label_boxes[text->axis], &text->box));
          seen[text->axis] = TRUE;
        }
      if (text->kind == GR_CHART_TEXT_LEVEL)
        {
          level_seen = TRUE;
          g_assert_true (text->halo);
          g_assert_true (gr_chart_text_goes_with_series (text));
        }
      if (text->kind == GR_CHART_TEXT_LEGEND && g_str_has_prefix (string, "Élus"))
        g_assert_cmpstr (string, ==, "Élus (non évalué)");
    }
  g_assert_true (seen[0] && seen[1] && !seen[2]);
  g_assert_true (level_seen);

  /* The same frame serves another participant's scores: only the figures change. */
  single = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), b, FALSE, FALSE,
                                           NULL);
  g_assert_cmpstr (single->scores[0], ==, "4");
  g_assert_null (single->scores[1]);

  /* Rings and axes are drawn opaque in the grid colour: 3:1 at least on the background. */
  g_assert_cmpfloat (contrast (&style.grid, &style.background), >=, 3);
  g_assert_cmpfloat (contrast (&style.foreground, &style.background), >=, 4.5);
}

static GBytes *
export (GrSession     *session,
        GrChartFormat  format,
        int            width,
        int            height,
        int            scale)
{
  GrChartExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  gr_chart_export_options_init (&options);
  options.width = width;
  options.height = height;
  options.scale = scale;
  options.translator = gr_translator_get ("fr");
  options.show_title = TRUE;
  bytes = gr_chart_export_to_bytes (session, format, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static void
test_png_size (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 99);
  const int cases[][3] = { { 1200, 1200, 1 }, { 300, 200, 2 }, { 640, 480, 3 } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GBytes) png = export (session, GR_CHART_FORMAT_PNG, cases[c][0], cases[c][1],
                                      cases[c][2]);
      cairo_surface_t *surface = gr_test_png_decode (png);

      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, cases[c][0] * cases[c][2]);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, cases[c][1] * cases[c][2]);
      cairo_surface_destroy (surface);
    }
}

/* No ink on the outer 1 % of the image: everything there is the white background. */
static void
check_border (cairo_surface_t *surface,
              const char      *what)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int bx = (int) ceil (width * 0.01), by = (int) ceil (height * 0.01);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel;

        if (x >= bx && x < width - bx && y >= by && y < height - by)
          continue;
        pixel = *(const guint32 *) (data + y * stride + 4 * x);
        if (pixel != 0xffffffff)
          g_error ("%s: ink at %d,%d (%08x)", what, x, y, pixel);
      }
}

static void
test_png_border (void)
{
  g_autoptr(GrGrid) long_grid = make_long_grid (8);
  GrSession *sessions[] = { make_session (gr_grid_get_default (), 99),
                            make_session (long_grid, 3) };
  const int sizes[][3] = { { 300, 300, 1 }, { 1200, 1200, 1 }, { 900, 500, 2 } };

  for (guint s = 0; s < G_N_ELEMENTS (sessions); s++)
    {
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          g_autoptr(GBytes) png = export (sessions[s], GR_CHART_FORMAT_PNG, sizes[z][0],
                                          sizes[z][1], sizes[z][2]);
          cairo_surface_t *surface = gr_test_png_decode (png);
          g_autofree char *what = g_strdup_printf ("grid %u, %d×%d×%d", s, sizes[z][0],
                                                   sizes[z][1], sizes[z][2]);

          check_border (surface, what);
          cairo_surface_destroy (surface);
        }
      g_object_unref (sessions[s]);
    }
}

typedef struct
{
  GString  *text;       /* all <text> content, tspans separated by spaces */
  GString  *title;
  GString  *desc;
  GString  *current;
  char     *view_box;
  guint     n_text;
  guint     depth_text;
} SvgInfo;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgInfo *info = user_data;

  if (g_str_equal (element, "svg"))
    for (guint i = 0; names[i]; i++)
      if (g_str_equal (names[i], "viewBox"))
        info->view_box = g_strdup (values[i]);
  if (g_str_equal (element, "title"))
    info->current = info->title;
  else if (g_str_equal (element, "desc"))
    info->current = info->desc;
  else if (g_str_equal (element, "text"))
    {
      info->n_text++;
      info->depth_text++;
      info->current = info->text;
    }
  else if (g_str_equal (element, "tspan") && info->depth_text > 0)
    g_string_append_c (info->text, ' ');
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  SvgInfo *info = user_data;

  if (g_str_equal (element, "text"))
    {
      info->depth_text--;
      g_string_append_c (info->text, '\n');
    }
  if (g_str_equal (element, "title") || g_str_equal (element, "desc") ||
      g_str_equal (element, "text"))
    info->current = NULL;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgInfo *info = user_data;

  if (info->current != NULL)
    g_string_append_len (info->current, text, length);
}

/* The words of @needle appear in order in @haystack, whatever lines they were wrapped on. */
static gboolean
has_words (const char *haystack,
           const char *needle)
{
  g_auto(GStrv) words = g_strsplit (needle, " ", -1);
  /* What a reader sees: the isolates round names are invisible. */
  g_autofree char *visible = gr_format_strip_bidi (haystack);
  g_auto(GStrv) hay = g_strsplit_set (visible, " \n", -1);

  for (guint h = 0; hay[h]; h++)
    {
      guint k = 0;

      while (words[k] && hay[h + k] && g_str_equal (words[k], hay[h + k]))
        k++;
      if (words[k] == NULL)
        return TRUE;
    }
  return FALSE;
}

/* The chart's title writes the session's date in words, in the chart's language. */
static void
test_title_date (void)
{
  static const struct { const char *language; const char *title; } cases[] = {
    { "fr", "Atelier du 12 mars — 12 mars 2026" },
    { "en", "Atelier du 12 mars — March 12, 2026" },
    { "de", "Atelier du 12 mars — 12. März 2026" },
    { "es", "Atelier du 12 mars — 12 de marzo de 2026" },
    { "it", "Atelier du 12 mars — 12 marzo 2026" },
  };
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 4);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GrChartData) data = NULL;

      data = gr_chart_data_new_from_session (session, gr_translator_get (cases[i].language),
                                             NULL, TRUE, TRUE, NULL);
      g_assert_cmpstr (data->title, ==, cases[i].title);
    }

  /* Without a title, the date alone. */
  gr_session_set_title (session, "");
  {
    g_autoptr(GrChartData) data = gr_chart_data_new_from_session (session,
                                                                  gr_translator_get ("de"),
                                                                  NULL, TRUE, TRUE, NULL);
    g_assert_cmpstr (data->title, ==, "12. März 2026");
  }
}

static void
test_svg (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 4);
  g_autoptr(GBytes) svg = export (session, GR_CHART_FORMAT_SVG, 1000, 800, 1);
  const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  SvgInfo info = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GrGrid *grid = gr_grid_get_default ();

  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_markup_parse_context_parse (context, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg),
                                &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (info.view_box, ==, "0 0 1000 800");
  g_assert_cmpstr (info.title->str, ==, "Atelier du 12 mars — 12 mars 2026");
  g_assert_cmpuint (info.n_text, >, gr_grid_get_n_competencies (grid));

  for (guint i = 0; i < gr_grid_get_n_competencies (grid); i++)
    {
      const char *title = gr_competency_get_title (gr_grid_get_competency (grid, i));

      /* The title is real text in the drawing, and its score is in words in the desc. */
      if (!has_words (info.text->str, title))
        g_error ("“%s” is not a text in the SVG:\n%s", title, info.text->str);
      g_assert_nonnull (strstr (info.desc->str, title));
    }
  g_assert_nonnull (strstr (info.desc->str, "non évalué"));
  g_assert_true (has_words (info.text->str, "non évalué"));
  g_assert_true (has_words (info.text->str, "Moyenne du groupe"));

  g_string_free (info.text, TRUE);
  g_string_free (info.title, TRUE);
  g_string_free (info.desc, TRUE);
  g_free (info.view_box);
}

/* The group's SVG with @visibility: its texts, its description, and whether a band is drawn. */
static char *
svg_with_visibility (GrSession               *session,
                     const GrChartVisibility *visibility,
                     char                   **desc,
                     gboolean                *has_band)
{
  const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  SvgInfo info = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  GrChartExportOptions options;
  g_autofree char *markup = NULL;

  gr_chart_export_options_init (&options);
  options.width = options.height = 900;
  options.translator = gr_translator_get ("fr");
  options.visibility = *visibility;
  svg = gr_chart_export_to_bytes (session, GR_CHART_FORMAT_SVG, &options, &error);
  g_assert_no_error (error);

  markup = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  *has_band = strstr (markup, "class=\"band\"") != NULL;

  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  g_markup_parse_context_parse (context, markup, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  *desc = g_string_free (info.desc, FALSE);
  g_string_free (info.title, TRUE);
  g_free (info.view_box);
  return g_string_free (info.text, FALSE);
}

/* A series the user hid is neither drawn nor named in the legend; the description still
 * states every score. */
static void
test_visibility (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 99);
  const char *hidden[] = { "Service jeunesse", NULL };
  GrChartVisibility all = { 0 };
  GrChartVisibility some = { .hide_band = TRUE, .hidden_participants = hidden };
  GrChartVisibility no_mean = { .hide_mean = TRUE };
  g_autofree char *all_text = NULL, *all_desc = NULL;
  g_autofree char *some_text = NULL, *some_desc = NULL;
  g_autofree char *no_mean_text = NULL, *no_mean_desc = NULL;
  gboolean band;

  all_text = svg_with_visibility (session, &all, &all_desc, &band);
  g_assert_true (band);
  g_assert_true (has_words (all_text, "Service jeunesse"));
  g_assert_true (has_words (all_text, "Direction générale"));
  g_assert_true (has_words (all_text, "Du plus bas au plus haut"));

  some_text = svg_with_visibility (session, &some, &some_desc, &band);
  g_assert_false (band);
  g_assert_false (has_words (some_text, "Service jeunesse"));
  g_assert_true (has_words (some_text, "Direction générale"));
  g_assert_false (has_words (some_text, "Du plus bas au plus haut"));
  g_assert_true (has_words (some_text, "Moyenne du groupe"));
  g_assert_cmpstr (some_desc, ==, all_desc);

  /* Without its mean line the group keeps its band. */
  no_mean_text = svg_with_visibility (session, &no_mean, &no_mean_desc, &band);
  g_assert_true (band);
  g_assert_false (has_words (no_mean_text, "Moyenne du groupe"));
  g_assert_true (has_words (no_mean_text, "Du plus bas au plus haut"));
  g_assert_cmpstr (no_mean_desc, ==, all_desc);
}

/* A batch reuses a chart's frame (legend included) only for a chart that hides the same. */
static guint
count_drawn_lines (const GrChartData *data)
{
  guint n = 0;

  for (guint s = 0; s < data->series->len; s++)
    {
      const GrChartSeries *series = g_ptr_array_index (data->series, s);

      n += series->kind == GR_CHART_SERIES_PARTICIPANT && !series->main && !series->hidden;
    }
  return n;
}

/* Beyond a dozen participants the group is its mean and band, a participant's line only when
 * asked for; the legend says how many are not drawn, in the chart's language. A dozen or fewer
 * are all drawn unless hidden, and the legend counts the hidden ones. */
static void
test_large_group (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 99);
  const char *shown[] = { "Participant 7", NULL };
  const char *hidden[] = { "Service jeunesse", NULL };
  GrChartVisibility ask = { .shown_participants = shown };
  GrChartVisibility hide = { .hidden_participants = hidden };
  g_autoptr(GrChartData) data = NULL;
  g_autofree char *svg = NULL, *desc = NULL;
  gboolean band;

  data = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, FALSE,
                                         NULL);
  g_assert_cmpuint (count_drawn_lines (data), ==, 2);
  g_assert_null (data->undrawn_label);
  gr_chart_data_set_visibility (data, &hide);
  g_assert_cmpuint (count_drawn_lines (data), ==, 1);
  g_assert_cmpstr (data->undrawn_label, ==, "1 participant non tracé");
  g_clear_pointer (&data, gr_chart_data_free);

  for (guint p = 1; p <= GR_CHART_MAX_PARTICIPANT_LINES; p++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %u", p);
      g_autoptr(GrParticipant) participant = gr_participant_new (gr_session_get_grid (session),
                                                                 name);

      gr_participant_set_level (participant, 0, (int) (p % 5));
      g_assert_true (gr_session_add_participant (session, participant, NULL));
    }

  data = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, FALSE,
                                         NULL);
  g_assert_cmpuint (count_drawn_lines (data), ==, 0);
  g_assert_cmpstr (data->undrawn_label, ==, "14 participants non tracés");
  gr_chart_data_set_visibility (data, &ask);
  g_assert_cmpuint (count_drawn_lines (data), ==, 1);
  g_assert_cmpstr (data->undrawn_label, ==, "13 participants non tracés");
  g_clear_pointer (&data, gr_chart_data_free);

  /* In the export, in its language: the mean, the band, the one line asked for, the count. */
  svg = svg_with_visibility (session, &ask, &desc, &band);
  g_assert_true (band);
  g_assert_true (has_words (svg, "Moyenne du groupe"));
  g_assert_true (has_words (svg, "Participant 7"));
  g_assert_false (has_words (svg, "Service jeunesse"));
  g_assert_true (has_words (svg, "13 participants non tracés"));

  data = gr_chart_data_new_from_session (session, gr_translator_get ("en"), NULL, TRUE, FALSE,
                                         NULL);
  g_assert_cmpstr (data->undrawn_label, ==, "14 participants not drawn");
}

static void
test_visibility_frame (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 99);
  const char *hidden[] = { "Direction générale", NULL };
  const char *hidden_copy[] = { "Direction générale", NULL };
  GrChartVisibility one = { .hidden_participants = hidden };
  GrChartVisibility same = { .hidden_participants = hidden_copy };
  GrChartVisibility band = { .hide_band = TRUE };
  g_autoptr(GrChartData) shown = NULL;
  g_autoptr(GrChartData) data = NULL;
  g_autoptr(GrChartLayout) layout = NULL;
  GrChartStyle style;

  gr_chart_style_init_default (&style);
  shown = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, FALSE,
                                          NULL);
  data = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, FALSE,
                                         NULL);
  gr_chart_data_set_visibility (data, &one);
  layout = gr_chart_layout_new (data, &style, 800, 800);

  g_assert_false (gr_chart_layout_has_frame_for (layout, shown, &style, 800, 800));
  gr_chart_data_set_visibility (shown, &same);
  g_assert_true (gr_chart_layout_has_frame_for (layout, shown, &style, 800, 800));
  gr_chart_data_set_visibility (shown, &band);
  g_assert_false (gr_chart_layout_has_frame_for (layout, shown, &style, 800, 800));

  g_assert_true (gr_chart_visibility_equal (&one, &same));
  g_assert_false (gr_chart_visibility_equal (&one, &band));
  g_assert_true (gr_chart_visibility_equal (NULL, &(GrChartVisibility) { 0 }));
}

/* librsvg drawing the SVG export gives the PNG export, but for anti-aliasing and glyphs a
 * fraction of a pixel apart. */
static void
compare_svg_png (GrSession  *session,
                 int         width,
                 int         height,
                 const char *what)
{
  g_autoptr(GBytes) svg = export (session, GR_CHART_FORMAT_SVG, width, height, 1);
  g_autoptr(GBytes) png = export (session, GR_CHART_FORMAT_PNG, width, height, 1);
  g_autoptr(RsvgHandle) handle = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *expected = gr_test_png_decode (png);
  cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  RsvgRectangle viewport = { 0, 0, width, height };
  cairo_t *cr = cairo_create (drawn);
  const guchar *a, *b;
  int stride;
  double total = 0;
  guint64 far = 0, n_blocks = 0;

  handle = rsvg_handle_new_from_data (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg),
                                      &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (drawn);

  a = cairo_image_surface_get_data (expected);
  b = cairo_image_surface_get_data (drawn);
  stride = cairo_image_surface_get_stride (drawn);
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (expected));

  /* Compared over 4 × 4 blocks: a glyph drawn a fraction of a pixel to the side changes
   * single pixels a lot but a block little, while a missing or misplaced line, marker or
   * label changes whole blocks. */
  for (int by = 0; by + 4 <= height; by += 4)
    for (int bx = 0; bx + 4 <= width; bx += 4)
      {
        int sum_a[4] = { 0 }, sum_b[4] = { 0 };
        int d = 0;

        for (int y = by; y < by + 4; y++)
          for (int x = bx; x < bx + 4; x++)
            for (int c = 0; c < 4; c++)
              {
                sum_a[c] += a[y * stride + 4 * x + c];
                sum_b[c] += b[y * stride + 4 * x + c];
              }
        for (int c = 0; c < 4; c++)
          d = MAX (d, abs (sum_a[c] - sum_b[c]) / 16);
        total += d;
        if (d > 48)
          far++;
        n_blocks++;
      }

  g_test_message ("%s: mean block difference %.3f, %.3f %% of blocks far apart", what,
                  total / n_blocks, 100.0 * far / n_blocks);
  g_assert_cmpfloat (total / n_blocks, <, 2.5);
  g_assert_cmpfloat ((double) far / n_blocks, <, 0.003);

  cairo_surface_destroy (expected);
  cairo_surface_destroy (drawn);
}

static void
test_svg_matches_png (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 2);
  g_autoptr(GrGrid) long_grid = make_long_grid (8);
  g_autoptr(GrSession) long_session = make_session (long_grid, 5);

  compare_svg_png (session, 1200, 1200, "engagement 1200");
  compare_svg_png (session, 400, 400, "engagement 400");
  compare_svg_png (long_session, 900, 700, "long titles 900×700");
}

/* Whether @needle is in @data, which holds binary streams (and so NULs). */
static gboolean
contains (const char *data,
          gsize       size,
          const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 99);
  g_autoptr(GBytes) pdf = export (session, GR_CHART_FORMAT_PDF, 1200, 1200, 1);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *data = g_bytes_get_data (pdf, NULL);
  gsize size = g_bytes_get_size (pdf);
  GrGrid *grid = gr_grid_get_default ();

  g_assert_true (size > 5 && memcmp (data, "%PDF-", 5) == 0);
  /* One page, with its fonts embedded with a Unicode map, which makes text extractable. */
  g_assert_true (contains (data, size, "/Count 1"));
  g_assert_true (contains (data, size, "/Type /Font"));
  g_assert_true (contains (data, size, "/ToUnicode"));

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext is not installed: the text itself was not extracted");
      return;
    }
  else
    {
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int fd = g_file_open_tmp ("chart-XXXXXX.pdf", &path, &error);
      const char *argv[] = { pdftotext, "-enc", "UTF-8", NULL, "-", NULL };
      int status;

      g_assert_no_error (error);
      close (fd);
      g_assert_true (g_file_set_contents (path, data, size, &error));
      argv[3] = path;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_unlink (path);

      for (guint i = 0; i < gr_grid_get_n_competencies (grid); i++)
        {
          const char *title = gr_competency_get_title (gr_grid_get_competency (grid, i));

          if (strstr (out, title) == NULL)
            g_error ("“%s” cannot be extracted from the PDF:\n%s", title, out);
        }
      g_assert_nonnull (strstr (out, "Atelier du 12 mars"));
    }
}

static void
test_unknown_participant (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 99);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GrChartExportOptions options;

  gr_chart_export_options_init (&options);
  options.participant = "Personne";
  bytes = gr_chart_export_to_bytes (session, GR_CHART_FORMAT_PNG, &options, &error);
  g_assert_null (bytes);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Personne"));

  /* The one named is drawn alone. */
  g_clear_error (&error);
  options.participant = "Direction générale";
  bytes = gr_chart_export_to_bytes (session, GR_CHART_FORMAT_SVG, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "scores de Direction générale"));
}

/* Right to left (forced here on French text, as an Arabic chart is laid out): the chart keeps
 * its geometry, each label's lines are aligned to the right, the legend's samples are on the
 * right of their names, and the SVG says which way its text reads. */
static void
test_rtl (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 4);
  g_autoptr(GrChartData) data = gr_chart_data_new_from_session (session,
                                                                gr_translator_get ("fr"), NULL,
                                                                TRUE, TRUE, NULL);
  g_autoptr(GrChartLayout) ltr = NULL;
  g_autoptr(GrChartLayout) rtl = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autofree char *text = NULL;
  GrChartStyle style;
  guint right_aligned = 0;

  gr_chart_style_init_default (&style);
  g_assert_false (data->rtl);
  ltr = gr_chart_layout_new (data, &style, 1000, 900);
  data->rtl = TRUE;
  rtl = gr_chart_layout_new (data, &style, 1000, 900);
  g_assert_false (gr_chart_layout_has_frame_for (ltr, data, &style, 1000, 900));

  g_assert_cmpfloat_with_epsilon (rtl->radius, ltr->radius, 1e-6);
  g_assert_cmpfloat_with_epsilon (rtl->center.x, ltr->center.x, 1e-6);
  for (guint i = 0; i < rtl->n_axes; i++)
    {
      g_assert_cmpfloat_with_epsilon (rtl->label_boxes[i].x, ltr->label_boxes[i].x, 1e-6);
      g_assert_cmpfloat_with_epsilon (rtl->label_boxes[i].width, ltr->label_boxes[i].width,
                                      1e-6);
    }

  for (guint t = 0; t < rtl->texts->len; t++)
    {
      const GrChartText *label = &g_array_index (rtl->texts, GrChartText, t);
      const GrChartRect *box;

      if (label->axis < 0 || fabs (sin (rtl->angles[label->axis])) <= 0.2)
        continue;
      box = &rtl->label_boxes[label->axis];
      /* Every block of a side label ends at its box's right edge, on both sides. */
      g_assert_cmpint (pango_layout_get_alignment (label->layout), ==, PANGO_ALIGN_RIGHT);
      g_assert_cmpfloat_with_epsilon (label->box.x + label->box.width, box->x + box->width, 0.01);
      right_aligned++;
    }
  g_assert_cmpuint (right_aligned, >=, 4 * 2);

  /* Each legend sample has its name just left of it, on the same line. */
  g_assert_cmpuint (rtl->legend->len, >, 0);
  for (guint k = 0; k < rtl->legend->len; k++)
    {
      const GrChartLegendKey *key = &g_array_index (rtl->legend, GrChartLegendKey, k);
      gboolean named = FALSE;

      for (guint t = 0; t < rtl->texts->len && !named; t++)
        {
          const GrChartText *entry = &g_array_index (rtl->texts, GrChartText, t);
          double right = entry->box.x + entry->box.width;

          named = entry->kind == GR_CHART_TEXT_LEGEND &&
                  fabs (entry->box.y + entry->box.height / 2 -
                        (key->sample.y + key->sample.height / 2)) < 1 &&
                  right <= key->sample.x + 0.01 && right > key->sample.x - rtl->font_size;
        }
      g_assert_true (named);
    }

  svg = gr_chart_svg_write (rtl, "Atelier", "ar");
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (text, "direction=\"rtl\""));
}

static GrSession *
session_named (const char *first,
               const char *second)
{
  GrSession *session = make_session (gr_grid_get_default (), 99);

  gr_participant_set_name (gr_session_get_participant (session, 0), first);
  gr_participant_set_name (gr_session_get_participant (session, 1), second);
  return session;
}

static double
chart_radius (GrSession *session)
{
  g_autoptr(GrChartLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GrChartExportOptions options;

  gr_chart_export_options_init (&options);
  options.width = options.height = 900;
  options.translator = gr_translator_get ("fr");
  layout = gr_chart_export_build_layout (session, &options, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

      /* No legend entry on more than one line, nor wider than half the chart. */
      if (text->kind == GR_CHART_TEXT_LEGEND)
        {
          g_assert_cmpfloat (text->box.width, <=, 900.0 / 2);
          g_assert_cmpint (pango_layout_get_line_count (text->layout), ==, 1);
        }
    }
  return layout->radius;
}

/* Charts are laid out on the main thread (the window) and in threads (exports, the report) at
 * the same time: each thread's text is set on its own Pango context, and every thread lays the
 * same chart out the same, to the hundredth of a pixel. */
typedef struct
{
  GrSession           *session;
  const GrChartLayout *reference;
  guint                n_different;
} ThreadsCase;

static gboolean
same_text_boxes (const GrChartLayout *a,
                 const GrChartLayout *b)
{
  if (a->texts->len != b->texts->len || fabs (a->radius - b->radius) > 0.01)
    return FALSE;
  for (guint t = 0; t < a->texts->len; t++)
    {
      const GrChartRect *x = &g_array_index (a->texts, GrChartText, t).box;
      const GrChartRect *y = &g_array_index (b->texts, GrChartText, t).box;

      if (fabs (x->x - y->x) > 0.01 || fabs (x->y - y->y) > 0.01 ||
          fabs (x->width - y->width) > 0.01 || fabs (x->height - y->height) > 0.01)
        return FALSE;
    }
  return TRUE;
}

static gpointer
lay_out_in_thread (gpointer user_data)
{
  ThreadsCase *tc = user_data;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GrChartLayout) layout = layout_session (tc->session, 700 + i % 3, 600, TRUE);

      if (i % 3 == 0 && !same_text_boxes (layout, tc->reference))
        g_atomic_int_inc (&tc->n_different);
    }
  return NULL;
}

static void
test_layout_in_threads (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 99);
  g_autoptr(GrChartLayout) reference = layout_session (session, 700, 600, TRUE);
  ThreadsCase tc = { session, reference, 0 };
  GThread *threads[4];

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("layout", lay_out_in_thread, &tc);
  lay_out_in_thread (&tc);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);
  g_assert_cmpuint (tc.n_different, ==, 0);
}

/* The window's first chart takes its fonts from a thread that loaded them while the window was
 * being shown (gr_chart_layout_prepare()): it is laid out exactly as it is without, and the
 * thread's later charts too. Asking twice, or once a chart is laid out, changes nothing. */
typedef struct
{
  GrSession           *session;
  const GrChartLayout *reference;
  gboolean             same[3];
} PreparedCase;

static GrChartData *
widget_like_data (GrSession    *session,
                  GrChartStyle *style)
{
  gr_chart_style_init_default (style);
  style->font_size = 40.0 / 3;   /* 10 pt, as the window's */
  return gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, TRUE,
                                         NULL);
}

static gpointer
lay_out_prepared (gpointer user_data)
{
  PreparedCase *pc = user_data;
  GrChartStyle style;
  g_autoptr(GrChartData) data = widget_like_data (pc->session, &style);

  gr_chart_layout_prepare (widget_like_data (pc->session, &style), &style);
  gr_chart_layout_prepare (widget_like_data (pc->session, &style), &style);
  for (guint i = 0; i < G_N_ELEMENTS (pc->same); i++)
    {
      g_autoptr(GrChartLayout) layout = gr_chart_layout_new (data, &style, 737, 460);

      pc->same[i] = same_text_boxes (layout, pc->reference);
      gr_chart_layout_prepare (widget_like_data (pc->session, &style), &style);
    }
  return NULL;
}

static void
test_layout_prepared (void)
{
  g_autoptr(GrSession) session = make_session (gr_grid_get_default (), 12);
  g_autoptr(GrChartLayout) reference = NULL;
  g_autoptr(GrChartData) data = NULL;
  PreparedCase pc = { session, NULL, { FALSE } };
  GrChartStyle style;

  data = widget_like_data (session, &style);
  reference = gr_chart_layout_new (data, &style, 737, 460);
  pc.reference = reference;
  /* A thread of its own: this one has laid a chart out already. */
  g_thread_join (g_thread_new ("window", lay_out_prepared, &pc));
  for (guint i = 0; i < G_N_ELEMENTS (pc.same); i++)
    g_assert_true (pc.same[i]);
}

/* A name holding U+202E would draw itself, and what follows, backwards: direction controls go
 * when a name comes in, and every name is drawn isolated. A 10,000-character name is shortened
 * in the legend with "…", so that the radar keeps its size; the SVG keeps it whole in a
 * <title>. */
static void
test_hostile_names (void)
{
  g_autofree char *long_name = g_strnfill (10000, 'x');
  g_autofree char *long_title = g_strdup_printf ("<title>\u2068%s\u2069</title>", long_name);
  g_autoptr(GrSession) hostile = session_named ("\u202Eabc\u202C", long_name);
  g_autoptr(GrSession) plain = session_named ("abc", "Direction");
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  GrChartExportOptions options;

  g_assert_cmpstr (gr_participant_get_name (gr_session_get_participant (hostile, 0)), ==, "abc");

  gr_chart_export_options_init (&options);
  options.width = options.height = 900;
  options.translator = gr_translator_get ("fr");
  svg = gr_chart_export_to_bytes (hostile, GR_CHART_FORMAT_SVG, &options, &error);
  g_assert_no_error (error);
  markup = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_null (strstr (markup, "\u202E"));
  g_assert_nonnull (strstr (markup, ">\u2068abc\u2069<"));
  g_assert_nonnull (strstr (markup, "xxx…\u2069<"));
  g_assert_nonnull (strstr (markup, long_title));

  g_assert_cmpfloat (chart_radius (hostile), >=, 0.95 * chart_radius (plain));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/geometry", test_geometry);
  g_test_add_func ("/chart/title-date", test_title_date);
  g_test_add_func ("/chart/runs", test_runs);
  g_test_add_func ("/chart/label-invariants", test_label_invariants);
  g_test_add_func ("/chart/engagement-small", test_engagement_small);
  g_test_add_func ("/chart/gap", test_gap);
  g_test_add_func ("/chart/description", test_description);
  g_test_add_func ("/chart/scores-written", test_scores_written);
  g_test_add_func ("/chart/large-group", test_large_group);
  g_test_add_func ("/chart/png-size", test_png_size);
  g_test_add_func ("/chart/png-border", test_png_border);
  g_test_add_func ("/chart/svg", test_svg);
  g_test_add_func ("/chart/visibility", test_visibility);
  g_test_add_func ("/chart/visibility-frame", test_visibility_frame);
  g_test_add_func ("/chart/svg-matches-png", test_svg_matches_png);
  g_test_add_func ("/chart/pdf", test_pdf);
  g_test_add_func ("/chart/layout-in-threads", test_layout_in_threads);
  g_test_add_func ("/chart/layout-prepared", test_layout_prepared);
  g_test_add_func ("/chart/unknown-participant", test_unknown_participant);
  g_test_add_func ("/chart/rtl", test_rtl);

  g_test_add_func ("/chart/hostile-names", test_hostile_names);

  return g_test_run ();
}
