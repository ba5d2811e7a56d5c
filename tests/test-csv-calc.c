/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV as LibreOffice Calc reads it: each language's export, the scores table and the long
 * table, converted headlessly once with Calc's default automatic import (comma, semicolon and
 * tab ticked) and once with the language's own settings; every number arrives as a number,
 * every label and name whole, and a name or note that looks like a formula stays text. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gr-csv.h"
#include "gr-format.h"

static char *soffice;
static char *tmpdir;

/* The names and notes a spreadsheet import gets wrong when the CSV is careless. */
static const char *tricky_names[] = {
  "Élus; \"bureau\"", "Nord, Sud", "Ligne 1\nLigne 2", "=SUM(1;2)", " Espace autour ",
};

/* LibreOffice's language ids: they set the decimal mark the import reads. */
static const struct { const char *language; const char *id; } calc_languages[] = {
  { "fr", "1036" }, { "en", "1033" }, { "de", "1031" }, { "es", "3082" }, { "it", "1040" },
  { "nl", "1043" }, { "pt", "2070" }, { "ar", "1025" },
};

static const char *
calc_language (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (calc_languages); i++)
    if (g_str_equal (calc_languages[i].language, language))
      return calc_languages[i].id;
  g_error ("no LibreOffice language id for %s here: add it to calc_languages", language);
}

static GrSession *
tricky_session (void)
{
  GrGrid *grid = gr_grid_get_default ();
  GrSession *session = gr_session_new (grid);

  for (guint p = 0; p < G_N_ELEMENTS (tricky_names); p++)
    {
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, tricky_names[p]);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 21; i += 1 + p)
        gr_participant_set_level (participant, i, (int) ((i + p) % 5));
      gr_participant_set_note (participant, 0, tricky_names[(p + 1) % G_N_ELEMENTS (tricky_names)]);
      gr_participant_set_note (participant, 1, "-2 points; @voir, \"très\" bien\r\nsuite");
      if (p % 2 == 0)
        gr_participant_set_target (participant, 0, 4);
      gr_session_add_participant (session, participant, &error);
      g_assert_no_error (error);
    }
  return session;
}

/* One cell as written in the CSV (RFC 4180) or as read back from Calc. */
typedef struct
{
  char     *text;
  gboolean  quoted;     /* CSV: between quotes */
  gboolean  number;     /* Calc: a float cell */
  double    value;
} Cell;

static void
cell_clear (Cell *cell)
{
  g_free (cell->text);
}

static GArray *
new_row (void)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));

  g_array_set_clear_func (row, (GDestroyNotify) cell_clear);
  return row;
}

/* The CSV split as RFC 4180 says, with the separator we wrote: the reference for Calc. */
static GPtrArray *
parse_csv (const char *text,
           char        separator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  const char *p = text;

  g_assert_true (g_str_has_prefix (p, "\xEF\xBB\xBF"));
  p += 3;
  while (*p)
    {
      GArray *row = new_row ();

      for (;;)
        {
          Cell cell = { NULL, FALSE, FALSE, 0 };
          GString *s = g_string_new (NULL);

          if (*p == '"')
            {
              cell.quoted = TRUE;
              for (p++; !(*p == '"' && p[1] != '"'); p++)
                {
                  g_assert_true (*p != '\0');
                  if (*p == '"')
                    p++;
                  g_string_append_c (s, *p);
                }
              p++;
            }
          else
            while (*p && *p != separator && *p != '\r')
              g_string_append_c (s, *p++);
          cell.text = g_string_free (s, FALSE);
          g_array_append_val (row, cell);
          if (*p == separator)
            {
              p++;
              continue;
            }
          g_assert_true (g_str_has_prefix (p, "\r\n"));
          p += 2;
          break;
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* Calc's result, read from its flat XML spreadsheet (.fods): the first sheet's cells. */
typedef struct
{
  GPtrArray *rows;
  GArray    *row;
  Cell      *cell;
  GString   *text;
  int        repeat;
  int        n_paragraphs;
  gboolean   in_sheet;
  gboolean   sheet_done;
} FodsReader;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
fods_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  FodsReader *r = user_data;

  if (g_str_equal (element, "table:table") && !r->sheet_done)
    r->in_sheet = TRUE;
  if (!r->in_sheet)
    return;

  if (g_str_equal (element, "table:table-row"))
    r->row = new_row ();
  else if (g_str_equal (element, "table:table-cell") ||
           g_str_equal (element, "table:covered-table-cell"))
    {
      const char *type = attribute (names, values, "office:value-type");
      const char *value = attribute (names, values, "office:value");
      const char *repeat = attribute (names, values, "table:number-columns-repeated");

      g_assert_null (attribute (names, values, "table:formula"));
      r->repeat = repeat ? MIN (atoi (repeat), 64) : 1;
      r->text = g_string_new (NULL);
      r->n_paragraphs = 0;
      r->cell = g_new0 (Cell, 1);
      r->cell->number = g_strcmp0 (type, "float") == 0;
      r->cell->value = value ? g_ascii_strtod (value, NULL) : 0;
    }
  else if (g_str_equal (element, "text:p") && r->text)
    {
      if (r->n_paragraphs++ > 0)
        g_string_append_c (r->text, '\n');
    }
  else if (g_str_equal (element, "text:s") && r->text)
    {
      const char *count = attribute (names, values, "text:c");

      for (int i = 0; i < (count ? atoi (count) : 1); i++)
        g_string_append_c (r->text, ' ');
    }
  else if (g_str_equal (element, "text:line-break") && r->text)
    g_string_append_c (r->text, '\n');
  else if (g_str_equal (element, "text:tab") && r->text)
    g_string_append_c (r->text, '\t');
}

static void
fods_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              user_data,
          GError              **error)
{
  FodsReader *r = user_data;

  if (!r->in_sheet)
    return;

  if (g_str_equal (element, "table:table"))
    {
      r->in_sheet = FALSE;
      r->sheet_done = TRUE;
    }
  else if (g_str_equal (element, "table:table-row"))
    {
      /* Calc pads rows with empty cells: the CSV's trailing empty cells are compared alike. */
      while (r->row->len > 0 && *g_array_index (r->row, Cell, r->row->len - 1).text == '\0')
        g_array_set_size (r->row, r->row->len - 1);
      g_ptr_array_add (r->rows, g_steal_pointer (&r->row));
    }
  else if ((g_str_equal (element, "table:table-cell") ||
            g_str_equal (element, "table:covered-table-cell")) && r->cell)
    {
      for (int i = 0; i < r->repeat; i++)
        {
          Cell copy = *r->cell;

          copy.text = g_strdup (r->text->str);
          g_array_append_val (r->row, copy);
        }
      g_string_free (g_steal_pointer (&r->text), TRUE);
      g_clear_pointer (&r->cell, g_free);
    }
}

static void
fods_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              user_data,
           GError              **error)
{
  FodsReader *r = user_data;

  if (r->in_sheet && r->text && g_str_equal (g_markup_parse_context_get_element (context),
                                             "text:p"))
    g_string_append_len (r->text, text, length);
  else if (r->in_sheet && r->text && g_str_equal (g_markup_parse_context_get_element (context),
                                                  "text:span"))
    g_string_append_len (r->text, text, length);
}

static GPtrArray *
read_fods (const char *path)
{
  const GMarkupParser parser = { fods_start, fods_end, fods_text, NULL, NULL };
  FodsReader r = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref) };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  context = g_markup_parse_context_new (&parser, 0, &r, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  while (r.rows->len > 0 && ((GArray *) r.rows->pdata[r.rows->len - 1])->len == 0)
    g_ptr_array_set_size (r.rows, r.rows->len - 1);
  return r.rows;
}

/* Converts @csv files with Calc's import options @filter, into .fods files in @outdir. */
static void
convert (const char  *filter,
         const char  *outdir,
         const char **csv)
{
  g_autofree char *profile = g_build_filename (tmpdir, "profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *user_installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *infilter = g_strconcat ("--infilter=CSV:", filter, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, soffice);
  g_ptr_array_add (argv, user_installation);
  g_ptr_array_add (argv, "--headless");
  g_ptr_array_add (argv, "--norestore");
  g_ptr_array_add (argv, infilter);
  g_ptr_array_add (argv, "--convert-to");
  g_ptr_array_add (argv, "fods");
  g_ptr_array_add (argv, "--outdir");
  g_ptr_array_add (argv, (char *) outdir);
  for (guint i = 0; csv[i]; i++)
    g_ptr_array_add (argv, (char *) csv[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("soffice failed (%s):\n%s%s", filter, out, err);
}

/* Every cell as RFC 4180 reads it; numbers (ours have only digits and one decimal mark)
 * numeric with the same value, texts whole and still texts. */
static void
compare (GPtrArray             *csv,
         GPtrArray             *calc,
         const GrCsvConvention *convention,
         const char            *what)
{
  g_assert_cmpuint (calc->len, ==, csv->len);
  for (guint r = 0; r < csv->len; r++)
    {
      GArray *want = csv->pdata[r];
      GArray *got = calc->pdata[r];
      guint n = want->len;

      while (n > 0 && *g_array_index (want, Cell, n - 1).text == '\0')
        n--;
      if (got->len != n)
        g_error ("%s: row %u has %u cells in Calc, %u in the CSV", what, r + 1, got->len, n);

      for (guint c = 0; c < n; c++)
        {
          const Cell *w = &g_array_index (want, Cell, c);
          const Cell *g = &g_array_index (got, Cell, c);
          gboolean is_number = *w->text != '\0' &&
                               strspn (w->text, "0123456789.,") == strlen (w->text);

          if (is_number)
            {
              g_autofree char *point = g_strdelimit (g_strdup (w->text), ",", '.');

              if (!g->number)
                g_error ("%s: row %u, cell %u: “%s” is not a number in Calc but “%s”", what,
                         r + 1, c + 1, w->text, g->text);
              g_assert_cmpfloat_with_epsilon (g->value, g_ascii_strtod (point, NULL), 1e-9);
              g_assert_true (strchr (w->text, convention->decimal_mark == ',' ? '.' : ',')
                             == NULL);
            }
          else
            {
              /* A cell's line break is one, whether the CSV wrote it CRLF or LF. */
              g_autoptr(GRegex) crlf = g_regex_new ("\r\n", 0, 0, NULL);
              g_autofree char *text = g_regex_replace_literal (crlf, w->text, -1, 0, "\n", 0,
                                                               NULL);

              if (g->number || g_strcmp0 (g->text, text) != 0)
                g_error ("%s: row %u, cell %u: “%s” in the CSV is %s“%s” in Calc", what, r + 1,
                         c + 1, w->text, g->number ? "the number " : "", g->text);
            }
        }
    }
}

static void
test_languages (void)
{
  g_autoptr(GrSession) session = tricky_session ();
  const char **languages = gr_translator_list_languages ();

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice Calc is not installed (Debian: apt-get install "
                   "libreoffice-calc-nogui; ./dev.sh test installs it): the CSV was not "
                   "checked against a spreadsheet");
      return;
    }

  for (guint l = 0; languages[l]; l++)
    {
      GrTranslator *translator = gr_translator_get (languages[l]);
      const GrCsvConvention *convention = gr_format_csv_convention (languages[l]);
      const char *id = calc_language (languages[l]);
      g_autofree char *own = NULL;
      g_autofree char *automatic = NULL;
      char *csv_paths[3] = { NULL };
      GPtrArray *expected[2] = { NULL };
      const char *kinds[2] = { "scores", "long" };

      for (guint t = 0; t < 2; t++)
        {
          g_autoptr(GBytes) bytes = gr_csv_write (session, t, translator);
          g_autofree char *name = g_strdup_printf ("%s-%s.csv", kinds[t], languages[l]);
          g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes));

          csv_paths[t] = g_build_filename (tmpdir, name, NULL);
          g_assert_true (g_file_set_contents (csv_paths[t], text, -1, NULL));
          expected[t] = parse_csv (text, convention->separator);
        }

      /* Calc's options: separators, quote, UTF-8, first line, column types, language,
       * quoted fields as text (no), detect special numbers (yes). */
      automatic = g_strdup_printf ("9/44/59,34,76,1,,%s,false,true", id);
      own = g_strdup_printf ("%d,34,76,1,,%s,false,true", convention->separator, id);

      for (guint o = 0; o < 2; o++)
        {
          const char *filter = o == 0 ? automatic : own;
          g_autofree char *outdir = g_build_filename (tmpdir, o == 0 ? "automatic" : "own",
                                                      NULL);

          convert (filter, outdir, (const char **) csv_paths);
          for (guint t = 0; t < 2; t++)
            {
              g_autofree char *name = g_strdup_printf ("%s-%s.fods", kinds[t], languages[l]);
              g_autofree char *fods = g_build_filename (outdir, name, NULL);
              g_autofree char *what = g_strdup_printf ("%s (%s import)", name,
                                                       o == 0 ? "automatic" : "own");
              g_autoptr(GPtrArray) calc = read_fods (fods);
              GArray *header = calc->pdata[0];

              g_test_message ("%s: %u rows", what, calc->len);
              compare (expected[t], calc, convention, what);

              if (t == 0)
                {
                  /* The participants' names, whole, in the header; the one that looks like a
                   * formula stays text (with the leading "'" that keeps it so). */
                  for (guint p = 0; p < G_N_ELEMENTS (tricky_names); p++)
                    {
                      const Cell *cell = &g_array_index (header, Cell, 3 + p);
                      const char *name_text = cell->text;

                      if (tricky_names[p][0] == '=')
                        g_assert_cmpstr (name_text, ==, "'=SUM(1;2)");
                      else
                        g_assert_cmpstr (name_text, ==, tricky_names[p]);
                      g_assert_false (cell->number);
                    }
                  /* 5 competencies and their 21 items, and a number where a score is. */
                  g_assert_cmpuint (calc->len, ==, 1 + 5 + 21);
                  g_assert_true (g_array_index ((GArray *) calc->pdata[1], Cell, 3).number);
                }
              else
                g_assert_cmpuint (calc->len, ==, 1 + 21 * G_N_ELEMENTS (tricky_names));
              g_unlink (fods);
            }
          g_rmdir (outdir);
        }

      for (guint t = 0; t < 2; t++)
        {
          g_unlink (csv_paths[t]);
          g_free (csv_paths[t]);
          g_ptr_array_unref (expected[t]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rm = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  gr_i18n_init (NULL);

  soffice = g_find_program_in_path ("soffice");
  tmpdir = g_dir_make_tmp ("grille-csv-calc-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/csv-calc/languages", test_languages);
  status = g_test_run ();

  /* Calc's profile is a tree of its own. */
  rm = g_strdup_printf ("rm -rf '%s'", tmpdir);
  g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  g_free (soffice);
  g_free (tmpdir);
  return status;
}
