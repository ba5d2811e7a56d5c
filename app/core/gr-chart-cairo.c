/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draws a laid-out radar chart onto a cairo_t: the screen, a PNG or a PDF. */
#define G_LOG_DOMAIN "gr-chart-cairo"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "gr-chart-cairo.h"

static void
set_color (cairo_t            *cr,
           const GrChartColor *color,
           double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
set_pen (cairo_t          *cr,
         const GrChartPen *pen)
{
  set_color (cr, &pen->color, 1);
  cairo_set_line_width (cr, pen->line_width);
  cairo_set_dash (cr, pen->dashes, pen->n_dashes, 0);
}

static void
polygon (cairo_t            *cr,
         const GrChartPoint *points,
         guint               n)
{
  cairo_new_sub_path (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_close_path (cr);
}

static void
draw_grid (const GrChartLayout *layout,
           cairo_t             *cr)
{
  g_autofree GrChartPoint *ring = g_new (GrChartPoint, layout->n_axes);

  cairo_set_line_width (cr, layout->grid_width);
  cairo_set_dash (cr, NULL, 0, 0);
  for (int l = 1; l <= layout->max_level; l++)
    {
      for (guint i = 0; i < layout->n_axes; i++)
        ring[i] = gr_chart_layout_ring_point (layout, i, l);
      cairo_new_path (cr);
      polygon (cr, ring, layout->n_axes);
      /* The top level's ring bounds the chart: wider than the others. All are opaque, so that
       * they keep the contrast of the style's grid colour. */
      cairo_set_line_width (cr, layout->grid_width * (l == layout->max_level ? 1.5 : 1));
      set_color (cr, &layout->style.grid, 1);
      cairo_stroke (cr);
    }

  cairo_set_line_width (cr, layout->grid_width);
  set_color (cr, &layout->style.grid, 1);
  for (guint i = 0; i < layout->n_axes; i++)
    {
      GrChartPoint end = gr_chart_layout_ring_point (layout, i, layout->max_level);

      cairo_move_to (cr, layout->center.x, layout->center.y);
      cairo_line_to (cr, end.x, end.y);
    }
  cairo_stroke (cr);
}

static void
marker_path (cairo_t       *cr,
             GrChartMarker  marker,
             GrChartPoint   p,
             double         r)
{
  switch (marker)
    {
    case GR_CHART_MARKER_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, p.x, p.y, r, 0, 2 * G_PI);
      break;
    case GR_CHART_MARKER_SQUARE:
      cairo_rectangle (cr, p.x - r * 0.9, p.y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case GR_CHART_MARKER_TRIANGLE:
      cairo_move_to (cr, p.x, p.y - r * 1.2);
      cairo_line_to (cr, p.x + r * 1.1, p.y + r * 0.75);
      cairo_line_to (cr, p.x - r * 1.1, p.y + r * 0.75);
      cairo_close_path (cr);
      break;
    case GR_CHART_MARKER_DOWN_TRIANGLE:
      cairo_move_to (cr, p.x, p.y + r * 1.2);
      cairo_line_to (cr, p.x + r * 1.1, p.y - r * 0.75);
      cairo_line_to (cr, p.x - r * 1.1, p.y - r * 0.75);
      cairo_close_path (cr);
      break;
    case GR_CHART_MARKER_DIAMOND:
      cairo_move_to (cr, p.x, p.y - r * 1.25);
      cairo_line_to (cr, p.x + r * 1.25, p.y);
      cairo_line_to (cr, p.x, p.y + r * 1.25);
      cairo_line_to (cr, p.x - r * 1.25, p.y);
      cairo_close_path (cr);
      break;
    case GR_CHART_MARKER_NONE:
    default:
      break;
    }
}

static void
draw_markers (const GrChartLayout *layout,
              const GrChartPen    *pen,
              const GrChartPoint  *points,
              cairo_t             *cr)
{
  if (pen->marker == GR_CHART_MARKER_NONE)
    return;

  cairo_new_path (cr);
  for (guint i = 0; i < layout->n_axes; i++)
    if (!isnan (points[i].x))
      marker_path (cr, pen->marker, points[i], pen->marker_size);
  set_color (cr, &pen->color, 1);
  cairo_fill_preserve (cr);
  /* A thin outline in the background's colour sets markers apart where they overlap. */
  cairo_set_source_rgb (cr, layout->style.background.red, layout->style.background.green,
                        layout->style.background.blue);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, layout->unit * 0.6);
  cairo_stroke (cr);
}

static void
draw_band (const GrChartLayout *layout,
           const GrChartShape  *shape,
           cairo_t             *cr)
{
  g_autofree guint *starts = g_new (guint, layout->n_axes);
  g_autofree guint *lengths = g_new (guint, layout->n_axes);
  guint n = layout->n_axes;
  guint n_runs = gr_chart_find_runs (shape->high, n, starts, lengths);

  cairo_new_path (cr);
  for (guint r = 0; r < n_runs; r++)
    {
      if (lengths[r] == n)
        {
          polygon (cr, shape->high, n);
          /* The inner edge, the other way round, is the band's hole. */
          cairo_new_sub_path (cr);
          for (guint k = n; k > 0; k--)
            cairo_line_to (cr, shape->low[k - 1].x, shape->low[k - 1].y);
          cairo_close_path (cr);
          continue;
        }
      if (lengths[r] < 2)
        continue;
      cairo_new_sub_path (cr);
      for (guint k = 0; k < lengths[r]; k++)
        {
          const GrChartPoint *p = &shape->high[(starts[r] + k) % n];
          cairo_line_to (cr, p->x, p->y);
        }
      for (guint k = lengths[r]; k > 0; k--)
        {
          const GrChartPoint *p = &shape->low[(starts[r] + k - 1) % n];
          cairo_line_to (cr, p->x, p->y);
        }
      cairo_close_path (cr);
    }
  set_color (cr, &shape->band_color, 1);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
}

static void
draw_shape (const GrChartLayout *layout,
            const GrChartShape  *shape,
            cairo_t             *cr)
{
  g_autofree guint *starts = g_new (guint, layout->n_axes);
  g_autofree guint *lengths = g_new (guint, layout->n_axes);
  guint n = layout->n_axes;
  guint n_runs = gr_chart_find_runs (shape->points, n, starts, lengths);

  if (shape->pen.fill_alpha > 0)
    {
      cairo_new_path (cr);
      for (guint r = 0; r < n_runs; r++)
        {
          if (lengths[r] == n)
            polygon (cr, shape->points, n);
          else if (lengths[r] >= 2)
            {
              /* A gap leaves its wedge empty: the fill runs to the centre on either side. */
              cairo_move_to (cr, layout->center.x, layout->center.y);
              for (guint k = 0; k < lengths[r]; k++)
                {
                  const GrChartPoint *p = &shape->points[(starts[r] + k) % n];
                  cairo_line_to (cr, p->x, p->y);
                }
              cairo_close_path (cr);
            }
        }
      set_color (cr, &shape->pen.color, shape->pen.fill_alpha);
      cairo_fill (cr);
    }

  cairo_new_path (cr);
  for (guint r = 0; r < n_runs; r++)
    {
      if (lengths[r] == n)
        polygon (cr, shape->points, n);
      else if (lengths[r] >= 2)
        {
          cairo_new_sub_path (cr);
          for (guint k = 0; k < lengths[r]; k++)
            {
              const GrChartPoint *p = &shape->points[(starts[r] + k) % n];
              cairo_line_to (cr, p->x, p->y);
            }
        }
    }
  set_pen (cr, &shape->pen);
  cairo_stroke (cr);

  draw_markers (layout, &shape->pen, shape->points, cr);
}

static void
draw_text (const GrChartLayout *layout,
           const GrChartText   *text,
           cairo_t             *cr)
{
  const GrChartStyle *style = &layout->style;

  cairo_move_to (cr, text->x, text->y);
  if (text->halo)
    {
      cairo_save (cr);
      pango_cairo_layout_path (cr, text->layout);
      cairo_set_source_rgba (cr, style->background.red, style->background.green,
                             style->background.blue, 1);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, text->font_size * 0.3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      /* The halo only lightens what lies under the text: its edge needs no more than Cairo's
       * fast anti-aliasing, which rasterises a text's wide outline several times faster. */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
      cairo_stroke (cr);
      cairo_restore (cr);
      cairo_move_to (cr, text->x, text->y);
    }
  set_color (cr, &style->foreground, text->muted ? 0.72 : 1);
  pango_cairo_show_layout (cr, text->layout);
}

static void
draw_legend_key (const GrChartLayout    *layout,
                 const GrChartLegendKey *key,
                 cairo_t                *cr)
{
  const GrChartRect *r = &key->sample;
  GrChartPoint mid = { r->x + r->width / 2, r->y + r->height / 2 };

  if (key->note)
    return;
  if (key->band)
    {
      cairo_rectangle (cr, r->x, r->y + r->height * 0.15, r->width, r->height * 0.7);
      set_color (cr, &key->band_color, 1);
      cairo_fill (cr);
      return;
    }

  cairo_new_path (cr);
  cairo_move_to (cr, r->x, mid.y);
  cairo_line_to (cr, r->x + r->width, mid.y);
  set_pen (cr, &key->pen);
  cairo_stroke (cr);

  cairo_new_path (cr);
  marker_path (cr, key->pen.marker, mid, key->pen.marker_size);
  set_color (cr, &key->pen.color, 1);
  cairo_fill (cr);
}

/**
 * gr_chart_cairo_draw_layers:
 * @layers: which of the chart's three layers to draw
 *
 * Draws some of @layout's layers, in their order: under the series (the background, rings,
 * axes and level numbers), the series, and over them (the labels, the title and the legend).
 */
void
gr_chart_cairo_draw_layers (const GrChartLayout *layout,
                            cairo_t             *cr,
                            GrChartLayers        layers)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (layers & GR_CHART_LAYER_UNDER)
    {
      if (layout->style.background.alpha > 0)
        {
          set_color (cr, &layout->style.background, 1);
          cairo_paint (cr);
        }

      draw_grid (layout, cr);

    }

  if (layers & GR_CHART_LAYER_SERIES)
    {
      for (guint s = 0; s < layout->shapes->len; s++)
        {
          const GrChartShape *shape = &g_array_index (layout->shapes, GrChartShape, s);

          if (shape->low != NULL)
            draw_band (layout, shape, cr);
        }
      for (guint s = 0; s < layout->shapes->len; s++)
        draw_shape (layout, &g_array_index (layout->shapes, GrChartShape, s), cr);
      /* The level labels over the lines, on their halo, and the scores that go with them. */
      for (guint t = 0; t < layout->texts->len; t++)
        {
          const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

          if (gr_chart_text_goes_with_series (text))
            draw_text (layout, text, cr);
        }
    }

  if (layers & GR_CHART_LAYER_OVER)
    {
      for (guint t = 0; t < layout->texts->len; t++)
        {
          const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

          if (!gr_chart_text_goes_with_series (text))
            draw_text (layout, text, cr);
        }

      for (guint k = 0; k < layout->legend->len; k++)
        draw_legend_key (layout, &g_array_index (layout->legend, GrChartLegendKey, k), cr);
    }

  cairo_restore (cr);
}

/**
 * gr_chart_cairo_draw:
 *
 * Draws @layout in user space units from (0, 0) to (layout->width, layout->height): a caller
 * that wants more pixels (HiDPI) scales @cr first.
 */
void
gr_chart_cairo_draw (const GrChartLayout *layout,
                     cairo_t             *cr)
{
  gr_chart_cairo_draw_layers (layout, cr, GR_CHART_LAYER_ALL);
}

static void
extend (GrChartRect       *rect,
        const GrChartRect *other)
{
  double x1 = MAX (rect->x + rect->width, other->x + other->width);
  double y1 = MAX (rect->y + rect->height, other->y + other->height);

  if (rect->width <= 0 && rect->height <= 0)
    {
      *rect = *other;
      return;
    }
  rect->x = MIN (rect->x, other->x);
  rect->y = MIN (rect->y, other->y);
  rect->width = x1 - rect->x;
  rect->height = y1 - rect->y;
}

static GrChartRect
grow (GrChartRect rect,
      double      by)
{
  return (GrChartRect) { rect.x - by, rect.y - by, rect.width + 2 * by, rect.height + 2 * by };
}

/* How far a pen's ink reaches past the points it is drawn through: half the line (with round
 * joins and caps), or the farthest corner of the marker (see marker_path()) and its outline. */
static double
pen_reach (const GrChartLayout *layout,
           const GrChartPen    *pen)
{
  double corner;

  switch (pen->marker)
    {
    case GR_CHART_MARKER_CIRCLE:
      corner = 1;
      break;
    case GR_CHART_MARKER_SQUARE:
      corner = 0.9 * G_SQRT2;
      break;
    case GR_CHART_MARKER_TRIANGLE:
    case GR_CHART_MARKER_DOWN_TRIANGLE:
      corner = hypot (1.1, 0.75);
      break;
    case GR_CHART_MARKER_DIAMOND:
      corner = 1.25;
      break;
    case GR_CHART_MARKER_NONE:
    default:
      return pen->line_width / 2;
    }

  return MAX (pen->line_width / 2, pen->marker_size * corner + layout->unit * 0.3);
}

static void
extend_points (GrChartRect        *rect,
               const GrChartPoint *points,
               guint               n,
               double              reach)
{
  for (guint i = 0; points != NULL && i < n; i++)
    if (!isnan (points[i].x))
      {
        GrChartRect around = { points[i].x - reach, points[i].y - reach, 2 * reach, 2 * reach };

        extend (rect, &around);
      }
}

/* The shortest distance from @p to the rectangle (0 inside it). */
static double
rect_distance (const GrChartRect *rect,
               GrChartPoint       p)
{
  double dx = MAX (MAX (rect->x - p.x, 0), p.x - (rect->x + rect->width));
  double dy = MAX (MAX (rect->y - p.y, 0), p.y - (rect->y + rect->height));

  return hypot (dx, dy);
}

/* Whether @box is clear of the series' ink: outside its bounding box, or outside the disc
 * round the centre that holds it (the series never leave the outer ring, which the labels
 * keep away from). */
static gboolean
clear_of (const GrChartRect *box,
          const GrChartRect *bounds,
          GrChartPoint       center,
          double             reach)
{
  return !gr_chart_rect_intersects (box, bounds) || rect_distance (box, center) > reach;
}

/* What the glyphs of @text cover (less than their lines' height), and its halo, grown by
 * @margin. */
static GrChartRect
text_ink (const GrChartText *text,
          double             margin)
{
  PangoRectangle ink;
  GrChartRect box;

  pango_layout_get_extents (text->layout, &ink, NULL);
  box = (GrChartRect) { text->x + (double) ink.x / PANGO_SCALE,
                        text->y + (double) ink.y / PANGO_SCALE,
                        (double) ink.width / PANGO_SCALE,
                        (double) ink.height / PANGO_SCALE };
  return grow (box, margin + (text->halo ? text->font_size * 0.15 : 0));
}

static gboolean
meets_any (const GrChartRect *box,
           GArray            *boxes)
{
  for (guint k = 0; k < boxes->len; k++)
    if (gr_chart_rect_intersects (box, &g_array_index (boxes, GrChartRect, k)))
      return TRUE;
  return FALSE;
}

/**
 * gr_chart_cairo_series_apart:
 * @bounds: (out) (optional): a rectangle that holds every pixel the series draw on
 *
 * Whether the series of @layout leave every pixel of the layer over them untouched, with a
 * margin for anti-aliasing: then drawing that layer before the series gives the very same
 * pixels, and a batch of charts that share a frame can draw it only once.
 */
gboolean
gr_chart_cairo_series_apart (const GrChartLayout *layout,
                             GrChartRect         *bounds_out)
{
  /* Anti-aliasing reaches one pixel past the geometry; one more for rounding. */
  const double margin = 2;
  g_autoptr(GArray) series_texts = NULL;
  GrChartRect bounds = { 0 };
  GrChartRect all = { 0 };
  double disc = 0;

  g_return_val_if_fail (layout != NULL, FALSE);

  for (guint s = 0; s < layout->shapes->len; s++)
    {
      const GrChartShape *shape = &g_array_index (layout->shapes, GrChartShape, s);
      const GrChartPoint *edges[] = { shape->points, shape->low, shape->high };
      double reach = pen_reach (layout, &shape->pen) + margin;
      GrChartRect center = { layout->center.x - reach, layout->center.y - reach,
                             2 * reach, 2 * reach };

      /* Fills may reach the centre, where a gap's wedge closes. */
      extend (&bounds, &center);
      disc = MAX (disc, reach);
      for (guint e = 0; e < G_N_ELEMENTS (edges); e++)
        {
          extend_points (&bounds, edges[e], layout->n_axes, reach);
          for (guint i = 0; edges[e] != NULL && i < layout->n_axes; i++)
            if (!isnan (edges[e][i].x))
              disc = MAX (disc, hypot (edges[e][i].x - layout->center.x,
                                       edges[e][i].y - layout->center.y) + reach);
        }
    }
  /* The texts drawn with the series: their boxes are part of what the series layer covers. */
  series_texts = g_array_new (FALSE, FALSE, sizeof (GrChartRect));
  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);
      GrChartRect box = text_ink (text, margin);

      if (gr_chart_text_goes_with_series (text))
        {
          g_array_append_val (series_texts, box);
          extend (&all, &box);
        }
    }
  if (bounds_out != NULL)
    {
      *bounds_out = bounds;
      if (all.width > 0)
        extend (bounds_out, &all);
    }
  if (bounds.width <= 0 && all.width <= 0)
    return TRUE;

  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);
      GrChartRect box;

      if (gr_chart_text_goes_with_series (text))
        continue;
      box = text_ink (text, margin);
      if ((bounds.width > 0 && !clear_of (&box, &bounds, layout->center, disc)) ||
          meets_any (&box, series_texts))
        return FALSE;
    }

  for (guint k = 0; k < layout->legend->len; k++)
    {
      const GrChartLegendKey *key = &g_array_index (layout->legend, GrChartLegendKey, k);
      GrChartRect box = grow (key->sample, pen_reach (layout, &key->pen) + margin);

      if (key->note)
        continue;
      if ((bounds.width > 0 && !clear_of (&box, &bounds, layout->center, disc)) ||
          meets_any (&box, series_texts))
        return FALSE;
    }

  return TRUE;
}
