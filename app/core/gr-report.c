/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report for the council: the session's radar, a reading of it in full sentences, the
 * scores, each competency's levels and notes, and the action plan. One pure step lays the whole
 * document out in pages (text measured with Pango at 72 dpi, without hinting, so that the same
 * pages fit any surface); drawing a page onto a cairo_t, PDF or printer, replays it. */
#define G_LOG_DOMAIN "gr-report"

#include "config.h"

#include <cairo-pdf.h>
#include "gr-i18n.h"
#include <math.h>
#include <pango/pangocairo.h>

#include "gr-action.h"
#include "gr-chart-cairo.h"
#include "gr-chart-data.h"
#include "gr-chart-export.h"
#include "gr-error.h"
#include "gr-format.h"
#include "gr-report.h"
#include "gr-roles.h"

#define _T(msgid) gr_translator_gettext (self->tr, msgid)

/* Sizes in points. */
#define MARGIN        48.0
#define FOOTER_GAP    10.0
#define CELL_PAD       3.5
#define BODY_SIZE     10.0
#define SMALL_SIZE     8.5
#define H1_SIZE       22.0
#define H2_SIZE       15.0
#define H3_SIZE       11.5
#define TABLE_LINES   24     /* a table cell longer than this is ellipsized (names only) */
#define MIN_COLUMN    64.0   /* the narrowest column that still holds "2 · En progression" */
#define FIRST_COLUMN 150.0

typedef enum
{
  OP_TEXT,
  OP_FILL,
  OP_LINE,
  OP_CHART,
} OpKind;

typedef struct
{
  OpKind        kind;
  double        x, y, width, height;
  PangoLayout  *layout;   /* OP_TEXT */
  int           first_line;
  int           n_lines;  /* 0: the whole layout */
  double        shift;    /* where line first_line starts in the layout */
  GrChartColor  color;
} Op;

typedef struct
{
  GArray *ops;            /* Op */
} Page;

typedef struct
{
  char   *title;
  guint   page;
  double  y;
} OutlineEntry;

typedef struct
{
  double        size;
  PangoWeight   weight;
  PangoStyle    style;
  GrChartColor  color;
} TextStyle;

static const GrChartColor INK = { 0.10, 0.10, 0.12, 1 };
static const GrChartColor MUTED = { 0.38, 0.38, 0.42, 1 };
static const GrChartColor ACCENT = { 0.09, 0.27, 0.50, 1 };
static const GrChartColor RULE = { 0.70, 0.72, 0.76, 1 };
static const GrChartColor HEADER_FILL = { 0.90, 0.92, 0.95, 1 };
static const GrChartColor LATE = { 0.70, 0.10, 0.10, 1 };

struct _GrReport
{
  double         width, height;
  double         top, bottom, left, right;   /* the body's box */
  GPtrArray     *pages;                      /* Page */
  GArray        *outline;                    /* OutlineEntry */
  GrChartLayout *chart;
  char          *meta_title;
  char          *meta_author;
  char          *meta_subject;

  /* While laying out. */
  PangoContext  *context;
  GrTranslator  *tr;
  GrSession     *session;
  GrGrid        *grid;
  GrParticipant *participant;                /* the report's one participant, or NULL */
  GrChartData   *data;
  GPtrArray     *references;                 /* the earlier sessions, or NULL */
  GPtrArray     *roles;                      /* GrRoleGroup, when the group's report has roles */
  const char    *today;
  double         y;
};

/* Text, laid out. */

static PangoLayout *
make_layout (GrReport        *self,
             const char      *text,
             const TextStyle *style,
             double           width,
             int              max_lines)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, "Sans");
  pango_font_description_set_absolute_size (desc, style->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, style->weight);
  pango_font_description_set_style (desc, style->style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  /* A word longer than the line breaks between characters rather than leave the margins. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static Page *
current_page (GrReport *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
new_page (GrReport *self)
{
  Page *page = g_new0 (Page, 1);

  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (page->ops, op_clear);
  g_ptr_array_add (self->pages, page);
  self->y = self->top;
}

/* Starts a new page unless @height fits below the current position (or the page is empty). */
static void
need (GrReport *self,
      double    height)
{
  if (self->y + height > self->bottom && self->y > self->top)
    new_page (self);
}

static void
add_op (GrReport *self,
        Op        op)
{
  g_array_append_val (current_page (self)->ops, op);
}

static void
add_text_at (GrReport           *self,
             PangoLayout        *layout,
             double              x,
             double              y,
             const GrChartColor *color)
{
  add_op (self, (Op) { .kind = OP_TEXT, .x = x, .y = y, .layout = g_object_ref (layout),
                       .color = *color });
}

static void
add_fill (GrReport           *self,
          double              x,
          double              y,
          double              width,
          double              height,
          const GrChartColor *color)
{
  add_op (self, (Op) { .kind = OP_FILL, .x = x, .y = y, .width = width, .height = height,
                       .color = *color });
}

static void
add_rule (GrReport           *self,
          double              x,
          double              y,
          double              width,
          const GrChartColor *color)
{
  add_op (self, (Op) { .kind = OP_LINE, .x = x, .y = y, .width = width, .color = *color });
}

static void
add_outline (GrReport   *self,
             const char *title)
{
  OutlineEntry entry = { g_strdup (title), self->pages->len - 1, self->y };

  g_array_append_val (self->outline, entry);
}

/* A paragraph that flows across pages: the lines that do not fit go on the next page, so that a
 * note of any length is read whole and never clipped. It is laid out once; each page draws its
 * range of lines. */
static void
paragraph (GrReport        *self,
           const char      *text,
           const TextStyle *style,
           double           indent,
           double           space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, style,
                                               self->right - self->left - indent, 0);
  int n_lines = pango_layout_get_line_count (layout);
  g_autofree double *tops = g_new (double, n_lines);
  g_autofree double *bottoms = g_new (double, n_lines);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int line = 0;

  for (int i = 0; i < n_lines; i++, pango_layout_iter_next_line (iter))
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      tops[i] = (double) y0 / PANGO_SCALE;
      bottoms[i] = (double) y1 / PANGO_SCALE;
    }
  pango_layout_iter_free (iter);

  while (line < n_lines)
    {
      int count = 0;

      while (line + count < n_lines &&
             self->y + bottoms[line + count] - tops[line] <= self->bottom)
        count++;
      /* Not one line fits on an empty page: cannot happen with the sizes used here. */
      if (count == 0 && self->y <= self->top)
        count = 1;
      if (count == 0)
        {
          new_page (self);
          continue;
        }

      add_op (self, (Op) { .kind = OP_TEXT, .x = self->left + indent, .y = self->y,
                           .layout = g_object_ref (layout), .first_line = line,
                           .n_lines = count, .shift = tops[line], .color = style->color });
      self->y += bottoms[line + count - 1] - tops[line];
      line += count;
      if (line < n_lines)
        new_page (self);
    }
  self->y += space_after;
}

static void
heading (GrReport        *self,
         const char      *text,
         const TextStyle *style,
         double           space_before,
         double           keep_with_next,
         gboolean         outline)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, style, self->right - self->left, 0);
  double height = layout_height (layout);

  if (self->y > self->top)
    self->y += space_before;
  need (self, height + keep_with_next);
  if (outline)
    add_outline (self, text);
  add_text_at (self, layout, self->left, self->y, &style->color);
  self->y += height + style->size * 0.4;
}

static const TextStyle *
style_of (int kind)
{
  static TextStyle styles[] = {
    { BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, { 0.10, 0.10, 0.12, 1 } },
    { SMALL_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, { 0.10, 0.10, 0.12, 1 } },
    { SMALL_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, { 0.10, 0.10, 0.12, 1 } },
    { H1_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, { 0.09, 0.27, 0.50, 1 } },
    { H2_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, { 0.09, 0.27, 0.50, 1 } },
    { H3_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, { 0.10, 0.10, 0.12, 1 } },
    { BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, { 0.38, 0.38, 0.42, 1 } },
    { 13.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, { 0.38, 0.38, 0.42, 1 } },
    { BODY_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, { 0.10, 0.10, 0.12, 1 } },
  };
  return &styles[kind];
}

enum { BODY, SMALL, SMALL_BOLD, H1, H2, H3, NOTE_MUTED, LEAD, BODY_BOLD };

/* Tables. */

typedef struct
{
  guint       n_columns;
  double     *widths;        /* n_columns; the first is the row's label */
  char      **header;        /* n_columns */
  GPtrArray  *rows;          /* of char** (n_columns), owned */
  GPtrArray  *row_colors;    /* per row: a const GrChartColor* for the data cells, or NULL */
} Table;

static Table *
table_new (guint n_columns)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->widths = g_new0 (double, n_columns);
  table->header = g_new0 (char *, n_columns + 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->row_colors = g_ptr_array_new ();
  return table;
}

static void
table_free (Table *table)
{
  g_free (table->widths);
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->row_colors);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static void
table_add_row (Table              *table,
               char              **cells,
               const GrChartColor *color)
{
  g_ptr_array_add (table->rows, cells);
  g_ptr_array_add (table->row_colors, (gpointer) color);
}

/* One row of laid-out cells; returns its height. */
static double
layout_row (GrReport     *self,
            Table        *table,
            char        **cells,
            gboolean      header,
            PangoLayout **layouts)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const TextStyle *style = style_of (header ? SMALL_BOLD : SMALL);

      layouts[c] = make_layout (self, cells[c] ? cells[c] : "", style,
                                table->widths[c] - 2 * CELL_PAD, TABLE_LINES);
      height = MAX (height, layout_height (layouts[c]));
    }
  return height + 2 * CELL_PAD;
}

static void
place_row (GrReport           *self,
           Table              *table,
           PangoLayout       **layouts,
           double              height,
           gboolean            header,
           const GrChartColor *color)
{
  double x = self->left;
  double width = 0;

  for (guint c = 0; c < table->n_columns; c++)
    width += table->widths[c];

  if (header)
    add_fill (self, self->left, self->y, width, height, &HEADER_FILL);
  for (guint c = 0; c < table->n_columns; c++)
    {
      add_text_at (self, layouts[c], x + CELL_PAD, self->y + CELL_PAD,
                   c > 0 && color ? color : &INK);
      x += table->widths[c];
    }
  self->y += height;
  add_rule (self, self->left, self->y, width, &RULE);
}

static void
free_layouts (PangoLayout **layouts,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    g_clear_object (&layouts[i]);
}

/* Draws the table, splitting it between rows across pages; each page it continues on starts
 * with its header row again. */
static void
table_place (GrReport *self,
             Table    *table)
{
  g_autofree PangoLayout **header = g_new0 (PangoLayout *, table->n_columns);
  g_autofree PangoLayout **cells = g_new0 (PangoLayout *, table->n_columns);
  double header_height = layout_row (self, table, table->header, TRUE, header);

  for (guint r = 0; r < table->rows->len; r++)
    {
      double height = layout_row (self, table, g_ptr_array_index (table->rows, r), FALSE, cells);

      if (r == 0 || self->y + height > self->bottom)
        {
          need (self, header_height + height);
          place_row (self, table, header, header_height, TRUE, NULL);
        }
      place_row (self, table, cells, height, FALSE, g_ptr_array_index (table->row_colors, r));
      free_layouts (cells, table->n_columns);
    }
  free_layouts (header, table->n_columns);
  self->y += 10;
}

/* How many data columns of at least MIN_COLUMN fit beside a first column of @first. */
static guint
columns_per_table (GrReport *self,
                   double    first)
{
  return MAX (1, (guint) floor ((self->right - self->left - first) / MIN_COLUMN));
}

/* A wide table (a first column and n data columns) as several tables of as many columns as fit
 * across the page, each repeating the first column: @cell gives each cell's text. */
typedef char *(*CellFunc) (GrReport *self,
                           guint     row,
                           guint     column,
                           gpointer  user_data);

static void
place_wide_table (GrReport           *self,
                  const char         *corner,
                  guint               n_rows,
                  guint               n_columns,
                  CellFunc            row_label,
                  CellFunc            column_label,
                  CellFunc            cell,
                  const GrChartColor *(*row_color) (guint row, gpointer user_data),
                  gpointer            user_data)
{
  double body = self->right - self->left;
  double first = MIN (FIRST_COLUMN + (n_columns <= 2 ? 80 : 0), body / 2);
  guint per_table = columns_per_table (self, first);

  for (guint start = 0; start < n_columns; start += per_table)
    {
      guint n = MIN (per_table, n_columns - start);
      g_autoptr(Table) table = table_new (n + 1);
      double width = MIN ((body - first) / n, 3 * MIN_COLUMN);

      table->widths[0] = first;
      table->header[0] = g_strdup (corner);
      for (guint c = 0; c < n; c++)
        {
          table->widths[c + 1] = width;
          table->header[c + 1] = column_label (self, 0, start + c, user_data);
        }
      for (guint r = 0; r < n_rows; r++)
        {
          char **cells = g_new0 (char *, n + 2);

          cells[0] = row_label (self, r, 0, user_data);
          for (guint c = 0; c < n; c++)
            cells[c + 1] = cell (self, r, start + c, user_data);
          table_add_row (table, cells, row_color ? row_color (r, user_data) : NULL);
        }
      table_place (self, table);
    }
}

/* Numbers and words. */

static char *
format_score (GrReport *self,
              double    value)
{
  return gr_format_decimal (value, 2, gr_format_uses_decimal_comma (self->tr));
}

static char *
format_change (GrReport *self,
               double    change)
{
  return gr_format_change (change, 2, gr_format_uses_decimal_comma (self->tr));
}

static const char *
competency_title (GrReport *self,
                  guint     competency)
{
  return gr_translator_grid (self->tr,
                             gr_competency_get_title (gr_grid_get_competency (self->grid,
                                                                              competency)));
}

/* "« Coopérer »", "« Coopérer » et « Connecter »", "« A », « B » et « C »": @items are already
 * formatted. */
static char *
join_list (GrReport  *self,
           GPtrArray *items)
{
  g_autofree char *list = NULL;

  g_assert (items->len > 0);
  list = g_strdup (g_ptr_array_index (items, 0));
  for (guint i = 1; i < items->len; i++)
    {
      char *longer;

      if (i + 1 < items->len)
        /* Translators: joins the items of a list but the last, "A, B". */
        longer = g_strdup_printf (_T ("%s, %s"), list, (char *) g_ptr_array_index (items, i));
      else
        /* Translators: joins the last item of a list, "A, B et C". */
        longer = g_strdup_printf (_T ("%s et %s"), list, (char *) g_ptr_array_index (items, i));
      g_free (list);
      list = longer;
    }
  return g_steal_pointer (&list);
}

static char *
quoted (GrReport   *self,
        const char *text)
{
  /* Translators: a competency's name quoted in a sentence. */
  return g_strdup_printf (_T ("« %s »"), text);
}

/* The report's main values: the chart's main series (the group's mean, or the participant). */
static double
main_value (GrReport *self,
            guint     competency)
{
  GrChartSeries *series = g_ptr_array_index (self->data->series, 0);

  return series->values[competency];
}

/* The earlier sessions' series, oldest first, as the chart draws them. */
static guint
n_references (GrReport *self)
{
  guint n = 0;

  for (guint i = 0; i < self->data->series->len; i++)
    n += ((GrChartSeries *) g_ptr_array_index (self->data->series, i))->kind ==
         GR_CHART_SERIES_REFERENCE;
  return n;
}

static GrChartSeries *
reference_series (GrReport *self,
                  guint     k)
{
  for (guint i = 0; i < self->data->series->len; i++)
    {
      GrChartSeries *series = g_ptr_array_index (self->data->series, i);

      if (series->kind == GR_CHART_SERIES_REFERENCE && k-- == 0)
        return series;
    }
  g_assert_not_reached ();
}

/* The change is counted from the first (oldest) earlier session. */
static double
first_reference_value (GrReport *self,
                       guint     competency)
{
  return n_references (self) > 0 ? reference_series (self, 0)->values[competency] : NAN;
}

/* The target the report compares with: the participant's, or the mean of the participants'. */
static double
target_value (GrReport *self,
              guint     competency)
{
  double sum = 0;
  guint n = 0;

  if (self->participant != NULL)
    {
      int target = gr_participant_get_target (self->participant, competency);
      return target == GR_LEVEL_NONE ? NAN : target;
    }

  for (guint p = 0; p < gr_session_get_n_participants (self->session); p++)
    {
      int target = gr_participant_get_target (gr_session_get_participant (self->session, p),
                                              competency);
      if (target != GR_LEVEL_NONE)
        {
          sum += target;
          n++;
        }
    }
  return n > 0 ? sum / n : NAN;
}

/* The reading: a few sentences written from the data. */

static void
add_sentence (GString    *out,
              const char *sentence)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, sentence);
}

/* Adds a sentence about a list of competencies: @singular or @plural as the list's length
 * asks, the list its first argument, then @score and @max_level for those that have them.
 * xgettext knows it as a plural keyword (po/meson.build). */
static void
add_list_sentence (GrReport   *self,
                   GString    *out,
                   GPtrArray  *items,
                   const char *singular,
                   const char *plural,
                   const char *score,
                   int         max_level)
{
  g_autofree char *list = join_list (self, items);
  g_autofree char *sentence =
    g_strdup_printf (gr_translator_ngettext (self->tr, singular, plural, items->len), list,
                     score, max_level);

  add_sentence (out, sentence);
}

/* What changed since the first earlier session, competency by competency. */
static void
write_change (GrReport *self,
              GString  *out)
{
  g_autoptr(GPtrArray) better = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) worse = g_ptr_array_new_with_free_func (g_free);
  gboolean several = n_references (self) > 1;
  guint n_compared = 0;

  if (several)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;
      g_autofree char *sentence = NULL;

      for (guint k = 0; k < n_references (self); k++)
        g_ptr_array_add (names, gr_chart_data_get_reference_name (self->tr, self->references, k));
      list = join_list (self, names);
      /* Translators: %s lists the earlier sessions, oldest first ("mars 2024 et mars 2025"). */
      sentence = g_strdup_printf (_T ("Sessions antérieures comparées : %s. Les évolutions sont "
                                      "comptées depuis la première."), list);
      add_sentence (out, sentence);
    }

  for (guint c = 0; c < gr_grid_get_n_competencies (self->grid); c++)
    {
      double value = main_value (self, c);
      double before = first_reference_value (self, c);
      g_autofree char *name = NULL;
      g_autofree char *change = NULL;

      if (isnan (value) || isnan (before))
        continue;
      n_compared++;
      if (fabs (value - before) < 0.005)
        continue;
      name = quoted (self, competency_title (self, c));
      change = format_change (self, value - before);
      /* Translators: a competency and its change since the earlier session, in a list. */
      g_ptr_array_add (value > before ? better : worse,
                       g_strdup_printf (_T ("%s (%s)"), name, change));
    }

  if (n_compared == 0)
    add_sentence (out, several ? _T ("La première session comparée n’a aucun score pour les "
                                     "compétences évaluées ici.")
                               : _T ("La session antérieure n’a aucun score à comparer."));
  else if (better->len == 0 && worse->len == 0)
    add_sentence (out, several ? _T ("Depuis la première session comparée, aucun score n’a "
                                     "changé.")
                               : _T ("Depuis la session antérieure, aucun score n’a changé."));
  if (better->len > 0 && several)
    add_list_sentence (self, out, better,
                       "Depuis la première session comparée, %s a progressé.",
                       "Depuis la première session comparée, %s ont progressé.", NULL, 0);
  else if (better->len > 0)
    add_list_sentence (self, out, better,
                       "Depuis la session antérieure, %s a progressé.",
                       "Depuis la session antérieure, %s ont progressé.", NULL, 0);
  if (worse->len > 0 && several)
    add_list_sentence (self, out, worse,
                       "%s a reculé depuis la première session comparée.",
                       "%s ont reculé depuis la première session comparée.", NULL, 0);
  else if (worse->len > 0)
    add_list_sentence (self, out, worse,
                       "%s a reculé depuis la session antérieure.",
                       "%s ont reculé depuis la session antérieure.", NULL, 0);
}

/* Where the roles see things most differently. */
static void
write_role_gap (GrReport *self,
                GString  *out)
{
  GrRoleGap largest = { -1, 0, 0 };
  guint where = 0;

  for (guint c = 0; c < gr_grid_get_n_competencies (self->grid); c++)
    {
      GrRoleGap gap;

      if (gr_roles_get_largest_gap (self->roles, c, &gap) && gap.gap > largest.gap + 1e-9)
        {
          largest = gap;
          where = c;
        }
    }

  if (largest.gap < 0)
    return;
  if (largest.gap < 0.005)
    add_sentence (out, _T ("Tous les rôles donnent les mêmes scores."));
  else
    {
      g_autofree char *name = quoted (self, competency_title (self, where));
      g_autofree char *gap = format_score (self, largest.gap);
      g_autofree char *high = gr_role_group_get_label (self->roles->pdata[largest.highest],
                                                       self->tr);
      g_autofree char *low = gr_role_group_get_label (self->roles->pdata[largest.lowest],
                                                      self->tr);
      g_autofree char *sentence =
        /* Translators: %1$s is a competency, %2$s the gap between two roles' scores, %3$s the
         * role with the higher score ("Élu·e·s (3)"), %4$s the one with the lower. */
        g_strdup_printf (_T ("Entre les rôles, l’écart le plus grand porte sur %1$s : %2$s "
                             "entre %3$s et %4$s."), name, gap, high, low);

      add_sentence (out, sentence);
    }
}

static char *
write_reading (GrReport *self)
{
  guint n = gr_grid_get_n_competencies (self->grid);
  int max_level = gr_grid_get_max_level (self->grid);
  g_autoptr(GPtrArray) strongest = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) weakest = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  double best = -1, worst = G_MAXDOUBLE, largest_gap = 0;
  guint n_assessed = 0, n_targets = 0;

  for (guint c = 0; c < n; c++)
    {
      double value = main_value (self, c);

      if (isnan (value))
        {
          g_ptr_array_add (missing, quoted (self, competency_title (self, c)));
          continue;
        }
      n_assessed++;
      best = MAX (best, value);
      worst = MIN (worst, value);
      if (!isnan (target_value (self, c)))
        {
          n_targets++;
          largest_gap = MAX (largest_gap, target_value (self, c) - value);
        }
    }

  if (n_assessed == 0)
    {
      add_sentence (out, _T ("Aucun savoir-faire n’a encore été évalué : ce rapport ne donne donc "
                             "ni graphique ni scores, seulement la grille, les notes et le plan "
                             "d’action."));
      return g_string_free (out, FALSE);
    }

  for (guint c = 0; c < n; c++)
    {
      double value = main_value (self, c);
      g_autofree char *name = quoted (self, competency_title (self, c));

      if (isnan (value))
        continue;
      if (fabs (value - best) < 1e-9)
        g_ptr_array_add (strongest, g_strdup (name));
      if (fabs (value - worst) < 1e-9)
        g_ptr_array_add (weakest, g_strdup (name));
      if (!isnan (target_value (self, c)) && largest_gap > 0.005 &&
          target_value (self, c) - value > largest_gap - 0.25)
        {
          g_autofree char *gap = format_score (self, target_value (self, c) - value);
          /* Translators: a competency and how far it is below its target, in a list. */
          g_ptr_array_add (gaps, g_strdup_printf (_T ("%s (%s sous la cible)"), name, gap));
        }
    }

  {
    g_autofree char *list = join_list (self, strongest);
    g_autofree char *score = format_score (self, best);
    g_autofree char *sentence = NULL;

    if (n_assessed == 1)
      /* Translators: %1$s is a competency, %2$s its score, %3$d the top of the scale. */
      sentence = g_strdup_printf (_T ("Seule la compétence %1$s a été évaluée : %2$s sur %3$d."),
                                  list, score, max_level);
    else if (strongest->len == n_assessed)
      /* Translators: %1$s lists the competencies, %2$s is their score, %3$d the top of the
       * scale. */
      sentence = g_strdup_printf (_T ("Les compétences évaluées sont toutes au même niveau : "
                                      "%2$s sur %3$d (%1$s)."), list, score, max_level);
    if (sentence != NULL)
      add_sentence (out, sentence);
    else
      /* Translators: %1$s lists one or more competencies, %2$s is their score, %3$d the top
       * of the scale. */
      add_list_sentence (self, out, strongest,
                         "La compétence la plus affirmée est %1$s, avec %2$s sur %3$d.",
                         "Les compétences les plus affirmées sont %1$s, avec %2$s sur %3$d.",
                         score, max_level);
  }

  if (n_assessed > 1 && strongest->len < n_assessed)
    {
      g_autofree char *score = format_score (self, worst);

      add_list_sentence (self, out, weakest,
                         "La moins avancée est %1$s, avec %2$s sur %3$d.",
                         "Les moins avancées sont %1$s, avec %2$s sur %3$d.", score, max_level);
    }

  if (missing->len > 0)
    add_list_sentence (self, out, missing,
                       "La compétence %s n’a pas encore été évaluée.",
                       "Les compétences %s n’ont pas encore été évaluées.", NULL, 0);

  if (n_targets == 0)
    add_sentence (out, _T ("Aucune cible n’a été fixée."));
  else if (gaps->len == 0)
    add_sentence (out, _T ("Les cibles fixées sont atteintes."));
  else
    add_list_sentence (self, out, gaps,
                       "Le plus grand écart à la cible concerne %s.",
                       "Les plus grands écarts à la cible concernent %s.", NULL, 0);

  if (self->roles != NULL)
    write_role_gap (self, out);
  if (n_references (self) > 0)
    write_change (self, out);

  return g_string_free (out, FALSE);
}

/* Page 1. */

/* A name typed by someone (participant, role, action's owner), isolated when its direction
 * may differ from the report's. */
static char *
report_name (GrReport   *self,
             const char *name)
{
  return gr_format_name_in (name, gr_translator_is_rtl (self->tr));
}

static char *
participant_line (GrReport      *self,
                  GrParticipant *participant)
{
  const char *role = gr_participant_get_role (participant);
  g_autofree char *name = report_name (self, gr_participant_get_name (participant));
  g_autofree char *role_name = NULL;

  if (*role == '\0')
    return g_steal_pointer (&name);
  role_name = report_name (self, role);
  /* Translators: a participant and their role, "Service jeunesse (Agent·e)". */
  return g_strdup_printf (_T ("%s (%s)"), name, role_name);
}

static void
place_cover (GrReport *self)
{
  const char *organisation = gr_session_get_organisation (self->session);
  const char *title = gr_session_get_title (self->session);
  guint n_participants = gr_session_get_n_participants (self->session);
  g_autofree char *date = NULL;
  g_autofree char *reading = NULL;
  gboolean any = FALSE;

  if (*organisation)
    paragraph (self, organisation, style_of (LEAD), 0, 4);
  add_outline (self, *title ? title : self->meta_subject);
  paragraph (self, *title ? title : _T ("Rapport d’autoévaluation"), style_of (H1), 0, 4);
  if (*gr_session_get_date (self->session) &&
      (date = gr_format_date_long (self->tr, gr_session_get_date (self->session))))
    paragraph (self, date, style_of (LEAD), 0, 4);
  paragraph (self, self->meta_subject, style_of (NOTE_MUTED), 0, 12);

  if (self->participant != NULL)
    {
      g_autofree char *line = participant_line (self, self->participant);
      g_autofree char *text = g_strdup_printf (_T ("Participant ou participante : %s"), line);

      paragraph (self, text, style_of (BODY), 0, 10);
    }
  else if (n_participants > 0)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;
      g_autofree char *text = NULL;

      for (guint p = 0; p < n_participants; p++)
        g_ptr_array_add (names,
                         participant_line (self, gr_session_get_participant (self->session, p)));
      list = join_list (self, names);
      /* Translators: before the list of the participants and their roles. */
      text = g_strdup_printf (gr_translator_ngettext (self->tr, "%u participant : %s", "%u participants : %s", n_participants),
                              n_participants, list);
      paragraph (self, text, style_of (BODY), 0, 10);
    }
  else
    paragraph (self, _T ("Cette session n’a pas encore de participant."), style_of (BODY), 0, 10);

  for (guint c = 0; c < gr_grid_get_n_competencies (self->grid); c++)
    any |= !isnan (main_value (self, c));

  /* A radar with nothing on it says nothing: the reading says why there is none. */
  if (any && self->chart != NULL)
    {
      need (self, self->chart->height);
      add_op (self, (Op) { .kind = OP_CHART, .x = self->left, .y = self->y,
                           .width = self->chart->width, .height = self->chart->height });
      self->y += self->chart->height + 6;
    }

  heading (self, _T ("Lecture"), style_of (H2), 6, 3 * BODY_SIZE, TRUE);
  reading = write_reading (self);
  paragraph (self, reading, style_of (BODY), 0, 8);
}

/* Scores. */

typedef struct
{
  guint     n_participants;   /* rows that are participants */
  gboolean  group_rows;       /* then the group's mean and range, then the target */
  guint     n_references;     /* then each earlier session's scores, then the change */
} ScoresRows;

static GrParticipant *
score_row_participant (GrReport *self,
                       guint     row)
{
  return self->participant ? self->participant
                           : gr_session_get_participant (self->session, row);
}

static char *
scores_row_label (GrReport *self,
                  guint     row,
                  guint     column,
                  gpointer  user_data)
{
  ScoresRows *rows = user_data;
  guint extra = row - rows->n_participants;

  if (row < rows->n_participants)
    return participant_line (self, score_row_participant (self, row));
  if (rows->group_rows && extra == 0)
    return g_strdup (_T ("Moyenne du groupe"));
  if (rows->group_rows && extra == 1)
    return g_strdup (_T ("Étendue (min – max)"));
  if (rows->group_rows)
    extra -= 2;
  if (extra == 0)
    return g_strdup (self->participant ? _T ("Cible") : _T ("Cible (moyenne)"));
  if (extra - 1 < rows->n_references)
    return g_strdup (reference_series (self, extra - 1)->label);
  return g_strdup (rows->n_references > 1 ? _T ("Évolution depuis la première session comparée")
                                          : _T ("Évolution depuis la session antérieure"));
}

static char *
competency_label (GrReport *self,
                  guint     row,
                  guint     column,
                  gpointer  user_data)
{
  return g_strdup (competency_title (self, column));
}

static char *
scores_cell (GrReport *self,
             guint     row,
             guint     c,
             gpointer  user_data)
{
  ScoresRows *rows = user_data;
  guint extra = row - rows->n_participants;
  GrStats stats;

  if (row < rows->n_participants)
    {
      GrParticipant *participant = score_row_participant (self, row);
      int target = gr_participant_get_target (participant, c);
      g_autofree char *score = NULL;

      if (gr_participant_get_competency_stats (participant, c, &stats))
        score = format_score (self, stats.mean);
      if (target == GR_LEVEL_NONE || self->participant)
        return g_strdup (score ? score : "—");
      /* Translators: a score, then the participant's target, in a table cell. */
      return g_strdup_printf (_T ("%s\ncible %d"), score ? score : "—", target);
    }
  if (rows->group_rows && extra < 2)
    {
      g_autofree char *low = NULL;
      g_autofree char *high = NULL;

      if (!gr_session_get_competency_stats (self->session, c, &stats))
        return g_strdup ("—");
      if (extra == 0)
        return format_score (self, stats.mean);
      low = format_score (self, stats.min);
      high = format_score (self, stats.max);
      return g_strdup_printf ("%s – %s", low, high);
    }
  if (rows->group_rows)
    extra -= 2;
  if (extra == 0)
    return isnan (target_value (self, c)) ? g_strdup ("—")
                                          : format_score (self, target_value (self, c));
  if (extra - 1 < rows->n_references)
    {
      double then = reference_series (self, extra - 1)->values[c];

      return isnan (then) ? g_strdup ("—") : format_score (self, then);
    }
  {
    double before = first_reference_value (self, c);
    double now = main_value (self, c);

    return isnan (before) || isnan (now) ? g_strdup ("—") : format_change (self, now - before);
  }
}

static const GrChartColor *
scores_row_color (guint    row,
                  gpointer user_data)
{
  ScoresRows *rows = user_data;

  return row < rows->n_participants ? NULL : &ACCENT;
}

static void
place_scores (GrReport *self)
{
  ScoresRows rows = { 0 };
  g_autofree char *caption = NULL;
  guint n_rows;

  rows.n_participants = self->participant ? 1 : gr_session_get_n_participants (self->session);
  rows.group_rows = self->participant == NULL && rows.n_participants > 1;
  rows.n_references = n_references (self);
  n_rows = rows.n_participants + (rows.group_rows ? 2 : 0) + 1 +
           (rows.n_references > 0 ? rows.n_references + 1 : 0);

  /* The cover is the radar and its reading; the numbers start on a page of their own. */
  if (self->y > self->top)
    new_page (self);
  heading (self, _T ("Scores par compétence"), style_of (H2), 0, 60, TRUE);
  /* Translators: under the scores table; %d is the top of the scale. */
  caption = g_strdup_printf (_T ("Scores de 0 à %d : la moyenne des savoir-faire évalués. "
                                 "« — » : non évalué."), gr_grid_get_max_level (self->grid));
  paragraph (self, caption, style_of (NOTE_MUTED), 0, 6);
  place_wide_table (self, _T ("Participant"), n_rows, gr_grid_get_n_competencies (self->grid),
                    scores_row_label, competency_label, scores_cell, scores_row_color, &rows);
}

/* By role: each role's mean of its participants' scores, then the largest gap between roles. */

static char *
roles_row_label (GrReport *self,
                 guint     row,
                 guint     column,
                 gpointer  user_data)
{
  if (row < self->roles->len)
    return gr_role_group_get_label (self->roles->pdata[row], self->tr);
  return g_strdup (_T ("Écart le plus grand"));
}

static char *
roles_cell (GrReport *self,
            guint     row,
            guint     c,
            gpointer  user_data)
{
  g_autofree char *gap_text = NULL;
  g_autofree char *high = NULL;
  g_autofree char *low = NULL;
  GrRoleGap gap;

  if (row < self->roles->len)
    {
      GrStats *stats = &((GrRoleGroup *) self->roles->pdata[row])->stats[c];

      return gr_stats_has_score (stats) ? format_score (self, stats->mean) : g_strdup ("—");
    }
  if (!gr_roles_get_largest_gap (self->roles, c, &gap))
    return g_strdup ("—");
  gap_text = format_score (self, gap.gap);
  high = gr_role_group_get_label (self->roles->pdata[gap.highest], self->tr);
  low = gr_role_group_get_label (self->roles->pdata[gap.lowest], self->tr);
  /* Translators: a cell of the report's table by role: the largest gap between two roles'
   * scores, then the role with the higher score and the one with the lower. */
  return g_strdup_printf (_T ("%1$s\n%2$s – %3$s"), gap_text, high, low);
}

static const GrChartColor *
roles_row_color (guint    row,
                 gpointer user_data)
{
  GrReport *self = user_data;

  return row < self->roles->len ? NULL : &ACCENT;
}

static void
place_roles (GrReport *self)
{
  g_autofree char *caption = NULL;

  heading (self, _T ("Scores par rôle"), style_of (H2), 12, 60, TRUE);
  /* Translators: under the title of the report's table by role; %d is the top of the scale. */
  caption = g_strdup_printf (_T ("Pour chaque rôle, la moyenne des scores de ses participants, "
                                 "de 0 à %d. « — » : ses participants n’ont rien évalué là."),
                             gr_grid_get_max_level (self->grid));
  paragraph (self, caption, style_of (NOTE_MUTED), 0, 6);
  place_wide_table (self, _T ("Rôle"), self->roles->len + 1,
                    gr_grid_get_n_competencies (self->grid), roles_row_label, competency_label,
                    roles_cell, roles_row_color, self);
}

/* One section per competency. */

typedef struct
{
  GrCompetency *competency;
  GPtrArray    *participants;   /* GrParticipant, the columns (or rows, turned) */
  gboolean      turned;         /* participants as rows */
} LevelsTable;

static char *
level_text (GrReport *self,
            int       level)
{
  if (level == GR_LEVEL_NONE)
    return g_strdup ("—");
  /* Translators: a level's number and name in a table cell, "2 · En progression". */
  return g_strdup_printf (_T ("%d · %s"), level,
                          gr_translator_grid (self->tr,
                                              gr_level_get_name (gr_grid_get_level (self->grid,
                                                                                    level))));
}

static char *
item_label (GrReport *self,
            guint     i,
            gpointer  user_data,
            gboolean  short_form)
{
  LevelsTable *t = user_data;
  GrItem *item = gr_competency_get_item (t->competency, i);

  if (short_form)
    return g_strdup_printf ("%u", i + 1);
  return g_strdup_printf ("%u. %s", i + 1, gr_translator_grid (self->tr, gr_item_get_text (item)));
}

static char *
levels_row_label (GrReport *self,
                  guint     row,
                  guint     column,
                  gpointer  user_data)
{
  LevelsTable *t = user_data;

  if (t->turned)
    return report_name (self, gr_participant_get_name (g_ptr_array_index (t->participants, row)));
  return item_label (self, row, user_data, FALSE);
}

static char *
levels_column_label (GrReport *self,
                     guint     row,
                     guint     column,
                     gpointer  user_data)
{
  LevelsTable *t = user_data;

  if (t->turned)
    /* Translators: the heading of a savoir-faire's column, by its number. */
    return g_strdup_printf (_T ("Savoir-faire %u"), column + 1);
  return report_name (self, gr_participant_get_name (g_ptr_array_index (t->participants, column)));
}

static char *
levels_cell (GrReport *self,
             guint     row,
             guint     column,
             gpointer  user_data)
{
  LevelsTable *t = user_data;
  guint item = t->turned ? column : row;
  guint participant = t->turned ? row : column;

  return level_text (self, gr_participant_get_level (g_ptr_array_index (t->participants,
                                                                        participant),
                                                     gr_item_get_index (gr_competency_get_item (t->competency, item))));
}

static void
place_competency (GrReport *self,
                  guint     c)
{
  GrCompetency *competency = gr_grid_get_competency (self->grid, c);
  const char *subtitle = gr_translator_grid (self->tr, gr_competency_get_subtitle (competency));
  g_autofree char *title = g_utf8_strup (competency_title (self, c), -1);
  g_autoptr(GPtrArray) participants = g_ptr_array_new ();
  LevelsTable t = { competency, participants, FALSE };
  guint n_items = gr_competency_get_n_items (competency);
  guint n_notes = 0;
  double value = main_value (self, c);
  g_autofree char *score_line = NULL;

  if (self->participant)
    g_ptr_array_add (participants, self->participant);
  else
    for (guint p = 0; p < gr_session_get_n_participants (self->session); p++)
      g_ptr_array_add (participants, gr_session_get_participant (self->session, p));

  /* A new page for each competency: a council member finds it by its title. */
  if (self->y > self->top)
    new_page (self);
  add_outline (self, competency_title (self, c));
  paragraph (self, title, style_of (H2), 0, 2);
  if (*subtitle)
    paragraph (self, subtitle, style_of (LEAD), 0, 6);

  if (isnan (value))
    score_line = g_strdup (_T ("Score : non évalué"));
  else
    {
      g_autofree char *score = format_score (self, value);
      /* Translators: a competency's score, "Score : 2,50 sur 4". */
      score_line = g_strdup_printf (_T ("Score : %s sur %d"), score,
                                    gr_grid_get_max_level (self->grid));
    }
  paragraph (self, score_line, style_of (BODY_BOLD), 0, 8);

  if (participants->len == 0)
    {
      for (guint i = 0; i < n_items; i++)
        {
          g_autofree char *label = item_label (self, i, &t, FALSE);
          paragraph (self, label, style_of (BODY), 0, 4);
        }
    }
  else
    {
      /* Participants as columns while they fit in one table; otherwise as rows, under the
       * numbered savoir-faire, so that 50 participants read as a list, not as ten tables. */
      t.turned = participants->len > columns_per_table (self, FIRST_COLUMN);
      if (t.turned)
        {
          for (guint i = 0; i < n_items; i++)
            {
              g_autofree char *label = item_label (self, i, &t, FALSE);
              paragraph (self, label, style_of (BODY), 0, 3);
            }
          self->y += 4;
          place_wide_table (self, _T ("Participant"), participants->len, n_items,
                            levels_row_label, levels_column_label, levels_cell, NULL, &t);
        }
      else
        place_wide_table (self, _T ("Savoir-faire"), n_items, participants->len,
                          levels_row_label, levels_column_label, levels_cell, NULL, &t);
    }

  heading (self, _T ("Notes"), style_of (H3), 4, 2 * BODY_SIZE, FALSE);
  for (guint i = 0; i < n_items; i++)
    {
      guint index = gr_item_get_index (gr_competency_get_item (competency, i));
      gboolean first = TRUE;

      for (guint p = 0; p < participants->len; p++)
        {
          GrParticipant *participant = g_ptr_array_index (participants, p);
          const char *note = gr_participant_get_note (participant, index);
          g_autoptr(PangoLayout) author = NULL;

          if (*note == '\0')
            continue;
          if (first)
            {
              g_autofree char *label = item_label (self, i, &t, FALSE);
              g_autoptr(PangoLayout) layout = make_layout (self, label, style_of (SMALL_BOLD),
                                                           self->right - self->left, 0);
              need (self, layout_height (layout) + 3 * BODY_SIZE);
              self->y += 2;
              paragraph (self, label, style_of (SMALL_BOLD), 0, 3);
              first = FALSE;
            }
          g_autofree char *author_name = report_name (self, gr_participant_get_name (participant));

          author = make_layout (self, author_name, style_of (BODY_BOLD),
                                self->right - self->left - 12, 3);
          /* The author stays with at least the first line of the note. */
          need (self, layout_height (author) + 1.5 * BODY_SIZE);
          add_text_at (self, author, self->left + 12, self->y, &ACCENT);
          self->y += layout_height (author) + 1;
          paragraph (self, note, style_of (BODY), 12, 6);
          n_notes++;
        }
    }
  if (n_notes == 0)
    paragraph (self, _T ("Aucune note."), style_of (NOTE_MUTED), 0, 6);
}

/* The action plan. */

static void
place_actions (GrReport *self)
{
  if (self->y > self->top)
    new_page (self);
  heading (self, _T ("Plan d’action"), style_of (H2), 0, 40, TRUE);

  for (guint c = 0; c < gr_grid_get_n_competencies (self->grid); c++)
    {
      GListModel *actions = gr_session_get_actions (self->session, c);
      guint n = g_list_model_get_n_items (actions);
      g_autoptr(Table) table = NULL;
      double body = self->right - self->left;

      heading (self, competency_title (self, c), style_of (H3), 8, 2 * BODY_SIZE + 8, FALSE);
      if (n == 0)
        {
          paragraph (self, _T ("Aucune action"), style_of (NOTE_MUTED), 0, 4);
          continue;
        }

      table = table_new (4);
      table->widths[1] = body * 0.22;
      table->widths[2] = body * 0.18;
      table->widths[3] = body * 0.13;
      table->widths[0] = body - table->widths[1] - table->widths[2] - table->widths[3];
      table->header[0] = g_strdup (_T ("Action"));
      table->header[1] = g_strdup (_T ("Responsable"));
      table->header[2] = g_strdup (_T ("Échéance"));
      table->header[3] = g_strdup (_T ("État"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GrAction) action = g_list_model_get_item (actions, i);
          char **cells = g_new0 (char *, 5);
          const char *due = gr_action_get_due (action);
          gboolean late = gr_action_is_overdue (action, self->today);
          char *date = *due ? gr_format_date_long (self->tr, due) : NULL;

          cells[0] = g_strdup (gr_action_get_text (action));
          cells[1] = report_name (self, gr_action_get_owner (action));
          cells[2] = date ? date : g_strdup ("—");
          cells[3] = g_strdup (gr_action_get_done (action) ? _T ("Fait")
                               : late ? _T ("En retard") : _T ("À faire"));
          table_add_row (table, cells, late ? &LATE : NULL);
        }
      table_place (self, table);
    }
}

/* Footers, once the number of pages is known. */

static void
place_footers (GrReport *self)
{
  const char *organisation = gr_session_get_organisation (self->session);
  const char *title = gr_session_get_title (self->session);
  g_autofree char *left = NULL;

  if (*organisation && *title)
    left = g_strdup_printf ("%s — %s", organisation, title);
  else
    left = g_strdup (*organisation ? organisation : title);

  for (guint p = 0; p < self->pages->len; p++)
    {
      /* Translators: the page footer, "Page 2 / 5". */
      g_autofree char *number = g_strdup_printf (_T ("Page %u / %u"), p + 1, self->pages->len);
      double width = self->right - self->left;
      g_autoptr(PangoLayout) right = make_layout (self, number, style_of (SMALL), width * 0.25, 1);
      g_autoptr(PangoLayout) info = make_layout (self, left, style_of (SMALL), width * 0.72, 1);
      Page *page = g_ptr_array_index (self->pages, p);
      Op number_op = { .kind = OP_TEXT, .layout = g_object_ref (right), .color = MUTED };
      Op info_op = { .kind = OP_TEXT, .layout = g_object_ref (info), .color = MUTED };
      Op rule = { .kind = OP_LINE, .x = self->left, .width = width, .color = RULE };

      pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
      number_op.x = self->right - width * 0.25;
      number_op.y = self->height - MARGIN - layout_height (right);
      info_op.x = self->left;
      info_op.y = number_op.y;
      rule.y = number_op.y - 4;
      g_array_append_val (page->ops, rule);
      g_array_append_val (page->ops, info_op);
      g_array_append_val (page->ops, number_op);
    }
}

/* The API. */

void
gr_report_options_init (GrReportOptions *options)
{
  *options = (GrReportOptions) { .paper = GR_PAPER_A4 };
}

static PangoContext *
create_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Without hinting, text measures the same on a PDF, a printer and the screen. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);

  return context;
}

/**
 * gr_report_new:
 *
 * Lays the report out in pages: a pure function of the session and the options.
 *
 * Returns: (transfer full) (nullable): the report, or NULL when the participant asked for is
 * not in the session.
 */
GrReport *
gr_report_new (GrSession              *session,
               const GrReportOptions  *options,
               GError                **error)
{
  g_autoptr(GrReport) self = g_new0 (GrReport, 1);
  g_autofree char *today = NULL;
  GrChartExportOptions chart_options;
  GrParticipant *participant = NULL;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->participant != NULL &&
      !(participant = gr_session_find_participant (session, options->participant, NULL)))
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME,
                   _("la session n’a pas de participant nommé « %s »"), options->participant);
      return NULL;
    }

  self->tr = options->translator ? options->translator : gr_translator_get (NULL);
  self->session = session;
  self->grid = gr_session_get_grid (session);
  self->participant = participant;
  self->today = options->today ? options->today : (today = gr_today_iso ());
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));
  self->context = create_context ();

  gr_paper_get_size (options->paper, &self->width, &self->height);
  self->left = self->top = MARGIN;
  self->right = self->width - MARGIN;
  /* The footer's line, its gap and one small line of text sit inside the bottom margin. */
  self->bottom = self->height - MARGIN - SMALL_SIZE * 1.4 - FOOTER_GAP;

  self->data = gr_chart_data_new_from_sessions (session, self->tr, participant, TRUE, FALSE,
                                                options->references);
  self->references = options->references;
  /* The group's report compares the roles, when the participants have some. */
  if (participant == NULL && gr_roles_has_roles (session))
    self->roles = gr_roles_group_session (session);

  gr_chart_export_options_init (&chart_options);
  chart_options.translator = self->tr;
  chart_options.participant = options->participant;
  chart_options.references = options->references;
  chart_options.width = (int) (self->right - self->left);
  chart_options.height = (int) MIN (self->right - self->left, 330);
  if (!(self->chart = gr_chart_export_build_layout (session, &chart_options, error)))
    return NULL;

  self->meta_title = g_strdup (*gr_session_get_title (session)
                                 ? gr_session_get_title (session)
                                 : gr_translator_grid (self->tr, gr_grid_get_title (self->grid)));
  self->meta_author = g_strdup (gr_session_get_organisation (session));
  /* Translators: the report's subtitle and PDF subject, with the grid's title. */
  self->meta_subject = g_strdup_printf (_T ("Autoévaluation — %s"),
                                        gr_translator_grid (self->tr,
                                                            gr_grid_get_title (self->grid)));

  new_page (self);
  place_cover (self);
  place_scores (self);
  if (self->roles != NULL)
    place_roles (self);
  for (guint c = 0; c < gr_grid_get_n_competencies (self->grid); c++)
    place_competency (self, c);
  place_actions (self);
  place_footers (self);

  /* Nothing of the session is kept: the pages hold their own texts. */
  g_clear_pointer (&self->data, gr_chart_data_free);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_object (&self->context);
  self->session = NULL;
  self->references = NULL;
  self->grid = NULL;
  self->participant = NULL;
  self->today = NULL;
  self->tr = NULL;

  return g_steal_pointer (&self);
}

guint
gr_report_get_n_pages (GrReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

void
gr_report_get_page_size (GrReport *self,
                         double   *width,
                         double   *height)
{
  g_return_if_fail (self != NULL);
  *width = self->width;
  *height = self->height;
}

/* Nothing is drawn nearer than this to a page's edges. */
double
gr_report_get_margin (GrReport *self)
{
  return MARGIN;
}

/* The lines of a paragraph that fall on one page. */
static void
draw_lines (const Op *op,
            cairo_t  *cr)
{
  PangoLayoutIter *iter = pango_layout_get_iter (op->layout);
  int i = 0;

  do
    {
      PangoRectangle logical;

      if (i >= op->first_line + op->n_lines)
        break;
      if (i >= op->first_line)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, op->x + (double) logical.x / PANGO_SCALE,
                         op->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE -
                         op->shift);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Draws page @page (from 0) onto @cr, whose user units are points from the page's top left. */
void
gr_report_draw_page (GrReport *self,
                     guint     page,
                     cairo_t  *cr)
{
  Page *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < p->ops->len; i++)
    {
      const Op *op = &g_array_index (p->ops, Op, i);

      cairo_set_source_rgba (cr, op->color.red, op->color.green, op->color.blue,
                             op->color.alpha);
      switch (op->kind)
        {
        case OP_TEXT:
          if (op->n_lines == 0)
            {
              cairo_move_to (cr, op->x, op->y);
              pango_cairo_show_layout (cr, op->layout);
            }
          else
            draw_lines (op, cr);
          break;
        case OP_FILL:
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_fill (cr);
          break;
        case OP_LINE:
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, op->x, op->y);
          cairo_rel_line_to (cr, op->width, 0);
          cairo_stroke (cr);
          break;
        case OP_CHART:
          /* The chart paints its own background: only over its box, not the page. */
          cairo_save (cr);
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_clip (cr);
          cairo_translate (cr, op->x, op->y);
          gr_chart_cairo_draw (self->chart, cr);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * gr_report_to_pdf:
 *
 * Returns: (transfer full): the report as a PDF document, with its metadata and an outline of
 * its sections.
 */
GBytes *
gr_report_to_pdf (GrReport  *self,
                  GError   **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint entry = 0;

  g_return_val_if_fail (self != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array,
                                                 self->width, self->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->meta_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->meta_author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->meta_subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Grille " PACKAGE_VERSION);

  cr = cairo_create (surface);
  for (guint p = 0; p < self->pages->len; p++)
    {
      for (; entry < self->outline->len; entry++)
        {
          OutlineEntry *e = &g_array_index (self->outline, OutlineEntry, entry);
          g_autofree char *link = NULL;
          char y[G_ASCII_DTOSTR_BUF_SIZE];

          if (e->page != p)
            break;
          g_ascii_formatd (y, sizeof y, "%.1f", e->y);
          link = g_strdup_printf ("page=%u pos=[0 %s]", p + 1, y);
          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, e->title, link, 0);
        }
      gr_report_draw_page (self, p, cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                   /* Translators: %s is Cairo's own explanation, in English. */
                   _("le rapport n’a pas pu être dessiné : %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

void
gr_report_free (GrReport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  if (self->outline != NULL)
    for (guint i = 0; i < self->outline->len; i++)
      g_free (g_array_index (self->outline, OutlineEntry, i).title);
  g_clear_pointer (&self->outline, g_array_unref);
  g_clear_pointer (&self->chart, gr_chart_layout_free);
  g_clear_pointer (&self->data, gr_chart_data_free);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->meta_title);
  g_free (self->meta_author);
  g_free (self->meta_subject);
  g_free (self);
}
