/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The action plan in the window: the competency page lists the session's actions; adding,
 * typing, ticking, moving with Alt+↓ and removing change the session, each undone and redone
 * like the rest; and the report printed through GtkPrintOperation to a file has as many pages
 * as `grille --report`. */
#define G_LOG_DOMAIN "test-window-plan"

#include "config.h"

#include <glib/gstdio.h>

#include "gr-action-row.h"
#include "gr-application.h"
#include "gr-competency-page.h"
#include "gr-export-dialog.h"
#include "gr-report-print.h"
#include "gr-session-file.h"
#include "gr-window.h"
#include "gr-window-test.h"

static GrWindow *
open_example (void)
{
  GrWindow *window = open_test_copy ("atelier-v2.grille", "plan.grille");

  gr_window_show_page (window, "cooperer");
  settle ();
  return window;
}

static GrActionRow *
plan_row (GrWindow *window,
          guint     position)
{
  GrActionPlan *plan = gr_competency_page_get_plan (gr_window_get_competency_page (window, 0));

  return GR_ACTION_ROW (gtk_list_box_get_row_at_index (gr_action_plan_get_list (plan), position));
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

static gboolean
is_check (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static char *
plan_texts (GrSession *session)
{
  GListModel *actions = gr_session_get_actions (session, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(GrAction) action = g_list_model_get_item (actions, i);
      g_string_append_printf (out, "%s%s", i ? "|" : "", gr_action_get_text (action));
    }
  return g_string_free (out, FALSE);
}

#define assert_plan(session, expected) \
  G_STMT_START { g_autofree char *t_ = plan_texts (session); g_assert_cmpstr (t_, ==, expected); } G_STMT_END

static void
test_plan (void)
{
  GrWindow *window = open_example ();
  GrSession *session = gr_window_get_session (window);
  GrHistory *history = gr_window_get_history (window);
  GrActionPlan *plan = gr_competency_page_get_plan (gr_window_get_competency_page (window, 0));
  GtkTextView *view;
  GrActionRow *row;

  /* The file's two actions of Coopérer, in its order. */
  assert_plan (session, "Ouvrir le comité aux habitants|Charte de coopération");
  g_assert_nonnull (plan_row (window, 1));
  g_assert_null (plan_row (window, 2));

  /* Add, then type into the new row: the text reaches the session. */
  gr_action_plan_add (plan);
  settle ();
  row = plan_row (window, 2);
  g_assert_nonnull (row);
  view = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (row), is_text_view, NULL));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), "Forum annuel", -1);
  settle ();
  assert_plan (session, "Ouvrir le comité aux habitants|Charte de coopération|Forum annuel");
  g_assert_true (gr_window_is_modified (window));

  /* Tick it done. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (row), is_check, NULL)),
                               TRUE);
  {
    g_autoptr(GrAction) action = g_list_model_get_item (gr_session_get_actions (session, 0), 2);
    g_assert_true (gr_action_get_done (action));
  }

  /* Alt+↑ from the keyboard moves it up, and the focus follows. */
  gtk_widget_activate_action (GTK_WIDGET (row), "action.move-up", NULL);
  settle ();
  assert_plan (session, "Ouvrir le comité aux habitants|Forum annuel|Charte de coopération");
  screenshot (GTK_WIDGET (plan), "screenshot-plan.png");

  /* Undo: the move, the tick, the typing, the addition; redo brings them back. */
  g_assert_true (gr_history_undo (history));
  assert_plan (session, "Ouvrir le comité aux habitants|Charte de coopération|Forum annuel");
  g_assert_true (gr_history_undo (history));
  g_assert_true (gr_history_undo (history));
  assert_plan (session, "Ouvrir le comité aux habitants|Charte de coopération|");
  g_assert_true (gr_history_undo (history));
  settle ();
  assert_plan (session, "Ouvrir le comité aux habitants|Charte de coopération");
  g_assert_null (plan_row (window, 2));
  while (gr_history_redo (history))
    ;
  settle ();
  assert_plan (session, "Ouvrir le comité aux habitants|Forum annuel|Charte de coopération");

  /* The row's remove button. */
  gtk_widget_activate_action (GTK_WIDGET (plan_row (window, 0)), "action.move-down", NULL);
  settle ();
  assert_plan (session, "Forum annuel|Ouvrir le comité aux habitants|Charte de coopération");
  gr_session_remove_action (session, 0, 0);
  settle ();
  assert_plan (session, "Ouvrir le comité aux habitants|Charte de coopération");
  g_assert_null (plan_row (window, 2));

  destroy_window (window);
}



/* The role typed on the participants page, the organisation on the overview, and the overview's
 * count of actions and of those overdue. */
static void
test_role_organisation_overview (void)
{
  GrWindow *window = open_example ();
  GrSession *session = gr_window_get_session (window);
  GrHistory *history = gr_window_get_history (window);
  GrParticipant *first = gr_session_get_participant (session, 0);
  GtkWidget *overview, *participants, *entry;

  gr_window_show_page (window, "participants");
  settle ();
  participants = GTK_WIDGET (gr_window_get_participants_page (window));
  entry = find_widget (participants, is_entry_with_placeholder, "Rôle");
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Agent·e");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Partenaire");
  g_assert_cmpstr (gr_participant_get_role (first), ==, "Partenaire");
  g_assert_true (gr_history_undo (history));
  settle ();
  g_assert_cmpstr (gr_participant_get_role (first), ==, "Agent·e");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Agent·e");

  gr_window_show_page (window, "overview");
  settle ();
  overview = GTK_WIDGET (gr_window_get_overview (window));
  /* The field named by the label in sight above it. */
  entry = find_widget (overview, is_label_with_text, "Collectivité");
  g_assert_nonnull (entry);
  entry = gtk_label_get_mnemonic_widget (GTK_LABEL (entry));
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Ville de Montreuil");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Métropole");
  g_assert_cmpstr (gr_session_get_organisation (session), ==, "Métropole");

  /* Coopérer: two actions, the one not done overdue once its date is past. */
  g_assert_nonnull (find_widget (overview, is_label_with_text, "2"));
  {
    g_autoptr(GrAction) action = g_list_model_get_item (gr_session_get_actions (session, 0), 1);
    gr_action_set_due (action, "2001-01-01");
  }
  settle ();
  g_assert_nonnull (find_widget (overview, is_label_with_text, "2 (dont 1 en retard)"));
  screenshot (GTK_WIDGET (window), "screenshot-plan-overview.png");

  destroy_window (window);
}

static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* "Print to file" draws the same pages as the command line. */
static void
test_print_to_file (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "data", "atelier-v2.grille", NULL);
  g_autofree char *printed = g_build_filename (window_test_tmp_dir (), "printed.pdf", NULL);
  g_autofree char *cli = g_build_filename (window_test_tmp_dir (), "cli.pdf", NULL);
  g_autofree char *report_arg = g_strdup_printf ("--report=%s", cli);
  g_autoptr(GFile) file = g_file_new_for_path (input);
  g_autoptr(GrSession) session = gr_session_load (file, NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("GRILLE_BIN"), report_arg, input, NULL };
  GrReportOptions options;
  int status;

  gr_report_options_init (&options);
  operation = gr_report_print_operation_new (session, &options, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_cmpint (pdf_pages (printed), ==, pdf_pages (cli));
  g_assert_cmpint (pdf_pages (printed), >, 5);
  g_unlink (printed);
  g_unlink (cli);
}

/* "Rapport pour le conseil (PDF)" in the export dialog, in German: the same pages as
 * `grille --report --lang=de`. */
static void
test_export_dialog_report (void)
{
  GrWindow *window = open_example ();
  g_autofree char *path = g_build_filename (window_test_tmp_dir (), "rapport.pdf", NULL);
  g_autofree char *cli = g_build_filename (window_test_tmp_dir (), "rapport-cli.pdf", NULL);
  g_autofree char *report_arg = g_strdup_printf ("--report=%s", cli);
  g_autofree char *input = g_file_get_path (gr_window_get_file (window));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { g_getenv ("GRILLE_BIN"), report_arg, "--lang=de", input, NULL };
  const char *text_argv[] = { "pdftotext", path, "-", NULL };
  GrExportDialog *dialog;
  int status;

  dialog = gr_export_dialog_new (GTK_WINDOW (window), gr_window_get_session (window), NULL,
                                 gr_window_get_file (window));
  gr_export_dialog_set_kind (dialog, GR_EXPORT_REPORT);
  gr_export_dialog_set_language (dialog, "de");
  g_assert_true (gr_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, &status, NULL));
  g_assert_nonnull (strstr (text, "Aktionsplan"));
  g_assert_nonnull (strstr (text, "Ville de Montreuil"));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (pdf_pages (path), ==, pdf_pages (cli));
  g_unlink (path);
  g_unlink (cli);

  destroy_window (window);
}


/* The session's date on the overview, in words, chosen on a calendar and undone like the rest. */
static void
test_overview_date (void)
{
  GrWindow *window = open_example ();
  GrSession *session = gr_window_get_session (window);
  GtkWidget *button, *calendar;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 4, 1, 0, 0, 0);

  gr_window_show_page (window, "overview");
  settle ();
  button = find_widget (GTK_WIDGET (gr_window_get_overview (window)), is_menu_button_with_tooltip,
                        "Date de la session");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "12 mars 2026");

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  settle ();
  calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (GTK_IS_CALENDAR (calendar));
  /* Made when first opened, it opens on the session's day. */
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
    g_autofree char *iso = g_date_time_format (shown, "%Y-%m-%d");

    g_assert_cmpstr (iso, ==, "2026-03-12");
  }
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  settle ();
  g_assert_cmpstr (gr_session_get_date (session), ==, "2026-04-01");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "1er avril 2026");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (
                    GTK_MENU_BUTTON (button)))));

  g_assert_true (gr_history_undo (gr_window_get_history (window)));
  settle ();
  g_assert_cmpstr (gr_session_get_date (session), ==, "2026-03-12");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, "12 mars 2026");

  destroy_window (window);

  /* A new session is today's. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *year = g_date_time_format (now, " %Y");

    window = new_window (1280, 800);
    g_assert_cmpstr (gr_session_get_date (gr_window_get_session (window)), ==, today);
    gr_window_show_page (window, "overview");
    settle ();
    button = find_widget (GTK_WIDGET (gr_window_get_overview (window)), is_menu_button_with_tooltip,
                          "Date de la session");
    /* In words: "30 novembre 2026", not the ISO date nor "Sans date". */
    g_assert_true (g_str_has_suffix (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)),
                                     year));
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), !=, "Sans date");
    g_assert_null (strchr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), '-'));
    destroy_window (window);
  }
}

/* An export from the dialog ends with a message, announced as an alert, that names the file
 * and its folder, with "Ouvrir le dossier" focused; the file is on disk. */
static void
test_export_confirmation (void)
{
  GrWindow *window = open_example ();
  g_autofree char *folder = g_build_filename (window_test_tmp_dir (), "Documents", NULL);
  g_autofree char *path = g_build_filename (folder, "chart.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  GtkMessageDialog *message = NULL;
  GtkWidget *open_button;
  GtkWidget *close_button;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  start_export (window, GR_EXPORT_SVG, file);
  WAIT_UNTIL ((message = find_dialog (GTK_WINDOW (window))) != NULL);
  settle ();

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (find_toplevel (GR_TYPE_EXPORT_DIALOG));
  g_object_get (message, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "« chart.svg » a été enregistré dans Documents");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (message)), ==,
                   GTK_ACCESSIBLE_ROLE_ALERT_DIALOG);
  open_button = gtk_dialog_get_widget_for_response (GTK_DIALOG (message), GTK_RESPONSE_ACCEPT);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (open_button)), ==, "_Ouvrir le dossier");
  g_assert_true (gtk_widget_has_focus (open_button));
  screenshot (GTK_WIDGET (message), "screenshot-export-confirmation.png");

  close_button = gtk_dialog_get_widget_for_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  g_signal_emit_by_name (close_button, "clicked");
  settle ();
  g_assert_null (find_dialog (GTK_WINDOW (window)));

  g_unlink (path);
  g_rmdir (folder);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  window_test_init (&argc, &argv, "grille-test-window-plan-XXXXXX", NULL);

  g_test_add_func ("/window/plan/edit-undo-redo", test_plan);
  g_test_add_func ("/window/plan/print-to-file", test_print_to_file);
  g_test_add_func ("/window/plan/role-organisation-overview", test_role_organisation_overview);
  g_test_add_func ("/window/plan/export-dialog-report", test_export_dialog_report);
  g_test_add_func ("/window/plan/export-confirmation", test_export_confirmation);
  g_test_add_func ("/window/plan/overview-date", test_overview_date);

  status = g_test_run ();

  window_test_shutdown ();
  return status;
}
