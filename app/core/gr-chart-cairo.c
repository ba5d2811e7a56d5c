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
      /* The top level's ring bounds the chart: a little darker than the others. */
      set_color (cr, &layout->style.grid, l == layout->max_level ? 0.9 : 0.5);
      cairo_stroke (cr);
    }

  set_color (cr, &layout->style.grid, 0.7);
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
                             style->background.blue, 0.85);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, text->font_size * 0.3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
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
 * gr_chart_cairo_draw:
 *
 * Draws @layout in user space units from (0, 0) to (layout->width, layout->height): a caller
 * that wants more pixels (HiDPI) scales @cr first.
 */
void
gr_chart_cairo_draw (const GrChartLayout *layout,
                     cairo_t             *cr)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (layout->style.background.alpha > 0)
    {
      set_color (cr, &layout->style.background, 1);
      cairo_paint (cr);
    }

  draw_grid (layout, cr);

  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

      if (text->kind == GR_CHART_TEXT_LEVEL)
        draw_text (layout, text, cr);
    }

  for (guint s = 0; s < layout->shapes->len; s++)
    {
      const GrChartShape *shape = &g_array_index (layout->shapes, GrChartShape, s);

      if (shape->low != NULL)
        draw_band (layout, shape, cr);
    }
  for (guint s = 0; s < layout->shapes->len; s++)
    draw_shape (layout, &g_array_index (layout->shapes, GrChartShape, s), cr);

  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

      if (text->kind != GR_CHART_TEXT_LEVEL)
        draw_text (layout, text, cr);
    }

  for (guint k = 0; k < layout->legend->len; k++)
    draw_legend_key (layout, &g_array_index (layout->legend, GrChartLegendKey, k), cr);

  cairo_restore (cr);
}
