/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's fixes after review, each as a user would meet the bug: drafts kept when their
 * question is dismissed, file choosers outliving their window, drafts after a participant is
 * added or a change redone, Ctrl+Q asking one window at a time, a renamed participant in the
 * drop-down, accessible names, digits on a French keyboard, the remove question closed with
 * its window, adding a participant, the group's captions and the charts' names. */
#define G_LOG_DOMAIN "test-window-review"

#include "config.h"

#include <glib/gstdio.h>

#include "gr-application.h"
#include "gr-competency.h"
#include "gr-draft.h"
#include "gr-export-dialog.h"
#include "gr-item.h"
#include "gr-participant-row.h"
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
  "      \"scores\":  { \"cooperer.1\": 3, \"cooperer.2\": 2 },\n"
  "      \"targets\": { \"cooperer\": 4 } },\n"
  "    { \"name\": \"Élus\",\n"
  "      \"scores\":  { \"cooperer.1\": 1 } } ] }\n";

/* The questions and error dialogs Grille's windows show (GTK's own file chooser may leave an
 * error of its own behind when a chooser is destroyed while it reads a folder). */
static guint
count_questions (void)
{
  GList *found = visible_toplevels (GTK_TYPE_MESSAGE_DIALOG);
  guint n = 0;

  for (GList *l = found; l; l = l->next)
    if (GR_IS_WINDOW (gtk_window_get_transient_for (l->data)))
      n++;
  g_list_free (found);
  return n;
}

static GtkWindow *
find_question (void)
{
  GList *found = visible_toplevels (GTK_TYPE_MESSAGE_DIALOG);
  GtkWindow *question = NULL;

  for (GList *l = found; l && !question; l = l->next)
    if (GR_IS_WINDOW (gtk_window_get_transient_for (l->data)))
      question = l->data;
  g_list_free (found);
  return question;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}


static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              label) == 0;
}

static void
assert_label (gpointer    widget,
              const char *label)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               label);

  if (error != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), error);
}

/* The tooltip a pointer resting on @widget shows, which a screen reader hears too. */
static void
assert_tooltip (GtkWidget  *widget,
                const char *text)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                               text);
  gboolean shown = FALSE;

  if (error != NULL)
    g_error ("%s: %s", G_OBJECT_TYPE_NAME (widget), error);
  g_assert_true (gtk_widget_get_has_tooltip (widget));
  g_signal_emit_by_name (widget, "query-tooltip", 0, 0, FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_object_unref (tooltip);
}

/* After a crash the file may be open again when the drafts are offered: its draft goes into
 * that window, not into a second window on the same file; a window with changes of its own is
 * left alone and the draft kept. */
static void
test_draft_into_window_of_its_file (void)
{
  g_autoptr(GFile) file = write_session_file ("reopened.grille");
  GrWindow *window = new_window (1100, 750);
  GrWindow *again;
  GrParticipant *participant;
  g_autofree char *draft_path = NULL;
  GtkWidget *dialog;
  guint item, n_windows;

  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 3, 0, 4);
  item = gr_item_get_index (gr_item_row_get_item (item_row (window, 3, 0)));
  WAIT_UNTIL (draft_written (window));
  draft_path = g_file_get_path (gr_draft_get_file (gr_window_get_draft (window)));
  gtk_window_destroy (GTK_WINDOW (window));   /* the process "dies" */
  settle ();

  /* The file is opened again, then the drafts are offered. */
  again = new_window (1100, 750);
  g_assert_true (gr_window_open_file (again, file));
  g_assert_false (gr_window_is_modified (again));
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* With changes of its own the window is left alone, and the draft kept. */
  click_level (again, 3, 1, 1);
  dialog = gr_application_offer_drafts (app);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  settle ();
  g_assert_nonnull (find_dialog (NULL));
  gtk_window_destroy (GTK_WINDOW (find_dialog (NULL)));
  settle ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  /* Untouched, it takes the draft: still one window on the file, with the draft's level. */
  gtk_widget_activate_action (GTK_WIDGET (again), "win.undo", NULL);
  settle ();
  g_assert_false (gr_window_is_modified (again));
  dialog = gr_application_offer_drafts (app);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  settle ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==,
                    n_windows);
  participant = gr_window_get_participant (again);
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 4);
  g_assert_true (gr_window_is_modified (again));

  gtk_widget_activate_action (GTK_WIDGET (again), "win.save", NULL);
  wait_for_files (again);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  destroy_window (again);
}

/* Escape or the title bar's × on the "restore drafts" question keeps the drafts: they are
 * offered again; only "Supprimer" deletes them. */
static void
test_drafts_question_dismissed (void)
{
  g_autoptr(GFile) file = write_session_file ("dismissed.grille");
  GrWindow *window = new_window (1100, 750);
  g_autofree char *draft_path = NULL;
  GtkWidget *dialog;

  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 3, 0, 4);
  WAIT_UNTIL (draft_written (window));
  draft_path = g_file_get_path (gr_draft_get_file (gr_window_get_draft (window)));
  /* The process "dies": no close question, the draft stays. */
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();

  window = new_window (1100, 750);
  dialog = gr_application_offer_drafts (app);
  g_assert_nonnull (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  g_assert_true (gr_window_is_pristine (window));

  dialog = gr_application_offer_drafts (app);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_DELETE_EVENT);
  settle ();
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  dialog = gr_application_offer_drafts (app);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  settle ();
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  g_assert_null (gr_application_offer_drafts (app));

  destroy_window (window);
}

/* The file chooser (GTK's own dialog under Xvfb) of a window or export dialog destroyed
 * meanwhile (Ctrl+Q from another window) goes with it; answering it does nothing. */
static void
answer_orphan_chooser (GtkWindow *chooser,
                       GFile     *file)
{
  g_object_ref (chooser);
  settle ();
  if (gtk_widget_get_visible (GTK_WIDGET (chooser)))
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      settle ();
    }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  g_object_unref (chooser);
}

static void
test_chooser_outlives_window (void)
{
  const char *tmp_dir = window_test_tmp_dir ();
  g_autoptr(GFile) session = write_session_file ("chooser.grille");
  g_autofree char *save_path = g_build_filename (tmp_dir, "never-saved.grille", NULL);
  g_autofree char *export_path = g_build_filename (tmp_dir, "never-exported.png", NULL);
  g_autoptr(GFile) save_file = g_file_new_for_path (save_path);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  GrWindow *window = new_window (1100, 750);
  GrWindow *other = new_window (1100, 750);
  GrExportDialog *export;
  GtkWindow *chooser;
  GtkWidget *button;

  /* Save as, then the window goes (Ctrl+Q in the other one: this one has nothing to save). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  WAIT_UNTIL ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  g_object_ref (chooser);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (window_is_open (window));
  answer_orphan_chooser (chooser, save_file);
  g_object_unref (chooser);
  g_assert_false (g_file_test (save_path, G_FILE_TEST_EXISTS));

  /* Open: the file must not open into the window that is gone, nor anywhere. */
  window = new_window (1100, 750);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
  WAIT_UNTIL ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  g_object_ref (chooser);
  gtk_window_destroy (GTK_WINDOW (window));
  answer_orphan_chooser (chooser, session);
  g_object_unref (chooser);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    g_assert_null (gr_window_get_file (l->data));

  /* The export dialog's chooser, the dialog closed meanwhile. */
  export = gr_export_dialog_new (GTK_WINDOW (other), gr_window_get_session (other), NULL, NULL);
  gtk_window_present (GTK_WINDOW (export));
  button = find_widget (GTK_WIDGET (export), is_button_with_label, "_Exporter…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  g_object_ref (chooser);
  gtk_window_destroy (GTK_WINDOW (export));
  answer_orphan_chooser (chooser, export_file);
  g_object_unref (chooser);
  g_assert_false (g_file_test (export_path, G_FILE_TEST_EXISTS));

  /* While the window lives its chooser is answered as before, and a new one can follow. */
  gtk_widget_activate_action (GTK_WIDGET (other), "win.save-as", NULL);
  WAIT_UNTIL ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  WAIT_UNTIL (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  g_assert_true (window_is_open (other));
  gtk_widget_activate_action (GTK_WIDGET (other), "win.open", NULL);
  WAIT_UNTIL ((chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG)) != NULL);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  WAIT_UNTIL (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  g_assert_null (gr_window_get_file (other));

  destroy_window (other);
}

/* Adding a participant, and redoing a change undone back to the saved state, leave a draft. */
static void
test_draft_after_add_and_redo (void)
{
  g_autoptr(GFile) file = write_session_file ("draft-add.grille");
  GrWindow *window = new_window (1100, 750);
  GrParticipantsPage *page;

  g_assert_true (gr_window_open_file (window, file));
  page = gr_window_get_participants_page (window);
  g_assert_nonnull (gr_participants_page_add (page, "Centre social"));
  g_assert_true (gr_window_is_modified (window));
  WAIT_UNTIL (draft_written (window));
  destroy_window (window);

  window = new_window (1100, 750);
  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 0, 0, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (gr_window_is_modified (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (gr_window_is_modified (window));
  WAIT_UNTIL (draft_written (window));
  destroy_window (window);
}

/* Ctrl+Q asks the windows with unsaved work one at a time; Ctrl+Q again brings the open
 * question forward rather than stacking another; "Annuler" stops the quit. */
static void
test_quit_one_question_at_a_time (void)
{
  g_autoptr(GFile) f1 = write_session_file ("quit-a.grille");
  g_autoptr(GFile) f2 = write_session_file ("quit-b.grille");
  GrWindow *a = new_window (1100, 750);
  GrWindow *b = new_window (1100, 750);
  GrWindow *clean = new_window (1100, 750);
  GtkWindow *dialog;
  GtkWindow *first_asking;

  g_assert_true (gr_window_open_file (a, f1));
  g_assert_true (gr_window_open_file (b, f2));
  click_level (a, 0, 0, 1);
  click_level (b, 0, 0, 1);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  settle ();
  g_assert_cmpuint (count_questions (), ==, 1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  settle ();
  g_assert_cmpuint (count_questions (), ==, 1);

  /* Cancel: nothing more is asked, the windows with work stay. */
  dialog = find_question ();
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  settle ();
  g_assert_cmpuint (count_questions (), ==, 0);
  g_assert_true (window_is_open (a));
  g_assert_true (window_is_open (b));

  /* Quit again: "Ne pas enregistrer" in the first, then the second asks. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  settle ();
  g_assert_false (window_is_open (clean));
  g_assert_cmpuint (count_questions (), ==, 1);
  dialog = find_question ();
  first_asking = gtk_window_get_transient_for (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  settle ();
  g_assert_cmpuint (count_questions (), ==, 1);
  dialog = find_question ();
  g_assert_true (gtk_window_get_transient_for (dialog) != first_asking);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  settle ();
  g_assert_false (window_is_open (a));
  g_assert_false (window_is_open (b));
  g_assert_cmpuint (count_questions (), ==, 0);
}

static gboolean
is_dropdown_label (GtkWidget     *widget,
                   gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

/* The participant drop-down shows a new name as soon as the participant is renamed. */
static void
test_dropdown_follows_rename (void)
{
  g_autoptr(GFile) file = write_session_file ("rename.grille");
  GrWindow *window = new_window (1100, 750);
  GrSession *session;
  GtkWidget *dropdown;

  g_assert_true (gr_window_open_file (window, file));
  settle ();
  session = gr_window_get_session (window);
  dropdown = find_widget (GTK_WIDGET (window), is_of_type,
                          GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  g_assert_nonnull (find_widget (dropdown, is_dropdown_label, "Service jeunesse"));

  g_assert_true (gr_session_rename_participant (session, gr_session_get_participant (session, 0),
                                                "Jeunesse (renommé)", NULL));
  settle ();
  g_assert_nonnull (find_widget (dropdown, is_dropdown_label, "Jeunesse (renommé)"));
  g_assert_null (find_widget (dropdown, is_dropdown_label, "Service jeunesse"));

  destroy_window (window);
}

/* Icon-only buttons have names that say what they do, to whom. */
static void
test_accessible_names (void)
{
  g_autoptr(GFile) file = write_session_file ("a11y.grille");
  GrWindow *window = new_window (1100, 750);
  GtkWidget *row;
  GtkWidget *projector;
  GtkWidget *widget;

  g_assert_true (gr_window_open_file (window, file));
  gr_window_show_page (window, "participants");
  settle ();
  row = GTK_WIDGET (gr_participants_page_get_row (gr_window_get_participants_page (window), 1));
  g_assert_true (GR_IS_PARTICIPANT_ROW (row));

  widget = find_widget (row, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_IMAGE));
  g_assert_nonnull (widget);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (widget)), ==, "object-select-symbolic");
  assert_label (widget, "En cours de saisie");

  /* The rename and remove buttons: the icon-only buttons of the row. */
  {
    guint named = 0;

    for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (row)); w;
         w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_BUTTON (w) && gtk_button_get_icon_name (GTK_BUTTON (w)) != NULL)
        {
          const char *text = g_str_equal (gtk_button_get_icon_name (GTK_BUTTON (w)),
                                          "user-trash-symbolic")
                             ? "Supprimer Élus" : "Renommer Élus";

          assert_label (w, text);
          assert_tooltip (w, text);
          named++;
        }
    g_assert_cmpuint (named, ==, 2);
  }

  projector = GTK_WIDGET (gr_window_get_projector (window));
  widget = find_widget (projector, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));
  for (GtkWidget *w = widget; w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)),
                                        "go-previous-symbolic") == 0)
      assert_label (w, "Compétence précédente");
    else if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)),
                                             "go-next-symbolic") == 0)
      assert_label (w, "Compétence suivante");

  destroy_window (window);
}

static gboolean
is_text_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget) &&
         gtk_button_get_label (GTK_BUTTON (widget)) != NULL;
}

/* The participant's row says « Saisir ses scores », or « En cours de saisie » dimmed on the one
 * whose scores the pages edit, as soon as the page shows and after another is chosen. */
static void
assert_select_buttons (GrWindow *window,
                       guint     current)
{
  GrParticipantsPage *page = gr_window_get_participants_page (window);

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = find_widget (GTK_WIDGET (gr_participants_page_get_row (page, i)),
                                       is_text_button, NULL);

      g_assert_nonnull (button);
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==,
                       i == current ? "En cours de saisie" : "Saisir ses scores");
      g_assert_true (gtk_widget_get_sensitive (button) == (i != current));
    }
}

static void
test_current_participant_button (void)
{
  g_autoptr(GFile) file = write_session_file ("current.grille");
  GrWindow *window = new_window (1100, 750);

  g_assert_true (gr_window_open_file (window, file));
  gr_window_show_page (window, "participants");
  settle ();
  assert_select_buttons (window, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-participant", "s", "Élus");
  gr_window_show_page (window, "participants");
  settle ();
  assert_select_buttons (window, 1);

  destroy_window (window);
}

/* On a French keyboard the key marked "é 2" gives é without Shift: it still sets level 2. */
static void
test_azerty_digits (void)
{
  GrWindow *window = new_window (1100, 750);
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GrItemRow *row = gr_competency_page_get_row (gr_window_get_competency_page (window, 1), 0);
  GrParticipant *participant = gr_window_get_participant (window);
  guint item = gr_item_get_index (gr_item_row_get_item (row));
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;
  guint keycode = 0;

  /* The key that carries 2 in the test display's layout, as AZERTY's é key does. */
  if (gdk_display_map_keyval (display, GDK_KEY_2, &keys, &n_keys))
    for (int i = 0; i < n_keys && keycode == 0; i++)
      if (keys[i].group == 0)
        keycode = keys[i].keycode;
  if (keycode == 0)
    {
      g_test_skip ("the test display's keymap has no key for 2");
      destroy_window (window);
      return;
    }

  g_assert_cmpint (gr_item_row_digit_for_keycode (display, keycode, 0), ==, 2);
  gr_window_show_page (window, "connecter");
  settle ();
  g_assert_true (press_key (row, GDK_KEY_eacute, keycode, 0));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 2);

  /* A letter's key carries no digit: not a level. */
  g_clear_pointer (&keys, g_free);
  g_assert_true (gdk_display_map_keyval (display, GDK_KEY_a, &keys, &n_keys));
  g_assert_false (press_key (row, GDK_KEY_a, keys[0].keycode, 0));
  g_assert_cmpint (gr_participant_get_level (participant, item), ==, 2);

  destroy_window (window);
}

/* A window closed while it asks whether to remove a participant is freed. */
static void
test_remove_question_freed (void)
{
  g_autoptr(GFile) file = write_session_file ("remove.grille");
  GrWindow *window = new_window (1100, 750);
  GtkWindow *dialog;

  g_assert_true (gr_window_open_file (window, file));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-participant", "s", "Élus");
  WAIT_UNTIL ((dialog = find_question ()) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (window == NULL);
  g_assert_cmpuint (count_questions (), ==, 0);
}


/* "Ajouter" waits for a name; a name already taken says so under the field, no dialog. */
static void
test_add_participant_inline (void)
{
  g_autoptr(GFile) file = write_session_file ("add.grille");
  GrWindow *window = new_window (1100, 750);
  GtkWidget *page;
  GtkWidget *entry;
  GtkWidget *add;
  GtkWidget *error;
  const char *message = "« Élus » participe déjà à la session.";

  g_assert_true (gr_window_open_file (window, file));
  gr_window_show_page (window, "participants");
  settle ();
  page = GTK_WIDGET (gr_window_get_participants_page (window));
  /* The field for a new name, not a participant's role. */
  entry = find_widget (page, is_entry_with_placeholder, "Nom d’un nouveau participant");
  add = find_widget (page, is_button_with_label, "_Ajouter");
  g_assert_nonnull (entry);
  g_assert_nonnull (add);

  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (gtk_widget_get_sensitive (add));

  gtk_editable_set_text (GTK_EDITABLE (entry), "Élus ");
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  error = find_widget (page, is_label_with_text, message);
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, message);

  /* Through the page's API too: said inline, not in a dialog. */
  g_assert_null (gr_participants_page_add (GR_PARTICIPANTS_PAGE (page), "Élus"));
  settle ();
  g_assert_cmpuint (count_questions (), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Centre social");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_widget_get_visible (error));
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (gr_session_get_n_participants (gr_window_get_session (window)), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (gtk_widget_get_sensitive (add));

  destroy_window (window);
}

/* In the group view the sidebar's scores say they are the group's; the overview names whose
 * targets it shows. */
static void
test_group_captions (void)
{
  g_autoptr(GFile) file = write_session_file ("group.grille");
  GrWindow *window = new_window (1100, 750);
  g_autofree char *table = NULL;
  GtkWidget *caption;

  g_assert_true (gr_window_open_file (window, file));
  settle ();
  caption = find_widget (GTK_WIDGET (window), is_label_with_text, "Scores du groupe");
  g_assert_true (caption == NULL || !gtk_widget_get_visible (caption));

  g_object_set (window, "chart-view", "group", NULL);
  settle ();
  caption = find_widget (GTK_WIDGET (window), is_label_with_text, "Scores du groupe");
  g_assert_nonnull (caption);
  g_assert_true (gtk_widget_get_mapped (caption));

  g_object_set (window, "chart-view", "participant", NULL);
  settle ();
  g_assert_false (gtk_widget_get_visible (caption));

  table = gr_overview_page_get_table_text (gr_window_get_overview (window));
  g_assert_nonnull (strstr (table, "Objectif de Service jeunesse"));

  destroy_window (window);
}

/* The three charts (live, overview, projector) have one name, in the interface's language. */
static void
test_chart_names_follow_language (void)
{
  GrWindow *window = new_window (1100, 750);
  GtkWidget *charts[] = {
    GTK_WIDGET (gr_window_get_chart (window)),
    GTK_WIDGET (gr_overview_page_get_chart (gr_window_get_overview (window))),
    GTK_WIDGET (gr_projector_view_get_chart (gr_window_get_projector (window))),
  };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    assert_label (charts[i], "Graphique radar");

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    assert_label (charts[i], "Radar chart");

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("fr"));
  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    assert_label (charts[i], "Graphique radar");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv, "grille-test-window-review-XXXXXX", session_json);

  g_test_add_func ("/window/review/draft-into-window-of-its-file", test_draft_into_window_of_its_file);
  g_test_add_func ("/window/review/drafts-question-dismissed", test_drafts_question_dismissed);
  g_test_add_func ("/window/review/chooser-outlives-window", test_chooser_outlives_window);
  g_test_add_func ("/window/review/draft-after-add-and-redo", test_draft_after_add_and_redo);
  g_test_add_func ("/window/review/quit-one-question-at-a-time",
                   test_quit_one_question_at_a_time);
  g_test_add_func ("/window/review/dropdown-follows-rename", test_dropdown_follows_rename);
  g_test_add_func ("/window/review/accessible-names", test_accessible_names);
  g_test_add_func ("/window/review/current-participant-button", test_current_participant_button);
  g_test_add_func ("/window/review/azerty-digits", test_azerty_digits);
  g_test_add_func ("/window/review/remove-question-freed", test_remove_question_freed);
  g_test_add_func ("/window/review/add-participant-inline", test_add_participant_inline);
  g_test_add_func ("/window/review/group-captions", test_group_captions);
  g_test_add_func ("/window/review/chart-names-follow-language",
                   test_chart_names_follow_language);

  status = g_test_run ();

  window_test_shutdown ();
  return status;
}
