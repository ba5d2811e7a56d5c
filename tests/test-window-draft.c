/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A workshop killed mid-typing: a child process types a note into the real window, one
 * character at a time, and is killed with SIGKILL while still typing. The draft it leaves must
 * hold everything typed up to a few seconds (GR_DRAFT_MAX_DELAY_MS) before the kill. */
#define G_LOG_DOMAIN "test-window-draft"

#include "config.h"

#include <signal.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "gr-application.h"
#include "gr-competency.h"
#include "gr-draft.h"
#include "gr-item.h"
#include "gr-session-file.h"
#include "gr-translator.h"
#include "gr-window.h"

/* The typing: long enough to go past the longest delay, so that the drafts are written while
 * the user never stops. */
#define TYPING_MS    (3 * GR_DRAFT_MAX_DELAY_MS)
#define KEYSTROKE_MS 100
/* What the scheduler may add to the promised delay on a loaded machine. */
#define SLACK_MS     1500

static const char text[] =
  "Le comité de quartier se réunit chaque mois avec les associations, les élus et les "
  "agents ; il faudrait y inviter les jeunes du centre social et ouvrir les comptes rendus "
  "à tous les habitants, en ligne et à l’accueil de la mairie.";

static gboolean
tick (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_loop_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, tick, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The child: types, logs when each character went in, and dies without warning. */
static void
type_and_die (void)
{
  g_autoptr(GrApplication) app = gr_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *log_path = g_build_filename (g_get_user_data_dir (), "typing.log", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  GrWindow *window;
  GtkTextBuffer *buffer;
  GrItemRow *row;
  gint64 start;
  const char *p = text;
  guint typed = 0;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));

  window = gr_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  gr_window_show_page (window, "cooperer");
  run_loop_for (300);

  row = gr_competency_page_get_row (gr_window_get_competency_page (window, 0), 0);
  gtk_toggle_button_set_active (gr_item_row_get_level_button (row, 3), TRUE);
  buffer = gtk_text_view_get_buffer (gr_item_row_get_note_view (row));
  gtk_widget_grab_focus (GTK_WIDGET (gr_item_row_get_note_view (row)));

  start = g_get_monotonic_time ();
  while ((g_get_monotonic_time () - start) / 1000 < TYPING_MS)
    {
      char c[8] = { 0 };

      if (*p == '\0')
        p = text;
      g_unichar_to_utf8 (g_utf8_get_char (p), c);
      p = g_utf8_next_char (p);
      gtk_text_buffer_insert_at_cursor (buffer, c, -1);
      typed++;
      /* Milliseconds since the start, and how many characters were in at that moment. */
      g_string_append_printf (log, "%" G_GINT64_FORMAT " %u\n",
                              (g_get_monotonic_time () - start) / 1000, typed);
      run_loop_for (KEYSTROKE_MS);
    }

  g_string_append_printf (log, "kill %" G_GINT64_FORMAT "\n",
                          (g_get_monotonic_time () - start) / 1000);
  g_assert_true (g_file_set_contents (log_path, log->str, log->len, NULL));
  kill (getpid (), SIGKILL);
}

static void
test_kill_while_typing (void)
{
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GrSession) session = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GrParticipant *participant;
  gint64 killed_at = -1;
  guint must_have = 0, kept;
  guint item;

  if (g_test_subprocess ())
    {
      type_and_die ();
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  log_path = g_build_filename (g_get_user_data_dir (), "typing.log", NULL);
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], "kill "))
      killed_at = g_ascii_strtoll (lines[i] + 5, NULL, 10);
  g_assert_cmpint (killed_at, >, 0);

  /* Everything typed that long before the kill must be in the draft. */
  for (guint i = 0; lines[i] && *lines[i] && !g_str_has_prefix (lines[i], "kill "); i++)
    {
      gint64 at = 0;
      guint count = 0;

      g_assert_cmpint (sscanf (lines[i], "%" G_GINT64_FORMAT " %u", &at, &count), ==, 2);
      if (at <= killed_at - GR_DRAFT_MAX_DELAY_MS - SLACK_MS)
        must_have = count;
    }
  g_assert_cmpuint (must_have, >, 0);

  drafts = gr_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  session = gr_draft_load (g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);

  participant = gr_session_get_participant (session, 0);
  item = gr_item_get_index (gr_competency_get_item (
    gr_grid_get_competency (gr_session_get_grid (session), 0), 0));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 3);
  kept = g_utf8_strlen (gr_participant_get_note (participant, item), -1);
  g_test_message ("typed for %" G_GINT64_FORMAT " ms; %u characters were due in the draft, "
                  "it holds %u", killed_at, must_have, kept);
  g_assert_cmpuint (kept, >=, must_have);
  /* And it holds what was typed, in order. */
  g_assert_true (g_str_has_prefix (text, gr_participant_get_note (participant, item)) ||
                 kept > g_utf8_strlen (text, -1));
}

static GtkMessageDialog *
find_question (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkMessageDialog *found = NULL;

  for (GList *l = toplevels; l && !found; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* At start-up the window comes at once; the drafts' folder is read in a thread and the offer
 * to restore comes when it has answered, with the same list as before. */
static void
test_offered_after_start (void)
{
  g_autoptr(GrApplication) app = gr_application_new ();
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  g_autoptr(GrSession) session = gr_session_new (grid);
  g_autoptr(GrDraft) draft = gr_draft_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;
  GtkMessageDialog *dialog;
  GtkWindow *window;
  gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  /* The only draft: the one the test above leaves goes. */
  drafts = gr_draft_list ();
  for (guint i = 0; i < drafts->len; i++)
    gr_draft_discard (g_ptr_array_index (drafts, i));
  gr_session_set_title (session, "Brouillon du démarrage");
  g_assert_true (gr_draft_write (draft, session, NULL, &error));
  g_assert_no_error (error);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));

  /* The window is there, and nothing of the folder was read yet on this thread. */
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (GR_IS_WINDOW (window));
  g_assert_null (find_question ());

  while ((dialog = find_question ()) == NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_object_get (dialog, "text", &text, "secondary-text", &secondary, NULL);
  g_assert_cmpstr (text, ==, "Restaurer une session non enregistrée\u202F?");
  g_assert_nonnull (strstr (secondary, "Nouvelle session, enregistré automatiquement le "));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  while (gr_window_get_draft (GR_WINDOW (window)) == NULL && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gr_session_get_title (gr_window_get_session (GR_WINDOW (window))), ==,
                   "Brouillon du démarrage");
  gr_draft_discard (gr_window_get_draft (GR_WINDOW (window)));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp_dir = NULL;

  /* The parent chooses the data directory; the child inherits it through the environment. */
  if (g_getenv ("GRILLE_TEST_DATA_HOME") == NULL)
    {
      g_autofree char *data_home = NULL;

      tmp_dir = g_dir_make_tmp ("grille-test-draft-XXXXXX", NULL);
      data_home = g_build_filename (tmp_dir, "data", NULL);
      g_setenv ("GRILLE_TEST_DATA_HOME", data_home, TRUE);
    }
  g_setenv ("XDG_DATA_HOME", g_getenv ("GRILLE_TEST_DATA_HOME"), TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);

  gr_i18n_init (NULL);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/draft/kill-while-typing", test_kill_while_typing);
  g_test_add_func ("/window/draft/offered-after-start", test_offered_after_start);

  return g_test_run ();
}
