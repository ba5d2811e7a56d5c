/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV a spreadsheet opens: known session, exact bytes, in French and English; each
 * language's separator and decimal mark; quoting; formulas kept as text; the long table. */
#include "config.h"

#include "gr-csv.h"
#include "gr-format.h"
#include "gr-session-file.h"

static GrSession *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atelier.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GrSession *session = gr_session_load (file, &error);

  g_assert_no_error (error);
  return session;
}

static char *
write_csv (GrSession  *session,
           GrCsvTable  table,
           const char *language)
{
  g_autoptr(GBytes) bytes = gr_csv_write (session, table, gr_translator_get (language));
  char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* A byte order mark, so that spreadsheets read UTF-8. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  return text;
}

/* The first rows, up to the first item of "connecter", then the last row. */
static void
check_csv (const char *language,
           const char *expected_head,
           const char *expected_last)
{
  g_autoptr(GrSession) session = load_example ();
  g_autofree char *text = write_csv (session, GR_CSV_TABLE_SCORES, language);
  g_auto(GStrv) rows = NULL;
  guint n;

  if (!g_str_has_prefix (text + 3, expected_head))
    g_error ("CSV (%s) starts with:\n%s\nexpected:\n%s", language, text + 3, expected_head);

  rows = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (rows);
  /* header + 5 competencies + 21 items, then the empty string after the last CRLF */
  g_assert_cmpuint (n, ==, 1 + 5 + 21 + 1);
  g_assert_cmpstr (rows[n - 1], ==, "");
  g_assert_cmpstr (rows[n - 2], ==, expected_last);
}

static void
test_french (void)
{
  /* Every text quoted, and the numbers that hold a decimal comma: an importer that splits at
   * commas as well as semicolons still reads "2,50" as one cell. The participant's target in
   * its own column, on the competency rows. */
  check_csv ("fr",
             "\"Type\";\"Identifiant\";\"Libellé\";\"Service jeunesse\";\"Élus; \"\"bureau\"\"\";"
             "\"Objectif (Service jeunesse)\";\"Moyenne\";\"Min\";\"Max\";\"Nombre\"\r\n"
             "\"Compétence\";\"cooperer\";\"Coopérer\";\"2,50\";\"1,00\";4;\"1,75\";\"1,00\";"
             "\"2,50\";2\r\n"
             "\"Savoir-faire\";\"cooperer.1\";\"Comprendre le sens et les conditions de réussite "
             "des stratégies de coopération.\";3;1;;\"2,00\";1;3;2\r\n"
             "\"Savoir-faire\";\"cooperer.2\";\"Savoir nourrir les liens interpersonnels, "
             "condition première de la coopération (rencontres, échanges, instances…).\";"
             "2;;;\"2,00\";2;2;1\r\n"
             "\"Savoir-faire\";\"cooperer.3\";\"Savoir apaiser les jeux de concurrence, que ce "
             "soit entre institutions et / ou entre associations et collectifs locaux.\";"
             ";;;;;;0\r\n"
             "\"Savoir-faire\";\"cooperer.4\";\"S’équiper pour produire des visions partagées "
             "des territoires sur la base de méthodes coopératives et participatives.\";"
             ";;;;;;0\r\n"
             "\"Savoir-faire\";\"cooperer.5\";\"Se donner les moyens de créer des objets de "
             "consensus : projets emblématiques et organismes fondés sur des gouvernances "
             "collectives.\";;;;;;;0\r\n"
             "\"Compétence\";\"connecter\";\"Connecter\";\"0,00\";\"2,00\";;\"1,00\";\"0,00\";"
             "\"2,00\";2\r\n"
             "\"Savoir-faire\";\"connecter.1\";",
             "\"Savoir-faire\";\"ouvrir.4\";\"Intégrer des réseaux et communautés apprenantes, "
             "jusqu’à des partenaires lointains, pour s’entraider entre pairs et avancer "
             "ensemble.\";4;;;\"4,00\";4;4;1");
}

/* English is the stable form scripts read: these header words and kinds never change. */
static void
test_english (void)
{
  check_csv ("en",
             "\"kind\",\"id\",\"label\",\"Service jeunesse\",\"Élus; \"\"bureau\"\"\","
             "\"target (Service jeunesse)\",\"mean\",\"min\",\"max\",\"n\"\r\n"
             "\"competency\",\"cooperer\",\"Cooperate\",2.50,1.00,4,1.75,1.00,2.50,2\r\n"
             "\"item\",\"cooperer.1\",\"Understand the purpose of cooperation strategies and "
             "the conditions for their success.\",3,1,,2.00,1,3,2\r\n",
             "\"item\",\"ouvrir.4\",\"Join networks and learning communities, even with distant "
             "partners, to help one another as peers and move forward together.\",4,,,4.00,4,4,1");
}

/* Each language's spreadsheets get their separator and decimal mark, and the header and the
 * kinds in their language. */
static void
test_conventions (void)
{
  static const struct { const char *language; const char *head; const char *kind; } cases[] = {
    { "fr", "\"Type\";\"Identifiant\";\"Libellé\";", "\"Compétence\";\"cooperer\";" },
    { "en", "\"kind\",\"id\",\"label\",", "\"competency\",\"cooperer\"," },
    { "de", "\"Art\";\"Kennung\";\"Bezeichnung\";", "\"Kompetenz\";\"cooperer\";" },
    { "es", "\"Tipo\";\"Identificador\";\"Denominación\";", "\"Competencia\";\"cooperer\";" },
    { "it", "\"Tipo\";\"Identificativo\";\"Denominazione\";", "\"Competenza\";\"cooperer\";" },
  };
  const char **languages = gr_translator_list_languages ();
  g_autoptr(GrSession) session = load_example ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = write_csv (session, GR_CSV_TABLE_SCORES, cases[i].language);
      g_autofree char *kind = g_strconcat ("\r\n", cases[i].kind, NULL);

      g_assert_true (g_str_has_prefix (text + 3, cases[i].head));
      g_assert_nonnull (strstr (text, kind));
    }

  /* Whatever the language, the competency row of "cooperer" as its spreadsheets read it. */
  for (guint i = 0; languages[i]; i++)
    {
      const GrCsvConvention *convention = gr_format_csv_convention (languages[i]);
      g_autofree char *text = write_csv (session, GR_CSV_TABLE_SCORES, languages[i]);
      g_autofree char *numbers = NULL;

      if (convention->decimal_mark == ',')
        numbers = g_strdup_printf ("%c\"2,50\"%c\"1,00\"%c4%c\"1,75\"%c\"1,00\"%c\"2,50\"%c2\r\n",
                                   convention->separator, convention->separator,
                                   convention->separator, convention->separator,
                                   convention->separator, convention->separator,
                                   convention->separator);
      else
        numbers = g_strdup_printf ("%c2.50%c1.00%c4%c1.75%c1.00%c2.50%c2\r\n",
                                   convention->separator, convention->separator,
                                   convention->separator, convention->separator,
                                   convention->separator, convention->separator,
                                   convention->separator);
      if (!strstr (text, numbers))
        g_error ("the %s CSV has no row ending %s:\n%s", languages[i], numbers, text);
    }
}

/* A name or note a spreadsheet would run as a formula is written as text (OWASP: a leading
 * "'"); names with separators, quotes, line breaks or spaces around are whole and quoted. */
static void
test_quoting (void)
{
  static const struct { const char *name; const char *cell; } cases[] = {
    { "=SUM(1;2)", "\"'=SUM(1;2)\"" },
    { "+33 1 23", "\"'+33 1 23\"" },
    { "-1", "\"'-1\"" },
    { "@cmd", "\"'@cmd\"" },
    { "\tTab", "\"'\tTab\"" },
    { "\rRetour", "\"'\rRetour\"" },
    { "Nord, Sud", "\"Nord, Sud\"" },
    { "Ligne 1\nLigne 2", "\"Ligne 1\nLigne 2\"" },
    { " Espace ", "\" Espace \"" },
    { "Dit \"oui\"", "\"Dit \"\"oui\"\"\"" },
  };
  GrGrid *grid = gr_grid_get_default ();
  g_autoptr(GrSession) session = gr_session_new (grid);
  g_autofree char *scores = NULL;
  g_autofree char *long_table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, cases[i].name);
      g_autoptr(GError) error = NULL;

      gr_participant_set_level (participant, 0, 2);
      gr_participant_set_note (participant, 0, cases[i].name);
      gr_session_add_participant (session, participant, &error);
      g_assert_no_error (error);
    }

  scores = write_csv (session, GR_CSV_TABLE_SCORES, "en");
  long_table = write_csv (session, GR_CSV_TABLE_LONG, "fr");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *header_cell = g_strconcat (",", cases[i].cell, ",", NULL);
      g_autofree char *row_start = g_strconcat ("\r\n", cases[i].cell, ";\"cooperer\";", NULL);
      g_autofree char *note_cell = g_strconcat (";\"En progression\";", cases[i].cell, ";",
                                                NULL);

      if (!strstr (scores, header_cell))
        g_error ("no header cell %s in:\n%s", header_cell, scores);
      g_assert_nonnull (strstr (long_table, row_start));
      g_assert_nonnull (strstr (long_table, note_cell));
    }
}

static void
test_no_participants (void)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autofree char *text = write_csv (session, GR_CSV_TABLE_SCORES, "fr");
  g_autofree char *long_table = write_csv (session, GR_CSV_TABLE_LONG, "en");

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "\"Type\";\"Identifiant\";\"Libellé\";"
                                         "\"Moyenne\";\"Min\";\"Max\";\"Nombre\"\r\n"
                                         "\"Compétence\";\"cooperer\";\"Coopérer\";;;;0\r\n"));
  /* The long table is its header alone. */
  g_assert_cmpstr (long_table, ==, "\xEF\xBB\xBF"
                   "\"participant\",\"competency_id\",\"competency\",\"item_id\",\"item\","
                   "\"level\",\"level_name\",\"note\",\"target\"\r\n");
}

/* One row per participant and savoir-faire, with the level's name, the note and the target:
 * what pivot tables, R and pandas read. */
static void
test_long (void)
{
  g_autoptr(GrSession) session = load_example ();
  g_autofree char *en = write_csv (session, GR_CSV_TABLE_LONG, "en");
  g_autofree char *fr = write_csv (session, GR_CSV_TABLE_LONG, "fr");
  g_auto(GStrv) rows = g_strsplit (en, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 2 * 21 + 1);
  g_assert_cmpstr (rows[0], ==, "\xEF\xBB\xBF"
                   "\"participant\",\"competency_id\",\"competency\",\"item_id\",\"item\","
                   "\"level\",\"level_name\",\"note\",\"target\"");
  g_assert_cmpstr (rows[1], ==,
                   "\"Service jeunesse\",\"cooperer\",\"Cooperate\",\"cooperer.1\","
                   "\"Understand the purpose of cooperation strategies and the conditions for "
                   "their success.\",3,\"Mastered\",\"Comité mensuel avec les associations\",4");
  /* Not assessed: empty level, level name and note; no target for this competency. */
  g_assert_true (g_str_has_prefix (rows[6], "\"Service jeunesse\",\"connecter\",\"Connect\","
                                             "\"connecter.1\","));
  g_assert_true (g_str_has_suffix (rows[6], ",,,,"));
  /* Level 0 is a level, not an empty cell. */
  g_assert_true (g_str_has_suffix (rows[7], ",0,\"Not yet\",,"));
  g_assert_true (g_str_has_prefix (rows[22], "\"Élus; \"\"bureau\"\"\",\"cooperer\","));

  g_assert_true (g_str_has_prefix (fr, "\xEF\xBB\xBF"
                                       "\"Participant\";\"Identifiant de la compétence\";"
                                       "\"Compétence\";\"Identifiant du savoir-faire\";"
                                       "\"Savoir-faire\";\"Niveau\";\"Nom du niveau\";\"Note\";"
                                       "\"Objectif\"\r\n"));
  g_assert_nonnull (strstr (fr, ";3;\"Maîtrisé\";\"Comité mensuel avec les associations\";4\r\n"));
}

static void
test_table_names (void)
{
  GrCsvTable table;

  g_assert_true (gr_csv_table_from_name ("long", &table));
  g_assert_cmpint (table, ==, GR_CSV_TABLE_LONG);
  g_assert_true (gr_csv_table_from_name ("scores", &table));
  g_assert_cmpint (table, ==, GR_CSV_TABLE_SCORES);
  g_assert_false (gr_csv_table_from_name ("wide", &table));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gr_i18n_init (NULL);

  g_test_add_func ("/csv/french", test_french);
  g_test_add_func ("/csv/english", test_english);
  g_test_add_func ("/csv/conventions", test_conventions);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/no-participants", test_no_participants);
  g_test_add_func ("/csv/long", test_long);
  g_test_add_func ("/csv/table-names", test_table_names);

  return g_test_run ();
}
