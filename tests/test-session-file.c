/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Session files: what is read is what was written, byte for byte, and every kind of bad file is
 * refused with a message that says what is wrong and where, without a crash. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/resource.h>

#include "gr-draft.h"
#include "gr-session-file.h"

#define HEAD "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\", "

static GrSession *
load_string (const char  *json,
             GError     **error)
{
  return gr_session_load_from_data (json, strlen (json), error);
}

static void
test_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atelier.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = gr_session_load (file, &error);
  GrParticipant *p;
  GrGrid *grid;
  guint index;

  g_assert_no_error (error);
  grid = gr_session_get_grid (session);
  g_assert_cmpstr (gr_session_get_title (session), ==, "Atelier du 12 mars");
  g_assert_cmpstr (gr_session_get_date (session), ==, "2026-03-12");
  g_assert_cmpstr (gr_session_get_language (session), ==, "fr");
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 2);

  p = gr_session_get_participant (session, 0);
  g_assert_cmpstr (gr_participant_get_name (p), ==, "Service jeunesse");
  g_assert_true (gr_grid_find_item (grid, "cooperer.1", &index));
  g_assert_cmpint (gr_participant_get_level (p, index), ==, 3);
  g_assert_cmpstr (gr_participant_get_note (p, index), ==, "Comité mensuel avec les associations");
  g_assert_true (gr_grid_find_item (grid, "connecter.2", &index));
  g_assert_cmpint (gr_participant_get_level (p, index), ==, 0);
  g_assert_true (gr_grid_find_item (grid, "cooperer.3", &index));
  g_assert_cmpint (gr_participant_get_level (p, index), ==, GR_LEVEL_NONE);
  g_assert_cmpint (gr_participant_get_target (p, 0), ==, 4);
  g_assert_cmpint (gr_participant_get_target (p, 1), ==, GR_LEVEL_NONE);
}

static void
test_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atelier.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GrSession) session = gr_session_load (file, NULL);
  g_autoptr(GBytes) first = gr_session_serialize (session);
  g_autoptr(GrSession) again = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  again = gr_session_load_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                     &error);
  g_assert_no_error (error);
  second = gr_session_serialize (again);
  g_assert_true (g_bytes_equal (first, second));

  /* Pretty-printed, UTF-8 as written (not escaped), members in the documented order. */
  text = g_bytes_get_data (first, NULL);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"grille-session\",\n  \"version\" : 2,\n"
                                         "  \"grid\" : \"engagement\",\n"));
  g_assert_nonnull (strstr (text, "\"name\" : \"Élus; \\\"bureau\\\"\""));
  g_assert_nonnull (strstr (text, "Comité mensuel"));
  g_assert_true (g_str_has_suffix (text, "}\n"));
}

static void
test_custom_grid_round_trip (void)
{
  const char *json =
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": { \"id\": \"mini\", "
    "\"title\": \"Mini\", \"scale\": [ { \"level\": 0, \"name\": \"Non\", \"description\": \"\" },"
    " { \"level\": 1, \"name\": \"Oui\", \"description\": \"\" } ], \"competencies\": ["
    " { \"id\": \"a\", \"title\": \"A\", \"subtitle\": \"\", \"introduction\": \"\", \"items\": [ { \"id\": \"a1\", \"text\": \"Un\" } ] },"
    " { \"id\": \"b\", \"title\": \"B\", \"subtitle\": \"\", \"introduction\": \"\", \"items\": [ { \"id\": \"b1\", \"text\": \"Deux\" } ] },"
    " { \"id\": \"c\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\", \"items\": [ { \"id\": \"c1\", \"text\": \"Trois\" } ] } ] },"
    " \"participants\": [ { \"name\": \"X\", \"scores\": { \"b1\": 1 } } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = load_string (json, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GrSession) again = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  GrStats stats;

  g_assert_no_error (error);
  g_assert_cmpstr (gr_grid_get_id (gr_session_get_grid (session)), ==, "mini");
  g_assert_true (gr_session_get_competency_stats (session, 1, &stats));
  g_assert_cmpfloat (stats.mean, ==, 1.0);

  bytes = gr_session_serialize (session);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"grid\" : {"));
  again = gr_session_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  bytes2 = gr_session_serialize (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));
}

typedef struct
{
  const char *name;
  const char *json;
  int         code;
  const char *message;
} Refusal;

static const Refusal refusals[] = {
  { "not-json", "Ceci n’est pas du JSON", GR_FILE_ERROR_SYNTAX,
    "ligne 1, colonne 1 : ce n’est pas du JSON valide (caractère « C » inattendu)" },
  /* json-glib reads single quotes and comments; strict JSON has neither, and they would hide
   * the nesting that follows them from the depth check. */
  { "single-quotes", HEAD "\"x\": '\"', \"y\": [[[[1]]]] }", GR_FILE_ERROR_SYNTAX,
    "(caractère « ' » inattendu)" },
  { "comment", HEAD "/* \" */ \"y\": [[[[1]]]] }", GR_FILE_ERROR_SYNTAX,
    "(caractère « / » inattendu)" },
  { "control-character", HEAD "\"title\": \"Atelier\\u0001\" }", GR_FILE_ERROR_ENCODING,
    "title : le texte contient un caractère de contrôle invisible (U+0001)" },
  { "truncated", HEAD "\"participants\": [ { \"name\": \"A\"", GR_FILE_ERROR_SYNTAX,
    "ce n’est pas du JSON valide, ou le fichier est tronqué" },
  { "empty", "", GR_FILE_ERROR_SYNTAX, "le fichier est vide" },
  { "not-object", "[1, 2]", GR_FILE_ERROR_FORMAT,
    "ce n’est pas une session Grille (le champ « format » manque)" },
  { "wrong-format", "{ \"format\": \"autre-chose\", \"version\": 1 }", GR_FILE_ERROR_FORMAT,
    "format : ce n’est pas une session Grille (format « autre-chose » au lieu de « grille-session »)" },
  { "newer-version", "{ \"format\": \"grille-session\", \"version\": 3, \"grid\": \"engagement\" }",
    GR_FILE_ERROR_VERSION,
    "version : ce fichier a été écrit par une version plus récente de Grille (format 3) ; cette "
    "version lit le format 2 : mettez Grille à jour pour l’ouvrir" },
  { "version-string", "{ \"format\": \"grille-session\", \"version\": \"1\" }", GR_FILE_ERROR_TYPE,
    "version : un nombre entier est attendu, pas un texte" },
  { "unknown-grid", "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"autre\" }",
    GR_FILE_ERROR_UNKNOWN_ID, "« autre » n’est pas une grille connue de Grille" },
  { "grid-number", "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": 5 }",
    GR_FILE_ERROR_TYPE, "grid : un texte entre guillemets est attendu, pas un nombre entier" },
  { "title-type", HEAD "\"title\": [] }", GR_FILE_ERROR_TYPE,
    "title : un texte entre guillemets est attendu, pas une liste" },
  { "bad-date", HEAD "\"date\": \"2026-02-30\" }", GR_FILE_ERROR_TYPE,
    "date : « 2026-02-30 » n’est pas une date de la forme AAAA-MM-JJ" },
  { "participants-type", HEAD "\"participants\": {} }", GR_FILE_ERROR_TYPE,
    "participants : une liste [ … ] est attendue, pas un objet" },
  { "participant-type", HEAD "\"participants\": [ \"A\" ] }", GR_FILE_ERROR_TYPE,
    "participants[0] : un objet { … } est attendu, pas un texte" },
  { "name-missing", HEAD "\"participants\": [ { \"scores\": {} } ] }", GR_FILE_ERROR_TYPE,
    "participants[0].name : ce champ manque" },
  { "name-empty", HEAD "\"participants\": [ { \"name\": \"A\" }, { \"name\": \"\" } ] }",
    GR_FILE_ERROR_NAME, "participants[1].name : le nom du participant est vide" },
  { "name-repeated", HEAD "\"participants\": [ { \"name\": \"A\" }, { \"name\": \"B\" }, { \"name\": \"A\" } ] }",
    GR_FILE_ERROR_NAME, "participants[2].name : le nom « A » est déjà celui d’un autre participant" },
  /* Direction controls are dropped from names: "A" followed by U+200E is "A" again. */
  { "name-repeated-bidi", HEAD "\"participants\": [ { \"name\": \"A\" }, { \"name\": \"\\u202eA\\u200e\" } ] }",
    GR_FILE_ERROR_NAME, "participants[1].name : le nom « A » est déjà celui d’un autre participant" },
  { "scores-type", HEAD "\"participants\": [ { \"name\": \"A\", \"scores\": [3] } ] }",
    GR_FILE_ERROR_TYPE, "participants[0].scores : un objet { … } est attendu, pas une liste" },
  { "unknown-item", HEAD "\"participants\": [ { \"name\": \"A\" }, { \"name\": \"B\" }, { \"name\": \"C\", \"scores\": { \"cooperer.1\": 1, \"cooperer.9\": 2 } } ] }",
    GR_FILE_ERROR_UNKNOWN_ID,
    "participants[2].scores[\"cooperer.9\"] : la grille « engagement » n’a pas de savoir-faire « cooperer.9 »" },
  { "level-too-high", HEAD "\"participants\": [ { \"name\": \"A\", \"scores\": { \"cooperer.3\": 7 } } ] }",
    GR_FILE_ERROR_RANGE,
    "participants[0].scores[\"cooperer.3\"] : le niveau 7 est hors de l’échelle (de 0 à 4)" },
  { "level-negative", HEAD "\"participants\": [ { \"name\": \"A\", \"scores\": { \"cooperer.3\": -1 } } ] }",
    GR_FILE_ERROR_RANGE,
    "participants[0].scores[\"cooperer.3\"] : le niveau -1 est hors de l’échelle (de 0 à 4)" },
  { "level-decimal", HEAD "\"participants\": [ { \"name\": \"A\", \"scores\": { \"cooperer.3\": 2.5 } } ] }",
    GR_FILE_ERROR_RANGE,
    "participants[0].scores[\"cooperer.3\"] : le niveau 2.5 n’est pas un nombre entier de l’échelle (de 0 à 4)" },
  { "level-string", HEAD "\"participants\": [ { \"name\": \"A\", \"scores\": { \"cooperer.3\": \"3\" } } ] }",
    GR_FILE_ERROR_TYPE,
    "participants[0].scores[\"cooperer.3\"] : un nombre entier est attendu, pas un texte" },
  { "note-type", HEAD "\"participants\": [ { \"name\": \"A\", \"notes\": { \"cooperer.3\": true } } ] }",
    GR_FILE_ERROR_TYPE,
    "participants[0].notes[\"cooperer.3\"] : un texte entre guillemets est attendu, pas vrai ou faux" },
  { "unknown-competency", HEAD "\"participants\": [ { \"name\": \"A\", \"targets\": { \"cooperer.1\": 3 } } ] }",
    GR_FILE_ERROR_UNKNOWN_ID,
    "participants[0].targets[\"cooperer.1\"] : la grille « engagement » n’a pas de compétence « cooperer.1 »" },
  { "target-too-high", HEAD "\"participants\": [ { \"name\": \"A\", \"targets\": { \"ouvrir\": 5 } } ] }",
    GR_FILE_ERROR_RANGE,
    "participants[0].targets[\"ouvrir\"] : le niveau 5 est hors de l’échelle (de 0 à 4)" },
  { "grid-too-small",
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": { \"id\": \"g\", \"title\": \"G\", "
    "\"scale\": [ { \"level\": 0, \"name\": \"a\", \"description\": \"\" }, { \"level\": 1, \"name\": \"b\", \"description\": \"\" } ], "
    "\"competencies\": [ { \"id\": \"a\", \"title\": \"A\", \"subtitle\": \"\", \"introduction\": \"\", \"items\": [ { \"id\": \"a1\", \"text\": \"x\" } ] } ] } }",
    GR_FILE_ERROR_GRID, "grid.competencies : une grille a de 3 à 12 compétences, celle-ci en a 1" },
  /* Version 2's members. */
  { "organisation-type", HEAD "\"organisation\": 12 }", GR_FILE_ERROR_TYPE,
    "organisation : un texte entre guillemets est attendu, pas un nombre entier" },
  { "role-type", HEAD "\"participants\": [ { \"name\": \"A\" }, { \"name\": \"B\", \"role\": [] } ] }",
    GR_FILE_ERROR_TYPE, "participants[1].role : un texte entre guillemets est attendu, pas une liste" },
  { "actions-type", HEAD "\"actions\": {} }", GR_FILE_ERROR_TYPE,
    "actions : une liste [ … ] est attendue, pas un objet" },
  { "action-type", HEAD "\"actions\": [ \"Charte\" ] }", GR_FILE_ERROR_TYPE,
    "actions[0] : un objet { … } est attendu, pas un texte" },
  { "action-no-competency", HEAD "\"actions\": [ { \"text\": \"Charte\" } ] }", GR_FILE_ERROR_TYPE,
    "actions[0].competency : ce champ manque" },
  { "action-unknown-competency",
    HEAD "\"actions\": [ { \"competency\": \"ouvrir\" }, { \"competency\": \"cooperer.1\" } ] }",
    GR_FILE_ERROR_UNKNOWN_ID,
    "actions[1].competency : la grille « engagement » n’a pas de compétence « cooperer.1 »" },
  { "action-text-type", HEAD "\"actions\": [ { \"competency\": \"ouvrir\", \"text\": null } ] }",
    GR_FILE_ERROR_TYPE, "actions[0].text : un texte entre guillemets est attendu, pas null" },
  { "action-owner-type", HEAD "\"actions\": [ { \"competency\": \"ouvrir\", \"owner\": 3 } ] }",
    GR_FILE_ERROR_TYPE, "actions[0].owner : un texte entre guillemets est attendu, pas un nombre entier" },
  { "action-bad-date", HEAD "\"actions\": [ { \"competency\": \"ouvrir\", \"due\": \"2026-13-01\" } ] }",
    GR_FILE_ERROR_TYPE, "actions[0].due : « 2026-13-01 » n’est pas une date de la forme AAAA-MM-JJ" },
  { "action-french-date", HEAD "\"actions\": [ { \"competency\": \"ouvrir\", \"due\": \"30/06/2026\" } ] }",
    GR_FILE_ERROR_TYPE, "actions[0].due : « 30/06/2026 » n’est pas une date de la forme AAAA-MM-JJ" },
  { "action-done-type", HEAD "\"actions\": [ { \"competency\": \"ouvrir\", \"done\": \"oui\" } ] }",
    GR_FILE_ERROR_TYPE, "actions[0].done : vrai ou faux (true ou false) est attendu, pas un texte" },
  { "invalid-utf8", HEAD "\"title\": \"Caf\xe9\" }", GR_FILE_ERROR_ENCODING,
    "ligne 1, colonne 80 : le texte n’est pas de l’UTF-8 valide" },
  { "escaped-nul", HEAD "\"title\": \"a\\u0000b\" }", GR_FILE_ERROR_ENCODING,
    "un texte contient un caractère NUL (\\u0000)" },
};

/* Texts longer than a field allows, and more actions than a plan holds, are refused with their
 * place. */
static void
test_refuses_long_texts (void)
{
  struct { const char *json_format; int length; const char *message; } cases[] = {
    { HEAD "\"organisation\": \"%s\" }", GR_SESSION_MAX_ORGANISATION,
      "organisation : le texte compte 201 caractères, au plus 200 sont permis" },
    { HEAD "\"participants\": [ { \"name\": \"A\", \"role\": \"%s\" } ] }", GR_SESSION_MAX_ROLE,
      "participants[0].role : le texte compte 101 caractères, au plus 100 sont permis" },
    { HEAD "\"actions\": [ { \"competency\": \"ouvrir\", \"text\": \"%s\" } ] }",
      GR_SESSION_MAX_ACTION_TEXT,
      "actions[0].text : le texte compte 2001 caractères, au plus 2000 sont permis" },
    { HEAD "\"actions\": [ { \"competency\": \"ouvrir\", \"owner\": \"%s\" } ] }",
      GR_SESSION_MAX_OWNER,
      "actions[0].owner : le texte compte 201 caractères, au plus 200 sont permis" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *json = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GrSession) session = NULL;

      /* Characters, not bytes: "é" is two bytes and one character. */
      for (int n = 0; n < cases[i].length; n++)
        g_string_append (text, "é");
      json = g_strdup_printf (cases[i].json_format, text->str);
      session = load_string (json, &error);
      g_assert_no_error (error);
      g_clear_object (&session);

      g_string_append_c (text, 'x');
      g_free (json);
      json = g_strdup_printf (cases[i].json_format, text->str);
      session = load_string (json, &error);
      g_assert_null (session);
      g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_RANGE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_refuses_too_many_actions (void)
{
  for (guint n = GR_SESSION_MAX_ACTIONS; n <= GR_SESSION_MAX_ACTIONS + 1; n++)
    {
      g_autoptr(GString) json = g_string_new (HEAD "\"actions\": [");
      g_autoptr(GError) error = NULL;
      g_autoptr(GrSession) session = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (json, "%s{ \"competency\": \"faciliter\", \"text\": \"%u\" }",
                                i ? ", " : "", i);
      g_string_append (json, "] }");
      session = load_string (json->str, &error);
      if (n == GR_SESSION_MAX_ACTIONS)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (gr_session_get_n_actions (session), ==, n);
        }
      else
        {
          g_assert_null (session);
          g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_RANGE);
          g_assert_cmpstr (error->message, ==,
                           "actions : une session compte au plus 500 actions, celle-ci en a 501");
        }
    }
}

/* A version 1 file reads unchanged and is written back as version 2 with the same data; a
 * version 2 file with every new member reads back the same, byte for byte. */
static void
test_version_2 (void)
{
  g_autofree char *v1_path = g_test_build_filename (G_TEST_DIST, "data", "atelier.grille", NULL);
  g_autofree char *v2_path = g_test_build_filename (G_TEST_DIST, "data", "atelier-v2.grille", NULL);
  g_autoptr(GFile) v1_file = g_file_new_for_path (v1_path);
  g_autoptr(GFile) v2_file = g_file_new_for_path (v2_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) v1 = gr_session_load (v1_file, &error);
  g_autoptr(GrSession) v2 = NULL;
  g_autoptr(GrSession) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(GrAction) action = NULL;
  GrGrid *grid;
  guint index;

  g_assert_no_error (error);
  bytes = gr_session_serialize (v1);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"version\" : 2,"));
  again = gr_session_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     &error);
  g_assert_no_error (error);
  grid = gr_session_get_grid (again);
  g_assert_cmpstr (gr_session_get_title (again), ==, "Atelier du 12 mars");
  g_assert_cmpstr (gr_session_get_date (again), ==, "2026-03-12");
  g_assert_cmpstr (gr_session_get_organisation (again), ==, "");
  g_assert_cmpuint (gr_session_get_n_participants (again), ==, 2);
  g_assert_cmpuint (gr_session_get_n_actions (again), ==, 0);
  for (guint p = 0; p < 2; p++)
    {
      GrParticipant *a = gr_session_get_participant (v1, p);
      GrParticipant *b = gr_session_get_participant (again, p);

      g_assert_cmpstr (gr_participant_get_name (a), ==, gr_participant_get_name (b));
      g_assert_cmpstr (gr_participant_get_role (b), ==, "");
      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        {
          g_assert_cmpint (gr_participant_get_level (a, i), ==, gr_participant_get_level (b, i));
          g_assert_cmpstr (gr_participant_get_note (a, i), ==, gr_participant_get_note (b, i));
        }
      for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
        g_assert_cmpint (gr_participant_get_target (a, c), ==, gr_participant_get_target (b, c));
    }
  g_clear_pointer (&bytes, g_bytes_unref);

  v2 = gr_session_load (v2_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gr_session_get_organisation (v2), ==, "Ville de Montreuil");
  g_assert_cmpstr (gr_participant_get_role (gr_session_get_participant (v2, 0)), ==, "Agent·e");
  g_assert_cmpstr (gr_participant_get_role (gr_session_get_participant (v2, 1)), ==, "Élu·e");
  g_assert_true (gr_grid_find_competency (gr_session_get_grid (v2), "cooperer", &index));
  g_assert_cmpuint (g_list_model_get_n_items (gr_session_get_actions (v2, index)), ==, 2);
  action = g_list_model_get_item (gr_session_get_actions (v2, index), 0);
  g_assert_cmpstr (gr_action_get_text (action), ==, "Ouvrir le comité aux habitants");
  g_assert_cmpstr (gr_action_get_owner (action), ==, "Élus");
  g_assert_cmpstr (gr_action_get_due (action), ==, "2026-06-30");
  g_assert_true (gr_action_get_done (action));
  g_clear_object (&action);
  action = g_list_model_get_item (gr_session_get_actions (v2, index), 1);
  g_assert_cmpstr (gr_action_get_text (action), ==, "Charte de coopération");
  g_assert_cmpstr (gr_action_get_due (action), ==, "");
  g_assert_false (gr_action_get_done (action));

  /* Written in the grid's order of competencies, then stable. */
  bytes = gr_session_serialize (v2);
  g_clear_object (&again);
  again = gr_session_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     &error);
  g_assert_no_error (error);
  bytes2 = gr_session_serialize (again);
  g_assert_true (g_bytes_equal (bytes, bytes2));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL),
                            "\"organisation\" : \"Ville de Montreuil\""));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"role\" : \"Agent·e\""));
  g_assert_true (strstr (g_bytes_get_data (bytes, NULL), "Ouvrir le comité") <
                 strstr (g_bytes_get_data (bytes, NULL), "Cartographier"));
}

static void
test_refusal (gconstpointer data)
{
  const Refusal *r = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = load_string (r->json, &error);

  g_assert_null (session);
  g_assert_error (error, GR_FILE_ERROR, r->code);
  if (strstr (error->message, r->message) == NULL)
    g_error ("expected “%s” in “%s”", r->message, error->message);
}

/* A byte order mark, as some editors write, is not an error. */
static void
test_byte_order_mark (void)
{
  static const char data[] = "\xEF\xBB\xBF" HEAD "\"title\": \"Atelier\" }";
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = gr_session_load_from_data (data, sizeof data - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gr_session_get_title (session), ==, "Atelier");
}

/* Devices and pipes report no size and may never end: refused before they are read. */
static void
test_not_regular (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.grille", NULL);
  const char *paths[] = { "/dev/zero", fifo };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GrSession) session = gr_session_load (file, &error);

      g_assert_null (session);
      g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "pas un fichier ordinaire"));
    }
  g_unlink (fifo);
  g_rmdir (dir);
}

static char *
many_participants (guint n)
{
  GString *s = g_string_new (HEAD "\"participants\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{ \"name\": \"P%u\", \"scores\": { \"cooperer.1\": %u } }",
                            i ? ", " : "", i, i % 5);
  g_string_append (s, "] }");
  return g_string_free (s, FALSE);
}

/* A thousand participants load (names are checked in linear time); more are refused. */
static void
test_many_participants (void)
{
  g_autofree char *ok = many_participants (GR_SESSION_MAX_PARTICIPANTS);
  g_autofree char *too_many = many_participants (GR_SESSION_MAX_PARTICIPANTS + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = load_string (ok, &error);
  g_autoptr(GrSession) refused = NULL;
  GrStats stats;

  g_assert_no_error (error);
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, GR_SESSION_MAX_PARTICIPANTS);
  g_assert_true (gr_session_get_item_stats (session, 0, &stats));
  g_assert_cmpuint (stats.n, ==, GR_SESSION_MAX_PARTICIPANTS);
  g_assert_cmpfloat_with_epsilon (stats.mean, 2.0, 1e-9);

  refused = load_string (too_many, &error);
  g_assert_null (refused);
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME);
  g_assert_cmpstr (error->message, ==,
                   "participants : une session compte au plus 1000 participants, celle-ci en a 1001");
}

static void
test_raw_nul (void)
{
  static const char data[] = HEAD "\"title\": \"a\0b\" }";
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = gr_session_load_from_data (data, sizeof data - 1, &error);

  g_assert_null (session);
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "caractère NUL"));
}

static void
test_deep_nesting (void)
{
  /* 64 levels are fine as far as depth goes; 65 are refused, and so are 200,000, which would
   * overflow json-glib's stack. */
  static const guint depths[] = { 64, 65, 200000 };

  for (guint k = 0; k < G_N_ELEMENTS (depths); k++)
    {
      GString *s = g_string_new (HEAD "\"x\": ");
      g_autoptr(GError) error = NULL;
      g_autoptr(GrSession) session = NULL;

      for (guint i = 1; i < depths[k]; i++)
        g_string_append_c (s, '[');
      for (guint i = 1; i < depths[k]; i++)
        g_string_append_c (s, ']');
      g_string_append (s, " }");

      session = gr_session_load_from_data (s->str, s->len, &error);
      if (depths[k] <= GR_FILE_MAX_DEPTH)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_TOO_DEEP);
          g_assert_nonnull (strstr (error->message, "imbriquées sur plus de 64 niveaux"));
        }
      g_string_free (s, TRUE);
    }
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = NULL;
  FILE *f = fopen (path, "w");

  /* A sparse file of 17 MiB: refused from its size, before it is read. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 17 * 1024 * 1024, SEEK_SET), ==, 0);
  fputc ('}', f);
  fclose (f);

  session = gr_session_load (file, &error);
  g_assert_null (session);
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "trop volumineux"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/grille/session.grille");
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = gr_session_load (file, &error);

  g_assert_null (session);
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO);
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "atelier.grille", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *missing_dir = g_build_filename (dir, "missing", "x.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (missing_dir);
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrParticipant) p = gr_participant_new (gr_session_get_grid (session), "A");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GBytes) bytes = NULL;

  gr_session_set_title (session, "Premier");
  g_assert_true (gr_session_save (session, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  gr_session_add_participant (session, p, NULL);
  gr_participant_set_level (p, 0, 2);
  g_assert_true (gr_session_save (session, file, &error));

  /* The new content is in place, the previous one is kept as FILE~. */
  bytes = gr_session_serialize (session);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, g_bytes_get_data (bytes, NULL));
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, first);

  /* A save that cannot happen fails with a message and leaves nothing behind. */
  g_assert_false (gr_session_save (session, bad, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "impossible d’enregistrer"));

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

/* A disk that fills up in the middle of a save (here: a file size limit, which binds root too)
 * leaves the previous file whole. */
static void
test_save_keeps_previous_on_failure (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "atelier.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrParticipant) p = gr_participant_new (gr_session_get_grid (session), "A");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_note = g_strnfill (64 * 1024, 'x');
  g_autoptr(GDir) listing = NULL;
  struct rlimit old_limit, limit;
  const char *name;
  guint n_files = 0;

  gr_session_set_title (session, "Avant");
  g_assert_true (gr_session_save (session, file, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  gr_session_add_participant (session, p, NULL);
  gr_participant_set_note (p, 0, long_note);

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 16 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (gr_session_save (session, file, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO);
  /* Said in the user's words, naming no temporary file (the caller names the session). */
  g_assert_cmpstr (error->message, ==, "impossible d’enregistrer le fichier : le fichier "
                   "dépasserait la taille maximale permise (ulimit -f)");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (g_str_equal (after, before));

  /* No temporary file is left beside it either. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      n_files++;
      g_unlink (child);
    }
  g_assert_cmpuint (n_files, <=, 2);  /* the file, and possibly its backup */
  g_rmdir (dir);
}

/* A write-protected session is not replaced, even by root (who may write anything): its
 * content and its protection stay, and the error says why. */
static void
test_save_refuses_write_protected (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "protege.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;

  gr_session_set_title (session, "Avant");
  g_assert_true (gr_session_save (session, file, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  gr_session_set_title (session, "Après");
  g_assert_false (gr_session_save (session, file, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "le fichier est protégé en écriture"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);

  g_unlink (path);
  g_rmdir (dir);
}

/* A path through a plain file: the reason is the user's language, not GIO's English. */
static void
test_load_error_language (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-test-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "fichier", NULL);
  g_autofree char *path = g_build_filename (plain, "atelier.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GrSession) session = NULL;

  g_assert_true (g_file_set_contents (plain, "", 0, NULL));
  session = gr_session_load (file, &error);
  g_assert_null (session);
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "impossible de lire le fichier : le dossier n’existe pas");

  g_unlink (plain);
  g_rmdir (dir);
}

/* Saving keeps a private file private, and writes through a symbolic link to its target. */
static void
test_save_keeps_mode_and_links (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "prive.grille", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *link = g_build_filename (dir, "lien.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrSession) again = NULL;
  GStatBuf st;

  gr_session_set_title (session, "Un");
  g_assert_true (gr_session_save (session, file, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  gr_session_set_title (session, "Deux");
  g_assert_true (gr_session_save (session, file, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (symlink (path, link), ==, 0);
  gr_session_set_title (session, "Trois");
  g_assert_true (gr_session_save (session, link_file, NULL));
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  again = gr_session_load (file, NULL);
  g_assert_cmpstr (gr_session_get_title (again), ==, "Trois");

  g_unlink (link);
  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (gr_draft_write_finish (GR_DRAFT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Drafts are written in a thread, in order: a discard right after a write leaves nothing, even
 * once the write has reported; a later write is whole, with no temporary file left beside it. */
static void
test_draft_written_in_order (void)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrDraft) draft = gr_draft_new ();
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GrSession) again = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *dir_path = NULL;
  gboolean done = FALSE;
  const char *name;

  gr_session_set_title (session, "Brouillon");
  gr_draft_write_async (draft, session, NULL, NULL, on_draft_written, &done);
  gr_draft_discard (draft);
  g_assert_false (g_file_query_exists (gr_draft_get_file (draft), NULL));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_query_exists (gr_draft_get_file (draft), NULL));

  done = FALSE;
  gr_draft_write_async (draft, session, NULL, NULL, on_draft_written, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  again = gr_draft_load (draft, NULL);
  g_assert_nonnull (again);
  g_assert_cmpstr (gr_session_get_title (again), ==, "Brouillon");

  parent = g_file_get_parent (gr_draft_get_file (draft));
  dir_path = g_file_get_path (parent);
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_assert_true (g_str_has_suffix (name, ".grille") || g_str_has_suffix (name, ".origin"));

  gr_draft_discard (draft);
}

/* A copy, what saves, drafts and prepared files write in a thread, gives the same bytes as the
 * session (participants, roles, notes, targets, action plans, title, date, organisation) and
 * does not follow it afterwards. */
static void
test_copy_same_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atelier-v2.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GrSession) session = gr_session_load (file, NULL);
  g_autoptr(GrSession) copy = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_nonnull (session);
  g_assert_cmpuint (gr_session_get_n_actions (session), >, 0);
  before = gr_session_serialize (session);
  copy = gr_session_copy (session);
  copied = gr_session_serialize (copy);
  g_assert_true (g_bytes_equal (before, copied));

  gr_participant_set_note (gr_session_get_participant (session, 0), 0, "Après la copie");
  gr_session_set_title (session, "Après la copie");
  gr_session_remove_action (session, 0, 0);
  g_clear_pointer (&copied, g_bytes_unref);
  copied = gr_session_serialize (copy);
  after = gr_session_serialize (session);
  g_assert_true (g_bytes_equal (before, copied));
  g_assert_false (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  /* Drafts go to a temporary data directory. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/session-file/example", test_example);
  g_test_add_func ("/session-file/round-trip", test_round_trip);
  g_test_add_func ("/session-file/custom-grid-round-trip", test_custom_grid_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/session-file/refuses/%s", refusals[i].name);
      g_test_add_data_func (name, &refusals[i], test_refusal);
    }
  g_test_add_func ("/session-file/version-2", test_version_2);
  g_test_add_func ("/session-file/refuses/long-texts", test_refuses_long_texts);
  g_test_add_func ("/session-file/refuses/too-many-actions", test_refuses_too_many_actions);
  g_test_add_func ("/session-file/refuses/raw-nul", test_raw_nul);
  g_test_add_func ("/session-file/refuses/not-regular", test_not_regular);
  g_test_add_func ("/session-file/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/session-file/many-participants", test_many_participants);
  g_test_add_func ("/session-file/refuses/deep-nesting", test_deep_nesting);
  g_test_add_func ("/session-file/refuses/too-large", test_too_large);
  g_test_add_func ("/session-file/refuses/missing-file", test_missing_file);
  g_test_add_func ("/session-file/save/atomic-with-backup", test_save_atomic);
  g_test_add_func ("/session-file/save/keeps-previous-on-failure", test_save_keeps_previous_on_failure);
  g_test_add_func ("/session-file/save/keeps-mode-and-links", test_save_keeps_mode_and_links);
  g_test_add_func ("/session-file/save/refuses-write-protected", test_save_refuses_write_protected);
  g_test_add_func ("/session-file/refuses/load-error-language", test_load_error_language);
  g_test_add_func ("/session-file/draft/written-in-order", test_draft_written_in_order);
  g_test_add_func ("/session-file/copy-same-bytes", test_copy_same_bytes);

  return g_test_run ();
}
