/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The group chart's lines shown or hidden one by one from the overview, on every chart and in
 * the export; and an earlier session loaded for comparison, then taken away. */
#define G_LOG_DOMAIN "test-window-series"

#include "config.h"

#include <glib/gstdio.h>

#include "gr-application.h"
#include "gr-export-dialog.h"
#include "gr-window.h"
#include "gr-window-test.h"

static GFile *
data_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atelier.grille", NULL);

  return g_file_new_for_path (path);
}

/* A window on a copy of tests/data/atelier.grille (two participants), in the group view. */
static GrWindow *
new_group_window (void)
{
  GrWindow *window = open_test_copy ("atelier.grille", "atelier.grille");

  g_object_set (window, "chart-view", "group", NULL);
  gr_window_show_page (window, "overview");
  settle ();
  return window;
}

static gboolean
is_check_with_label (GtkWidget     *widget,
                     gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

/* The overview's check button for @label, or NULL when it has none. */
static GtkCheckButton *
series_check (GrWindow   *window,
              const char *label)
{
  return (GtkCheckButton *) find_widget (GTK_WIDGET (gr_window_get_overview (window)),
                                         is_check_with_label, label);
}

static gboolean
strv_has (const char * const *names,
          const char         *name)
{
  return names != NULL && g_strv_contains (names, name);
}

/* A button bound to @action in @window: its sensitivity is the action's enabled state. */
static GtkWidget *
action_probe (GrWindow   *window,
              const char *action)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *button = gtk_button_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_popover_set_child (GTK_POPOVER (popover), button);
  gtk_widget_set_parent (popover, GTK_WIDGET (gr_window_get_overview (window)));
  return button;
}

/* Unticking a participant hides their line on the overview's chart, the live chart and in the
 * export; the check buttons follow renames, additions and removals. */
static void
test_hide_participant (void)
{
  GrWindow *window = new_group_window ();
  GrSession *session = gr_window_get_session (window);
  GrChartView *overview_chart = gr_overview_page_get_chart (gr_window_get_overview (window));
  GrChartView *live_chart = gr_window_get_chart (window);
  GtkCheckButton *check = series_check (window, "Service jeunesse");
  g_autoptr(GrParticipant) added = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *description = g_strdup (gr_chart_view_get_description (overview_chart));

  g_assert_nonnull (check);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (check)));
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_nonnull (series_check (window, "Moyenne du groupe"));
  g_assert_nonnull (series_check (window, "Du plus bas au plus haut"));

  /* The legend draws the name isolated from the text round it (U+2068 … U+2069). */
  svg = export_svg (window);
  g_assert_nonnull (strstr (svg, ">\u2068Service jeunesse\u2069<"));
  g_clear_pointer (&svg, g_free);

  gtk_check_button_set_active (check, FALSE);
  g_assert_true (strv_has (gr_chart_view_get_hidden_participants (overview_chart),
                           "Service jeunesse"));
  g_assert_true (strv_has (gr_chart_view_get_hidden_participants (live_chart),
                           "Service jeunesse"));
  /* Screen readers still hear every score. */
  g_assert_cmpstr (gr_chart_view_get_description (overview_chart), ==, description);

  svg = export_svg (window);
  g_assert_null (strstr (svg, "Service jeunesse\u2069<"));
  g_assert_nonnull (strstr (svg, "Moyenne du groupe"));
  g_clear_pointer (&svg, g_free);

  /* The band and the mean have their own check buttons. */
  gtk_check_button_set_active (series_check (window, "Du plus bas au plus haut"), FALSE);
  g_assert_false (gr_chart_view_get_show_band (overview_chart));
  g_assert_false (gr_chart_view_get_show_band (live_chart));
  svg = export_svg (window);
  g_assert_null (strstr (svg, "class=\"band\""));
  g_clear_pointer (&svg, g_free);
  gtk_check_button_set_active (series_check (window, "Du plus bas au plus haut"), TRUE);
  gtk_check_button_set_active (series_check (window, "Moyenne du groupe"), FALSE);
  g_assert_false (gr_chart_view_get_show_mean (live_chart));
  gtk_check_button_set_active (series_check (window, "Moyenne du groupe"), TRUE);

  /* A renamed participant stays hidden under the new name. */
  g_assert_true (gr_session_rename_participant (session, gr_session_get_participant (session, 0),
                                                "Jeunesse", NULL));
  settle ();
  g_assert_null (series_check (window, "Service jeunesse"));
  check = series_check (window, "Jeunesse");
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_true (strv_has (gr_chart_view_get_hidden_participants (overview_chart), "Jeunesse"));
  g_assert_false (strv_has (gr_chart_view_get_hidden_participants (overview_chart),
                            "Service jeunesse"));

  /* Someone added gets a check button, shown; someone removed loses theirs. */
  added = gr_participant_new (gr_session_get_grid (session), "Centre social");
  g_assert_true (gr_session_add_participant (session, added, NULL));
  settle ();
  g_assert_nonnull (series_check (window, "Centre social"));
  g_assert_true (gtk_check_button_get_active (series_check (window, "Centre social")));

  gr_session_remove_participant (session, 0);
  settle ();
  g_assert_null (series_check (window, "Jeunesse"));
  g_assert_false (strv_has (gr_chart_view_get_hidden_participants (live_chart), "Jeunesse"));

  /* Outside the group view there is nothing to choose. */
  g_object_set (window, "chart-view", "participant", NULL);
  settle ();
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (series_check (window, "Centre social"))));

  destroy_window (window);
}

/* An earlier session, loaded as the chooser's answer would load it, is drawn on every chart
 * and exported; compare-clear, enabled only then, takes it away. Nothing to save or undo. */
static void
test_reference (void)
{
  GrWindow *window = new_group_window ();
  g_autoptr(GFile) file = data_file ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/ancienne.grille");
  GrChartView *charts[] = {
    gr_window_get_chart (window),
    gr_overview_page_get_chart (gr_window_get_overview (window)),
    gr_projector_view_get_chart (gr_window_get_projector (window)),
  };
  GtkWidget *clear = action_probe (window, "win.compare-clear");
  GtkWidget *popover = gtk_widget_get_ancestor (clear, GTK_TYPE_POPOVER);
  GtkWindow *error_dialog;
  g_autofree char *svg = NULL;

  settle ();
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_null (gr_window_get_reference (window));

  g_assert_true (compare_with (window, file));
  settle ();
  g_assert_nonnull (gr_window_get_reference (window));
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    g_assert_true (gr_chart_view_get_reference (charts[i]) == gr_window_get_reference (window));
  g_assert_true (gtk_widget_get_sensitive (clear));
  g_assert_false (gr_window_is_modified (window));
  g_assert_false (gr_history_can_undo (gr_window_get_history (window)));

  /* Hide one participant, and move the group away from the reference to look at both. */
  gtk_check_button_set_active (series_check (window, "Service jeunesse"), FALSE);
  for (guint item = 0; item < 8; item++)
    gr_participant_set_level (gr_session_get_participant (gr_window_get_session (window), 1),
                              item, 4);
  screenshot (GTK_WIDGET (window), "screenshot-series.png");

  svg = export_svg (window);
  /* The earlier session is named by its month. */
  g_assert_nonnull (strstr (svg, ">mars 2026<"));
  g_clear_pointer (&svg, g_free);

  /* A file that cannot be read says so and keeps the reference there was. */
  g_assert_false (compare_with (window, missing));
  error_dialog = GTK_WINDOW (find_dialog (NULL));
  g_assert_nonnull (error_dialog);
  gtk_window_destroy (error_dialog);
  g_assert_nonnull (gr_chart_view_get_reference (charts[0]));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-clear", NULL);
  settle ();
  g_assert_null (gr_window_get_reference (window));
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    g_assert_null (gr_chart_view_get_reference (charts[i]));
  g_assert_false (gtk_widget_get_sensitive (clear));

  svg = export_svg (window);
  g_assert_null (strstr (svg, ">mars 2026<"));

  gtk_widget_unparent (popover);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The sessions come from tests/data: no fixture of its own. */
  window_test_init (&argc, &argv, "grille-test-window-series-XXXXXX", NULL);

  g_test_add_func ("/window/series/hide-participant", test_hide_participant);
  g_test_add_func ("/window/series/reference", test_reference);

  status = g_test_run ();

  window_test_shutdown ();
  return status;
}
