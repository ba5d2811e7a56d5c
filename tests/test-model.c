/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Aggregates as a user reads them: "not assessed" is never 0, competency scores are means of
 * assessed items, the group's score is the mean of participants' scores; the organisation, roles
 * and action plans are observable and every change to them can be undone and redone. */
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

static GrAction *
new_action (const char *text,
            const char *owner,
            const char *due)
{
  return g_object_new (GR_TYPE_ACTION, "text", text, "owner", owner, "due", due, NULL);
}

/* The texts of a competency's plan, in order, joined by "|". */
static char *
plan (GrSession *session,
      guint      competency)
{
  GListModel *actions = gr_session_get_actions (session, competency);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(GrAction) action = g_list_model_get_item (actions, i);
      g_string_append_printf (out, "%s%s", i ? "|" : "", gr_action_get_text (action));
    }
  return g_string_free (out, FALSE);
}

#define assert_plan(session, c, expected) \
  G_STMT_START { g_autofree char *p_ = plan (session, c); g_assert_cmpstr (p_, ==, expected); } G_STMT_END

static void
test_actions_and_signals (void)
{
  g_autoptr(GrSession) session = new_session ();
  g_autoptr(GrAction) a = new_action ("Charte", "Élus", "2026-06-30");
  g_autoptr(GrAction) b = new_action ("Forum", "", "");
  g_autoptr(GrAction) extra = gr_action_new ();
  g_autoptr(GError) error = NULL;
  guint changed = 0, competency, position;

  g_signal_connect (session, "changed", G_CALLBACK (count_signal), &changed);

  gr_session_set_organisation (session, "Ville de Montreuil");
  gr_session_set_organisation (session, "Ville de Montreuil");
  g_assert_cmpstr (gr_session_get_organisation (session), ==, "Ville de Montreuil");
  g_assert_cmpuint (changed, ==, 1);

  g_assert_true (gr_session_insert_action (session, 1, G_MAXUINT, a, NULL));
  g_assert_true (gr_session_insert_action (session, 1, 0, b, NULL));
  assert_plan (session, 1, "Forum|Charte");
  assert_plan (session, 0, "");
  g_assert_cmpuint (gr_session_get_n_actions (session), ==, 2);
  g_assert_true (gr_session_find_action (session, a, &competency, &position));
  g_assert_cmpuint (competency, ==, 1);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (changed, ==, 3);

  gr_action_set_done (a, TRUE);
  gr_action_set_owner (b, "Mission participation");
  g_assert_cmpuint (changed, ==, 5);

  /* Overdue: not done, due before today. */
  gr_action_set_due (b, "2026-01-15");
  g_assert_true (gr_action_is_overdue (b, "2026-02-01"));
  g_assert_false (gr_action_is_overdue (b, "2026-01-15"));
  g_assert_false (gr_action_is_overdue (a, "2027-01-01"));

  gr_session_move_action (session, 1, 0, 1);
  assert_plan (session, 1, "Charte|Forum");
  gr_session_remove_action (session, 1, 0);
  assert_plan (session, 1, "Forum");

  /* A removed action no longer changes the session. */
  changed = 0;
  gr_action_set_text (a, "Autre");
  g_assert_cmpuint (changed, ==, 0);

  for (guint i = gr_session_get_n_actions (session); i < GR_SESSION_MAX_ACTIONS; i++)
    {
      g_autoptr(GrAction) action = gr_action_new ();
      g_assert_true (gr_session_insert_action (session, i % 5, G_MAXUINT, action, NULL));
    }
  g_assert_false (gr_session_insert_action (session, 0, 0, extra, &error));
  g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_RANGE);

  g_assert_true (gr_is_valid_date ("2024-02-29"));
  g_assert_false (gr_is_valid_date ("2026-02-29"));
  g_assert_false (gr_is_valid_date ("2026-1-05"));
  g_assert_false (gr_is_valid_date ("26-01-2026"));
}

/* Undo takes back every kind of change to the new members, one user step at a time, and redo
 * brings it back; the session is "modified" exactly when it differs from what was saved. */
static void
test_history_of_plans_and_roles (void)
{
  g_autoptr(GrSession) session = new_session ();
  g_autoptr(GrHistory) history = NULL;
  g_autoptr(GrAction) a = new_action ("Charte", "", "");
  g_autoptr(GrAction) b = new_action ("Forum", "", "");
  GrParticipant *anne = add (session, "Anne");

  g_assert_true (gr_session_insert_action (session, 0, G_MAXUINT, a, NULL));
  history = gr_history_new (session);
  g_assert_false (gr_history_is_modified (history));

  /* Typing is one step per field. */
  gr_session_set_organisation (session, "V");
  gr_session_set_organisation (session, "Ville");
  gr_participant_set_role (anne, "É");
  gr_participant_set_role (anne, "Élue");
  gr_action_set_text (a, "Charte de");
  gr_action_set_text (a, "Charte de coopération");
  gr_action_set_owner (a, "Élus");
  gr_action_set_due (a, "2026-06-30");
  gr_action_set_done (a, TRUE);
  g_assert_true (gr_session_insert_action (session, 0, G_MAXUINT, b, NULL));
  gr_session_move_action (session, 0, 1, 0);
  assert_plan (session, 0, "Forum|Charte de coopération");
  gr_session_remove_action (session, 0, 1);
  assert_plan (session, 0, "Forum");
  g_assert_true (gr_history_is_modified (history));

  g_assert_true (gr_history_undo (history));  /* removal */
  assert_plan (session, 0, "Forum|Charte de coopération");
  g_assert_true (gr_history_undo (history));  /* move, in one step */
  assert_plan (session, 0, "Charte de coopération|Forum");
  g_assert_true (gr_history_undo (history));  /* addition */
  assert_plan (session, 0, "Charte de coopération");
  g_assert_true (gr_history_undo (history));
  g_assert_false (gr_action_get_done (a));
  g_assert_true (gr_history_undo (history));
  g_assert_cmpstr (gr_action_get_due (a), ==, "");
  g_assert_true (gr_history_undo (history));
  g_assert_cmpstr (gr_action_get_owner (a), ==, "");
  g_assert_true (gr_history_undo (history));
  g_assert_cmpstr (gr_action_get_text (a), ==, "Charte");
  g_assert_true (gr_history_undo (history));
  g_assert_cmpstr (gr_participant_get_role (anne), ==, "");
  g_assert_true (gr_history_undo (history));
  g_assert_cmpstr (gr_session_get_organisation (session), ==, "");
  g_assert_false (gr_history_can_undo (history));
  g_assert_false (gr_history_is_modified (history));

  while (gr_history_redo (history))
    ;
  g_assert_cmpstr (gr_session_get_organisation (session), ==, "Ville");
  g_assert_cmpstr (gr_participant_get_role (anne), ==, "Élue");
  g_assert_cmpstr (gr_action_get_text (a), ==, "Charte de coopération");
  g_assert_cmpstr (gr_action_get_owner (a), ==, "Élus");
  g_assert_cmpstr (gr_action_get_due (a), ==, "2026-06-30");
  g_assert_true (gr_action_get_done (a));
  assert_plan (session, 0, "Forum");

  /* An action brought back by undo is followed again. */
  g_assert_true (gr_history_undo (history));
  gr_action_set_text (a, "Charte révisée");
  g_assert_true (gr_history_undo (history));
  g_assert_cmpstr (gr_action_get_text (a), ==, "Charte de coopération");
}

/* A save writes the session as it was when asked for: the point taken then is the saved state,
 * whatever was typed, undone or redone while the file was written. */
static void
test_history_saved_point (void)
{
  g_autoptr(GrSession) session = new_session ();
  g_autoptr(GrHistory) history = gr_history_new (session);
  GrParticipant *anne = add (session, "Anne");
  guint note = item (session, "cooperer.1");
  guint point;

  /* Nothing done yet: point 0, as a fresh history. */
  gr_history_mark_saved_at (history, gr_history_get_point (history));
  g_assert_false (gr_history_is_modified (history));

  gr_participant_set_note (anne, note, "Avant");
  point = gr_history_get_point (history);
  /* Typed during the save: the same note, but not the state that was written. */
  gr_participant_set_note (anne, note, "Avant, pendant");
  gr_history_mark_saved_at (history, point);
  g_assert_true (gr_history_is_modified (history));
  g_assert_true (gr_history_undo (history));
  g_assert_cmpstr (gr_participant_get_note (anne, note), ==, "Avant");
  g_assert_false (gr_history_is_modified (history));

  /* Undone during the save: redo brings the saved state back. */
  g_assert_true (gr_history_redo (history));
  point = gr_history_get_point (history);
  g_assert_true (gr_history_undo (history));
  gr_history_mark_saved_at (history, point);
  g_assert_true (gr_history_is_modified (history));
  g_assert_true (gr_history_redo (history));
  g_assert_false (gr_history_is_modified (history));

  /* Undone, then replaced by another change: that state can no longer be reached. */
  g_assert_true (gr_history_undo (history));
  gr_participant_set_level (anne, note, 2);
  gr_history_mark_saved_at (history, point);
  g_assert_true (gr_history_is_modified (history));
  g_assert_true (gr_history_undo (history));
  g_assert_true (gr_history_is_modified (history));
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

typedef struct
{
  GrSession      *session;
  GrParticipant **expected;
  guint           n;
} Reading;

/* One thread's reading: every participant by position, over and over. */
static gpointer
read_participants (gpointer data)
{
  Reading *reading = data;
  gsize wrong = 0;

  for (guint i = 0; i < 200000; i++)
    if (gr_session_get_participant (reading->session, i % reading->n) !=
        reading->expected[i % reading->n])
      wrong++;
  return GSIZE_TO_POINTER (wrong);
}

/* An earlier session is read by an export's thread while the window draws it: read from
 * several threads at once, each gets the participant it asks for. */
static void
test_read_from_threads (void)
{
  g_autoptr(GrSession) session = new_session ();
  GrParticipant *expected[20];
  Reading reading = { session, expected, G_N_ELEMENTS (expected) };
  GThread *threads[4];

  for (guint i = 0; i < reading.n; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i);

      expected[i] = add (session, name);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("reader", read_participants, &reading);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_assert_cmpuint (GPOINTER_TO_SIZE (g_thread_join (threads[t])), ==, 0);
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
  g_test_add_func ("/model/actions-and-signals", test_actions_and_signals);
  g_test_add_func ("/model/history-of-plans-and-roles", test_history_of_plans_and_roles);
  g_test_add_func ("/model/history-saved-point", test_history_saved_point);
  g_test_add_func ("/model/read-from-threads", test_read_from_threads);
  g_test_add_func ("/model/history-disposed-before-session",
                   test_history_disposed_before_session);

  return g_test_run ();
}
