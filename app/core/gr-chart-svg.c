/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a laid-out radar chart as SVG: labels stay real text (selectable, editable, read by
 * screen readers), with a <title> and a <desc> that give each competency's score in words. */
#define G_LOG_DOMAIN "gr-chart-svg"

#include "config.h"

#include <math.h>

#include "gr-chart-svg.h"

/* Numbers with a point and no more digits than a screen can show. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  /* 12.50 → 12.5, 3.00 → 3 */
  end = buffer + strlen (buffer) - 1;
  while (end > buffer && *end == '0')
    *end-- = '\0';
  if (end > buffer && *end == '.')
    *end = '\0';
  if (g_str_equal (buffer, "-0"))
    strcpy (buffer, "0");
  g_string_append (out, buffer);
}

static void
append_attr_number (GString    *out,
                    const char *name,
                    double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_number (out, value);
  g_string_append_c (out, '"');
}

static void
append_color (GString            *out,
              const char         *name,
              const GrChartColor *color,
              double              alpha)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", name,
                          (int) round (CLAMP (color->red, 0, 1) * 255),
                          (int) round (CLAMP (color->green, 0, 1) * 255),
                          (int) round (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha * alpha < 1)
    {
      g_string_append_printf (out, " %s-opacity=\"", name);
      append_number (out, color->alpha * alpha);
      g_string_append_c (out, '"');
    }
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autoptr(GString) clean = g_string_new_len (text, length < 0 ? (gssize)strlen (text) : length);
  g_autofree char *escaped = NULL;

  /* XML 1.0 has no place for C0 control characters, even as references: drop them. */
  for (gsize i = 0; i < clean->len; )
    if ((guchar)clean->str[i] < 0x20 && clean->str[i] != '\t' && clean->str[i] != '\n' &&
        clean->str[i] != '\r')
      g_string_erase (clean, i, 1);
    else
      i++;

  escaped = g_markup_escape_text (clean->str, clean->len);
  g_string_append (out, escaped);
}

static void
path_move (GString     *d,
           GrChartPoint p)
{
  g_string_append_c (d, 'M');
  append_number (d, p.x);
  g_string_append_c (d, ' ');
  append_number (d, p.y);
}

static void
path_line (GString     *d,
           GrChartPoint p)
{
  g_string_append_c (d, 'L');
  append_number (d, p.x);
  g_string_append_c (d, ' ');
  append_number (d, p.y);
}

static void
path_polygon (GString            *d,
              const GrChartPoint *points,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    (i == 0 ? path_move : path_line) (d, points[i]);
  g_string_append_c (d, 'Z');
}

static void
append_pen (GString          *out,
            const GrChartPen *pen)
{
  append_color (out, "stroke", &pen->color, 1);
  append_attr_number (out, "stroke-width", pen->line_width);
  if (pen->n_dashes > 0)
    {
      g_string_append (out, " stroke-dasharray=\"");
      for (guint k = 0; k < pen->n_dashes; k++)
        {
          if (k > 0)
            g_string_append_c (out, ' ');
          append_number (out, pen->dashes[k]);
        }
      g_string_append_c (out, '"');
    }
}

static void
marker_path (GString       *d,
             GrChartMarker  marker,
             GrChartPoint   p,
             double         r)
{
  switch (marker)
    {
    case GR_CHART_MARKER_CIRCLE:
      /* Two half arcs make a circle in a path. */
      path_move (d, (GrChartPoint) { p.x - r, p.y });
      g_string_append (d, "a");
      append_number (d, r);
      g_string_append_c (d, ' ');
      append_number (d, r);
      g_string_append (d, " 0 1 0 ");
      append_number (d, 2 * r);
      g_string_append (d, " 0a");
      append_number (d, r);
      g_string_append_c (d, ' ');
      append_number (d, r);
      g_string_append (d, " 0 1 0 ");
      append_number (d, -2 * r);
      g_string_append (d, " 0Z");
      break;
    case GR_CHART_MARKER_SQUARE:
      path_polygon (d, (GrChartPoint[]) { { p.x - r * 0.9, p.y - r * 0.9 },
                                          { p.x + r * 0.9, p.y - r * 0.9 },
                                          { p.x + r * 0.9, p.y + r * 0.9 },
                                          { p.x - r * 0.9, p.y + r * 0.9 } }, 4);
      break;
    case GR_CHART_MARKER_TRIANGLE:
      path_polygon (d, (GrChartPoint[]) { { p.x, p.y - r * 1.2 },
                                          { p.x + r * 1.1, p.y + r * 0.75 },
                                          { p.x - r * 1.1, p.y + r * 0.75 } }, 3);
      break;
    case GR_CHART_MARKER_DOWN_TRIANGLE:
      path_polygon (d, (GrChartPoint[]) { { p.x, p.y + r * 1.2 },
                                          { p.x + r * 1.1, p.y - r * 0.75 },
                                          { p.x - r * 1.1, p.y - r * 0.75 } }, 3);
      break;
    case GR_CHART_MARKER_DIAMOND:
      path_polygon (d, (GrChartPoint[]) { { p.x, p.y - r * 1.25 },
                                          { p.x + r * 1.25, p.y },
                                          { p.x, p.y + r * 1.25 },
                                          { p.x - r * 1.25, p.y } }, 4);
      break;
    case GR_CHART_MARKER_NONE:
    default:
      break;
    }
}

static void
write_grid (GString             *out,
            const GrChartLayout *layout)
{
  g_autofree GrChartPoint *ring = g_new (GrChartPoint, layout->n_axes);
  g_autoptr(GString) d = g_string_new (NULL);

  g_string_append (out, "<g id=\"grid\" fill=\"none\"");
  append_attr_number (out, "stroke-width", layout->grid_width);
  g_string_append (out, ">\n");
  for (int l = 1; l <= layout->max_level; l++)
    {
      g_string_truncate (d, 0);
      for (guint i = 0; i < layout->n_axes; i++)
        ring[i] = gr_chart_layout_ring_point (layout, i, l);
      path_polygon (d, ring, layout->n_axes);
      g_string_append_printf (out, "<path d=\"%s\"", d->str);
      append_color (out, "stroke", &layout->style.grid, 1);
      /* The top level's ring bounds the chart: wider than the others (see gr-chart-cairo.c). */
      if (l == layout->max_level)
        append_attr_number (out, "stroke-width", layout->grid_width * 1.5);
      g_string_append (out, "/>\n");
    }

  g_string_truncate (d, 0);
  for (guint i = 0; i < layout->n_axes; i++)
    {
      path_move (d, layout->center);
      path_line (d, gr_chart_layout_ring_point (layout, i, layout->max_level));
    }
  g_string_append_printf (out, "<path d=\"%s\"", d->str);
  append_color (out, "stroke", &layout->style.grid, 1);
  g_string_append (out, "/>\n</g>\n");
}

static void
write_text (GString             *out,
            const GrChartLayout *layout,
            const GrChartText   *text)
{
  const char *string = pango_layout_get_text (text->layout);
  PangoAlignment alignment = pango_layout_get_alignment (text->layout);
  PangoLayoutIter *iter = pango_layout_get_iter (text->layout);
  /* Right to left, "start" is the right-hand end of a line. */
  const char *anchor = alignment == PANGO_ALIGN_CENTER ? "middle"
                     : (alignment == PANGO_ALIGN_RIGHT) != layout->rtl ? "end" : "start";

  g_string_append (out, "<text");
  g_string_append_printf (out, " font-family=\"%s, sans-serif\"", layout->font_family);
  append_attr_number (out, "font-size", text->font_size);
  if (text->weight != PANGO_WEIGHT_NORMAL)
    g_string_append_printf (out, " font-weight=\"%d\"", (int) text->weight);
  if (text->style == PANGO_STYLE_ITALIC)
    g_string_append (out, " font-style=\"italic\"");
  if (g_strcmp0 (anchor, "start") != 0)
    g_string_append_printf (out, " text-anchor=\"%s\"", anchor);
  if (layout->rtl)
    g_string_append (out, " direction=\"rtl\" unicode-bidi=\"embed\"");
  append_color (out, "fill", &layout->style.foreground, text->muted ? 0.72 : 1);
  if (text->halo)
    {
      GrChartColor halo = layout->style.background;

      halo.alpha = 1;
      append_color (out, "stroke", &halo, 1);
      append_attr_number (out, "stroke-width", text->font_size * 0.3);
      g_string_append (out, " stroke-linejoin=\"round\" paint-order=\"stroke\"");
    }
  g_string_append (out, ">");
  /* A name the legend shortened: the whole of it, for screen readers and as a tooltip. */
  if (text->full_text != NULL)
    {
      g_string_append (out, "<title>");
      append_escaped (out, text->full_text, strlen (text->full_text));
      g_string_append (out, "</title>");
    }

  /* One <tspan> per line that Pango wrapped, each where Pango put it, anchored on the side it
   * is aligned to so that a slightly different font elsewhere still lines up. */
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      double x;
      int length = line->length;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      while (length > 0 && g_ascii_isspace (string[line->start_index + length - 1]))
        length--;
      if (length == 0)
        continue;

      x = (double) logical.x / PANGO_SCALE;
      if (alignment == PANGO_ALIGN_CENTER)
        x += (double) logical.width / PANGO_SCALE / 2;
      else if (alignment == PANGO_ALIGN_RIGHT)
        x += (double) logical.width / PANGO_SCALE;

      g_string_append (out, "<tspan");
      append_attr_number (out, "x", text->x + x);
      append_attr_number (out, "y", text->y + baseline);
      g_string_append (out, ">");
      append_escaped (out, string + line->start_index, length);
      g_string_append (out, "</tspan>");
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_string_append (out, "</text>\n");
}

static void
write_band (GString             *out,
            const GrChartLayout *layout,
            const GrChartShape  *shape)
{
  guint n = layout->n_axes;
  g_autofree guint *starts = g_new (guint, n);
  g_autofree guint *lengths = g_new (guint, n);
  guint n_runs = gr_chart_find_runs (shape->high, n, starts, lengths);
  g_autoptr(GString) d = g_string_new (NULL);

  for (guint r = 0; r < n_runs; r++)
    {
      if (lengths[r] == n)
        {
          g_autofree GrChartPoint *inner = g_new (GrChartPoint, n);

          for (guint k = 0; k < n; k++)
            inner[k] = shape->low[n - 1 - k];
          path_polygon (d, shape->high, n);
          path_polygon (d, inner, n);
          continue;
        }
      if (lengths[r] < 2)
        continue;
      for (guint k = 0; k < lengths[r]; k++)
        (k == 0 ? path_move : path_line) (d, shape->high[(starts[r] + k) % n]);
      for (guint k = lengths[r]; k > 0; k--)
        path_line (d, shape->low[(starts[r] + k - 1) % n]);
      g_string_append_c (d, 'Z');
    }

  if (d->len == 0)
    return;
  g_string_append_printf (out, "<path class=\"band\" d=\"%s\"", d->str);
  append_color (out, "fill", &shape->band_color, 1);
  g_string_append (out, " stroke=\"none\"/>\n");
}

static void
write_markers (GString             *out,
               const GrChartLayout *layout,
               const GrChartPen    *pen,
               const GrChartPoint  *points,
               guint                n_points)
{
  g_autoptr(GString) d = g_string_new (NULL);
  GrChartColor background = layout->style.background;

  if (pen->marker == GR_CHART_MARKER_NONE)
    return;

  for (guint i = 0; i < n_points; i++)
    if (!isnan (points[i].x))
      marker_path (d, pen->marker, points[i], pen->marker_size);
  if (d->len == 0)
    return;

  background.alpha = 1;
  g_string_append_printf (out, "<path d=\"%s\"", d->str);
  append_color (out, "fill", &pen->color, 1);
  append_color (out, "stroke", &background, 1);
  append_attr_number (out, "stroke-width", layout->unit * 0.6);
  g_string_append (out, "/>\n");
}

static void
write_shape (GString             *out,
             const GrChartLayout *layout,
             const GrChartShape  *shape,
             guint                index)
{
  guint n = layout->n_axes;
  g_autofree guint *starts = g_new (guint, n);
  g_autofree guint *lengths = g_new (guint, n);
  guint n_runs = gr_chart_find_runs (shape->points, n, starts, lengths);
  g_autoptr(GString) fill = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint r = 0; r < n_runs; r++)
    {
      if (lengths[r] == n)
        {
          path_polygon (fill, shape->points, n);
          path_polygon (line, shape->points, n);
          continue;
        }
      if (lengths[r] < 2)
        continue;
      path_move (fill, layout->center);
      for (guint k = 0; k < lengths[r]; k++)
        {
          path_line (fill, shape->points[(starts[r] + k) % n]);
          (k == 0 ? path_move : path_line) (line, shape->points[(starts[r] + k) % n]);
        }
      g_string_append_c (fill, 'Z');
    }

  g_string_append_printf (out, "<g class=\"series\" id=\"series-%u\">\n", index);
  if (shape->pen.fill_alpha > 0 && fill->len > 0)
    {
      g_string_append_printf (out, "<path d=\"%s\"", fill->str);
      append_color (out, "fill", &shape->pen.color, shape->pen.fill_alpha);
      g_string_append (out, "/>\n");
    }
  if (line->len > 0)
    {
      g_string_append_printf (out, "<path d=\"%s\" fill=\"none\"", line->str);
      append_pen (out, &shape->pen);
      g_string_append (out, "/>\n");
    }
  write_markers (out, layout, &shape->pen, shape->points, n);
  g_string_append (out, "</g>\n");
}

static void
write_legend_key (GString                *out,
                  const GrChartLayout    *layout,
                  const GrChartLegendKey *key)
{
  const GrChartRect *r = &key->sample;
  GrChartPoint mid = { r->x + r->width / 2, r->y + r->height / 2 };
  g_autoptr(GString) d = g_string_new (NULL);

  if (key->note)
    return;
  if (key->band)
    {
      g_string_append (out, "<rect");
      append_attr_number (out, "x", r->x);
      append_attr_number (out, "y", r->y + r->height * 0.15);
      append_attr_number (out, "width", r->width);
      append_attr_number (out, "height", r->height * 0.7);
      append_color (out, "fill", &key->band_color, 1);
      g_string_append (out, "/>\n");
      return;
    }

  path_move (d, (GrChartPoint) { r->x, mid.y });
  path_line (d, (GrChartPoint) { r->x + r->width, mid.y });
  g_string_append_printf (out, "<path d=\"%s\" fill=\"none\"", d->str);
  append_pen (out, &key->pen);
  g_string_append (out, "/>\n");

  g_string_truncate (d, 0);
  marker_path (d, key->pen.marker, mid, key->pen.marker_size);
  if (d->len > 0)
    {
      g_string_append_printf (out, "<path d=\"%s\"", d->str);
      append_color (out, "fill", &key->pen.color, 1);
      g_string_append (out, "/>\n");
    }
}

/**
 * gr_chart_svg_write:
 * @title: the chart's name, for the SVG's <title>
 * @language: the language of its text, for xml:lang
 *
 * Returns: (transfer full): the SVG document, UTF-8.
 */
GBytes *
gr_chart_svg_write (const GrChartLayout *layout,
                    const char          *title,
                    const char          *language)
{
  GString *out = g_string_sized_new (16384);

  g_return_val_if_fail (layout != NULL, NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  append_attr_number (out, "width", layout->width);
  append_attr_number (out, "height", layout->height);
  g_string_append (out, " viewBox=\"0 0 ");
  append_number (out, layout->width);
  g_string_append_c (out, ' ');
  append_number (out, layout->height);
  g_string_append (out, "\" role=\"img\" aria-labelledby=\"title desc\"");
  if (language != NULL && *language != '\0')
    {
      g_string_append (out, " xml:lang=\"");
      append_escaped (out, language, -1);
      g_string_append (out, "\"");
    }
  g_string_append (out, ">\n<title id=\"title\">");
  append_escaped (out, title ? title : "", -1);
  g_string_append (out, "</title>\n<desc id=\"desc\">");
  append_escaped (out, layout->description ? layout->description : "", -1);
  g_string_append (out, "</desc>\n");

  g_string_append (out, "<g stroke-linecap=\"round\" stroke-linejoin=\"round\">\n");
  if (layout->style.background.alpha > 0)
    {
      g_string_append (out, "<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"");
      append_color (out, "fill", &layout->style.background, 1);
      g_string_append (out, "/>\n");
    }

  write_grid (out, layout);

  for (guint s = 0; s < layout->shapes->len; s++)
    {
      const GrChartShape *shape = &g_array_index (layout->shapes, GrChartShape, s);

      if (shape->low != NULL)
        write_band (out, layout, shape);
    }
  for (guint s = 0; s < layout->shapes->len; s++)
    write_shape (out, layout, &g_array_index (layout->shapes, GrChartShape, s), s);

  /* The level labels over the lines, on their halo, then the scores and the other texts. */
  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

      if (gr_chart_text_goes_with_series (text))
        write_text (out, layout, text);
    }
  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

      if (!gr_chart_text_goes_with_series (text))
        write_text (out, layout, text);
    }

  for (guint k = 0; k < layout->legend->len; k++)
    write_legend_key (out, layout, &g_array_index (layout->legend, GrChartLegendKey, k));

  g_string_append (out, "</g>\n</svg>\n");

  return g_string_free_to_bytes (out);
}
