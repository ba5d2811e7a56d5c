/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session as CSV, for spreadsheets, R and pandas: the scores table (one row per competency
 * followed by its items' rows, one column per participant, then the group's mean, min, max and
 * count) or the long table (one row per participant and item, with the notes). */
#define G_LOG_DOMAIN "gr-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "gr-csv.h"
#include "gr-format.h"
#include "gr-roles.h"

/* The words of the header and of the "kind" column. Each language's spreadsheet users read
 * them in their language; the English ones never change, so that scripts can rely on them. */
#define CSV_CONTEXT "csv"

typedef struct
{
  GString                *out;
  GrTranslator           *translator;
  const GrCsvConvention  *convention;
  gboolean                first_cell;
} CsvWriter;

static void
writer_init (CsvWriter    *w,
             GrTranslator *translator)
{
  w->out = g_string_new ("\xEF\xBB\xBF");
  w->translator = translator;
  w->convention = gr_format_csv_convention (gr_translator_get_language (translator));
  w->first_cell = TRUE;
}

static void
separate (CsvWriter *w)
{
  if (!w->first_cell)
    g_string_append_c (w->out, w->convention->separator);
  w->first_cell = FALSE;
}

static void
append_quoted (CsvWriter  *w,
               const char *prefix,
               const char *text)
{
  g_string_append_c (w->out, '"');
  g_string_append (w->out, prefix);
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (w->out, '"');
      g_string_append_c (w->out, *p);
    }
  g_string_append_c (w->out, '"');
}

/* A text cell: always quoted, so that an importer that tries ",", ";" and tab at once still
 * reads it whole (RFC 4180: quotes doubled inside). A text that a spreadsheet would run as a
 * formula (=, +, -, @, a tab or a carriage return first: the OWASP list) gets a leading "'",
 * which keeps it text. NULL or "" is an empty cell. */
static void
cell_text (CsvWriter  *w,
           const char *text)
{
  separate (w);
  if (text == NULL || *text == '\0')
    return;

  append_quoted (w, strchr ("=+-@\t\r", text[0]) ? "'" : "", text);
}

/* A translated word of the header or of the "kind" column. */
static void
cell_word (CsvWriter  *w,
           const char *msgid)
{
  cell_text (w, gr_translator_pgettext (w->translator, CSV_CONTEXT, msgid));
}

/* A number with the language's decimal mark; quoted when that mark is a comma, so that it
 * stays one cell even for an importer that also splits at commas. */
static void
cell_number (CsvWriter *w,
             double     value,
             guint      decimals)
{
  g_autofree char *text = gr_format_decimal (value, decimals,
                                             w->convention->decimal_mark == ',');

  separate (w);
  if (strchr (text, ',') || strchr (text, w->convention->separator))
    append_quoted (w, "", text);
  else
    g_string_append (w->out, text);
}

/* A level or a count, or an empty cell for GR_LEVEL_NONE. */
static void
cell_level (CsvWriter *w,
            int        level)
{
  if (level == GR_LEVEL_NONE)
    cell_text (w, NULL);
  else
    cell_number (w, level, 0);
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
      cell_text (w, NULL);
      cell_text (w, NULL);
      cell_text (w, NULL);
    }
  cell_number (w, stats->n, 0);
}

/* One role's mean, and then the largest gap between roles, after the group's columns. */
static void
role_cells (CsvWriter     *w,
            GPtrArray     *groups,
            gboolean       item,
            guint          index)
{
  GrRoleGap gap;

  if (groups == NULL)
    return;
  for (guint g = 0; g < groups->len; g++)
    {
      GrRoleGroup *group = g_ptr_array_index (groups, g);
      const GrStats *stats = item ? &group->item_stats[index] : &group->stats[index];

      if (gr_stats_has_score (stats))
        cell_number (w, stats->mean, 2);
      else
        cell_text (w, NULL);
    }
  if (item ? gr_roles_get_largest_item_gap (groups, index, &gap)
           : gr_roles_get_largest_gap (groups, index, &gap))
    cell_number (w, gap.gap, 2);
  else
    cell_text (w, NULL);
}

static gboolean
has_targets (GrParticipant *participant,
             guint          n_competencies)
{
  for (guint c = 0; c < n_competencies; c++)
    if (gr_participant_get_target (participant, c) != GR_LEVEL_NONE)
      return TRUE;
  return FALSE;
}

gboolean
gr_csv_table_from_name (const char *name,
                        GrCsvTable *table)
{
  if (g_ascii_strcasecmp (name, "scores") == 0)
    *table = GR_CSV_TABLE_SCORES;
  else if (g_ascii_strcasecmp (name, "long") == 0)
    *table = GR_CSV_TABLE_LONG;
  else
    return FALSE;
  return TRUE;
}

/**
 * gr_csv_write_session:
 * @translator: the language of the header, the labels and the number format (its separator
 *   and decimal mark: see gr_format_csv_convention())
 *
 * The scores table: a header (Type, Identifiant, Libellé, one column per participant, one
 * "Objectif" column per participant that has targets, Moyenne, Min, Max, Nombre, and when
 * participants have roles one column per role, "Élu·e·s (3)", with its mean, and the largest gap
 * between roles), then one row per competency followed by its items' rows.
 *
 * Returns: (transfer full): UTF-8 with a byte order mark, CRLF line ends. An empty cell is an
 * item not assessed (never 0). Competency scores and all means have two decimals, levels none.
 */
GBytes *
gr_csv_write_session (GrSession    *session,
                      GrTranslator *translator)
{
  CsvWriter w;
  GrGrid *grid;
  guint n_participants, n_competencies;
  g_autofree gboolean *targets = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (translator != NULL, NULL);

  writer_init (&w, translator);
  grid = gr_session_get_grid (session);
  n_participants = gr_session_get_n_participants (session);
  n_competencies = gr_grid_get_n_competencies (grid);
  targets = g_new0 (gboolean, MAX (n_participants, 1));
  if (gr_roles_has_roles (session))
    groups = gr_roles_group_session (session);

  /* Translators: the header of the CSV export's first column, which says whether a row is a
   * competency or a savoir-faire. English must stay "kind": scripts read it. */
  cell_word (&w, NC_("csv", "Type"));
  /* Translators: a CSV header: the competency's or savoir-faire's id ("cooperer.1").
   * English must stay "id". */
  cell_word (&w, NC_("csv", "Identifiant"));
  /* Translators: a CSV header: the competency's title or the savoir-faire's text.
   * English must stay "label". */
  cell_word (&w, NC_("csv", "Libellé"));
  for (guint p = 0; p < n_participants; p++)
    cell_text (&w, gr_participant_get_name (gr_session_get_participant (session, p)));
  for (guint p = 0; p < n_participants; p++)
    {
      GrParticipant *participant = gr_session_get_participant (session, p);
      g_autofree char *header = NULL;

      if (!(targets[p] = has_targets (participant, n_competencies)))
        continue;
      /* Translators: a CSV header: the target levels of the participant named %s.
       * English must stay "target (%s)". */
      header = g_strdup_printf (gr_translator_pgettext (translator, CSV_CONTEXT,
                                                        NC_("csv", "Objectif (%s)")),
                                gr_participant_get_name (participant));
      cell_text (&w, header);
    }
  /* Translators: a CSV header: the group's mean. English must stay "mean". */
  cell_word (&w, NC_("csv", "Moyenne"));
  /* Translators: a CSV header: the group's lowest score. English must stay "min". */
  cell_word (&w, NC_("csv", "Min"));
  /* Translators: a CSV header: the group's highest score. English must stay "max". */
  cell_word (&w, NC_("csv", "Max"));
  /* Translators: a CSV header: how many participants were assessed. English must stay "n". */
  cell_word (&w, NC_("csv", "Nombre"));
  if (groups != NULL)
    {
      for (guint g = 0; g < groups->len; g++)
        {
          g_autofree char *label = gr_role_group_get_label (g_ptr_array_index (groups, g),
                                                            translator);
          cell_text (&w, label);
        }
      /* Translators: a CSV header: the largest difference between two roles' scores.
       * English must stay "role_gap". */
      cell_word (&w, NC_("csv", "Écart entre rôles"));
    }
  end_row (&w);

  for (guint c = 0; c < n_competencies; c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      GrStats stats;

      /* Translators: the kind of a CSV row, and a CSV header of the long table. English must
       * stay "competency". */
      cell_word (&w, NC_("csv", "Compétence"));
      cell_text (&w, gr_competency_get_id (competency));
      cell_text (&w, gr_translator_grid (translator, gr_competency_get_title (competency)));
      for (guint p = 0; p < n_participants; p++)
        {
          if (gr_participant_get_competency_stats (gr_session_get_participant (session, p),
                                                   c, &stats))
            cell_number (&w, stats.mean, 2);
          else
            cell_text (&w, NULL);
        }
      for (guint p = 0; p < n_participants; p++)
        if (targets[p])
          cell_level (&w, gr_participant_get_target (gr_session_get_participant (session, p), c));
      gr_session_get_competency_stats (session, c, &stats);
      stats_cells (&w, &stats, 2);
      role_cells (&w, groups, FALSE, c);
      end_row (&w);

      for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
        {
          GrItem *item = gr_competency_get_item (competency, i);
          guint index = gr_item_get_index (item);

          /* Translators: the kind of a CSV row, and a CSV header of the long table. English
           * must stay "item". */
          cell_word (&w, NC_("csv", "Savoir-faire"));
          cell_text (&w, gr_item_get_id (item));
          cell_text (&w, gr_translator_grid (translator, gr_item_get_text (item)));
          for (guint p = 0; p < n_participants; p++)
            cell_level (&w, gr_participant_get_level (gr_session_get_participant (session, p),
                                                      index));
          for (guint p = 0; p < n_participants; p++)
            if (targets[p])
              cell_text (&w, NULL);
          gr_session_get_item_stats (session, index, &stats);
          stats_cells (&w, &stats, 0);
          role_cells (&w, groups, TRUE, index);
          end_row (&w);
        }
    }

  return g_string_free_to_bytes (w.out);
}

/**
 * gr_csv_write_long:
 * @translator: the language of the header, the texts and the number format
 *
 * The long ("tidy") table that pivot tables, R and pandas read: one row per participant and
 * savoir-faire, with the participant, the competency's id and title, the item's id and text,
 * the level and its name, the note and the participant's target for the competency.
 *
 * Returns: (transfer full): UTF-8 with a byte order mark, CRLF line ends; an item not assessed
 * has an empty level.
 */
GBytes *
gr_csv_write_long (GrSession    *session,
                   GrTranslator *translator)
{
  CsvWriter w;
  GrGrid *grid;
  gboolean roles;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (translator != NULL, NULL);

  roles = gr_roles_has_roles (session);
  writer_init (&w, translator);
  grid = gr_session_get_grid (session);

  /* Translators: a CSV header of the long table. English must stay "participant". */
  cell_word (&w, NC_("csv", "Participant"));
  /* Translators: a CSV header of the long table: the competency's id ("cooperer").
   * English must stay "competency_id". */
  cell_word (&w, NC_("csv", "Identifiant de la compétence"));
  cell_word (&w, "Compétence");
  /* Translators: a CSV header of the long table: the savoir-faire's id ("cooperer.1").
   * English must stay "item_id". */
  cell_word (&w, NC_("csv", "Identifiant du savoir-faire"));
  cell_word (&w, "Savoir-faire");
  /* Translators: a CSV header of the long table: the level, a number. English must stay
   * "level". */
  cell_word (&w, NC_("csv", "Niveau"));
  /* Translators: a CSV header of the long table: the level's name ("Maîtrisé").
   * English must stay "level_name". */
  cell_word (&w, NC_("csv", "Nom du niveau"));
  /* Translators: a CSV header of the long table: the participant's note on the
   * savoir-faire. English must stay "note". */
  cell_word (&w, NC_("csv", "Note"));
  /* Translators: a CSV header of the long table: the participant's target level for the
   * competency. English must stay "target". */
  cell_word (&w, NC_("csv", "Objectif"));
  /* Translators: a CSV header of the long table: the participant's role ("Élu·e").
   * English must stay "role". */
  if (roles)
    cell_word (&w, NC_("csv", "Rôle"));
  end_row (&w);

  for (guint p = 0; p < gr_session_get_n_participants (session); p++)
    {
      GrParticipant *participant = gr_session_get_participant (session, p);

      for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
        {
          GrCompetency *competency = gr_grid_get_competency (grid, c);
          const char *title = gr_translator_grid (translator, gr_competency_get_title (competency));
          int target = gr_participant_get_target (participant, c);

          for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
            {
              GrItem *item = gr_competency_get_item (competency, i);
              guint index = gr_item_get_index (item);
              int level = gr_participant_get_level (participant, index);
              GrLevel *named = level != GR_LEVEL_NONE ? gr_grid_get_level (grid, level) : NULL;

              cell_text (&w, gr_participant_get_name (participant));
              cell_text (&w, gr_competency_get_id (competency));
              cell_text (&w, title);
              cell_text (&w, gr_item_get_id (item));
              cell_text (&w, gr_translator_grid (translator, gr_item_get_text (item)));
              cell_level (&w, level);
              cell_text (&w, named ? gr_translator_grid (translator, gr_level_get_name (named))
                                   : NULL);
              cell_text (&w, gr_participant_get_note (participant, index));
              cell_level (&w, target);
              if (roles)
                cell_text (&w, gr_participant_get_role (participant));
              end_row (&w);
            }
        }
    }

  return g_string_free_to_bytes (w.out);
}

/**
 * gr_csv_write:
 * @table: the scores table or the long table
 *
 * Returns: (transfer full): the session as @table, in @translator's language.
 */
GBytes *
gr_csv_write (GrSession    *session,
              GrCsvTable    table,
              GrTranslator *translator)
{
  switch (table)
    {
    case GR_CSV_TABLE_SCORES:
      return gr_csv_write_session (session, translator);
    case GR_CSV_TABLE_LONG:
      return gr_csv_write_long (session, translator);
    default:
      g_return_val_if_reached (NULL);
    }
}
