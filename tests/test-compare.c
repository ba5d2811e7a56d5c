/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing perceptions and following progress: earlier sessions drawn as dated lines, rescaled
 * when their scale differs, refused on another grid; scores by role, computed by hand here. */
#include "config.h"

#include <math.h>

#include "gr-chart-data.h"
#include "gr-csv.h"
#include "gr-roles.h"
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

/* Four roles, computed by hand. Coopérer has two items: Anne (3 + 1) / 2 = 2. */
static const char *workshop =
  "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
  "  \"participants\": ["
  "  { \"name\": \"Anne\", \"role\": \"Élu·e\","
  "    \"scores\": { \"cooperer.1\": 3, \"cooperer.2\": 1, \"connecter.1\": 4 } },"
  "  { \"name\": \"Bruno\", \"role\": \" élu·e \","
  "    \"scores\": { \"cooperer.1\": 4, \"connecter.1\": 3 } },"
  "  { \"name\": \"Chloé\", \"role\": \"Agent·e\","
  "    \"scores\": { \"cooperer.1\": 2, \"connecter.1\": 1, \"integrer.1\": 3 } },"
  "  { \"name\": \"Damien\", \"role\": \"Staff member\","
  "    \"scores\": { \"cooperer.1\": 1, \"connecter.1\": 2, \"integrer.1\": 2 } },"
  "  { \"name\": \"Élise\", \"role\": \"Association sportive\","
  "    \"scores\": { \"cooperer.1\": 3, \"connecter.1\": 2, \"ouvrir.1\": 2 } },"
  "  { \"name\": \"Fanny\" } ] }";

static void
test_role_means (void)
{
  g_autoptr(GrSession) session = parse (workshop);
  g_autoptr(GPtrArray) groups = gr_roles_group_session (session);
  GrTranslator *fr = gr_translator_get ("fr");
  GrRoleGroup *elus, *agents, *club, *none;
  GrRoleGap gap;
  const char *expected[] = { "Élu·e·s (2)", "Agent·e·s (2)", "Association sportive (1)",
                             "Sans rôle (1)" };

  g_assert_true (gr_roles_has_roles (session));
  /* " élu·e " is Élu·e; "Staff member" is the English Agent·e; no role comes last. */
  g_assert_cmpuint (groups->len, ==, 4);
  for (guint g = 0; g < groups->len; g++)
    {
      g_autofree char *label = gr_role_group_get_label (groups->pdata[g], fr);
      g_assert_cmpstr (label, ==, expected[g]);
    }
  elus = groups->pdata[0];
  agents = groups->pdata[1];
  club = groups->pdata[2];
  none = groups->pdata[3];

  /* Coopérer: Élu·e·s (2 + 4) / 2 = 3, Agent·e·s (2 + 1) / 2 = 1.5, the club 3. */
  g_assert_cmpuint (elus->stats[0].n, ==, 2);
  g_assert_cmpfloat_with_epsilon (elus->stats[0].mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (agents->stats[0].mean, 1.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (club->stats[0].mean, 3.0, 1e-9);
  /* Connecter: (4 + 3) / 2 = 3.5, (1 + 2) / 2 = 1.5, 2. */
  g_assert_cmpfloat_with_epsilon (elus->stats[1].mean, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (agents->stats[1].mean, 1.5, 1e-9);
  /* The item cooperer.1 alone: Élu·e·s (3 + 4) / 2 = 3.5. */
  g_assert_cmpfloat_with_epsilon (elus->item_stats[0].mean, 3.5, 1e-9);

  /* Nothing assessed is no score, never 0: the Élu·e·s on Intégrer, Fanny everywhere. */
  g_assert_cmpuint (elus->stats[3].n, ==, 0);
  for (guint c = 0; c < 5; c++)
    g_assert_false (gr_stats_has_score (&none->stats[c]));

  /* The largest gaps: Coopérer 3 − 1.5 (Élu·e·s over Agent·e·s), Connecter 3.5 − 1.5;
   * Intégrer 2.5 for the agents alone: no gap; S'ouvrir, the club alone: none either. */
  g_assert_true (gr_roles_get_largest_gap (groups, 0, &gap));
  g_assert_cmpfloat_with_epsilon (gap.gap, 1.5, 1e-9);
  g_assert_cmpuint (gap.highest, ==, 0);
  g_assert_cmpuint (gap.lowest, ==, 1);
  g_assert_true (gr_roles_get_largest_gap (groups, 1, &gap));
  g_assert_cmpfloat_with_epsilon (gap.gap, 2.0, 1e-9);
  g_assert_false (gr_roles_get_largest_gap (groups, 3, &gap));
  g_assert_false (gr_roles_get_largest_gap (groups, 4, &gap));

  /* In English, the suggestions are English whatever language they were typed in. */
  {
    g_autofree char *label = gr_role_group_get_label (elus, gr_translator_get ("en"));
    g_autofree char *one = gr_role_group_get_label (club, gr_translator_get ("en"));
    g_assert_cmpstr (label, ==, "Elected members (2)");
    g_assert_cmpstr (one, ==, "Association sportive (1)");
  }
}

/* A role typed in one of the forms an inclusive suggestion stands for is that role: "Élue" and
 * "élus" are Élu·e·s, "Agent" and "Agentes" Agent·e·s; other words stay as typed. */
static void
test_role_forms (void)
{
  g_autoptr(GrSession) session = parse (
    "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
    "  \"participants\": ["
    "  { \"name\": \"A\", \"role\": \"Élue\", \"scores\": { \"cooperer.1\": 4 } },"
    "  { \"name\": \"B\", \"role\": \"Agent\", \"scores\": { \"cooperer.1\": 1 } },"
    "  { \"name\": \"C\", \"role\": \"élus\", \"scores\": { \"cooperer.1\": 2 } },"
    "  { \"name\": \"D\", \"role\": \"Agentes\", \"scores\": { \"cooperer.1\": 2 } },"
    "  { \"name\": \"E\", \"role\": \"Habitante\" },"
    "  { \"name\": \"F\", \"role\": \"Élu·e·s\" },"
    "  { \"name\": \"G\", \"role\": \"Élueuse\" } ] }");
  g_autoptr(GPtrArray) groups = gr_roles_group_session (session);
  const char *expected[] = { "Élu·e·s (3)", "Agent·e·s (2)", "Habitant·e (1)", "Élueuse (1)" };

  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (expected));
  for (guint g = 0; g < groups->len; g++)
    {
      g_autofree char *label = gr_role_group_get_label (groups->pdata[g],
                                                        gr_translator_get ("fr"));
      g_assert_cmpstr (label, ==, expected[g]);
    }
  /* (4 + 2) / 2 and (1 + 2) / 2: F assessed nothing and counts in no mean. */
  g_assert_cmpfloat_with_epsilon (((GrRoleGroup *) groups->pdata[0])->stats[0].mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (((GrRoleGroup *) groups->pdata[1])->stats[0].mean, 1.5, 1e-9);
}

static void
test_by_role_chart (void)
{
  g_autoptr(GrSession) session = parse (workshop);
  g_autoptr(GrChartData) data = gr_chart_data_new_by_role (session, gr_translator_get ("fr"),
                                                           FALSE, NULL);
  GrChartSeries *elus;

  g_assert_cmpuint (data->series->len, ==, 4);
  elus = data->series->pdata[0];
  g_assert_cmpint (elus->kind, ==, GR_CHART_SERIES_ROLE);
  g_assert_cmpstr (elus->label, ==, "Élu·e·s (2)");
  g_assert_cmpfloat_with_epsilon (elus->values[0], 3.0, 1e-9);
  g_assert_true (isnan (elus->values[3]));
  g_assert_true (isnan (((GrChartSeries *) data->series->pdata[3])->values[0]));
  g_assert_cmpuint (((GrChartSeries *) data->series->pdata[1])->style, ==, 1);

  /* Each axis says its largest gap; the description says each role's score and the gap. */
  g_assert_cmpstr (data->scores[0], ==, "écart 1,5");
  g_assert_null (data->scores[4]);
  g_assert_nonnull (strstr (data->description, "4 rôles"));
  g_assert_nonnull (strstr (data->description,
                            "Coopérer\u202f: Élu·e·s (2) 3\u202f; Agent·e·s (2) 1,5\u202f; "
                            "Association sportive (1) 3\u202f; Sans rôle (1) non évalué\u202f; "
                            "écart le plus grand 1,5."));
}

/* The scores table gains one column per role and the largest gap, the long table the role. */
static void
test_role_csv (void)
{
  g_autoptr(GrSession) session = parse (workshop);
  g_autoptr(GBytes) scores = gr_csv_write_session (session, gr_translator_get ("en"));
  g_autoptr(GBytes) tidy = gr_csv_write_long (session, gr_translator_get ("en"));
  g_autofree char *text = g_strndup (g_bytes_get_data (scores, NULL), g_bytes_get_size (scores));
  g_autofree char *long_text = g_strndup (g_bytes_get_data (tidy, NULL), g_bytes_get_size (tidy));

  g_assert_nonnull (strstr (text, "\"n\",\"Elected members (2)\",\"Staff members (2)\","
                                  "\"Association sportive (1)\",\"No role (1)\",\"role_gap\"\r\n"));
  /* Coopérer: 3, 1.5, 3, no score for no role (empty, never 0), gap 1.5. */
  g_assert_nonnull (strstr (text, ",3.00,1.50,3.00,,1.50\r\n\"item\",\"cooperer.1\""));
  /* cooperer.1: (3 + 4) / 2, (2 + 1) / 2, 3: gap 2. */
  g_assert_nonnull (strstr (text, ",3.50,1.50,3.00,,2.00\r\n"));
  g_assert_nonnull (strstr (long_text, "\"target\",\"role\"\r\n"));
  g_assert_nonnull (strstr (long_text, ",\"Staff member\"\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gr_i18n_init (NULL);

  g_test_add_func ("/compare/three-references", test_three_references);
  g_test_add_func ("/compare/reference-names-and-limits", test_reference_names_and_limits);
  g_test_add_func ("/compare/role-means", test_role_means);
  g_test_add_func ("/compare/role-forms", test_role_forms);
  g_test_add_func ("/compare/by-role-chart", test_by_role_chart);
  g_test_add_func ("/compare/role-csv", test_role_csv);

  return g_test_run ();
}
