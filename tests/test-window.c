/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window, driven through its widgets and actions under Xvfb: levels, sidebar and
 * chart, save and reopen, the unsaved-changes question, drafts, undo, participants, the
 * adaptive layout, accelerators, digits for levels, files dropped on the window, and
 * screenshots of the main views. */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>

#include "gr-application.h"
#include "gr-competency.h"
#include "gr-item.h"
#include "gr-session-file.h"
#include "gr-translator.h"
#include "gr-window.h"
#include "gr-window-test.h"

static GrApplication *app;

static const char session_json[] =
  "{ \"format\": \"grille-session\", \"version\": 1,\n"
  "  \"grid\": \"engagement\",\n"
  "  \"title\": \"Atelier du 12 mars\", \"date\": \"2026-03-12\", \"language\": \"fr\",\n"
  "  \"participants\": [\n"
  "    { \"name\": \"Service jeunesse\",\n"
  "      \"scores\":  { \"cooperer.1\": 3, \"cooperer.2\": 2, \"connecter.2\": 0,\n"
  "                   \"ouvrir.1\": 2, \"ouvrir.4\": 4, \"faciliter.1\": 1,\n"
  "                   \"faciliter.2\": 2, \"integrer.1\": 3 },\n"
  "      \"notes\":   { \"cooperer.1\": \"Comité mensuel avec les associations\" },\n"
  "      \"targets\": { \"cooperer\": 4, \"connecter\": 3 } },\n"
  "    { \"name\": \"Élus\",\n"
  "      \"scores\":  { \"cooperer.1\": 1, \"cooperer.3\": 2, \"connecter.1\": 2,\n"
  "                   \"connecter.2\": 2, \"ouvrir.2\": 1, \"faciliter.3\": 3,\n"
  "                   \"integrer.2\": 2 } },\n"
  "    { \"name\": \"Centre social\",\n"
  "      \"scores\":  { \"cooperer.1\": 4, \"cooperer.2\": 3, \"connecter.1\": 3,\n"
  "                   \"ouvrir.1\": 3, \"ouvrir.3\": 2, \"faciliter.1\": 2,\n"
  "                   \"integrer.1\": 4, \"integrer.3\": 3 } } ] }\n";

static void
type_note (GrWindow   *window,
           guint       competency,
           guint       item,
           const char *text)
{
  GtkTextView *view = gr_item_row_get_note_view (item_row (window, competency, item));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char c[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), c);
      gtk_text_buffer_insert_at_cursor (buffer, c, -1);
    }
}

static guint
item_index (GrWindow   *window,
            const char *id)
{
  guint index = 0;

  g_assert_true (gr_grid_find_item (gr_session_get_grid (gr_window_get_session (window)), id,
                                    &index));
  return index;
}

/* A level set in the selector reaches the model, the sidebar's score and the chart's
 * description, which screen readers read. */
static void
test_level (void)
{
  GrWindow *window = new_window (1200, 800);
  GrSession *session = gr_window_get_session (window);
  GrParticipant *participant = gr_window_get_participant (window);
  GrCompetency *first = gr_grid_get_competency (gr_session_get_grid (session), 0);
  GrSidebarRow *row = gr_window_get_sidebar_row (window, gr_competency_get_id (first));
  g_autofree char *before = g_strdup (gr_chart_view_get_description (gr_window_get_chart (window)));
  guint item = gr_item_get_index (gr_competency_get_item (first, 0));

  gr_window_show_page (window, gr_competency_get_id (first));
  g_assert_cmpstr (gr_sidebar_row_get_score (row), ==, "non évalué");
  g_assert_false (gr_window_is_modified (window));

  click_level (window, 0, 0, 3);
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 3);
  g_assert_cmpstr (gr_sidebar_row_get_score (row), ==, "3,0 / 4");
  g_assert_cmpstr (gr_chart_view_get_description (gr_window_get_chart (window)), !=, before);
  g_assert_true (gr_window_is_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));

  click_level (window, 0, 1, 2);
  g_assert_cmpstr (gr_sidebar_row_get_score (row), ==, "2,5 / 4");

  /* "Not assessed" is not 0: the score goes back to the one item left. */
  click_level (window, 0, 1, GR_LEVEL_NONE);
  g_assert_cmpint (gr_participant_get_level (participant, item + 1), ==, GR_LEVEL_NONE);
  g_assert_cmpstr (gr_sidebar_row_get_score (row), ==, "3,0 / 4");

  /* The model changed elsewhere (undo, another view): the selector follows. */
  gr_participant_set_level (participant, item, 1);
  g_assert_true (gtk_toggle_button_get_active (gr_item_row_get_level_button (item_row (window, 0, 0),
                                                                             1)));

  destroy_window (window);
}

/* Save, reopen in another window: the same levels, notes and targets. */
static void
test_save_reopen (void)
{
  g_autoptr(GFile) file = write_session_file ("save.grille");
  GrWindow *window = new_window (1200, 800);
  GrWindow *again;
  GrParticipant *participant;
  guint item;

  g_assert_true (gr_window_open_file (window, file));
  g_assert_false (gr_window_is_modified (window));
  participant = gr_window_get_participant (window);
  g_assert_cmpstr (gr_participant_get_name (participant), ==, "Service jeunesse");

  click_level (window, 1, 2, 4);
  type_note (window, 1, 2, "Réseau d’acteurs à relancer");
  gtk_drop_down_set_selected (gr_competency_page_get_target (gr_window_get_competency_page (window,
                                                                                         2)),
                              1 + 2);
  g_assert_true (gr_window_is_modified (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_files (window);
  g_assert_false (gr_window_is_modified (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));
  destroy_window (window);

  again = new_window (1200, 800);
  g_assert_true (gr_window_open_file (again, file));
  participant = gr_window_get_participant (again);
  item = gr_item_get_index (gr_competency_get_item (
    gr_grid_get_competency (gr_session_get_grid (gr_window_get_session (again)), 1), 2));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 4);
  g_assert_cmpstr (gr_participant_get_note (participant, item), ==, "Réseau d’acteurs à relancer");
  g_assert_cmpint (gr_participant_get_target (participant, 2), ==, 2);
  g_assert_cmpint (gr_participant_get_level (participant, item_index (again, "cooperer.1")), ==, 3);
  g_assert_cmpuint (gr_session_get_n_participants (gr_window_get_session (again)), ==, 3);
  /* What is shown is what was saved. */
  g_assert_true (gtk_toggle_button_get_active (gr_item_row_get_level_button (item_row (again, 1, 2),
                                                                             4)));
  destroy_window (again);
}

/* Another program saves @file meanwhile, under another title. Returns: (transfer full) what it
 * wrote. */
static char *
change_elsewhere (GFile *file)
{
  g_autoptr(GrSession) other = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  other = gr_session_load (file, &error);
  g_assert_no_error (error);
  gr_session_set_title (other, "Modifiée ailleurs");
  g_assert_true (gr_session_save (other, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

/* @file holds the window's version over the other one: its title, and the level 0 it chose. */
static void
assert_saved_over_elsewhere (GFile *file)
{
  g_autoptr(GrSession) saved = gr_session_load (file, NULL);

  g_assert_nonnull (saved);
  g_assert_cmpstr (gr_session_get_title (saved), !=, "Modifiée ailleurs");
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (saved, 0), 0), ==, 0);
}

/* A save over a file changed elsewhere since it was opened asks first: cancel leaves the other
 * version on disk untouched, overwrite writes this one. */
static void
test_save_changed_elsewhere (void)
{
  g_autoptr(GFile) file = write_session_file ("elsewhere.grille");
  g_autofree char *elsewhere = NULL;
  g_autofree char *on_disk = NULL;
  GrWindow *window = new_window (1200, 800);
  GtkMessageDialog *dialog;

  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 0, 0, 0);
  g_assert_true (gr_window_is_modified (window));

  /* Another window changes the file meanwhile. */
  elsewhere = change_elsewhere (file);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  screenshot (GTK_WIDGET (dialog), "screenshot-save-changed-elsewhere.png");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  WAIT_UNTIL (find_dialog (GTK_WINDOW (window)) == NULL);
  g_assert_true (g_file_load_contents (file, NULL, &on_disk, NULL, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, elsewhere);
  g_assert_true (gr_window_is_modified (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  WAIT_UNTIL (!gr_window_is_modified (window));
  assert_saved_over_elsewhere (file);

  /* Saved by this window, the file is its own again: the next save asks nothing. */
  click_level (window, 0, 0, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  wait_for_files (window);
  g_assert_false (gr_window_is_modified (window));
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  destroy_window (window);
}

/* Save As onto the window's own file, changed elsewhere since it was opened, asks the same
 * question as a plain save: cancel leaves the other version on disk, overwrite writes this one.
 * The name is typed without its extension, as users do: the chooser sees no file of that name
 * and asks nothing, and Grille adds ".grille". */
static void
save_as_to (GrWindow *window,
            GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWindow *chooser;

  g_assert_true (g_str_has_suffix (name, ".grille"));
  name[strlen (name) - strlen (".grille")] = '\0';
  /* The chooser opens on the window's file, in its folder: the user types the name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  WAIT_UNTIL ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  settle ();
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  WAIT_UNTIL (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  wait_for_files (window);
}

static void
test_save_as_changed_elsewhere (void)
{
  g_autoptr(GFile) file = write_session_file ("elsewhere-as.grille");
  g_autofree char *elsewhere = NULL;
  g_autofree char *on_disk = NULL;
  GrWindow *window = new_window (1200, 800);
  GtkMessageDialog *dialog;

  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 0, 0, 0);

  elsewhere = change_elsewhere (file);

  save_as_to (window, file);
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  g_object_get (dialog, "text", &on_disk, NULL);
  g_assert_cmpstr (on_disk, ==, "Le fichier a été modifié par ailleurs");
  g_clear_pointer (&on_disk, g_free);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  WAIT_UNTIL (find_dialog (GTK_WINDOW (window)) == NULL);
  g_assert_true (g_file_load_contents (file, NULL, &on_disk, NULL, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, elsewhere);
  g_assert_true (gr_window_is_modified (window));

  save_as_to (window, file);
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  WAIT_UNTIL (!gr_window_is_modified (window));
  assert_saved_over_elsewhere (file);

  /* The window's file, unchanged since: Save As onto it writes without a question. */
  click_level (window, 0, 0, 1);
  save_as_to (window, file);
  g_assert_false (gr_window_is_modified (window));
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  destroy_window (window);
}

/* Closing with unsaved changes asks: cancel keeps the window, discard closes it, save writes
 * the file and closes. */
static void
test_close_prompt (void)
{
  g_autoptr(GFile) file = write_session_file ("close.grille");
  g_autoptr(GrSession) saved = NULL;
  GrWindow *window = new_window (1000, 700);
  GtkMessageDialog *dialog;

  g_assert_true (gr_window_open_file (window, file));

  /* Nothing changed: it closes at once. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  settle ();
  g_assert_false (window_is_open (window));

  window = new_window (1000, 700);
  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 0, 0, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  settle ();
  g_assert_true (window_is_open (window));
  g_assert_true (gr_window_is_modified (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  WAIT_UNTIL (!window_is_open (window));

  saved = gr_session_load (file, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (saved, 0), 0), ==, 0);

  window = new_window (1000, 700);
  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 0, 0, 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  WAIT_UNTIL (!window_is_open (window));

  g_clear_object (&saved);
  saved = gr_session_load (file, NULL);
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (saved, 0), 0), ==, 0);
}

/* Undo and redo take back levels, notes (a whole typed note at once), targets and
 * participants; undoing to the saved state clears the unsaved mark. */
static void
test_undo_redo (void)
{
  GrWindow *window = new_window (1200, 800);
  GrSession *session = gr_window_get_session (window);
  GrParticipant *first = gr_window_get_participant (window);
  GrParticipantsPage *page = gr_window_get_participants_page (window);
  GtkDropDown *target = gr_competency_page_get_target (gr_window_get_competency_page (window, 0));
  GtkWidget *widget = GTK_WIDGET (window);
  guint item = gr_item_get_index (gr_item_row_get_item (item_row (window, 0, 0)));

  click_level (window, 0, 0, 2);
  click_level (window, 0, 0, 3);
  type_note (window, 0, 0, "Une note");
  gtk_drop_down_set_selected (target, 1 + 4);
  g_assert_nonnull (gr_participants_page_add (page, "Équipe B"));
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 2);
  g_assert_cmpstr (gr_participant_get_name (gr_window_get_participant (window)), ==, "Équipe B");

  gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 1);
  g_assert_true (gr_window_get_participant (window) == first);

  gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_cmpint (gr_participant_get_target (first, 0), ==, GR_LEVEL_NONE);
  g_assert_cmpuint (gtk_drop_down_get_selected (target), ==, 0);

  gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_cmpstr (gr_participant_get_note (first, item), ==, "");

  gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_cmpint (gr_participant_get_level (first, item), ==, 2);
  g_assert_true (gtk_toggle_button_get_active (gr_item_row_get_level_button (item_row (window, 0, 0),
                                                                             2)));
  gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_cmpint (gr_participant_get_level (first, item), ==, GR_LEVEL_NONE);
  g_assert_false (gr_window_is_modified (window));
  g_assert_false (gr_history_can_undo (gr_window_get_history (window)));

  gtk_widget_activate_action (widget, "win.redo", NULL);
  gtk_widget_activate_action (widget, "win.redo", NULL);
  gtk_widget_activate_action (widget, "win.redo", NULL);
  g_assert_cmpint (gr_participant_get_level (first, item), ==, 3);
  g_assert_cmpstr (gr_participant_get_note (first, item), ==, "Une note");
  g_assert_true (gr_window_is_modified (window));

  /* Renaming and removing are undone too. */
  gtk_widget_activate_action (widget, "win.redo", NULL);
  gtk_widget_activate_action (widget, "win.redo", NULL);
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 2);
  g_assert_true (gr_session_rename_participant (session, gr_session_get_participant (session, 1),
                                                "Équipe C", NULL));
  gr_session_remove_participant (session, 0);
  g_assert_cmpstr (gr_participant_get_name (gr_window_get_participant (window)), ==, "Équipe C");
  gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_true (gr_session_get_participant (session, 0) == first);
  g_assert_cmpint (gr_participant_get_level (first, item), ==, 3);
  gtk_widget_activate_action (widget, "win.undo", NULL);
  g_assert_cmpstr (gr_participant_get_name (gr_session_get_participant (session, 1)), ==,
                   "Équipe B");

  destroy_window (window);
}

/* Choosing another participant edits their grid; the group view shows everyone. */
static void
test_participants (void)
{
  g_autoptr(GFile) file = write_session_file ("participants.grille");
  GrWindow *window = new_window (1200, 800);
  GrSession *session;
  GrParticipant *youth, *elected;
  GrSidebarRow *row;
  GtkMessageDialog *dialog;
  guint item;

  g_assert_true (gr_window_open_file (window, file));
  session = gr_window_get_session (window);
  youth = gr_session_get_participant (session, 0);
  elected = gr_session_get_participant (session, 1);
  item = gr_item_get_index (gr_item_row_get_item (item_row (window, 0, 3)));
  row = gr_window_get_sidebar_row (window, "cooperer");

  g_assert_cmpstr (gr_sidebar_row_get_score (row), ==, "2,5 / 4");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-participant", "s", "Élus");
  g_assert_true (gr_window_get_participant (window) == elected);
  g_assert_cmpstr (gr_sidebar_row_get_score (row), ==, "1,5 / 4");
  g_assert_true (gr_chart_view_get_participant (gr_window_get_chart (window)) == elected);

  click_level (window, 0, 3, 4);
  g_assert_cmpint (gr_participant_get_level (elected, item), ==, 4);
  g_assert_cmpint (gr_participant_get_level (youth, item), ==, GR_LEVEL_NONE);

  /* The group: the chart shows the mean and each participant, the sidebar the group's mean. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "group");
  g_assert_null (gr_chart_view_get_participant (gr_window_get_chart (window)));
  g_assert_true (gr_chart_view_get_show_participants (gr_window_get_chart (window)));
  g_assert_cmpstr (gr_sidebar_row_get_score (row), !=, "2,3 / 4");

  /* Removing asks first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-participant", "s", "Élus");
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  settle ();
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-participant", "s", "Élus");
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  settle ();
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 2);
  g_assert_null (gr_session_find_participant (session, "Élus", NULL));
  g_assert_true (gr_window_get_participant (window) != elected);

  destroy_window (window);
}

/* A draft is written shortly after a change; after a "crash" the next start offers it back. */
static void
test_draft_restore (void)
{
  g_autoptr(GFile) file = write_session_file ("draft.grille");
  g_autoptr(GFile) other = write_session_file ("draft-other.grille");
  GrWindow *window = new_window (1000, 700);
  GrWindow *waiting;
  GtkWidget *dialog;
  GrWindow *restored = NULL;
  GrParticipant *participant;
  g_autofree char *draft_path = NULL;
  g_autofree char *offer = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GDateTime) later = NULL;
  guint item;

  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 3, 0, 4);
  type_note (window, 3, 0, "Noté pendant l’atelier");
  item = gr_item_get_index (gr_item_row_get_item (item_row (window, 3, 0)));

  WAIT_UNTIL (draft_written (window));
  draft_path = g_file_get_path (gr_draft_get_file (gr_window_get_draft (window)));

  /* The process "dies": the window goes without its close question, the draft stays. */
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  window = new_window (1000, 700);
  /* The offer gives the file's date too; the file is older than the draft: no warning. */
  dialog = gr_application_offer_drafts (app);
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &offer, NULL);
  g_assert_nonnull (strstr (offer, "fichier enregistré le "));
  g_assert_null (strstr (offer, "plus récent"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&offer, g_free);

  /* Over a window that waits for its file to be read before it shows (a file opened at start),
   * the question comes once the window is there. */
  waiting = gr_window_new_for_file (app, other);
  dialog = gr_application_offer_drafts (app);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (waiting));
  g_assert_false (gtk_widget_get_visible (dialog));
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (waiting)));
  WAIT_UNTIL (gtk_widget_get_visible (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (waiting);

  /* The file changed elsewhere after the draft was written: the offer says so. */
  drafts = gr_draft_list ();
  for (guint i = 0; i < drafts->len && later == NULL; i++)
    {
      GrDraft *draft = g_ptr_array_index (drafts, i);

      if (gr_draft_get_origin (draft) != NULL && g_file_equal (gr_draft_get_origin (draft), file))
        later = g_date_time_add_hours (gr_draft_get_modified (draft), 1);
    }
  g_assert_nonnull (later);
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_date_time_to_unix (later),
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
  dialog = gr_application_offer_drafts (app);
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &offer, NULL);
  g_assert_nonnull (strstr (offer, "le fichier est plus récent que la copie de secours"));
  screenshot (dialog, "screenshot-draft-older-than-file.png");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  settle ();

  restored = window;
  g_assert_nonnull (gr_window_get_file (restored));
  g_assert_true (g_file_equal (gr_window_get_file (restored), file));
  g_assert_true (gr_window_is_modified (restored));
  participant = gr_window_get_participant (restored);
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 4);
  g_assert_cmpstr (gr_participant_get_note (participant, item), ==, "Noté pendant l’atelier");

  /* Saving makes the draft pointless: it goes. */
  gtk_widget_activate_action (GTK_WIDGET (restored), "win.save", NULL);
  wait_for_files (restored);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  g_assert_null (gr_application_offer_drafts (app));

  destroy_window (restored);
}

/* The chart beside the pages on a wide window, below them on a narrow one; the size is kept. */
static void
test_adaptive_and_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GrWindow *window = new_window (1300, 800);
  int width, height;

  gr_window_show_page (window, "cooperer");
  settle ();
  g_assert_true (gr_window_is_wide (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 760, 900);
  WAIT_UNTIL (!gr_window_is_wide (window));
  screenshot (GTK_WIDGET (window), "screenshot-narrow.png");

  /* The window may not go as narrow as asked (its header bar has a minimum): what is kept is
   * the size it has. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, <, 1000);
  gtk_window_close (GTK_WINDOW (window));
  settle ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, height);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Every action of the list has its accelerator, and each accelerator leads to an
 * action that exists: app.* on the application, win.* on the window. */
static void
test_accelerators (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.new", "<Control>n" },
    { "win.open", "<Control>o" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.export", "<Control>e" },
    { "win.undo", "<Control>z" },
    { "win.redo", "<Shift><Control>z" },
    { "win.close", "<Control>w" },
    { "app.quit", "<Control>q" },
    { "win.projector", "F11" },
    { "win.show-help-overlay", "<Control>question" },
  };
  GrWindow *window = new_window (1000, 700);
  g_autoptr(GHashTable) window_actions = g_hash_table_new (g_str_hash, g_str_equal);
  const GVariantType *parameter_type;
  const char *property;
  const char *name;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner,
                                                   &name, &parameter_type, &property); i++)
    g_hash_table_add (window_actions, (gpointer) name);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    expected[i].action);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app),
                                                                     expected[i].accel);
      const char *action = expected[i].action;

      g_test_message ("%s: %s", action, expected[i].accel);
      g_assert_true (g_strv_contains ((const char * const *) accels, expected[i].accel));
      g_assert_true (g_strv_contains ((const char * const *) actions, action));

      if (g_str_has_prefix (action, "app."))
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), action + 4));
      else
        g_assert_true (g_hash_table_contains (window_actions, action));
    }

  destroy_window (window);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
window_has (GrWindow *window,
            GType     type)
{
  return find_widget (GTK_WIDGET (window), is_of_type, GSIZE_TO_POINTER (type)) != NULL;
}

static gboolean
is_shown_competency_page (GtkWidget     *widget,
                          gconstpointer  data)
{
  return GR_IS_COMPETENCY_PAGE (widget) && gtk_widget_get_child_visible (widget);
}

static guint
count_competency_pages (GtkWidget *widget)
{
  guint n = GR_IS_COMPETENCY_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_competency_pages (child);
  return n;
}

/* A window opens on the overview: none of the competency pages is built for its first frame,
 * they are built after it, in the background; the participants page and the projector view are
 * built when first shown; a page shows the participant being edited. */
static void
test_pages_built_when_shown (void)
{
  GrWindow *window = new_window (1000, 700);
  GrSession *session = gr_window_get_session (window);
  g_autoptr(GrParticipant) second =
    gr_participant_new (gr_session_get_grid (session), "Deuxième");
  GrParticipant *first = gr_window_get_participant (window);
  GtkWidget *page;

  g_assert_cmpstr (gr_window_get_page (window), ==, "overview");
  g_assert_false (window_has (window, GR_TYPE_COMPETENCY_PAGE));
  g_assert_false (window_has (window, GR_TYPE_PARTICIPANTS_PAGE));
  g_assert_false (window_has (window, GR_TYPE_PROJECTOR_VIEW));
  WAIT_UNTIL (count_competency_pages (GTK_WIDGET (window)) ==
              gr_grid_get_n_competencies (gr_session_get_grid (session)));
  g_assert_cmpstr (gr_window_get_page (window), ==, "overview");
  g_assert_false (window_has (window, GR_TYPE_PARTICIPANTS_PAGE));
  g_assert_false (window_has (window, GR_TYPE_PROJECTOR_VIEW));

  gr_session_add_participant (session, second, NULL);
  gr_window_set_participant (window, second);
  gr_window_show_page (window, "connecter");
  g_assert_cmpstr (gr_window_get_page (window), ==, "connecter");
  g_assert_true (window_has (window, GR_TYPE_COMPETENCY_PAGE));
  g_assert_true (gr_item_row_get_participant (item_row (window, 1, 0)) == second);

  gr_window_show_page (window, "participants");
  g_assert_true (window_has (window, GR_TYPE_PARTICIPANTS_PAGE));

  /* A page seen before shows whoever is edited now when it is shown again. */
  gr_window_set_participant (window, first);
  gr_window_show_page (window, "connecter");
  page = find_widget (GTK_WIDGET (window), is_shown_competency_page, NULL);
  g_assert_nonnull (page);
  g_assert_true (gr_item_row_get_participant (gr_competency_page_get_row (GR_COMPETENCY_PAGE (page),
                                                                          0)) == first);

  g_object_set (window, "projector", TRUE, NULL);
  settle ();
  g_assert_true (window_has (window, GR_TYPE_PROJECTOR_VIEW));
  g_object_set (window, "projector", FALSE, NULL);

  destroy_window (window);
}

static guint
count_shortcuts_windows (void)
{
  GList *windows = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = windows; l; l = l->next)
    n += GTK_IS_SHORTCUTS_WINDOW (l->data);
  g_list_free (windows);
  return n;
}

/* The shortcuts window is built once, when first asked for: none with a new window (GTK's
 * automatic one included), one after Ctrl+?, still one after a second Ctrl+?. */
static void
test_shortcuts_window (void)
{
  guint before = count_shortcuts_windows ();
  GrWindow *window = new_window (1000, 700);
  GtkWindow *shown;

  g_assert_cmpuint (count_shortcuts_windows (), ==, before);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  settle ();
  g_assert_cmpuint (count_shortcuts_windows (), ==, before + 1);
  shown = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shown)));
  g_assert_true (gtk_window_get_transient_for (shown) == GTK_WINDOW (window));

  gtk_window_close (shown);
  settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  settle ();
  g_assert_cmpuint (count_shortcuts_windows (), ==, before + 1);

  destroy_window (window);
  settle ();
  g_assert_cmpuint (count_shortcuts_windows (), ==, before);
}

/* "Système" follows the desktop's light or dark preference as it changes; "Sombre" and
 * "Clair" hold whatever the desktop prefers. */
static void
test_color_scheme (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.grille.Grille");
  g_autoptr(GSettings) desktop = NULL;
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  gboolean dark;

  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    {
      g_test_skip ("org.gnome.desktop.interface has no color-scheme key here");
      return;
    }
  desktop = g_settings_new ("org.gnome.desktop.interface");

  g_settings_set_string (settings, "color-scheme", "system");
  g_settings_set_string (desktop, "color-scheme", "prefer-dark");
  settle ();
  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &dark, NULL);
  g_assert_true (dark);

  g_settings_set_string (desktop, "color-scheme", "default");
  settle ();
  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &dark, NULL);
  g_assert_false (dark);

  g_settings_set_string (settings, "color-scheme", "dark");
  settle ();
  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &dark, NULL);
  g_assert_true (dark);

  g_settings_set_string (desktop, "color-scheme", "prefer-dark");
  g_settings_set_string (settings, "color-scheme", "light");
  settle ();
  g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &dark, NULL);
  g_assert_false (dark);

  g_settings_reset (settings, "color-scheme");
  g_settings_reset (desktop, "color-scheme");
  settle ();
}

/* Whether @widget shows a tooltip for a pointer resting on it. */
static gboolean
shows_tooltip (GtkWidget *widget)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  if (gtk_widget_get_has_tooltip (widget))
    g_signal_emit_by_name (widget, "query-tooltip", 0, 0, FALSE, tooltip, &shown);
  g_object_unref (tooltip);
  return shown;
}

/* A sidebar title cut short by the sidebar's width shows whole in a tooltip; a title shown
 * whole has none, nor says itself twice to a screen reader (a tooltip's text is its widget's
 * description). */
static void
test_sidebar_title_tooltip (void)
{
  GrWindow *window = new_window (1200, 800);
  GrSidebarRow *row = gr_window_get_sidebar_row (window, "cooperer");
  GtkWidget *title = find_widget (GTK_WIDGET (row), is_label_with_text, "Coopérer");
  const char *longer = "Coopérer avec toutes les parties prenantes du territoire, élus, agents, "
                       "habitants et associations";

  g_assert_nonnull (title);
  g_assert_false (shows_tooltip (title));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (title),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  gr_sidebar_row_set_title (row, longer);
  settle ();
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  g_assert_true (shows_tooltip (title));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (title),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  destroy_window (window);
}

/* Digits 0–4 set the level of the focused savoir-faire (on the main row or the keypad),
 * Backspace clears it; other digits and shortcuts with Ctrl are left to others. */
static void
test_digits (void)
{
  GrWindow *window = new_window (1200, 800);
  GrParticipant *participant = gr_window_get_participant (window);
  GrItemRow *row = item_row (window, 1, 2);
  guint item = gr_item_get_index (gr_item_row_get_item (row));
  GrSidebarRow *sidebar = gr_window_get_sidebar_row (window, "connecter");

  gr_window_show_page (window, "connecter");
  settle ();
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));

  g_assert_true (press_key (row, GDK_KEY_3, 0, 0));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 3);
  g_assert_true (gtk_toggle_button_get_active (gr_item_row_get_level_button (row, 3)));
  g_assert_cmpstr (gr_sidebar_row_get_score (sidebar), ==, "3,0 / 4");
  g_assert_true (gr_window_is_modified (window));

  g_assert_true (press_key (row, GDK_KEY_0, 0, 0));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 0);
  g_assert_true (press_key (row, GDK_KEY_KP_4, 0, 0));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 4);

  /* Beyond the scale, or with Ctrl: not a level. */
  g_assert_false (press_key (row, GDK_KEY_7, 0, 0));
  g_assert_false (press_key (row, GDK_KEY_2, 0, GDK_CONTROL_MASK));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 4);

  g_assert_true (press_key (row, GDK_KEY_BackSpace, 0, 0));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, GR_LEVEL_NONE);
  g_assert_true (gtk_toggle_button_get_active (gr_item_row_get_level_button (row,
                                                                             GR_LEVEL_NONE)));
  g_assert_cmpstr (gr_sidebar_row_get_score (sidebar), ==, "non évalué");

  /* Each digit was one step: undo goes back through them. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 4);

  destroy_window (window);
}

/* The window's drop target, given files as GTK gives them when they are dropped. */
static gboolean
drop_files (GrWindow *window,
            GFile    *first,
            ...)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean handled = FALSE;
  gboolean found = FALSE;
  va_list args;

  va_start (args, first);
  for (GFile *file = first; file; file = va_arg (args, GFile *))
    files = g_slist_append (files, file);
  va_end (args);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_assert_true (gdk_content_formats_contain_gtype (
            gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)), GDK_TYPE_FILE_LIST));
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &handled);
          found = TRUE;
        }
    }
  g_assert_true (found);
  return handled;
}

static GrWindow *
window_showing (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (GR_IS_WINDOW (l->data) && gr_window_get_file (l->data) != NULL &&
        g_file_equal (gr_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

/* A session dropped on an untouched window opens in it; on a window with work in progress it
 * opens in a new window, leaving that work alone; one already open is not opened twice. */
static void
test_drop (void)
{
  g_autoptr(GFile) first = write_session_file ("dropped.grille");
  g_autoptr(GFile) second = write_session_file ("dropped-too.grille");
  GrWindow *window = new_window (1100, 760);
  GrWindow *other;
  guint n_windows;

  g_assert_true (drop_files (window, first, NULL));
  settle ();
  g_assert_true (window_showing (first) == window);
  g_assert_cmpuint (gr_session_get_n_participants (gr_window_get_session (window)), ==, 3);
  g_assert_false (gr_window_is_modified (window));

  click_level (window, 0, 0, 1);
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_true (drop_files (window, second, first, NULL));
  settle ();
  other = window_showing (second);
  g_assert_nonnull (other);
  g_assert_true (other != window);
  g_assert_true (window_showing (first) == window);
  g_assert_true (gr_window_is_modified (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows + 1);

  destroy_window (other);
  destroy_window (window);
}

static void
test_screenshots (void)
{
  g_autoptr(GFile) file = write_session_file ("Atelier du 12 mars.grille");
  GrWindow *window = new_window (1280, 820);

  g_assert_true (gr_window_open_file (window, file));
  gr_window_show_page (window, "cooperer");
  screenshot (GTK_WIDGET (window), "screenshot-competency.png");

  gr_window_show_page (window, "overview");
  screenshot (GTK_WIDGET (window), "screenshot-overview.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "group");
  screenshot (GTK_WIDGET (window), "screenshot-group.png");

  gr_window_show_page (window, "participants");
  screenshot (GTK_WIDGET (window), "screenshot-participants.png");

  gr_window_show_page (window, "connecter");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
  settle ();
  screenshot (GTK_WIDGET (window), "screenshot-projector.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv, "grille-test-window-XXXXXX", session_json);

  g_test_add_func ("/window/level", test_level);
  g_test_add_func ("/window/save-reopen", test_save_reopen);
  g_test_add_func ("/window/close-prompt", test_close_prompt);
  g_test_add_func ("/window/save-changed-elsewhere", test_save_changed_elsewhere);
  g_test_add_func ("/window/save-as-changed-elsewhere", test_save_as_changed_elsewhere);
  g_test_add_func ("/window/undo-redo", test_undo_redo);
  g_test_add_func ("/window/participants", test_participants);
  g_test_add_func ("/window/draft-restore", test_draft_restore);
  g_test_add_func ("/window/adaptive-and-settings", test_adaptive_and_settings);
  g_test_add_func ("/window/accelerators", test_accelerators);
  g_test_add_func ("/window/pages-built-when-shown", test_pages_built_when_shown);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/color-scheme", test_color_scheme);
  g_test_add_func ("/window/digits", test_digits);
  g_test_add_func ("/window/sidebar-title-tooltip", test_sidebar_title_tooltip);
  g_test_add_func ("/window/drop", test_drop);
  g_test_add_func ("/window/screenshots", test_screenshots);

  status = g_test_run ();

  window_test_shutdown ();
  return status;
}
