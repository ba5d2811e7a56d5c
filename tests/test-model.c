/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Aggregates as a user reads them: "not assessed" is never 0, competency scores are means of
 * assessed items, the group's score is the mean of participants' scores. */
#include "config.h"

#include "gr-history.h"
#include "gr-session.h"

static GrSession *
new_session (void)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  return gr_session_new (grid);
}

static GrParticipant *
add (GrSession  *session,
     const char *name)
{
  g_autoptr(GrParticipant) p = gr_participant_new (gr_session_get_grid (session), name);
  g_assert_true (gr_session_add_participant (session, p, NULL));
  return p;
}

static guint
item (GrSession  *session,
      const char *id)
{
  guint index;
  g_assert_true (gr_grid_find_item (gr_session_get_grid (session), id, &index));
  return index;
}

static void
test_empty_session (void)
{
  g_autoptr(GrSession) session = new_session ();
  GrStats stats;

  for (guint c = 0; c < 5; c++)
    {
      g_assert_false (gr_session_get_competency_stats (session, c, &stats));
      g_assert_cmpuint (stats.n, ==, 0);
    }
  for (guint i = 0; i < 21; i++)
    g_assert_false (gr_session_get_item_stats (session, i, &stats));
}

static void
test_not_assessed_is_not_zero (void)
{
  g_autoptr(GrSession) session = new_session ();
  GrParticipant *p = add (session, "Anne");
  GrStats stats;

  /* Nothing assessed: no score at all. */
  g_assert_false (gr_participant_get_competency_stats (p, 0, &stats));

  /* One item at 0, the others not assessed: the score is 0 over 1 item, not 0 over 5. */
  gr_participant_set_level (p, item (session, "cooperer.1"), 0);
  g_assert_true (gr_participant_get_competency_stats (p, 0, &stats));
  g_assert_cmpuint (stats.n, ==, 1);
  g_assert_cmpfloat (stats.mean, ==, 0.0);

  /* Adding a 4 gives 2, not 4/5 = 0.8 as it would if the unassessed items counted as 0. */
  gr_participant_set_level (p, item (session, "cooperer.3"), 4);
  g_assert_true (gr_participant_get_competency_stats (p, 0, &stats));
  g_assert_cmpuint (stats.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.mean, 2.0, 1e-9);
  g_assert_cmpfloat (stats.min, ==, 0.0);
  g_assert_cmpfloat (stats.max, ==, 4.0);

  /* Un-assessing it again removes it from the mean. */
  gr_participant_set_level (p, item (session, "cooperer.3"), GR_LEVEL_NONE);
  g_assert_true (gr_participant_get_competency_stats (p, 0, &stats));
  g_assert_cmpuint (stats.n, ==, 1);
  g_assert_cmpfloat (stats.mean, ==, 0.0);

  /* Another competency stays without a score. */
  g_assert_false (gr_session_get_competency_stats (session, 1, &stats));
}

static void
test_one_participant (void)
{
  g_autoptr(GrSession) session = new_session ();
  GrParticipant *p = add (session, "Service jeunesse");
  GrStats stats;

  gr_participant_set_level (p, item (session, "connecter.1"), 1);
  gr_participant_set_level (p, item (session, "connecter.2"), 2);
  gr_participant_set_level (p, item (session, "connecter.4"), 4);

  g_assert_true (gr_session_get_competency_stats (session, 1, &stats));
  g_assert_cmpuint (stats.n, ==, 1);
  g_assert_cmpfloat_with_epsilon (stats.mean, 7.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.min, 7.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.max, 7.0 / 3.0, 1e-9);

  g_assert_true (gr_session_get_item_stats (session, item (session, "connecter.4"), &stats));
  g_assert_cmpuint (stats.n, ==, 1);
  g_assert_cmpfloat (stats.mean, ==, 4.0);
  g_assert_false (gr_session_get_item_stats (session, item (session, "connecter.3"), &stats));
}

static void
test_several_participants (void)
{
  g_autoptr(GrSession) session = new_session ();
  GrParticipant *a = add (session, "A");
  GrParticipant *b = add (session, "B");
  GrParticipant *c = add (session, "C");
  GrStats stats;

  /* A: cooperer 4 and 2 → 3. B: cooperer 1 → 1. C: nothing in cooperer. */
  gr_participant_set_level (a, item (session, "cooperer.1"), 4);
  gr_participant_set_level (a, item (session, "cooperer.2"), 2);
  gr_participant_set_level (b, item (session, "cooperer.1"), 1);
  gr_participant_set_level (c, item (session, "ouvrir.1"), 0);

  /* The group's score is the mean of participants' scores (3 and 1 → 2), not the mean of all
   * assessed items (4, 2, 1 → 2.33); C has no score and does not count. */
  g_assert_true (gr_session_get_competency_stats (session, 0, &stats));
  g_assert_cmpuint (stats.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.mean, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.min, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats.max, 3.0, 1e-9);

  g_assert_true (gr_session_get_item_stats (session, item (session, "cooperer.1"), &stats));
  g_assert_cmpuint (stats.n, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.mean, 2.5, 1e-9);
  g_assert_cmpfloat (stats.min, ==, 1.0);
  g_assert_cmpfloat (stats.max, ==, 4.0);

  /* C's single 0 makes a score of 0 for S'ouvrir, with one participant counted. */
  g_assert_true (gr_session_get_competency_stats (session, 4, &stats));
  g_assert_cmpuint (stats.n, ==, 1);
  g_assert_cmpfloat (stats.mean, ==, 0.0);
}

static void
count_signal (gpointer instance,
              gpointer user_data)
{
  (*(guint *)user_data)++;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
test_names_and_signals (void)
{
  g_autoptr(GrSession) session = new_session ();
  g_autoptr(GrParticipant) dup = gr_participant_new (gr_session_get_grid (session), "Anne");
  g_autoptr(GrParticipant) blank = gr_participant_new (gr_session_get_grid (session), "  ");
  g_autoptr(GError) error = NULL;
  GrParticipant *anne;
  GrParticipant *bob;
  guint changed = 0, items_changed = 0;

  g_signal_connect (session, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (gr_session_get_participants (session), "items-changed",
                    G_CALLBACK (count_items_changed), &items_changed);

  anne = add (session, "Anne");
  bob = add (session, "Bob");
  g_assert_cmpuint (items_changed, ==, 2);
  g_assert_cmpuint (changed, ==, 2);

  g_assert_false (gr_session_add_participant (session, dup, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME);
  g_clear_error (&error);
  g_assert_false (gr_session_add_participant (session, blank, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME);
  g_clear_error (&error);
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 2);

  g_assert_false (gr_session_rename_participant (session, bob, "Anne", &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME);
  g_clear_error (&error);
  g_assert_true (gr_session_rename_participant (session, bob, "Bruno", NULL));
  g_assert_cmpstr (gr_participant_get_name (bob), ==, "Bruno");

  changed = 0;
  gr_participant_set_level (anne, 3, 2);
  gr_participant_set_level (anne, 3, 2);  /* no change, no signal */
  gr_participant_set_note (anne, 3, "Réunion mensuelle");
  gr_participant_set_note (anne, 20, "Réseau des villes");
  gr_participant_set_target (anne, 1, 4);
  g_assert_cmpuint (changed, ==, 4);

  gr_session_remove_participant (session, 0);
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 1);
  g_assert_true (gr_session_get_participant (session, 0) == bob);
}

/* A history that was disposed while someone still holds it (a window going away, a binding)
 * no longer follows the session: changes made afterwards reach no freed state. */
static void
test_history_disposed_before_session (void)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GrParticipant) anne = gr_participant_new (gr_session_get_grid (session), "Anne");
  g_autoptr(GrParticipant) bruno = gr_participant_new (gr_session_get_grid (session), "Bruno");
  g_autoptr(GrHistory) history = NULL;

  gr_session_add_participant (session, anne, NULL);
  history = gr_history_new (session);
  gr_participant_set_level (anne, item (session, "cooperer.1"), 2);
  g_assert_true (gr_history_can_undo (history));

  g_object_run_dispose (G_OBJECT (history));
  gr_participant_set_level (anne, item (session, "cooperer.1"), 3);
  gr_session_set_title (session, "Après");
  gr_session_add_participant (session, bruno, NULL);
  gr_session_remove_participant (session, 0);
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/empty-session", test_empty_session);
  g_test_add_func ("/model/not-assessed-is-not-zero", test_not_assessed_is_not_zero);
  g_test_add_func ("/model/one-participant", test_one_participant);
  g_test_add_func ("/model/several-participants", test_several_participants);
  g_test_add_func ("/model/names-and-signals", test_names_and_signals);
  g_test_add_func ("/model/history-disposed-before-session",
                   test_history_disposed_before_session);

  return g_test_run ();
}
