/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The radar chart's layout: a pure function of the data, a style and a size that places every
 * ring, series, marker and wrapped label; the Cairo and SVG back ends only draw what it placed. */
#define G_LOG_DOMAIN "gr-chart-layout"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "gr-chart-layout.h"
#include "gr-format.h"

/* Okabe and Ito's palette, readable by colour-blind readers; the participants' thin lines take
 * these in turn, each with its own dash and marker as well. Sky blue comes late: on the group's
 * light blue band it is the hardest to see. */
static const GrChartColor participant_colors[] = {
  { 0.902, 0.624, 0.000, 1 },   /* orange */
  { 0.000, 0.620, 0.451, 1 },   /* bluish green */
  { 0.800, 0.475, 0.655, 1 },   /* reddish purple */
  { 0.337, 0.706, 0.914, 1 },   /* sky blue */
  { 0.000, 0.000, 0.000, 1 },   /* black (yellow on a dark background) */
};

static const GrChartMarker participant_markers[] = {
  GR_CHART_MARKER_SQUARE,
  GR_CHART_MARKER_TRIANGLE,
  GR_CHART_MARKER_DIAMOND,
  GR_CHART_MARKER_DOWN_TRIANGLE,
};

void
gr_chart_style_init_default (GrChartStyle *style)
{
  *style = (GrChartStyle) {
    .background = { 1, 1, 1, 1 },
    .foreground = { 0.13, 0.13, 0.13, 1 },
    .grid = { 0.40, 0.40, 0.40, 1 },          /* 5.7:1 on white: rings and axes above 3:1 */
    .main = { 0.000, 0.447, 0.698, 1 },        /* Okabe–Ito blue */
    .target = { 0.835, 0.369, 0.000, 1 },      /* Okabe–Ito vermillion */
    .reference = { 0.40, 0.40, 0.40, 1 },
    .dark = FALSE,
    .font_family = NULL,
    .font_size = 0,
  };
}

/* Axis @axis of @n_axes, in radians clockwise from straight up: the first axis points up. */
double
gr_chart_axis_angle (guint n_axes,
                     guint axis)
{
  g_return_val_if_fail (n_axes > 0, 0);

  return 2 * G_PI * axis / n_axes;
}

/* Where @value lands on the axis at @angle, on a scale from 0 (the centre) to @max_level (the
 * outer ring at @radius); y grows downwards, as on every surface we draw on. */
GrChartPoint
gr_chart_point_at (GrChartPoint center,
                   double       radius,
                   double       angle,
                   double       value,
                   int          max_level)
{
  double r = radius * CLAMP (value, 0, max_level) / max_level;

  return (GrChartPoint) { center.x + r * sin (angle), center.y - r * cos (angle) };
}

GrChartPoint
gr_chart_layout_ring_point (const GrChartLayout *layout,
                            guint                axis,
                            double               value)
{
  g_return_val_if_fail (axis < layout->n_axes, layout->center);

  return gr_chart_point_at (layout->center, layout->radius, layout->angles[axis], value,
                            layout->max_level);
}

/**
 * gr_chart_find_runs:
 * @starts: (out caller-allocates): at least @n_points places
 * @lengths: (out caller-allocates): at least @n_points places
 *
 * Splits an outline into runs of neighbouring axes that have a score, going round (a run may
 * wrap past the last axis). An axis without a score breaks the outline there: it is a gap,
 * never drawn as 0. A run as long as @n_points is the whole, closed outline.
 *
 * Returns: the number of runs.
 */
guint
gr_chart_find_runs (const GrChartPoint *points,
                    guint               n_points,
                    guint              *starts,
                    guint              *lengths)
{
  guint first_gap = n_points;
  guint n_runs = 0;

  for (guint i = 0; i < n_points; i++)
    if (isnan (points[i].x))
      {
        first_gap = i;
        break;
      }

  if (first_gap == n_points)
    {
      if (n_points == 0)
        return 0;
      starts[0] = 0;
      lengths[0] = n_points;
      return 1;
    }

  /* Start just after a gap, so that a run that wraps round is found in one piece. */
  for (guint k = 1; k <= n_points; k++)
    {
      guint i = (first_gap + k) % n_points;

      if (isnan (points[i].x))
        continue;
      if (k == 1 || isnan (points[(i + n_points - 1) % n_points].x))
        {
          starts[n_runs] = i;
          lengths[n_runs] = 0;
          n_runs++;
        }
      lengths[n_runs - 1]++;
    }

  return n_runs;
}

/* Whether @text is drawn with the series, over their lines (GR_CHART_LAYER_SERIES): the level
 * labels, which no line may cross, and the scores, which change with the series. */
gboolean
gr_chart_text_goes_with_series (const GrChartText *text)
{
  return text->kind == GR_CHART_TEXT_LEVEL || text->kind == GR_CHART_TEXT_SCORE;
}

gboolean
gr_chart_rect_intersects (const GrChartRect *a,
                          const GrChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
gr_chart_rect_contains (const GrChartRect *outer,
                        const GrChartRect *inner)
{
  const double e = 1e-6;

  return inner->x >= outer->x - e && inner->y >= outer->y - e &&
         inner->x + inner->width <= outer->x + outer->width + e &&
         inner->y + inner->height <= outer->y + outer->height + e;
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

/* The font all text is set in: the family fontconfig really picks for the one asked, so that
 * the SVG can name it and librsvg or a browser picks the same. */
static char *
resolve_family (PangoContext *context,
                const char   *family)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (family);
  g_autoptr(PangoFont) font = NULL;
  g_autoptr(PangoFontDescription) real = NULL;

  font = pango_context_load_font (context, desc);
  if (font == NULL)
    return g_strdup (family);
  real = pango_font_describe (font);
  return g_strdup (pango_font_description_get_family (real));
}

/* What the layouts of one thread share: Pango's contexts and font maps are not to be used by
 * two threads at once, and charts are laid out on the main thread (the window) and in threads
 * (exports, the report) at the same time. */
typedef struct
{
  PangoFontMap *map;           /* NULL: the thread's default font map */
  PangoContext *contexts[2];   /* left to right, right to left */
  GHashTable   *resolved;      /* family asked for → family fontconfig picks */
} ThreadFonts;

static ThreadFonts *
thread_fonts_new (PangoFontMap *map)
{
  ThreadFonts *fonts = g_new0 (ThreadFonts, 1);

  fonts->map = map;
  fonts->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return fonts;
}

static void
thread_fonts_free (gpointer data)
{
  ThreadFonts *fonts = data;

  g_clear_object (&fonts->contexts[0]);
  g_clear_object (&fonts->contexts[1]);
  g_clear_object (&fonts->map);
  g_hash_table_unref (fonts->resolved);
  g_free (fonts);
}

static GPrivate thread_fonts_key = G_PRIVATE_INIT (thread_fonts_free);

/* The fonts made ready by gr_chart_layout_prepare() for the thread that asked (the main
 * thread), and that thread; only that thread reads @prepared. */
static GThread *prepared;
static GThread *prepared_for;

static ThreadFonts *
get_thread_fonts (void)
{
  ThreadFonts *fonts = g_private_get (&thread_fonts_key);

  if (fonts == NULL)
    {
      if (g_atomic_pointer_get (&prepared_for) == g_thread_self ())
        {
          /* Finished long ago as a rule: the window is shown meanwhile. Its fonts are this
           * thread's from now on, the preparing thread having let go of them. */
          fonts = g_thread_join (g_steal_pointer (&prepared));
          g_atomic_pointer_set (&prepared_for, NULL);
        }
      else
        fonts = thread_fonts_new (NULL);
      g_private_set (&thread_fonts_key, fonts);
    }
  return fonts;
}

/* One context for every layout of a thread (on its thread's font map): unhinted metrics and
 * unrounded positions, so that text measures the same at every size and on every surface (a
 * PNG, a PDF, the screen and librsvg agree). */
static PangoContext *
get_context (gboolean rtl)
{
  ThreadFonts *fonts = get_thread_fonts ();
  PangoContext **context = &fonts->contexts[rtl ? 1 : 0];

  if (*context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      *context = pango_font_map_create_context (fonts->map != NULL ? fonts->map :
                                                pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (*context, options);
      pango_context_set_round_glyph_positions (*context, FALSE);
      /* Right-to-left text: each paragraph reads from the right, numbers keep their order. */
      pango_context_set_base_dir (*context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
      cairo_font_options_destroy (options);
    }

  return *context;
}

static const char *
get_family (const char *wanted)
{
  GHashTable *resolved = get_thread_fonts ()->resolved;
  const char *family;

  if (wanted == NULL || *wanted == '\0')
    wanted = "Sans";
  if (!(family = g_hash_table_lookup (resolved, wanted)))
    {
      family = resolve_family (get_context (FALSE), wanted);
      g_hash_table_insert (resolved, g_strdup (wanted), (char *) family);
    }

  return family;
}

static void
text_clear (GrChartText *text)
{
  g_clear_object (&text->layout);
  g_clear_pointer (&text->full_text, g_free);
}

static void
shape_clear (GrChartShape *shape)
{
  g_clear_pointer (&shape->points, g_free);
  g_clear_pointer (&shape->low, g_free);
  g_clear_pointer (&shape->high, g_free);
}

/* Preparing the main thread's fonts */

/* Large enough that no text is made smaller to fit: the fonts loaded are the chart's. */
#define PREPARE_WIDTH  1000
#define PREPARE_HEIGHT 640

typedef struct
{
  GrChartData  *data;
  GrChartStyle  style;
  char         *family;
} Preparation;

static gpointer
prepare_thread (gpointer user_data)
{
  Preparation *preparation = user_data;
  ThreadFonts *fonts = thread_fonts_new (pango_cairo_font_map_new ());

  /* The layout takes this thread's fonts: those to hand over. */
  g_private_set (&thread_fonts_key, fonts);
  preparation->style.font_family = preparation->family;
  gr_chart_layout_free (gr_chart_layout_new (preparation->data, &preparation->style,
                                             PREPARE_WIDTH, PREPARE_HEIGHT));
  /* Let go without freeing them: they are the other thread's now. */
  g_private_set (&thread_fonts_key, NULL);

  gr_chart_data_free (preparation->data);
  g_free (preparation->family);
  g_free (preparation);
  return fonts;
}

/**
 * gr_chart_layout_prepare:
 * @data: (transfer full): what the first chart of this thread will show
 * @style: its style
 *
 * Loads, in a thread of its own, the fonts the first chart laid out by the calling thread will
 * need (their files, shaping tables and glyph sizes: 3 ms of the 4 ms the first layout takes),
 * while the calling thread does something else: the window, its start-up. The calling
 * thread's charts take them over when they are first laid out, waiting for the thread only if
 * it has not finished. Nothing happens if this thread has laid out a chart already or asked
 * before.
 */
void
gr_chart_layout_prepare (GrChartData        *data,
                         const GrChartStyle *style)
{
  Preparation *preparation;

  g_return_if_fail (data != NULL);
  g_return_if_fail (style != NULL);

  if (g_private_get (&thread_fonts_key) != NULL ||
      g_atomic_pointer_get (&prepared_for) != NULL)
    {
      gr_chart_data_free (data);
      return;
    }

  preparation = g_new0 (Preparation, 1);
  preparation->data = data;
  preparation->style = *style;
  preparation->family = g_strdup (style->font_family);
  prepared = g_thread_new ("chart-fonts", prepare_thread, preparation);
  g_atomic_pointer_set (&prepared_for, g_thread_self ());
}

void
gr_chart_layout_free (GrChartLayout *layout)
{
  if (layout == NULL)
    return;

  g_free (layout->font_family);
  g_free (layout->angles);
  g_free (layout->label_boxes);
  g_array_unref (layout->texts);
  g_array_unref (layout->shapes);
  g_array_unref (layout->legend);
  g_free (layout->band_label);
  g_free (layout->title);
  g_free (layout->description);
  g_free (layout->frame_key);
  g_free (layout);
}

/* A text block being measured: its layout is re-wrapped while the radius is searched. */
typedef struct
{
  GrChartTextKind  kind;
  PangoLayout     *layout;
  double           font_size;
  PangoWeight      weight;
  PangoStyle       style;
  gboolean         muted;
  double           width, height;   /* logical extents at the last wrap width */
  double           min_width;       /* the widest word: narrower, a word would be cut */
  double           lx, ly;          /* the logical rectangle's offset from the layout origin */
  /* Wrappings measured so far. Lines are filled one word after the other, each as full as the
   * width allows, so the lines found at a width stay the same at any narrower width that
   * still holds the widest of them: from lo to hi (Pango units), the extents are known. */
  struct
  {
    int     lo, hi;
    double  width, height;
  }                known[8];
  guint            n_known;
  char            *full_text;       /* see GrChartText */
} Block;

static void
block_init (Block           *block,
            GrChartLayout   *layout,
            GrChartTextKind  kind,
            const char      *text,
            double           font_size,
            PangoWeight      weight,
            PangoStyle       style)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, layout->font_family);
  pango_font_description_set_absolute_size (desc, font_size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);

  *block = (Block) { kind, pango_layout_new (get_context (layout->rtl)), font_size, weight,
                     style };
  /* In a right-to-left chart every text reads from the right, a French name included, and
   * its alignment is the one asked for: Pango would otherwise swap left and right. */
  if (layout->rtl)
    pango_layout_set_auto_dir (block->layout, FALSE);
  pango_layout_set_font_description (block->layout, desc);
  pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (block->layout, text, -1);
  block->min_width = -1;
}

/* The widest word, measured the first time it is needed: only axis labels given less room
 * than the widest a label may be need it. */
static double
block_min_width (Block *block)
{
  if (block->min_width < 0)
    {
      int width = pango_layout_get_width (block->layout);
      PangoRectangle logical;

      /* Wrapped at a single unit, each word takes a line of its own. */
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD);
      pango_layout_set_width (block->layout, 1);
      pango_layout_get_extents (block->layout, NULL, &logical);
      block->min_width = (double) logical.width / PANGO_SCALE;
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (block->layout, width);
    }

  return block->min_width;
}

static void
block_wrap (Block          *block,
            double          width,
            PangoAlignment  alignment)
{
  int wrap = width > 0 ? (int) floor (width * PANGO_SCALE) : -1;
  PangoRectangle logical;

  pango_layout_set_width (block->layout, wrap);
  pango_layout_set_alignment (block->layout, alignment);
  pango_layout_get_extents (block->layout, NULL, &logical);
  block->lx = (double) logical.x / PANGO_SCALE;
  block->ly = (double) logical.y / PANGO_SCALE;
  block->width = (double) logical.width / PANGO_SCALE;
  block->height = (double) logical.height / PANGO_SCALE;

  if (wrap > 0 && logical.width <= wrap)
    {
      guint slot = block->n_known++ % G_N_ELEMENTS (block->known);

      block->known[slot].lo = logical.width;
      block->known[slot].hi = wrap;
      block->known[slot].width = block->width;
      block->known[slot].height = block->height;
    }
}

/* The block's extents wrapped at @width, as block_wrap() gives them, without laying it out
 * again when an earlier wrapping holds: the search for the chart's radius measures the labels
 * at dozens of widths that wrap them in only a few ways. The layout itself is left as it was:
 * block_wrap() it before placing it. */
static void
block_measure (Block  *block,
               double  width)
{
  int wrap = (int) floor (width * PANGO_SCALE);
  guint n = MIN (block->n_known, G_N_ELEMENTS (block->known));

  for (guint k = 0; k < n; k++)
    if (block->known[k].lo <= wrap && wrap <= block->known[k].hi)
      {
        block->width = block->known[k].width;
        block->height = block->known[k].height;
        return;
      }

  block_wrap (block, width, pango_layout_get_alignment (block->layout));
}

/* Hands the block's layout over to the chart, its logical box's top-left corner at (x, y). */
static void
block_place (Block         *block,
             GrChartLayout *layout,
             double         x,
             double         y,
             gboolean       halo,
             int            axis)
{
  GrChartText text = {
    .kind = block->kind,
    .layout = g_steal_pointer (&block->layout),
    .x = x - block->lx,
    .y = y - block->ly,
    .box = { x, y, block->width, block->height },
    .font_size = block->font_size,
    .weight = block->weight,
    .style = block->style,
    .muted = block->muted,
    .halo = halo,
    .axis = axis,
    .full_text = g_steal_pointer (&block->full_text),
  };

  g_array_append_val (layout->texts, text);
}

static void
block_clear (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->full_text, g_free);
}

/* The longest a legend entry's text may be, in characters, before it is measured at all. */
#define LEGEND_MAX_CHARS 200

/* Shortens the text of @block with "…" at its end until it is at most @max_width wide on one
 * line, keeping the whole text in block->full_text: a 10,000-character name must not squeeze
 * the radar. @prefix and @suffix (the isolate round a name) stay whole. */
static void
block_shorten (Block      *block,
               const char *prefix,
               const char *text,
               const char *suffix,
               double      max_width)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong lo = 0, hi = MIN (n_chars, LEGEND_MAX_CHARS);
  PangoRectangle logical;

  pango_layout_set_width (block->layout, -1);
  pango_layout_get_extents (block->layout, NULL, &logical);
  if (n_chars <= LEGEND_MAX_CHARS && (double) logical.width / PANGO_SCALE <= max_width)
    return;

  block->full_text = g_strconcat (prefix, text, suffix, NULL);
  /* The most characters that fit with the ellipsis: at least one is always kept. */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *head = g_utf8_substring (text, 0, mid);
      g_autofree char *candidate = g_strconcat (prefix, head, "…", suffix, NULL);

      pango_layout_set_text (block->layout, candidate, -1);
      pango_layout_get_extents (block->layout, NULL, &logical);
      if ((double) logical.width / PANGO_SCALE <= max_width)
        lo = mid;
      else
        hi = mid - 1;
    }

  {
    g_autofree char *head = g_utf8_substring (text, 0, MAX (lo, 1));
    g_autofree char *shortened = g_strconcat (prefix, g_strchomp (head), "…", suffix, NULL);

    pango_layout_set_text (block->layout, shortened, -1);
  }
}

/* An axis label: its title, its score (or "non évalué" when the chart has none there), and
 * where there is room its subtitle. */
typedef struct
{
  Block           blocks[4];
  guint           n_blocks;
  PangoAlignment  alignment;
  double          sin, cos;
  GrChartRect     box;
} Label;

/* Labels on the right-hand side hang right of their axis, those on the left hang left, those
 * at the top and the bottom are centred on it. Their lines are aligned towards the chart, or
 * to the right when they read from right to left: the chart keeps its geometry. */
static PangoAlignment
label_alignment (const GrChartLayout *layout,
                 double               sin_angle)
{
  if (fabs (sin_angle) <= 0.2)
    return PANGO_ALIGN_CENTER;
  return sin_angle > 0.2 && !layout->rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
}

/* Where a line @width wide starts in @box, aligned as @alignment says. */
static double
aligned_x (const GrChartRect *box,
           PangoAlignment     alignment,
           double             width)
{
  return alignment == PANGO_ALIGN_LEFT ? box->x
       : alignment == PANGO_ALIGN_RIGHT ? box->x + box->width - width
       : box->x + (box->width - width) / 2;
}

/* Places the labels for a chart of @radius, or returns FALSE when they do not fit. Only @final
 * placing wraps their Pango layouts as they will be drawn; the search for the radius only
 * measures them. */
static gboolean
place_labels (GrChartLayout     *layout,
              Label             *labels,
              const GrChartRect *area,
              GrChartPoint       center,
              double             radius,
              gboolean           subtitles,
              gboolean           final)
{
  double gap = layout->font_size * 0.6;
  double spacing = layout->font_size * 0.15;
  double max_width = MAX (area->width * 0.34, layout->font_size * 8);

  for (guint i = 0; i < layout->n_axes; i++)
    {
      Label *label = &labels[i];
      GrChartPoint anchor = { center.x + (radius + gap) * label->sin,
                              center.y - (radius + gap) * label->cos };
      double room = max_width;
      double w = 0, h = 0;
      GrChartRect *box = &label->box;

      /* How wide the label may be and stay inside the area: it hangs to the right of the
       * anchor on the right-hand side, to the left on the left, centred at the top and bottom,
       * and in between on the diagonals. */
      if (label->sin < 1 - 1e-9)
        room = MIN (room, (anchor.x - area->x) * 2 / (1 - label->sin));
      if (label->sin > -1 + 1e-9)
        room = MIN (room, (area->x + area->width - anchor.x) * 2 / (1 + label->sin));
      /* A label at the top or the bottom spreads sideways towards its neighbours' labels:
       * it may not reach past their anchors. */
      if (fabs (label->sin) < 0.2 && layout->n_axes > 4)
        room = MIN (room, 2 * (radius + gap) * sin (2 * G_PI / layout->n_axes) * 0.9);
      if (room < layout->font_size * 3)
        return FALSE;

      for (guint b = 0; b < label->n_blocks; b++)
        {
          if (!subtitles && label->blocks[b].kind == GR_CHART_TEXT_AXIS_SUBTITLE)
            continue;
          /* Words are cut only when one alone is wider than a label may ever be. */
          if (room < max_width && room < block_min_width (&label->blocks[b]))
            return FALSE;
          if (final)
            block_wrap (&label->blocks[b], room, label->alignment);
          else
            block_measure (&label->blocks[b], room);
          w = MAX (w, label->blocks[b].width);
          h += label->blocks[b].height + (h > 0 ? spacing : 0);
        }

      box->width = w;
      box->height = h;
      box->x = anchor.x - w * (1 - label->sin) / 2;
      box->y = anchor.y - h * (1 + -label->cos) / 2;

      /* Diagonal labels can reach back over the outer ring: push them out along their axis. */
      for (guint step = 0; step < 20; step++)
        {
          double d = rect_distance (box, center);

          if (d >= radius + gap * 0.75)
            break;
          box->x += (radius + gap * 0.75 - d + 0.5) * label->sin;
          box->y -= (radius + gap * 0.75 - d + 0.5) * label->cos;
        }
      if (rect_distance (box, center) < radius + gap * 0.5)
        return FALSE;

      if (!gr_chart_rect_contains (area, box))
        return FALSE;

      for (guint j = 0; j < i; j++)
        {
          GrChartRect padded = { labels[j].box.x - spacing, labels[j].box.y - spacing,
                                 labels[j].box.width + 2 * spacing,
                                 labels[j].box.height + 2 * spacing };

          if (gr_chart_rect_intersects (&padded, box))
            return FALSE;
        }
    }

  return TRUE;
}

/* The chart is usually narrower or shorter than the room it was given: it is centred in that
 * room, and the title, the chart and the legend are drawn together in the middle of the page
 * rather than pulled apart to its edges. */
static void
compact (GrChartLayout     *layout,
         Label             *labels,
         const GrChartRect *area)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double slack, dx, dy, title_dy, legend_dy;

  for (guint i = 0; i < layout->n_axes; i++)
    {
      GrChartPoint p = gr_chart_layout_ring_point (layout, i, layout->max_level);
      const GrChartRect *box = &labels[i].box;

      x0 = MIN (x0, MIN (p.x, box->x));
      y0 = MIN (y0, MIN (p.y, box->y));
      x1 = MAX (x1, MAX (p.x, box->x + box->width));
      y1 = MAX (y1, MAX (p.y, box->y + box->height));
    }

  slack = MAX (0, area->height - (y1 - y0));
  dx = area->x + area->width / 2 - (x0 + x1) / 2;
  dy = area->y + slack / 2 - y0;
  title_dy = slack / 2;
  legend_dy = -slack / 2;

  layout->center.x += dx;
  layout->center.y += dy;
  for (guint i = 0; i < layout->n_axes; i++)
    {
      labels[i].box.x += dx;
      labels[i].box.y += dy;
    }

  for (guint t = 0; t < layout->texts->len; t++)
    {
      GrChartText *text = &g_array_index (layout->texts, GrChartText, t);
      double shift = text->kind == GR_CHART_TEXT_TITLE ? title_dy
                   : text->kind == GR_CHART_TEXT_LEGEND ? legend_dy : 0;

      text->y += shift;
      text->box.y += shift;
    }
  for (guint k = 0; k < layout->legend->len; k++)
    g_array_index (layout->legend, GrChartLegendKey, k).sample.y += legend_dy;
  layout->title_box.y += title_dy;
  layout->legend_box.y += legend_dy;
}

/* The largest radius at which every label fits, or 0. */
static double
search_radius (GrChartLayout     *layout,
               Label             *labels,
               const GrChartRect *area,
               GrChartPoint       center,
               gboolean           subtitles)
{
  double lo = layout->font_size * 1.5;
  double hi = MIN (area->width, area->height) / 2;
  double step;
  gboolean found;

  if (hi <= lo)
    return 0;
  if (place_labels (layout, labels, area, center, hi, subtitles, FALSE))
    return hi;

  /* Fitting is not monotonic (a small chart crowds its labels together): walk down from the
   * largest radius to the first that fits, in finer steps if the coarse ones missed it, then
   * bisect between it and the last that did not. */
  found = FALSE;
  for (guint n_steps = 16; n_steps <= 128 && !found; n_steps *= 8)
    {
      step = (hi - lo) / n_steps;
      for (guint k = 1; k <= n_steps && !found; k++)
        if (place_labels (layout, labels, area, center, hi - k * step, subtitles, FALSE))
          {
            found = TRUE;
            lo = hi - k * step;
            hi = lo + step;
          }
    }
  if (!found)
    return 0;

  while (hi - lo > 0.5)
    {
      double mid = (lo + hi) / 2;

      if (place_labels (layout, labels, area, center, mid, subtitles, FALSE))
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static GrChartPen
series_pen (const GrChartLayout *layout,
            const GrChartSeries *series)
{
  const GrChartStyle *style = &layout->style;
  double u = layout->unit;
  GrChartPen pen = { .line_width = 1.2 * u, .marker_size = 2.2 * u };

  if (series->main)
    {
      pen.color = style->main;
      pen.line_width = 2.6 * u;
      pen.marker = GR_CHART_MARKER_CIRCLE;
      pen.marker_size = 3.4 * u;
      pen.fill_alpha = series->low != NULL ? 0 : 0.18;
      return pen;
    }

  switch (series->kind)
    {
    case GR_CHART_SERIES_TARGET:
      pen.color = style->target;
      pen.line_width = 1.8 * u;
      pen.dashes[0] = 5 * u;
      pen.dashes[1] = 4 * u;
      pen.n_dashes = 2;
      pen.marker = GR_CHART_MARKER_DIAMOND;
      pen.marker_size = 3 * u;
      break;

    case GR_CHART_SERIES_REFERENCE:
      {
        /* Up to five earlier sessions, thin and grey under the others: each its own dash and
         * marker, so that they are told apart in black and white too. */
        static const struct { double dashes[4]; guint n_dashes; GrChartMarker marker; }
        reference_pens[GR_CHART_MAX_REFERENCES] = {
          { { 7, 3, 0, 3 }, 4, GR_CHART_MARKER_SQUARE },
          { { 2, 2 }, 2, GR_CHART_MARKER_TRIANGLE },
          { { 9, 3 }, 2, GR_CHART_MARKER_DIAMOND },
          { { 4, 2, 1, 2 }, 4, GR_CHART_MARKER_DOWN_TRIANGLE },
          { { 12, 2, 2, 2 }, 4, GR_CHART_MARKER_CIRCLE },
        };
        guint k = series->style % GR_CHART_MAX_REFERENCES;

        pen.color = style->reference;
        pen.line_width = 1.2 * u;
        for (guint d = 0; d < reference_pens[k].n_dashes; d++)
          pen.dashes[d] = reference_pens[k].dashes[d] * u;
        pen.n_dashes = reference_pens[k].n_dashes;
        pen.marker = reference_pens[k].marker;
        pen.marker_size = 2.4 * u;
      }
      break;

    case GR_CHART_SERIES_PARTICIPANT:
    case GR_CHART_SERIES_MEAN:
    case GR_CHART_SERIES_ROLE:
    default:
      {
        guint n_colors = G_N_ELEMENTS (participant_colors);
        guint k = series->style;

        pen.color = participant_colors[k % n_colors];
        if (style->dark && k % n_colors == n_colors - 1)
          pen.color = (GrChartColor) { 0.941, 0.894, 0.259, 1 };   /* Okabe–Ito yellow */
        pen.marker = participant_markers[k % G_N_ELEMENTS (participant_markers)];
        /* Solid, dashed, dotted, dash-dotted: the dash changes with the colour's cycle too, so
         * two lines never share both. */
        switch ((k + k / n_colors) % 4)
          {
          case 1:
            pen.dashes[0] = 4 * u;
            pen.dashes[1] = 2.5 * u;
            pen.n_dashes = 2;
            break;
          case 2:
            pen.dashes[0] = 0;
            pen.dashes[1] = 2.5 * u;
            pen.n_dashes = 2;
            break;
          case 3:
            pen.dashes[0] = 5 * u;
            pen.dashes[1] = 2 * u;
            pen.dashes[2] = 0;
            pen.dashes[3] = 2 * u;
            pen.n_dashes = 4;
            break;
          default:
            break;
          }
        /* A role's line is a group's mean: as visible as the lines it is compared with. */
        if (series->kind == GR_CHART_SERIES_ROLE)
          {
            pen.line_width = 2.4 * u;
            pen.marker_size = 3.2 * u;
          }
      }
      break;
    }

  return pen;
}

static gboolean
series_has_value (const GrChartData   *data,
                  const GrChartSeries *series)
{
  for (guint i = 0; i < data->n_axes; i++)
    if (!isnan (series->values[i]))
      return TRUE;
  return FALSE;
}

/* The legend: a line sample and the series' name per entry, in rows centred across the bottom
 * of @area. Returns its height, or 0 when there is nothing to name. */
static double
layout_legend (GrChartLayout     *layout,
               const GrChartData *data,
               const GrChartRect *area)
{
  double f = layout->font_size * 0.9;
  double sample_w = f * 2.6;
  double sep = f * 0.5;
  double col_gap = f * 1.4;
  double row_gap = f * 0.35;
  /* The widest a name may be: a third of the chart, or twenty ems on a narrow one. */
  double max_name = MIN (area->width - sample_w - sep, MAX (f * 20, area->width / 3));
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Block));
  g_autoptr(GArray) keys = g_array_new (FALSE, TRUE, sizeof (GrChartLegendKey));
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  double x = 0, y = 0, row_h = 0, total;
  guint row_start = 0;

  for (guint s = 0; s < data->series->len; s++)
    {
      const GrChartSeries *series = g_ptr_array_index (data->series, s);
      GrChartLegendKey key = { .pen = series_pen (layout, series) };
      Block block;

      if (!series->hidden)
        {
          g_autofree char *name = NULL;
          g_autofree char *label = NULL;
          gboolean isolate;

          /* Someone who assessed nothing has no line, and is in no mean: say so. */
          if (series->kind == GR_CHART_SERIES_PARTICIPANT && !series_has_value (data, series))
            label = g_strdup_printf (" (%s)", data->not_assessed);
          /* A participant's name is written in its own direction, isolated from the text round
           * it: "Élus (bureau)" keeps its brackets where they belong in a right-to-left legend,
           * an Arabic name keeps its letters in order in a French one. A long one is
           * shortened. */
          isolate = layout->rtl || series->kind == GR_CHART_SERIES_PARTICIPANT;
          name = isolate ? gr_format_name (series->label) : g_strdup (series->label);
          block_init (&block, layout, GR_CHART_TEXT_LEGEND, name, f,
                      PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
          block_shorten (&block, isolate ? "\u2068" : "", series->label,
                         isolate ? "\u2069" : "", max_name);
          if (label != NULL)
            {
              g_autofree char *shown = g_strconcat (pango_layout_get_text (block.layout), label,
                                                    NULL);

              pango_layout_set_text (block.layout, shown, -1);
              if (block.full_text != NULL)
                {
                  char *full = g_strconcat (block.full_text, label, NULL);

                  g_free (block.full_text);
                  block.full_text = full;
                }
            }
          g_array_append_val (entries, block);
          g_array_append_val (keys, key);
        }

      if (series->low != NULL && !series->band_hidden)
        {
          GrChartLegendKey band = { .band = TRUE, .band_color = key.pen.color };

          band.band_color.alpha = 0.22;
          block_init (&block, layout, GR_CHART_TEXT_LEGEND, data->band_label, f,
                      PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
          g_array_append_val (entries, block);
          g_array_append_val (keys, band);
        }
    }

  /* How many participants have no line of their own: the chart does not pretend to be all. */
  if (data->undrawn_label != NULL)
    {
      GrChartLegendKey note = { .note = TRUE };
      Block block;

      block_init (&block, layout, GR_CHART_TEXT_LEGEND, data->undrawn_label, f,
                  PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
      g_array_append_val (entries, block);
      g_array_append_val (keys, note);
    }

  if (entries->len == 0)
    return 0;

  xs = g_new0 (double, entries->len);
  ys = g_new0 (double, entries->len);

  /* Flow the entries into rows (relative to the legend's top-left corner); each row is centred
   * once it is complete. */
  for (guint e = 0; e <= entries->len; e++)
    {
      Block *block = e < entries->len ? &g_array_index (entries, Block, e) : NULL;
      gboolean note = block != NULL && g_array_index (keys, GrChartLegendKey, e).note;
      double w = 0;

      if (block != NULL)
        {
          block_wrap (block, area->width - (note ? 0 : sample_w + sep),
                      layout->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          w = (note ? 0 : sample_w + sep) + block->width;
        }

      if (block == NULL || (e > row_start && x + col_gap + w > area->width))
        {
          double shift = (area->width - x) / 2;

          for (guint k = row_start; k < e; k++)
            {
              xs[k] += shift;
              ys[k] = y + (row_h - g_array_index (entries, Block, k).height) / 2;
            }
          y += row_h + row_gap;
          x = 0;
          row_h = 0;
          row_start = e;
        }

      if (block == NULL)
        break;

      if (e > row_start)
        x += col_gap;
      xs[e] = x;
      x += w;
      row_h = MAX (row_h, block->height);
    }
  total = y - row_gap;

  layout->legend_box = (GrChartRect) { area->x, area->y + area->height - total,
                                       area->width, total };
  for (guint e = 0; e < entries->len; e++)
    {
      Block *block = &g_array_index (entries, Block, e);
      GrChartLegendKey *key = &g_array_index (keys, GrChartLegendKey, e);
      double key_w = key->note ? 0 : sample_w;
      double key_sep = key->note ? 0 : sep;
      double ex = layout->legend_box.x + xs[e];
      double ey = layout->legend_box.y + ys[e];
      double text_x = ex + key_w + key_sep;

      /* Right to left, each entry is mirrored: its sample on the right of its name, the first
       * entry on the right. */
      if (layout->rtl)
        {
          ex = layout->legend_box.x + layout->legend_box.width - xs[e] - key_w;
          text_x = ex - key_sep - block->width;
        }
      key->sample = (GrChartRect) { ex, ey + (block->height - f) / 2, key_w, f };
      block_place (block, layout, text_x, ey, FALSE, -1);
      g_array_append_val (layout->legend, *key);
    }

  return total;
}

static GrChartPoint *
series_points (const GrChartLayout *layout,
               const double        *values)
{
  GrChartPoint *points = g_new (GrChartPoint, layout->n_axes);

  for (guint i = 0; i < layout->n_axes; i++)
    {
      if (values == NULL || isnan (values[i]))
        points[i] = (GrChartPoint) { NAN, NAN };
      else
        points[i] = gr_chart_layout_ring_point (layout, i, values[i]);
    }

  return points;
}

static void
append_field (GString    *key,
              const char *text)
{
  /* A unit separator cannot occur in the grid's or the session's text. */
  g_string_append (key, text != NULL ? text : "\x1e");
  g_string_append_c (key, '\x1f');
}

/* Everything the frame (rings, labels, title, legend) is laid out from, as one string: two
 * charts with the same key differ only in their series' values, so one frame serves both. */
static char *
frame_key (const GrChartData  *data,
           const GrChartStyle *style,
           double              width,
           double              height)
{
  GString *key = g_string_new (NULL);
  const GrChartColor *colors[] = { &style->background, &style->foreground, &style->grid,
                                   &style->main, &style->target, &style->reference };

  g_string_append_printf (key, "%a %a %u %d %d %a\x1f", width, height, data->n_axes,
                          data->max_level, style->dark, style->font_size);
  for (guint c = 0; c < G_N_ELEMENTS (colors); c++)
    g_string_append_printf (key, "%a %a %a %a\x1f", colors[c]->red, colors[c]->green,
                            colors[c]->blue, colors[c]->alpha);
  append_field (key, style->font_family);
  for (guint i = 0; i < data->n_axes; i++)
    {
      append_field (key, data->titles[i]);
      append_field (key, data->subtitles[i]);
      append_field (key, data->assessed[i] ? "1" : "0");
    }
  /* Whether the labels keep room for the scores; the scores themselves go with the series. */
  append_field (key, data->scores != NULL ? "1" : "0");
  for (int l = 0; l <= data->max_level; l++)
    append_field (key, data->level_names[l]);
  append_field (key, data->title);
  append_field (key, data->not_assessed);
  append_field (key, data->band_label);
  append_field (key, data->undrawn_label);
  append_field (key, data->rtl ? "rtl" : "ltr");
  /* The legend: each series' name and how it is drawn. */
  for (guint s = 0; s < data->series->len; s++)
    {
      const GrChartSeries *series = g_ptr_array_index (data->series, s);

      g_string_append_printf (key, "%d %d %u %d %d %d %d\x1f", series->kind, series->main,
                              series->style, series->low != NULL, series->hidden,
                              series->band_hidden, series_has_value (data, series));
      append_field (key, series->label);
    }

  return g_string_free (key, FALSE);
}

/**
 * gr_chart_layout_has_frame_for:
 *
 * Whether @layout was laid out from the same labels, legend, style and size as @data would be,
 * so that gr_chart_layout_set_series() can draw @data's series in it: a batch of charts of the
 * same grid and language is laid out once.
 */
gboolean
gr_chart_layout_has_frame_for (const GrChartLayout *layout,
                               const GrChartData   *data,
                               const GrChartStyle  *style,
                               double               width,
                               double               height)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);

  key = frame_key (data, style, width, height);
  return g_str_equal (key, layout->frame_key);
}

/* Writes the main series' scores at their labels, in the room the frame kept for them. */
static void
set_scores (GrChartLayout     *layout,
            const GrChartData *data)
{
  for (guint t = 0; t < layout->texts->len; t++)
    {
      GrChartText *text = &g_array_index (layout->texts, GrChartText, t);
      const GrChartRect *label = &layout->label_boxes[text->axis];
      const char *score;
      PangoRectangle logical;

      if (text->kind != GR_CHART_TEXT_SCORE)
        continue;
      score = data->scores != NULL && data->scores[text->axis] != NULL
        ? data->scores[text->axis] : "";
      pango_layout_set_text (text->layout, score, -1);
      pango_layout_get_extents (text->layout, NULL, &logical);
      text->box.width = (double) logical.width / PANGO_SCALE;
      text->box.x = aligned_x (label, label_alignment (layout, sin (layout->angles[text->axis])),
                               text->box.width);
      text->x = text->box.x - (double) logical.x / PANGO_SCALE;
    }
}

/**
 * gr_chart_layout_set_series:
 * @data: the chart's data, with the same frame as the layout's
 *   (see gr_chart_layout_has_frame_for())
 *
 * Places @data's series (and takes its description) in @layout, in place of those it had.
 */
void
gr_chart_layout_set_series (GrChartLayout     *layout,
                            const GrChartData *data)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (data != NULL && data->n_axes == layout->n_axes);

  g_array_set_size (layout->shapes, 0);
  g_free (layout->description);
  layout->description = g_strdup (data->description);
  set_scores (layout, data);

  /* The series: the reference and the participants' thin lines under the targets, the main
   * series on top. */
  for (int pass = 0; pass < 3; pass++)
    for (guint s = 0; s < data->series->len; s++)
      {
        const GrChartSeries *series = g_ptr_array_index (data->series, s);
        int wanted = series->main ? 2 : series->kind == GR_CHART_SERIES_TARGET ? 1 : 0;
        GrChartShape shape = { 0 };

        gboolean band = series->low != NULL && !series->band_hidden;

        if (wanted != pass || (series->hidden && !band))
          continue;

        shape.kind = series->kind;
        shape.main = series->main;
        shape.pen = series_pen (layout, series);
        /* A hidden mean keeps its band: a shape with no point on any axis draws nothing else. */
        shape.points = series_points (layout, series->hidden ? NULL : series->values);
        if (band)
          {
            shape.low = series_points (layout, series->low);
            shape.high = series_points (layout, series->high);
            shape.band_color = shape.pen.color;
            shape.band_color.alpha = 0.22;
          }
        g_array_append_val (layout->shapes, shape);
      }
}

/* The layout's fields for @data, @style and a size, with nothing placed yet. */
static GrChartLayout *
layout_alloc (const GrChartData  *data,
              const GrChartStyle *style,
              double              width,
              double              height)
{
  GrChartLayout *layout = g_new0 (GrChartLayout, 1);

  layout->width = width;
  layout->height = height;
  layout->style = *style;
  layout->style.font_family = NULL;
  layout->font_family = g_strdup (get_family (style->font_family));
  layout->n_axes = data->n_axes;
  layout->max_level = data->max_level;
  layout->rtl = data->rtl;
  layout->angles = g_new (double, data->n_axes);
  layout->label_boxes = g_new0 (GrChartRect, data->n_axes);
  layout->texts = g_array_new (FALSE, TRUE, sizeof (GrChartText));
  g_array_set_clear_func (layout->texts, (GDestroyNotify) text_clear);
  layout->shapes = g_array_new (FALSE, TRUE, sizeof (GrChartShape));
  g_array_set_clear_func (layout->shapes, (GDestroyNotify) shape_clear);
  layout->legend = g_array_new (FALSE, TRUE, sizeof (GrChartLegendKey));
  layout->band_label = g_strdup (data->band_label);
  layout->title = g_strdup (data->title);

  for (guint i = 0; i < data->n_axes; i++)
    layout->angles[i] = gr_chart_axis_angle (data->n_axes, i);

  return layout;
}

/* Text follows the chart's size, so that a 4000 px chart is a 1200 px one enlarged; lines
 * follow the text. */
static void
choose_sizes (GrChartLayout      *layout,
              const GrChartStyle *style)
{
  double shortest = MIN (layout->width, layout->height);

  layout->font_size = style->font_size > 0 ? style->font_size : MAX (8, shortest * 0.024);
  layout->font_size = MIN (layout->font_size, MAX (8, shortest * 0.06));
  layout->unit = MAX (0.75, layout->font_size / 12);
  layout->margin = MAX (3, shortest * 0.025);
  /* Rings and axes stay a whole pixel wide: thinner, anti-aliasing greys them below 3:1. */
  layout->grid_width = MAX (1, layout->unit * 0.8);
}

/* The room inside the margins, before the title and the legend take their share. */
static GrChartRect
inner_area (const GrChartLayout *layout)
{
  return (GrChartRect) { layout->margin, layout->margin,
                         layout->width - 2 * layout->margin,
                         layout->height - 2 * layout->margin };
}

/* Forgets every text and legend key placed by an attempt that did not fit. */
static void
clear_placed (GrChartLayout *layout)
{
  g_array_set_size (layout->texts, 0);
  g_array_set_size (layout->legend, 0);
  layout->title_box = (GrChartRect) { 0 };
  layout->legend_box = (GrChartRect) { 0 };
}

/* The title across the top of @area, which then starts under it. */
static void
place_title (GrChartLayout     *layout,
             const GrChartData *data,
             GrChartRect       *area)
{
  Block block;
  double title_h;

  if (data->title == NULL || *data->title == '\0')
    return;

  block_init (&block, layout, GR_CHART_TEXT_TITLE, data->title,
              layout->font_size * 1.25, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  block_wrap (&block, area->width, PANGO_ALIGN_CENTER);
  layout->title_box = (GrChartRect) { area->x + (area->width - block.width) / 2, area->y,
                                      block.width, block.height };
  block_place (&block, layout, layout->title_box.x, area->y, FALSE, -1);
  title_h = block.height + layout->font_size * 0.8;
  area->y += title_h;
  area->height -= title_h;
}

/* The widest score a label may have to show, to keep room for any: "4,0" on a scale to 4. */
static char *
widest_score (const GrChartData *data)
{
  return g_strdup_printf ("%d,0", data->max_level);
}

static void
clear_labels (Label *labels,
              guint  n_axes)
{
  for (guint i = 0; i < n_axes; i++)
    {
      for (guint b = 0; b < labels[i].n_blocks; b++)
        block_clear (&labels[i].blocks[b]);
      labels[i].n_blocks = 0;
    }
}

/* Each axis label's blocks at the current type size: the competency's title, its score in
 * figures (or "non évalué"), and its subtitle. */
static void
init_labels (GrChartLayout     *layout,
             const GrChartData *data,
             Label             *labels)
{
  g_autofree char *score = widest_score (data);

  clear_labels (labels, data->n_axes);
  for (guint i = 0; i < data->n_axes; i++)
    {
      Label *label = &labels[i];
      double s = sin (layout->angles[i]), c = cos (layout->angles[i]);

      /* Exactly up or down is centred; clear sides align to the chart. */
      label->sin = fabs (s) < 1e-9 ? 0 : s;
      label->cos = fabs (c) < 1e-9 ? 0 : c;
      label->alignment = label_alignment (layout, label->sin);

      block_init (&label->blocks[label->n_blocks++], layout, GR_CHART_TEXT_AXIS_TITLE,
                  data->titles[i], layout->font_size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
      /* The score is written as well as drawn: a printed slide is read without guessing
       * from the rings. Its text comes with the series (gr_chart_layout_set_series()). */
      if (data->assessed[i] && data->scores != NULL)
        block_init (&label->blocks[label->n_blocks++], layout, GR_CHART_TEXT_SCORE, score,
                    layout->font_size * 1.1, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
      if (data->subtitles[i] != NULL && *data->subtitles[i] != '\0')
        {
          Block *sub = &label->blocks[label->n_blocks++];

          block_init (sub, layout, GR_CHART_TEXT_AXIS_SUBTITLE, data->subtitles[i],
                      layout->font_size * 0.8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
          sub->muted = TRUE;
        }
      if (!data->assessed[i])
        block_init (&label->blocks[label->n_blocks++], layout, GR_CHART_TEXT_NOT_ASSESSED,
                    data->not_assessed, layout->font_size * 0.85, PANGO_WEIGHT_NORMAL,
                    PANGO_STYLE_ITALIC);
    }
}

/* The largest radius the labels leave room for in @area, with subtitles when they cost the
 * chart little of its size; 0 when nothing fits. */
static double
fit_radius (GrChartLayout     *layout,
            Label             *labels,
            const GrChartRect *area,
            GrChartPoint       center,
            gboolean          *subtitles)
{
  double with = search_radius (layout, labels, area, center, TRUE);
  double without = 0;

  if (with < MIN (area->width, area->height) * 0.3)
    without = search_radius (layout, labels, area, center, FALSE);
  *subtitles = with > 0 && with >= without * 0.7;
  return *subtitles ? with : without;
}

/* Places the title, the legend and the labels round the largest chart they leave room for;
 * when they cannot fit at all, the type gets smaller rather than the text clipped. Returns
 * the radius, 0 when even the smallest type does not fit. */
static double
place_frame (GrChartLayout     *layout,
             const GrChartData *data,
             Label             *labels,
             gboolean          *subtitles)
{
  for (guint attempt = 0; attempt < 12; attempt++)
    {
      GrChartRect area = inner_area (layout);
      GrChartPoint center;
      double legend_h, radius;

      clear_placed (layout);
      place_title (layout, data, &area);
      legend_h = layout_legend (layout, data, &area);
      if (legend_h > 0)
        area.height -= legend_h + layout->font_size * 0.8;

      center = (GrChartPoint) { area.x + area.width / 2, area.y + area.height / 2 };
      init_labels (layout, data, labels);
      radius = fit_radius (layout, labels, &area, center, subtitles);

      if (radius > 0 && place_labels (layout, labels, &area, center, radius, *subtitles, TRUE))
        {
          layout->center = center;
          layout->radius = radius;
          compact (layout, labels, &area);
          return radius;
        }

      layout->font_size *= 0.85;
      layout->unit = MAX (0.75, layout->font_size / 12);
    }

  return 0;
}

/* A chart a few pixels wide: the rings alone rather than text that overlaps. */
static void
place_rings_alone (GrChartLayout *layout,
                   Label         *labels)
{
  GrChartRect area = inner_area (layout);

  clear_placed (layout);
  clear_labels (labels, layout->n_axes);
  layout->center = (GrChartPoint) { layout->width / 2, layout->height / 2 };
  layout->radius = MAX (1, MIN (area.width, area.height) / 2);
}

/* Hands the axis labels' blocks over, stacked and aligned inside their boxes. */
static void
place_axis_labels (GrChartLayout *layout,
                   Label         *labels)
{
  for (guint i = 0; i < layout->n_axes; i++)
    {
      Label *label = &labels[i];
      double y = label->box.y;

      layout->label_boxes[i] = label->box;
      for (guint b = 0; b < label->n_blocks; b++)
        {
          Block *block = &label->blocks[b];

          if (!layout->show_subtitles && block->kind == GR_CHART_TEXT_AXIS_SUBTITLE)
            {
              block_clear (block);
              continue;
            }
          block_place (block, layout, aligned_x (&label->box, label->alignment, block->width),
                       y, FALSE, i);
          y += block->height + layout->font_size * 0.15;
        }
    }
}

/* Level numbers, and their names where the rings are far enough apart, beside the first axis.
 * They are drawn over the series with a halo (see GR_CHART_LAYER_SERIES), so that no line or
 * band crosses them. */
static void
place_level_labels (GrChartLayout     *layout,
                    const GrChartData *data,
                    const Label       *labels)
{
  double f = layout->font_size * 0.75;
  double step = layout->radius / data->max_level;
  g_autoptr(GArray) levels = NULL;
  gboolean names = TRUE;

  if (layout->radius <= layout->font_size * 2 || step < f * 1.25)
    return;

  levels = g_array_new (FALSE, TRUE, sizeof (Block));
  for (int l = 1; l <= data->max_level; l++)
    {
      g_autofree char *text = NULL;
      double r = step * l;
      double next = MIN (layout->angles[1 % data->n_axes], G_PI * 0.45);
      GrChartRect box;
      Block block;

      if (data->level_names[l] && *data->level_names[l])
        text = g_strdup_printf ("%d · %s", l, data->level_names[l]);
      else
        text = g_strdup_printf ("%d", l);
      block_init (&block, layout, GR_CHART_TEXT_LEVEL, text, f, PANGO_WEIGHT_NORMAL,
                  PANGO_STYLE_NORMAL);
      block_wrap (&block, -1, PANGO_ALIGN_LEFT);
      /* A name must fit between the first axis and the next one at its own ring, clear of
       * the ring above and of the axis labels. */
      box = (GrChartRect) { layout->center.x + f * 0.45, layout->center.y - r + f * 0.1,
                            block.width, block.height };
      if (block.height * 1.05 > step || f * 0.45 + block.width > r * tan (next))
        names = FALSE;
      for (guint i = 0; i < data->n_axes && names; i++)
        if (gr_chart_rect_intersects (&box, &labels[i].box))
          names = FALSE;
      g_array_append_val (levels, block);
    }

  for (guint k = 0; k < levels->len; k++)
    {
      Block *block = &g_array_index (levels, Block, k);
      int l = k + 1;

      if (!names)
        {
          g_autofree char *number = g_strdup_printf ("%d", l);

          pango_layout_set_text (block->layout, number, -1);
          block_wrap (block, -1, PANGO_ALIGN_LEFT);
        }
      block->muted = TRUE;
      block_place (block, layout, layout->center.x + f * 0.45,
                   layout->center.y - step * l + f * 0.1, TRUE, -1);
    }
  for (guint k = 0; k < levels->len; k++)
    block_clear (&g_array_index (levels, Block, k));
  layout->show_level_names = names;
}

/**
 * gr_chart_layout_new:
 * @width: the chart's width, in pixels (or points for a PDF or an SVG)
 *
 * Lays the chart out: the outer ring is as large as the labels, the title and the legend leave
 * room for, and no text overlaps another, the rings, or leaves the chart.
 *
 * Returns: (transfer full): the layout.
 */
GrChartLayout *
gr_chart_layout_new (const GrChartData  *data,
                     const GrChartStyle *style,
                     double              width,
                     double              height)
{
  g_autoptr(GrChartLayout) layout = NULL;
  g_autofree Label *labels = NULL;
  gboolean subtitles = TRUE;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  layout = layout_alloc (data, style, width, height);
  labels = g_new0 (Label, data->n_axes);
  choose_sizes (layout, style);

  if (place_frame (layout, data, labels, &subtitles) <= 0)
    {
      place_rings_alone (layout, labels);
      subtitles = FALSE;
    }
  layout->show_subtitles = subtitles;

  place_axis_labels (layout, labels);
  place_level_labels (layout, data, labels);

  layout->frame_key = frame_key (data, style, width, height);
  gr_chart_layout_set_series (layout, data);

  clear_labels (labels, data->n_axes);

  return g_steal_pointer (&layout);
}
