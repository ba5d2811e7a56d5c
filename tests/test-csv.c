/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scores table a spreadsheet opens: known session, exact bytes, in French and English. */
#include "config.h"

#include "gr-csv.h"
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

/* The first rows, up to the first item of "connecter", then the last row. */
static void
check_csv (const char *language,
           const char *expected_head,
           const char *expected_last)
{
  g_autoptr(GrSession) session = load_example ();
  g_autoptr(GBytes) bytes = gr_csv_write_session (session, gr_translator_get (language));
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) rows = NULL;
  guint n;

  /* A byte order mark, so that spreadsheets read UTF-8. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
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
  check_csv ("fr",
             "kind;id;label;Service jeunesse;\"Élus; \"\"bureau\"\"\";mean;min;max;n\r\n"
             "competency;cooperer;Coopérer;2,50;1,00;1,75;1,00;2,50;2\r\n"
             "item;cooperer.1;Comprendre le sens et les conditions de réussite des stratégies "
             "de coopération.;3;1;2,00;1;3;2\r\n"
             "item;cooperer.2;Savoir nourrir les liens interpersonnels, condition première de la "
             "coopération (rencontres, échanges, instances…).;2;;2,00;2;2;1\r\n"
             "item;cooperer.3;Savoir apaiser les jeux de concurrence, que ce soit entre "
             "institutions et / ou entre associations et collectifs locaux.;;;;;;0\r\n"
             "item;cooperer.4;S’équiper pour produire des visions partagées des territoires sur "
             "la base de méthodes coopératives et participatives.;;;;;;0\r\n"
             "item;cooperer.5;Se donner les moyens de créer des objets de consensus : projets "
             "emblématiques et organismes fondés sur des gouvernances collectives.;;;;;;0\r\n"
             "competency;connecter;Connecter;0,00;2,00;1,00;0,00;2,00;2\r\n"
             "item;connecter.1;",
             "item;ouvrir.4;Intégrer des réseaux et communautés apprenantes, jusqu’à des "
             "partenaires lointains, pour s’entraider entre pairs et avancer ensemble.;4;;4,00;4;4;1");
}

static void
test_english_format (void)
{
  /* Until every catalog lands the labels may stay French; the number format follows English:
   * "," between cells (so labels holding a comma are quoted) and a decimal point. */
  g_autoptr(GrSession) session = load_example ();
  g_autoptr(GBytes) bytes = gr_csv_write_session (session, gr_translator_get ("en"));
  const char *text = g_bytes_get_data (bytes, NULL);

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "kind,id,label,Service jeunesse,"
                                         "\"Élus; \"\"bureau\"\"\",mean,min,max,n\r\n"
                                         "competency,cooperer,"));
  g_assert_nonnull (strstr (text, ",2.50,1.00,1.75,1.00,2.50,2\r\n"));
  g_assert_nonnull (strstr (text, ",3,1,2.00,1,3,2\r\n"));
  g_assert_nonnull (strstr (text, ",,,,,,0\r\n"));
  g_assert_nonnull (strstr (text, "\r\nitem,ouvrir.4,"));
  g_assert_true (g_str_has_suffix (text, ",4,,4.00,4,4,1\r\n"));
  g_assert_null (strstr (text, ";;"));
}

static void
test_no_participants (void)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GBytes) bytes = gr_csv_write_session (session, gr_translator_get ("fr"));
  const char *text = g_bytes_get_data (bytes, NULL);

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "kind;id;label;mean;min;max;n\r\n"
                                         "competency;cooperer;Coopérer;;;;0\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/french", test_french);
  g_test_add_func ("/csv/english-format", test_english_format);
  g_test_add_func ("/csv/no-participants", test_no_participants);

  return g_test_run ();
}
