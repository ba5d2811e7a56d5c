/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Many voices in the window: files prepared per participant, returned files imported in one
 * undoable step with a summary, the group by role on the overview, and up to five earlier
 * sessions compared. */
#define G_LOG_DOMAIN "test-window-voices"

#include "config.h"

#include <glib/gstdio.h>

#include "gr-application.h"
#include "gr-chart-data.h"
#include "gr-progress-table.h"
#include "gr-projector-view.h"
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

  gr_window_prepare_files (window, names, dir);
  close_dialog (GTK_WINDOW (window));
  g_assert_false (gr_window_is_busy (window));

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
  gr_window_import_participants (window, files);

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
is_drawn_label_with_text (GtkWidget     *widget,
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
  /* The table by role is read as a table: the roles are its column headers. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (
                     GTK_ACCESSIBLE (find_widget (overview, is_drawn_label_with_text, "Élu·e·s (2)"))),
                   ==, GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  g_assert_nonnull (find_widget (overview, is_drawn_label_with_text, "Écart le plus grand"));
  screenshot (GTK_WIDGET (window), "screenshot-by-role.png");

  /* On the projector, beside the chart by role, each savoir-faire gives each role's mean level
   * and the largest gap: cooperer.1 is (4 + 2) / 2 for the elected members, 1 for the agent. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
  settle ();
  {
    GtkWidget *projector = GTK_WIDGET (gr_window_get_projector (window));

    g_assert_true (gr_chart_view_get_by_role (gr_projector_view_get_chart (
                     gr_window_get_projector (window))));
    g_assert_nonnull (find_widget (projector, is_drawn_label_with_text, "Par rôle"));
    g_assert_nonnull (find_widget (projector, is_drawn_label_with_text,
                                   "Élu·e·s (2)\u202f: 3,0 · Agent·e (1)\u202f: 1,0 · écart 2,0"));
    screenshot (GTK_WIDGET (window), "screenshot-by-role-projector.png");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
  settle ();

  /* A score that changes moves its role's mean in the table at once. */
  gr_participant_set_level (gr_session_get_participant (gr_window_get_session (window), 2), 0, 3);
  settle ();
  g_test_message ("%s", gr_chart_view_get_description (chart));
  g_assert_nonnull (strstr (gr_chart_view_get_description (chart), "écart le plus grand 0."));

  g_object_set (window, "chart-view", "group", NULL);
  settle ();
  g_assert_false (gr_chart_view_get_by_role (chart));
  g_assert_null (find_widget (overview, is_drawn_label_with_text, "Écart le plus grand"));

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
        g_assert_true (compare_with (window, file));
      else
        {
          g_assert_false (compare_with (window, file));
          WAIT_UNTIL ((dialog = find_dialog (NULL)) != NULL);
          gtk_window_destroy (GTK_WINDOW (dialog));
        }
    }
  settle ();

  g_assert_cmpuint (gr_window_get_references (window)->len, ==, 5);
  g_assert_cmpstr (gr_session_get_date (gr_window_get_reference (window)), ==, "2021-03-10");
  /* The table of scores per session lists them oldest first, then this session. */
  g_object_set (window, "chart-view", "group", NULL);
  settle ();
  {
    g_autofree char *text = gr_overview_page_get_progress_text (gr_window_get_overview (window));

    g_test_message ("%s", text);
    g_assert_true (g_str_has_prefix (text, "Compétence\tmars 2021\tmars 2022\tmars 2023\t"
                                           "mars 2024\tmars 2025\tCette session\tÉvolution\n"));
  }
  screenshot (GTK_WIDGET (window), "screenshot-compare-five.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-clear", NULL);
  settle ();
  g_assert_cmpuint (gr_window_get_references (window)->len, ==, 0);

  destroy_window (window);
}

static gboolean
is_label_of_table (GtkWidget     *widget,
                   gconstpointer  text)
{
  return is_drawn_label_with_text (widget, text) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_GRID) != NULL;
}

/* The line of @table (a line per row, cells separated by tabs) that starts with @first. */
static char *
table_line (const char *table,
            const char *first)
{
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], first) && lines[i][strlen (first)] == '\t')
      return g_strdup (lines[i]);
  g_error ("no line “%s” in:\n%s", first, table);
}

#define assert_line(table, first, expected) \
  G_STMT_START { \
    g_autofree char *line_ = table_line (table, first); \
    g_assert_cmpstr (line_, ==, expected); \
  } G_STMT_END

/* Progress over time: two earlier sessions, one on a scale of 0 to 8, give the overview a
 * table of each competency's score per session, oldest first, then this one, and the change
 * since the first, computed by hand here; it follows the levels, the participant shown and
 * the sessions compared. */
static void
test_progress_table (void)
{
  GrWindow *window = workshop_window ();
  GrOverviewPage *overview = gr_window_get_overview (window);
  GrSession *session = gr_window_get_session (window);
  /* Anne's Coopérer 1 and Connecter 3 a year before. */
  g_autoptr(GFile) first = write_file ("2024.grille",
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    "  \"date\": \"2024-03-11\", \"participants\": [ { \"name\": \"Anne\","
    "  \"scores\": { \"cooperer.1\": 1, \"connecter.1\": 3 } } ] }");
  /* The first three competencies on a scale of 0 to 8 (September 2025): Anne's 6 out of 8 is
   * 3 out of 4. */
  g_autofree char *eight_path = g_test_build_filename (G_TEST_DIST, "data", "sur-8.grille", NULL);
  g_autoptr(GFile) eight = g_file_new_for_path (eight_path);
  g_autofree char *text = NULL;
  GtkWidget *cell;

  /* Nothing compared: no table. */
  text = gr_overview_page_get_progress_text (overview);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* The group's scores, as the group's chart; chosen newest first, shown oldest first. */
  g_object_set (window, "chart-view", "group", NULL);
  g_assert_true (compare_with (window, eight));
  g_assert_true (compare_with (window, first));
  settle ();
  text = gr_overview_page_get_progress_text (overview);
  g_test_message ("%s", text);
  assert_line (text, "Compétence",
               "Compétence\tmars 2024\tseptembre 2025\tCette session\tÉvolution");
  /* Today the group: (4 + 2 + 1) / 3 = 2.33; the change from 2024's 1. */
  assert_line (text, "Coopérer", "Coopérer\t1,0 / 4\t3,0 / 4\t2,3 / 4\t+1,3");
  /* Connecter: nothing assessed today: "—", and no change, never from 0. */
  assert_line (text, "Connecter", "Connecter\t3,0 / 4\t3,0 / 4\t—\t—");
  assert_line (text, "Faciliter", "Faciliter\t—\t—\t—\t—");
  g_assert_null (strstr (text, "0,0 / 4"));
  g_clear_pointer (&text, g_free);

  /* A real table for a screen reader: column and row headers, cells. */
  cell = find_widget (GTK_WIDGET (overview), is_label_of_table, "mars 2024");
  g_assert_nonnull (cell);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==,
                   GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  g_assert_cmpint (gtk_accessible_get_accessible_role (
                     GTK_ACCESSIBLE (gtk_widget_get_parent (cell))), ==,
                   GTK_ACCESSIBLE_ROLE_TABLE);
  cell = find_widget (GTK_WIDGET (overview), is_label_of_table, "+1,3");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (cell)), ==,
                   GTK_ACCESSIBLE_ROLE_CELL);
  g_assert_cmpint (gtk_accessible_get_accessible_role (
                     GTK_ACCESSIBLE (gtk_grid_get_child_at (GTK_GRID (gtk_widget_get_parent (cell)),
                                                            0, 1))), ==,
                   GTK_ACCESSIBLE_ROLE_ROW_HEADER);
  screenshot (gtk_widget_get_ancestor (cell, GR_TYPE_PROGRESS_TABLE), "screenshot-progress.png");

  /* A level changes: Chloé's 1 becomes 4, the group's (4 + 2 + 4) / 3 = 3.33. */
  gr_participant_set_level (gr_session_get_participant (session, 2), 0, 4);
  settle ();
  text = gr_overview_page_get_progress_text (overview);
  assert_line (text, "Coopérer", "Coopérer\t1,0 / 4\t3,0 / 4\t3,3 / 4\t+2,3");
  g_clear_pointer (&text, g_free);

  /* Right to left (Arabic), the change keeps its sign in front: isolated left to right. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  gr_participant_set_level (gr_session_get_participant (session, 2), 0, 3);
  settle ();
  /* (4 + 2 + 3) / 3 = 3, from 2024's 1. */
  g_assert_nonnull (find_widget (GTK_WIDGET (overview), is_label_of_table, "\u2066+2,0\u2069"));
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);

  /* One participant shown: Anne's own scores, then and now. */
  gr_window_set_participant (window, gr_session_get_participant (session, 0));
  g_object_set (window, "chart-view", "participant", NULL);
  settle ();
  text = gr_overview_page_get_progress_text (overview);
  assert_line (text, "Coopérer", "Coopérer\t1,0 / 4\t3,0 / 4\t4,0 / 4\t+3,0");
  g_clear_pointer (&text, g_free);

  /* The comparison taken away: the table goes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-clear", NULL);
  settle ();
  text = gr_overview_page_get_progress_text (overview);
  g_assert_cmpstr (text, ==, "");
  g_assert_null (find_widget (GTK_WIDGET (overview), is_label_of_table, "mars 2024"));

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
  g_test_add_func ("/window/voices/progress-table", test_progress_table);

  status = g_test_run ();

  window_test_shutdown ();
  return status;
}
