/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Many voices in the window: files prepared per participant, returned files imported in one
 * undoable step with a summary, the group by role on the overview, and up to five earlier
 * sessions compared. */
#define G_LOG_DOMAIN "test-window-voices"

#include "config.h"

#include <glib/gstdio.h>

#include "gr-application.h"
#include "gr-chart-data.h"
#include "gr-session-file.h"
#include "gr-window.h"
#include "gr-window-test.h"

static GFile *
write_file (const char *name,
            const char *json)
{
  g_autofree char *path = g_build_filename (window_test_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return g_file_new_for_path (path);
}

static const char *workshop =
  "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
  "  \"title\": \"Atelier\", \"date\": \"2026-03-12\", \"participants\": ["
  "  { \"name\": \"Anne\", \"role\": \"Élu·e\", \"scores\": { \"cooperer.1\": 4 } },"
  "  { \"name\": \"Bruno\", \"role\": \"Élu·e\", \"scores\": { \"cooperer.1\": 2 } },"
  "  { \"name\": \"Chloé\", \"role\": \"Agent·e\", \"scores\": { \"cooperer.1\": 1 } } ] }";

static GrWindow *
workshop_window (void)
{
  g_autoptr(GFile) file = write_file ("atelier.grille", workshop);
  GrWindow *window = new_window (1200, 900);

  g_assert_true (gr_window_open_file (window, file));
  gr_window_show_page (window, "overview");
  settle ();
  return window;
}

static void
close_dialog (GtkWindow *parent)
{
  GtkMessageDialog *dialog;

  WAIT_UNTIL ((dialog = find_dialog (parent)) != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

/* Prepare files for the participants, fill one, import it back with a file on another grid:
 * one summary, one undo step. */
static void
test_prepare_and_import (void)
{
  GrWindow *window = workshop_window ();
  GrSession *session = gr_window_get_session (window);
  g_autofree char *dir_path = g_build_filename (window_test_tmp_dir (), "envoi", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GFile) returned = NULL;
  g_autoptr(GFile) other = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GrSession) one = NULL;
  const char *names[] = { "Anne", "Damien", NULL };
  GtkMessageDialog *dialog;
  g_autofree char *text = NULL;

  g_assert_true (gr_window_prepare_files (window, names, dir));
  close_dialog (GTK_WINDOW (window));

  /* Damien, a name typed in the list, fills his file and sends it back. */
  returned = g_file_get_child (dir, "Damien.grille");
  one = gr_session_load (returned, NULL);
  g_assert_nonnull (one);
  g_assert_cmpstr (gr_session_get_title (one), ==, "Atelier");
  gr_participant_set_level (gr_session_get_participant (one, 0), 0, 3);
  gr_participant_set_role (gr_session_get_participant (one, 0), "Partenaire");
  g_assert_true (gr_session_save (one, returned, NULL));

  other = write_file ("autre.grille",
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": { \"id\": \"autre\","
    "  \"title\": \"X\", \"scale\": [ { \"level\": 0, \"name\": \"a\", \"description\": \"\" },"
    "  { \"level\": 1, \"name\": \"b\", \"description\": \"\" } ], \"competencies\": ["
    "  { \"id\": \"a\", \"title\": \"A\", \"subtitle\": \"\", \"introduction\": \"\","
    "    \"items\": [ { \"id\": \"a.1\", \"text\": \"a\" } ] },"
    "  { \"id\": \"b\", \"title\": \"B\", \"subtitle\": \"\", \"introduction\": \"\","
    "    \"items\": [ { \"id\": \"b.1\", \"text\": \"b\" } ] },"
    "  { \"id\": \"c\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\","
    "    \"items\": [ { \"id\": \"c.1\", \"text\": \"c\" } ] } ] },"
    "  \"participants\": [ { \"name\": \"Zoé\" } ] }");

  g_ptr_array_add (files, g_object_ref (returned));
  g_ptr_array_add (files, g_file_get_child (dir, "Anne.grille"));
  g_ptr_array_add (files, g_object_ref (other));
  g_assert_cmpuint (gr_window_import_participants (window, files), ==, 1);

  /* The summary says what came in from where, and what was refused. */
  WAIT_UNTIL ((dialog = find_dialog (GTK_WINDOW (window))) != NULL);
  g_object_get (dialog, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "1 participant importé, 1 déjà présent, 1 fichier refusé");
  g_clear_pointer (&text, g_free);
  g_object_get (dialog, "secondary-text", &text, NULL);
  g_assert_nonnull (strstr (text, "Damien.grille\u202f: «\u202fDamien\u202f» importé"));
  g_assert_nonnull (strstr (text, "autre.grille\u202f: refusé"));
  screenshot (GTK_WIDGET (dialog), "screenshot-import-summary.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 4);
  g_assert_cmpstr (gr_participant_get_role (gr_session_find_participant (session, "Damien", NULL)),
                   ==, "Partenaire");

  /* One undo takes the whole import back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  settle ();
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  settle ();
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 4);

  destroy_window (window);
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Par rôle: a line per role on the chart, and a table of each role's scores and the largest
 * gap, the same in the chart's description. */
static void
test_by_role (void)
{
  GrWindow *window = workshop_window ();
  GtkWidget *overview = GTK_WIDGET (gr_window_get_overview (window));
  GrChartView *chart = gr_overview_page_get_chart (gr_window_get_overview (window));

  g_object_set (window, "chart-view", "role", NULL);
  settle ();
  g_assert_true (gr_chart_view_get_by_role (chart));
  g_assert_true (gr_chart_view_get_by_role (gr_window_get_chart (window)));
  g_assert_nonnull (strstr (gr_chart_view_get_description (chart),
                            "Coopérer\u202f: Élu·e·s (2) 3\u202f; Agent·e (1) 1\u202f; "
                            "écart le plus grand 2."));
  g_assert_nonnull (find_widget (overview, is_label_with_text, "Élu·e·s (2)"));
  g_assert_nonnull (find_widget (overview, is_label_with_text, "Écart le plus grand"));
  screenshot (GTK_WIDGET (window), "screenshot-by-role.png");

  /* A score that changes moves its role's mean in the table at once. */
  gr_participant_set_level (gr_session_get_participant (gr_window_get_session (window), 2), 0, 3);
  settle ();
  g_test_message ("%s", gr_chart_view_get_description (chart));
  g_assert_nonnull (strstr (gr_chart_view_get_description (chart), "écart le plus grand 0."));

  g_object_set (window, "chart-view", "group", NULL);
  settle ();
  g_assert_false (gr_chart_view_get_by_role (chart));
  g_assert_null (find_widget (overview, is_label_with_text, "Écart le plus grand"));

  destroy_window (window);
}

/* Up to five earlier sessions, oldest first; a sixth, or one on another grid, is refused. */
static void
test_compare_five (void)
{
  GrWindow *window = workshop_window ();
  const char *dates[] = { "2025-03-10", "2023-03-10", "2024-03-10", "2022-03-10", "2021-03-10",
                          "2020-03-10" };
  GtkMessageDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *name = g_strdup_printf ("avant-%u.grille", i);
      g_autofree char *json = g_strdup_printf (
        "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
        "  \"date\": \"%s\", \"participants\": [ { \"name\": \"A\","
        "  \"scores\": { \"cooperer.1\": %u } } ] }", dates[i], i % 5);
      g_autoptr(GFile) file = write_file (name, json);

      if (i < GR_CHART_MAX_REFERENCES)
        g_assert_true (gr_window_compare_with_file (window, file));
      else
        {
          g_assert_false (gr_window_compare_with_file (window, file));
          WAIT_UNTIL ((dialog = find_dialog (NULL)) != NULL);
          gtk_window_destroy (GTK_WINDOW (dialog));
        }
    }
  settle ();

  g_assert_cmpuint (gr_window_get_references (window)->len, ==, 5);
  g_assert_cmpstr (gr_session_get_date (gr_window_get_reference (window)), ==, "2021-03-10");
  g_assert_nonnull (strstr (gr_chart_view_get_description (gr_window_get_chart (window)), ""));
  screenshot (GTK_WIDGET (window), "screenshot-compare-five.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-clear", NULL);
  settle ();
  g_assert_cmpuint (gr_window_get_references (window)->len, ==, 0);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  window_test_init (&argc, &argv, "grille-test-window-voices-XXXXXX", NULL);

  g_test_add_func ("/window/voices/prepare-and-import", test_prepare_and_import);
  g_test_add_func ("/window/voices/by-role", test_by_role);
  g_test_add_func ("/window/voices/compare-five", test_compare_five);

  status = g_test_run ();

  window_test_shutdown ();
  return status;
}
