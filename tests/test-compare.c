/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing perceptions and following progress: earlier sessions drawn as dated lines, rescaled
 * when their scale differs, refused on another grid; scores by role, computed by hand here. */
#include "config.h"

#include <math.h>

#include "gr-chart-data.h"
#include "gr-session-file.h"
#include "gr-session-merge.h"

static GrSession *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  GrSession *session = gr_session_load_from_data (json, strlen (json), &error);

  g_assert_no_error (error);
  return session;
}

/* The engagement grid's competencies, one item each, on a scale of 0 to 8: an older version of
 * the grid, as a session could have embedded it. */
#define EIGHT_GRID \
  "{ \"id\": \"engagement\", \"title\": \"Ancienne grille\", \"scale\": [" \
  "  { \"level\": 0, \"name\": \"0\", \"description\": \"\" }," \
  "  { \"level\": 1, \"name\": \"1\", \"description\": \"\" }," \
  "  { \"level\": 2, \"name\": \"2\", \"description\": \"\" }," \
  "  { \"level\": 3, \"name\": \"3\", \"description\": \"\" }," \
  "  { \"level\": 4, \"name\": \"4\", \"description\": \"\" }," \
  "  { \"level\": 5, \"name\": \"5\", \"description\": \"\" }," \
  "  { \"level\": 6, \"name\": \"6\", \"description\": \"\" }," \
  "  { \"level\": 7, \"name\": \"7\", \"description\": \"\" }," \
  "  { \"level\": 8, \"name\": \"8\", \"description\": \"\" } ]," \
  "  \"competencies\": [" \
  "  { \"id\": \"cooperer\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\"," \
  "    \"items\": [ { \"id\": \"c\", \"text\": \"c\" } ] }," \
  "  { \"id\": \"connecter\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\"," \
  "    \"items\": [ { \"id\": \"n\", \"text\": \"n\" } ] }," \
  "  { \"id\": \"faciliter\", \"title\": \"F\", \"subtitle\": \"\", \"introduction\": \"\"," \
  "    \"items\": [ { \"id\": \"f\", \"text\": \"f\" } ] } ] }"

static const char *today =
  "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
  "  \"date\": \"2026-03-12\", \"participants\": ["
  "  { \"name\": \"Anne\", \"scores\": { \"cooperer.1\": 3 } },"
  "  { \"name\": \"Bruno\", \"scores\": { \"cooperer.1\": 1, \"connecter.1\": 2 } } ] }";

static void
test_three_references (void)
{
  g_autoptr(GrSession) session = parse (today);
  g_autoptr(GrSession) first = parse (
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    "  \"date\": \"2024-03-10\", \"participants\": ["
    "  { \"name\": \"Anne\", \"scores\": { \"cooperer.1\": 1, \"cooperer.2\": 2 } } ] }");
  g_autoptr(GrSession) second = parse (
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    "  \"title\": \"Atelier de l’an dernier\", \"date\": \"2025-03-15\", \"participants\": ["
    "  { \"name\": \"Anne\", \"scores\": { \"cooperer.1\": 2 } },"
    "  { \"name\": \"Chloé\", \"scores\": { \"cooperer.1\": 4 } } ] }");
  g_autoptr(GrSession) eight = parse (
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": " EIGHT_GRID ","
    "  \"date\": \"2025-09-01\", \"participants\": ["
    "  { \"name\": \"Anne\", \"scores\": { \"c\": 4, \"n\": 8 } } ] }");
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  g_autoptr(GrChartData) data = NULL;
  GrTranslator *fr = gr_translator_get ("fr");
  GrChartSeries *series;

  g_ptr_array_add (references, first);
  g_ptr_array_add (references, second);
  g_ptr_array_add (references, eight);
  for (guint i = 0; i < references->len; i++)
    g_assert_true (gr_session_check_comparable (session, references->pdata[i], NULL));

  data = gr_chart_data_new_from_sessions (session, fr, NULL, FALSE, FALSE, references);
  g_assert_cmpuint (data->series->len, ==, 4);

  /* Each earlier session is a thin dated line of its own style, named by its month. */
  for (guint k = 0; k < 3; k++)
    {
      series = g_ptr_array_index (data->series, 1 + k);
      g_assert_cmpint (series->kind, ==, GR_CHART_SERIES_REFERENCE);
      g_assert_false (series->main);
      g_assert_cmpuint (series->style, ==, k);
    }

  /* 2024: Anne alone, (1 + 2) / 2 on Coopérer; nothing elsewhere. */
  series = g_ptr_array_index (data->series, 1);
  g_assert_cmpstr (series->label, ==, "mars 2024");
  g_assert_cmpfloat_with_epsilon (series->values[0], 1.5, 1e-9);
  g_assert_true (isnan (series->values[1]));

  /* 2025: the group's mean, (2 + 4) / 2. */
  series = g_ptr_array_index (data->series, 2);
  g_assert_cmpstr (series->label, ==, "mars 2025");
  g_assert_cmpfloat_with_epsilon (series->values[0], 3.0, 1e-9);

  /* Scale 0–8 brought to 0–4: 4 is 2, 8 is 4; the competency it lacks has no score. */
  series = g_ptr_array_index (data->series, 3);
  g_assert_cmpstr (series->label, ==, "septembre 2025");
  g_assert_cmpfloat_with_epsilon (series->values[0], 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (series->values[1], 4.0, 1e-9);
  g_assert_true (isnan (series->values[3]));
}

static void
test_reference_names_and_limits (void)
{
  g_autoptr(GrSession) session = parse (today);
  g_autoptr(GrSession) early = parse (
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    "  \"date\": \"2025-03-03\" }");
  g_autoptr(GrSession) late = parse (
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    "  \"date\": \"2025-03-28\" }");
  g_autoptr(GrSession) undated = parse (
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    "  \"title\": \"Séminaire\" }");
  g_autoptr(GrSession) other = parse (
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": { \"id\": \"autre\","
    "  \"title\": \"X\", \"scale\": [ { \"level\": 0, \"name\": \"a\", \"description\": \"\" },"
    "  { \"level\": 1, \"name\": \"b\", \"description\": \"\" } ], \"competencies\": ["
    "  { \"id\": \"a\", \"title\": \"A\", \"subtitle\": \"\", \"introduction\": \"\","
    "    \"items\": [ { \"id\": \"a.1\", \"text\": \"a\" } ] },"
    "  { \"id\": \"b\", \"title\": \"B\", \"subtitle\": \"\", \"introduction\": \"\","
    "    \"items\": [ { \"id\": \"b.1\", \"text\": \"b\" } ] },"
    "  { \"id\": \"c\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\","
    "    \"items\": [ { \"id\": \"c.1\", \"text\": \"c\" } ] } ] } }");
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  g_autoptr(GrChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  guint n_references = 0;

  /* Two sessions of the same month are told apart by their whole date; no date: the title. */
  g_ptr_array_add (references, early);
  g_ptr_array_add (references, late);
  g_ptr_array_add (references, undated);
  /* More than five: the sixth and seventh are left out. */
  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (references, undated);
  data = gr_chart_data_new_from_sessions (session, gr_translator_get ("fr"), NULL, FALSE, FALSE,
                                          references);
  g_assert_cmpstr (((GrChartSeries *) data->series->pdata[1])->label, ==, "3 mars 2025");
  g_assert_cmpstr (((GrChartSeries *) data->series->pdata[2])->label, ==, "28 mars 2025");
  g_assert_cmpstr (((GrChartSeries *) data->series->pdata[3])->label, ==, "Séminaire");
  for (guint s = 0; s < data->series->len; s++)
    if (((GrChartSeries *) data->series->pdata[s])->kind == GR_CHART_SERIES_REFERENCE)
      n_references++;
  g_assert_cmpuint (n_references, ==, GR_CHART_MAX_REFERENCES);

  /* In English, the month is English. */
  g_clear_pointer (&data, gr_chart_data_free);
  g_ptr_array_set_size (references, 0);
  g_ptr_array_add (references, early);
  data = gr_chart_data_new_from_sessions (session, gr_translator_get ("en"), NULL, FALSE, FALSE,
                                          references);
  g_assert_cmpstr (((GrChartSeries *) data->series->pdata[1])->label, ==, "March 2025");

  /* Another grid cannot be compared. */
  g_assert_false (gr_session_check_comparable (session, other, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_OTHER_GRID);
  g_assert_nonnull (strstr (error->message, "autre"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gr_i18n_init (NULL);

  g_test_add_func ("/compare/three-references", test_three_references);
  g_test_add_func ("/compare/reference-names-and-limits", test_reference_names_and_limits);

  return g_test_run ();
}
