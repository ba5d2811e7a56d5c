/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sending the grid out and gathering it in: one file per participant, filled anywhere, merged
 * back with every score, note and target; clashes, other grids and old files said plainly. */
#include "config.h"

#include <glib/gstdio.h>

#include "gr-history.h"
#include "gr-session-file.h"
#include "gr-session-merge.h"
#include "gr-session-split.h"

static char *tmpdir;

static guint
item (GrSession  *session,
      const char *id)
{
  guint index;
  g_assert_true (gr_grid_find_item (gr_session_get_grid (session), id, &index));
  return index;
}

static GrParticipant *
add (GrSession  *session,
     const char *name)
{
  g_autoptr(GrParticipant) p = gr_participant_new (gr_session_get_grid (session), name);
  g_assert_true (gr_session_add_participant (session, p, NULL));
  return p;
}

static GFile *
write_file (const char *name,
            const char *content)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return g_file_new_for_path (path);
}

static GrSession *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GrSession *session = gr_session_load (file, &error);

  g_assert_no_error (error);
  return session;
}

static void
assert_same_participant (GrParticipant *a,
                         GrParticipant *b)
{
  GrGrid *grid = gr_participant_get_grid (a);

  g_assert_cmpstr (gr_participant_get_name (a), ==, gr_participant_get_name (b));
  g_assert_cmpstr (gr_participant_get_role (a), ==, gr_participant_get_role (b));
  for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
    {
      g_assert_cmpint (gr_participant_get_level (a, i), ==, gr_participant_get_level (b, i));
      g_assert_cmpstr (gr_participant_get_note (a, i), ==, gr_participant_get_note (b, i));
    }
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    g_assert_cmpint (gr_participant_get_target (a, c), ==, gr_participant_get_target (b, c));
}

/* What each participant writes in their own file, applied the same way to the expected
 * session: participant @n assesses a few items, notes one and sets a target. */
static void
fill (GrParticipant *p,
      guint          n)
{
  GrGrid *grid = gr_participant_get_grid (p);

  for (guint i = n; i < gr_grid_get_n_items (grid); i += 3)
    gr_participant_set_level (p, i, (i + n) % 5);
  gr_participant_set_note (p, n, "Réunion « ouverte » chaque mois\navec les habitant·e·s");
  gr_participant_set_target (p, n % gr_grid_get_n_competencies (grid), 4 - n % 3);
}

static void
test_split_fill_merge (void)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrSession) expected = NULL;
  g_autoptr(GrSession) merged = NULL;
  g_autoptr(GrSessionMerge) merge = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *dir_path = g_build_filename (tmpdir, "envoi", NULL);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Anne", "Service jeunesse", "Élu·e·s / bureau", NULL };

  gr_session_set_title (session, "Atelier de printemps");
  gr_session_set_date (session, "2026-04-02");
  gr_session_set_organisation (session, "Communauté de communes du Val");
  for (guint i = 0; names[i]; i++)
    add (session, names[i]);
  gr_participant_set_role (gr_session_get_participant (session, 2), "Élu·e");
  /* One participant had already started before the files were sent. */
  gr_participant_set_level (gr_session_get_participant (session, 0), 0, 2);
  gr_participant_set_note (gr_session_get_participant (session, 0), 0, "déjà vu");

  dir = g_file_new_for_path (dir_path);
  files = gr_session_split (session, NULL, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 3);

  /* Each file holds one participant and the session's title and date. */
  expected = gr_session_new_like (session);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GrSession) one = load (g_ptr_array_index (files, i));
      g_autoptr(GrParticipant) copy = NULL;
      GrParticipant *p;

      g_assert_cmpuint (gr_session_get_n_participants (one), ==, 1);
      g_assert_cmpstr (gr_session_get_title (one), ==, "Atelier de printemps");
      g_assert_cmpstr (gr_session_get_date (one), ==, "2026-04-02");
      g_assert_cmpstr (gr_session_get_organisation (one), ==, "Communauté de communes du Val");
      p = gr_session_get_participant (one, 0);
      assert_same_participant (p, gr_session_get_participant (session, i));

      /* Filled on someone else's machine, and sent back. */
      fill (p, i);
      g_assert_true (gr_session_save (one, g_ptr_array_index (files, i), &error));
      g_assert_no_error (error);

      copy = gr_participant_copy (p);
      g_assert_true (gr_session_add_participant (expected, copy, NULL));
    }

  /* A slash is not a file name's: the third file is named without it. */
  {
    g_autofree char *base = g_file_get_basename (g_ptr_array_index (files, 2));
    g_assert_cmpstr (base, ==, "Élu·e·s - bureau.grille");
  }

  merged = gr_session_new_like (session);
  merge = gr_session_merge_new (merged);
  for (guint i = 0; i < files->len; i++)
    {
      g_assert_true (gr_session_merge_add_file (merge, g_ptr_array_index (files, i), &error));
      g_assert_no_error (error);
    }

  g_assert_cmpuint (gr_session_merge_count (merge, GR_MERGE_ADDED), ==, 3);
  g_assert_cmpuint (gr_session_get_n_participants (merged), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_same_participant (gr_session_get_participant (merged, i),
                             gr_session_get_participant (expected, i));

  /* Through a file too: what is saved is what was merged. */
  {
    g_autoptr(GFile) out = g_file_get_child (dir, "tous.grille");
    g_autoptr(GrSession) reloaded = NULL;

    g_assert_true (gr_session_save (merged, out, &error));
    reloaded = load (out);
    g_assert_cmpstr (gr_session_get_title (reloaded), ==, "Atelier de printemps");
    g_assert_cmpstr (gr_session_get_organisation (reloaded), ==, "Communauté de communes du Val");
    for (guint i = 0; i < 3; i++)
      assert_same_participant (gr_session_get_participant (reloaded, i),
                               gr_session_get_participant (expected, i));
  }

  /* Gathered into the session the files were prepared from: the two that were waiting, empty,
   * get their answers in place; Anne, whose returned file changed what she had begun (her
   * first level and note), comes in beside it as "Anne (2)". One undo takes it all back. */
  {
    g_autoptr(GrHistory) history = gr_history_new (session);
    g_autoptr(GrSessionMerge) back = gr_session_merge_new (session);
    g_autofree char *summary = NULL;

    gr_history_begin_group (history);
    for (guint i = 0; i < files->len; i++)
      g_assert_true (gr_session_merge_add_file (back, g_ptr_array_index (files, i), NULL));
    gr_history_end_group (history);

    g_assert_cmpuint (gr_session_merge_count (back, GR_MERGE_UPDATED), ==, 2);
    g_assert_cmpuint (gr_session_merge_count (back, GR_MERGE_RENAMED), ==, 1);
    g_assert_cmpuint (gr_session_merge_count_imported (back), ==, 3);
    g_assert_cmpuint (gr_session_get_n_participants (session), ==, 4);
    for (guint i = 1; i < 3; i++)
      assert_same_participant (gr_session_get_participant (session, i),
                               gr_session_get_participant (expected, i));
    g_assert_cmpstr (gr_participant_get_note (gr_session_get_participant (session, 0), 0), ==,
                     "déjà vu");
    g_assert_cmpstr (gr_participant_get_note (gr_session_find_participant (session, "Anne (2)",
                                                                           NULL), 0), ==,
                     gr_participant_get_note (gr_session_get_participant (expected, 0), 0));
    summary = gr_session_merge_get_summary (back);
    g_assert_true (g_str_has_prefix (summary, "1 participant importé, 2 mis à jour\n"));
    g_assert_nonnull (strstr (summary, "Service jeunesse.grille\u202f: «\u202fService jeunesse"
                                       "\u202f» mis à jour avec ses réponses"));

    g_assert_true (gr_history_undo (history));
    g_assert_cmpuint (gr_session_get_n_participants (session), ==, 3);
    g_assert_cmpuint (gr_participant_count_assessed (gr_session_get_participant (session, 1)), ==,
                      0);
    g_assert_cmpstr (gr_participant_get_role (gr_session_get_participant (session, 2)), ==,
                     "Élu·e");
  }
}

static void
test_split_names_and_no_overwrite (void)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *dir_path = g_build_filename (tmpdir, "liste", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Anne", "", "  ", "Bruno", "anne", "Anne", NULL };

  gr_participant_set_level (add (session, "Anne"), 0, 3);
  dir = g_file_new_for_path (dir_path);

  /* Blank lines and repeats are not files; names that differ only by case get two files. */
  files = gr_session_split (session, names, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 3);
  {
    g_autofree char *a = g_file_get_basename (g_ptr_array_index (files, 0));
    g_autofree char *c = g_file_get_basename (g_ptr_array_index (files, 2));
    g_autoptr(GrSession) anne = load (g_ptr_array_index (files, 0));
    g_autoptr(GrSession) bruno = load (g_ptr_array_index (files, 1));

    g_assert_cmpstr (a, ==, "Anne.grille");
    g_assert_cmpstr (c, ==, "anne (2).grille");
    /* An existing participant keeps what it had; a new name starts empty. */
    g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (anne, 0), 0), ==, 3);
    g_assert_cmpuint (gr_participant_count_assessed (gr_session_get_participant (bruno, 0)), ==, 0);
  }

  /* A second run would replace the files already sent: nothing is written. */
  g_assert_true (g_file_set_contents (g_file_peek_path (g_ptr_array_index (files, 1)),
                                      "rempli", -1, NULL));
  g_clear_pointer (&files, g_ptr_array_unref);
  files = gr_session_split (session, names, dir, &error);
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "Anne.grille"));
  g_assert_null (files);
  {
    g_autofree char *bruno = g_build_filename (dir_path, "Bruno.grille", NULL);
    g_assert_true (g_file_get_contents (bruno, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "rempli");
  }
}

static const char *custom_grid =
  "{ \"id\": \"engagement\", \"title\": \"Une autre grille\","
  "  \"scale\": [ { \"level\": 0, \"name\": \"non\", \"description\": \"pas du tout\" },"
  "             { \"level\": 1, \"name\": \"oui\", \"description\": \"tout à fait\" } ],"
  "  \"competencies\": ["
  "    { \"id\": \"a\", \"title\": \"A\", \"subtitle\": \"\", \"introduction\": \"\","
  "      \"items\": [ { \"id\": \"a.1\", \"text\": \"Un\" } ] },"
  "    { \"id\": \"b\", \"title\": \"B\", \"subtitle\": \"\", \"introduction\": \"\","
  "      \"items\": [ { \"id\": \"b.1\", \"text\": \"Deux\" } ] },"
  "    { \"id\": \"c\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\","
  "      \"items\": [ { \"id\": \"c.1\", \"text\": \"Trois\" } ] } ] }";

static void
test_merge_rules (void)
{
  g_autoptr(GrSession) target = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrSessionMerge) merge = gr_session_merge_new (target);
  g_autoptr(GFile) same = NULL;
  g_autoptr(GFile) different = NULL;
  g_autoptr(GFile) other_grid = NULL;
  g_autoptr(GFile) embedded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *custom = NULL;
  g_autofree char *builtin_copy = NULL;
  g_autofree char *summary = NULL;
  GrParticipant *anne, *bruno;
  const char *source, *name, *detail;

  anne = add (target, "Anne");
  gr_participant_set_level (anne, item (target, "cooperer.1"), 3);
  gr_participant_set_note (anne, item (target, "cooperer.1"), "Comité mensuel");
  bruno = add (target, "Bruno");
  gr_participant_set_role (bruno, "Agent·e");
  gr_participant_set_level (bruno, item (target, "connecter.2"), 1);

  /* A version 1 file: Anne with the same data (skipped), and Chloé (added). */
  same = write_file ("retour-1.grille",
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    "  \"participants\": ["
    "    { \"name\": \"Anne\", \"scores\": { \"cooperer.1\": 3 },"
    "      \"notes\": { \"cooperer.1\": \"Comité mensuel\" } },"
    "    { \"name\": \"Chloé\", \"scores\": { \"ouvrir.4\": 4 }, \"targets\": { \"ouvrir\": 4 } } ] }");
  /* A version 2 file with Bruno's other data: he comes in as "Bruno (2)", with his role. */
  different = write_file ("retour-2.grille",
    "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
    "  \"organisation\": \"Ville\", \"participants\": [ { \"name\": \"Bruno\","
    "  \"role\": \"Élu·e\", \"scores\": { \"connecter.2\": 2 } } ] }");
  /* Another grid: refused as a whole, its participant does not come in. */
  custom = g_strdup_printf ("{ \"format\": \"grille-session\", \"version\": 1, \"grid\": %s,"
                            "  \"participants\": [ { \"name\": \"Damien\" } ] }", custom_grid);
  other_grid = write_file ("autre-grille.grille", custom);

  g_assert_true (gr_session_merge_add_file (merge, same, &error));
  g_assert_no_error (error);
  g_assert_true (gr_session_merge_add_file (merge, different, &error));
  g_assert_no_error (error);
  g_assert_false (gr_session_merge_add_file (merge, other_grid, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_OTHER_GRID);
  g_clear_error (&error);

  g_assert_cmpuint (gr_session_get_n_participants (target), ==, 4);
  g_assert_cmpstr (gr_participant_get_name (gr_session_get_participant (target, 2)), ==, "Chloé");
  g_assert_cmpint (gr_participant_get_target (gr_session_get_participant (target, 2), 4), ==, 4);
  g_assert_cmpstr (gr_participant_get_name (gr_session_get_participant (target, 3)), ==,
                   "Bruno (2)");
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (target, 3),
                                             item (target, "connecter.2")), ==, 2);
  g_assert_cmpstr (gr_participant_get_role (gr_session_get_participant (target, 3)), ==, "Élu·e");
  g_assert_null (gr_session_find_participant (target, "Damien", NULL));

  g_assert_cmpuint (gr_session_merge_get_n_events (merge), ==, 4);
  g_assert_cmpint (gr_session_merge_get_event (merge, 0, &source, &name, NULL), ==,
                   GR_MERGE_SKIPPED);
  g_assert_cmpstr (source, ==, "retour-1.grille");
  g_assert_cmpstr (name, ==, "Anne");
  g_assert_cmpint (gr_session_merge_get_event (merge, 1, NULL, &name, NULL), ==, GR_MERGE_ADDED);
  g_assert_cmpstr (name, ==, "Chloé");
  g_assert_cmpint (gr_session_merge_get_event (merge, 2, &source, &name, &detail), ==,
                   GR_MERGE_RENAMED);
  g_assert_cmpstr (source, ==, "retour-2.grille");
  g_assert_cmpstr (detail, ==, "Bruno (2)");
  g_assert_cmpint (gr_session_merge_get_event (merge, 3, &source, NULL, NULL), ==,
                   GR_MERGE_REFUSED);
  g_assert_cmpstr (source, ==, "autre-grille.grille");

  /* The summary names every file and what became of each participant. */
  summary = gr_session_merge_get_summary (merge);
  g_assert_true (g_str_has_prefix (summary, "2 participants importés, 1 déjà présent, "
                                            "1 fichier refusé\n"));
  g_assert_nonnull (strstr (summary, "retour-1.grille\u202f: «\u202fAnne\u202f» est déjà dans "
                                     "la session avec les mêmes données\u202f: ignoré"));
  g_assert_nonnull (strstr (summary, "importé sous le nom «\u202fBruno (2)\u202f»"));
  g_assert_nonnull (strstr (summary, "autre-grille.grille\u202f: refusé"));

  /* The same file again brings nothing twice, not even a "Bruno (3)". */
  g_assert_true (gr_session_merge_add_file (merge, different, &error));
  g_assert_cmpuint (gr_session_get_n_participants (target), ==, 4);

  /* The built-in grid embedded whole in a file is the same grid: accepted. */
  {
    g_autoptr(JsonNode) node = gr_grid_to_json (gr_grid_get_default ());
    g_autofree char *json = json_to_string (node, FALSE);

    builtin_copy = g_strdup_printf ("{ \"format\": \"grille-session\", \"version\": 1, "
                                    "\"grid\": %s, \"participants\": [ { \"name\": \"Élise\" } ] }",
                                    json);
    embedded = write_file ("grille-incluse.grille", builtin_copy);
    g_assert_true (gr_session_merge_add_file (merge, embedded, &error));
    g_assert_no_error (error);
    g_assert_nonnull (gr_session_find_participant (target, "Élise", NULL));
  }
}

static void
test_merge_unreadable (void)
{
  g_autoptr(GrSession) target = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrSessionMerge) merge = gr_session_merge_new (target);
  g_autoptr(GFile) broken = write_file ("tronque.grille", "{ \"format\": \"grille-session\", ");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/absent.grille");
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_assert_false (gr_session_merge_add_file (merge, broken, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_false (gr_session_merge_add_file (merge, missing, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO);

  summary = gr_session_merge_get_summary (merge);
  g_assert_nonnull (strstr (summary, "tronque.grille\u202f: refusé, ce n’est pas du JSON"));
  g_assert_nonnull (strstr (summary, "absent.grille\u202f: refusé, ce fichier n’existe pas"));
  g_assert_cmpuint (gr_session_get_n_participants (target), ==, 0);
}

/* An import is one step: one undo takes every imported participant back, one redo brings them
 * again. */
static void
test_import_is_one_undo_step (void)
{
  g_autoptr(GrSession) target = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrHistory) history = gr_history_new (target);
  g_autoptr(GrSessionMerge) merge = gr_session_merge_new (target);
  g_autoptr(GFile) file = write_file ("trois.grille",
    "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
    "  \"participants\": [ { \"name\": \"A\" }, { \"name\": \"B\" }, { \"name\": \"C\","
    "  \"scores\": { \"ouvrir.1\": 2 } } ] }");

  gr_participant_set_level (add (target, "Z"), 0, 1);
  gr_history_seal (history);

  gr_history_begin_group (history);
  g_assert_true (gr_session_merge_add_file (merge, file, NULL));
  gr_history_end_group (history);
  g_assert_cmpuint (gr_session_get_n_participants (target), ==, 4);

  g_assert_true (gr_history_undo (history));
  g_assert_cmpuint (gr_session_get_n_participants (target), ==, 1);
  /* The change before the import is still there, a step of its own. */
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (target, 0), 0), ==, 1);
  g_assert_true (gr_history_redo (history));
  g_assert_cmpuint (gr_session_get_n_participants (target), ==, 4);
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (target, 3),
                                             item (target, "ouvrir.1")), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("grille-merge-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/merge/split-fill-merge", test_split_fill_merge);
  g_test_add_func ("/merge/split-names-no-overwrite", test_split_names_and_no_overwrite);
  g_test_add_func ("/merge/rules", test_merge_rules);
  g_test_add_func ("/merge/unreadable", test_merge_unreadable);
  g_test_add_func ("/merge/import-is-one-undo-step", test_import_is_one_undo_step);

  status = g_test_run ();
  /* The files are left for a failed run to be looked at; a passing run cleans up. */
  if (status == 0)
    {
      const char *argv_rm[] = { "rm", "-rf", tmpdir, NULL };
      g_spawn_sync (NULL, (char **)argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                    NULL, NULL);
    }
  return status;
}
