/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scores table as CSV, for spreadsheets: one row per competency followed by its items' rows,
 * one column per participant, then the group's mean, min, max and count. */
#define G_LOG_DOMAIN "gr-csv"

#include "config.h"

#include "gr-csv.h"
#include "gr-format.h"

typedef struct
{
  GString  *out;
  char      separator;
  gboolean  decimal_comma;
  gboolean  first_cell;
} CsvWriter;

/* RFC 4180: a cell holding the separator, a quote or a line break is quoted, quotes doubled. */
static void
cell (CsvWriter  *w,
      const char *text)
{
  if (!w->first_cell)
    g_string_append_c (w->out, w->separator);
  w->first_cell = FALSE;

  if (text == NULL)
    return;

  if (strchr (text, w->separator) || strpbrk (text, "\"\r\n"))
    {
      g_string_append_c (w->out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (w->out, '"');
          g_string_append_c (w->out, *p);
        }
      g_string_append_c (w->out, '"');
    }
  else
    g_string_append (w->out, text);
}

static void
cell_number (CsvWriter *w,
             double     value,
             guint      decimals)
{
  g_autofree char *text = gr_format_decimal (value, decimals, w->decimal_comma);
  cell (w, text);
}

static void
end_row (CsvWriter *w)
{
  g_string_append (w->out, "\r\n");
  w->first_cell = TRUE;
}

/* mean, min, max, n; the first three empty when nothing was assessed. */
static void
stats_cells (CsvWriter     *w,
             const GrStats *stats,
             guint          band_decimals)
{
  if (gr_stats_has_score (stats))
    {
      cell_number (w, stats->mean, 2);
      cell_number (w, stats->min, band_decimals);
      cell_number (w, stats->max, band_decimals);
    }
  else
    {
      cell (w, NULL);
      cell (w, NULL);
      cell (w, NULL);
    }
  cell_number (w, stats->n, 0);
}

/**
 * gr_csv_write_session:
 * @translator: the language of the labels; French writes ";" between cells and a decimal
 *   comma, as French spreadsheets expect, every other language "," and a decimal point
 *
 * Returns: (transfer full): UTF-8 with a byte order mark, CRLF line ends. An empty cell is an
 * item not assessed (never 0). Competency scores and all means have two decimals.
 */
GBytes *
gr_csv_write_session (GrSession    *session,
                      GrTranslator *translator)
{
  CsvWriter w = { g_string_new ("\xEF\xBB\xBF"), ',', FALSE, TRUE };
  GrGrid *grid;
  guint n_participants;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (translator != NULL, NULL);

  grid = gr_session_get_grid (session);
  n_participants = gr_session_get_n_participants (session);

  if (g_strcmp0 (gr_translator_get_language (translator), "fr") == 0)
    {
      w.separator = ';';
      w.decimal_comma = TRUE;
    }

  /* The header words stay as written in every language: scripts read them. */
  cell (&w, "kind");
  cell (&w, "id");
  cell (&w, "label");
  for (guint p = 0; p < n_participants; p++)
    cell (&w, gr_participant_get_name (gr_session_get_participant (session, p)));
  cell (&w, "mean");
  cell (&w, "min");
  cell (&w, "max");
  cell (&w, "n");
  end_row (&w);

  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      GrStats stats;

      cell (&w, "competency");
      cell (&w, gr_competency_get_id (competency));
      cell (&w, gr_translator_grid (translator, gr_competency_get_title (competency)));
      for (guint p = 0; p < n_participants; p++)
        {
          if (gr_participant_get_competency_stats (gr_session_get_participant (session, p),
                                                   c, &stats))
            cell_number (&w, stats.mean, 2);
          else
            cell (&w, NULL);
        }
      gr_session_get_competency_stats (session, c, &stats);
      stats_cells (&w, &stats, 2);
      end_row (&w);

      for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
        {
          GrItem *item = gr_competency_get_item (competency, i);
          guint index = gr_item_get_index (item);

          cell (&w, "item");
          cell (&w, gr_item_get_id (item));
          cell (&w, gr_translator_grid (translator, gr_item_get_text (item)));
          for (guint p = 0; p < n_participants; p++)
            {
              int level = gr_participant_get_level (gr_session_get_participant (session, p), index);

              if (level == GR_LEVEL_NONE)
                cell (&w, NULL);
              else
                cell_number (&w, level, 0);
            }
          gr_session_get_item_stats (session, index, &stats);
          stats_cells (&w, &stats, 0);
          end_row (&w);
        }
    }

  return g_string_free_to_bytes (w.out);
}
