/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A session of 1,000 participants, the most a file may hold: the window opens it and stays
 * usable. A level set through the page reaches the model and the table; the participants page
 * lists everyone through its model; the table's participants are a list made only in sight;
 * the group's chart draws its mean and band, a participant's line only when ticked, and says
 * how many are not drawn, on every chart and in the export. No timing here: bench/large-window
 * measures it. */
#define G_LOG_DOMAIN "test-window-large"

#include "config.h"

#include "gr-application.h"
#include "gr-export-dialog.h"
#include "gr-item.h"
#include "gr-session-file.h"
#include "gr-window.h"
#include "gr-window-test.h"

#define N_PARTICIPANTS GR_SESSION_MAX_PARTICIPANTS

/* Every participant with a few levels set, written as a file and opened as a user would. */
static GrWindow *
open_large_session (void)
{
  g_autofree char *path = g_build_filename (window_test_tmp_dir (), "large.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  GrGrid *grid = gr_session_get_grid (session);
  g_autoptr(GError) error = NULL;
  GrWindow *window;

  gr_session_set_title (session, "Grande consultation");
  for (guint p = 0; p < N_PARTICIPANTS; p++)
    {
      g_autofree char *name = g_strdup_printf ("Participant·e %u", p + 1);
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, name);

      for (guint i = 0; i < gr_grid_get_n_items (grid); i += 2)
        gr_participant_set_level (participant, i, (int) ((p + i) % 5));
      g_assert_true (gr_session_add_participant (session, participant, &error));
      g_assert_no_error (error);
    }
  g_assert_true (gr_session_save (session, file, &error));
  g_assert_no_error (error);

  window = new_window (1200, 900);
  g_assert_true (gr_window_open_file (window, file));
  g_assert_cmpuint (gr_session_get_n_participants (gr_window_get_session (window)), ==,
                    N_PARTICIPANTS);
  settle ();
  return window;
}

static guint
count_participant_lines (const GrChartLayout *layout)
{
  guint n = 0;

  for (guint s = 0; s < layout->shapes->len; s++)
    {
      const GrChartShape *shape = &g_array_index (layout->shapes, GrChartShape, s);

      n += shape->kind == GR_CHART_SERIES_PARTICIPANT && !shape->main;
    }
  return n;
}

static gboolean
legend_says (const GrChartLayout *layout,
             const char          *words)
{
  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *text = &g_array_index (layout->texts, GrChartText, t);

      if (text->kind == GR_CHART_TEXT_LEGEND &&
          g_strcmp0 (pango_layout_get_text (text->layout), words) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The chart as last drawn, after the window has had time to draw it. */
static const GrChartLayout *
drawn_layout (GrChartView *chart)
{
  gtk_widget_queue_draw (GTK_WIDGET (chart));
  WAIT_UNTIL (gr_chart_view_get_layout (chart) != NULL);
  return gr_chart_view_get_layout (chart);
}

static gboolean
is_check_with_label (GtkWidget     *widget,
                     gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static gboolean
is_menu_button_starting (GtkWidget     *widget,
                         gconstpointer  prefix)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_str_has_prefix (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) ?: "", prefix);
}


/* The text of the cell after @name's in its row of the table's list: their first
 * competency's score. */
static const char *
first_score_of (GrScoresTable *table,
                const char    *name)
{
  GtkWidget *label = find_widget (GTK_WIDGET (gr_scores_table_get_column_view (table)),
                                  is_label_with_text, name);
  GtkWidget *cell;

  g_assert_nonnull (label);
  cell = gtk_widget_get_next_sibling (gtk_widget_get_parent (label));
  g_assert_nonnull (cell);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (cell)));
}

/* A level clicked on a competency page reaches the participant and their row of the table, as
 * with a small group; undo takes it back. */
static void
test_level_change (void)
{
  GrWindow *window = open_large_session ();
  GrSession *session = gr_window_get_session (window);
  GrParticipant *first = gr_session_get_participant (session, 0);
  GrScoresTable *table = gr_overview_page_get_table (gr_window_get_overview (window));
  guint item = gr_item_get_index (gr_item_row_get_item (item_row (window, 0, 1)));

  g_assert_true (gr_window_get_participant (window) == first);
  g_assert_cmpint (gr_participant_get_level (first, item), ==, GR_LEVEL_NONE);
  /* Levels 0, 2 and 4 on the first competency. */
  g_assert_cmpstr (first_score_of (table, "\u2068Participant·e 1\u2069"), ==, "2,0 / 4");

  gr_window_show_page (window, "cooperer");
  settle ();
  click_level (window, 0, 1, 4);
  g_assert_cmpint (gr_participant_get_level (first, item), ==, 4);
  g_assert_cmpstr (first_score_of (table, "\u2068Participant·e 1\u2069"), ==, "2,5 / 4");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (gr_participant_get_level (first, item), ==, GR_LEVEL_NONE);
  g_assert_cmpstr (first_score_of (table, "\u2068Participant·e 1\u2069"), ==, "2,0 / 4");
  destroy_window (window);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Gives @widget's key controllers the key, as GTK does when the focus is on it. */
static gboolean
press_widget_key (GtkWidget *widget,
                  guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

/* The table: a row per participant in a list that makes only the rows in sight, the group's
 * rows under it; the table's list and the participants page list all of them through the
 * session's model, once each has given them to its list a few at a time. */
static void
test_lists (void)
{
  GrWindow *window = open_large_session ();
  GrSession *session = gr_window_get_session (window);
  GrScoresTable *table = gr_overview_page_get_table (gr_window_get_overview (window));
  GtkColumnView *view;
  g_autofree char *text = NULL;
  guint rows = 0;

  g_assert_true (gr_scores_table_is_virtual (table));
  view = gr_scores_table_get_column_view (table);
  g_assert_nonnull (view);
  /* Given to the list a few at a time, all of them a moment after the window opened. */
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)))
              == N_PARTICIPANTS);
  text = gr_scores_table_get_text (table);
  g_assert_nonnull (strstr (text, "Moyenne du groupe"));
  g_assert_nonnull (strstr (text, "Étendue"));
  g_assert_null (strstr (text, "Participant·e 1000"));
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (view)); w;
       w = gtk_widget_get_next_sibling (w))
    rows++;
  g_assert_cmpuint (rows, <, N_PARTICIPANTS / 4);

  gr_window_show_page (window, "participants");
  settle ();
  {
    GrParticipantsPage *page = gr_window_get_participants_page (window);
    GtkListView *list = gr_participants_page_get_list (page);
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
    g_autoptr(GrParticipant) last = NULL;

    WAIT_UNTIL (gr_participants_page_is_filled (page));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_PARTICIPANTS);
    last = g_list_model_get_item (model, N_PARTICIPANTS - 1);
    g_assert_true (last == gr_session_get_participant (session, N_PARTICIPANTS - 1));
    GrParticipantRow *row;
    GtkWidget *name;

    /* Only the rows in sight are made. */
    g_assert_nonnull (gr_participants_page_get_row (page, 0));
    g_assert_null (gr_participants_page_get_row (page, N_PARTICIPANTS - 1));

    /* F2 on a row renames in place, as in a small group. */
    row = gr_participants_page_get_row (page, 1);
    name = find_widget (GTK_WIDGET (row), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_EDITABLE_LABEL));
    g_assert_nonnull (name);
    /* The list's own row passes the focus on to the participant's row. */
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));
    g_assert_true (press_widget_key (GTK_WIDGET (row), GDK_KEY_F2));
    g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (name)));
    gtk_editable_set_text (GTK_EDITABLE (name), "Centre social");
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (name), TRUE);
    g_assert_cmpstr (gr_participant_get_name (gr_session_get_participant (session, 1)), ==,
                     "Centre social");
    /* GTK 4.8's editable label looks at its focus 100 ms after losing it: let it, before the
     * window goes. */
    gtk_root_set_focus (GTK_ROOT (window), NULL);
    settle ();
  }
  screenshot (GTK_WIDGET (window), "screenshot-large-participants.png");
  destroy_window (window);
}

/* The group's chart draws the mean and the band; the legend says how many participants are
 * not drawn; a line ticked in the list is drawn, on the live chart, the projector's and in the
 * export too. */
static void
test_group_chart (void)
{
  GrWindow *window = open_large_session ();
  GrOverviewPage *overview = gr_window_get_overview (window);
  GrChartView *chart = gr_overview_page_get_chart (overview);
  GrChartView *live = gr_window_get_chart (window);
  GtkWidget *button;
  GtkWidget *check;
  g_autofree char *svg = NULL;

  g_object_set (window, "chart-view", "group", NULL);
  gr_window_show_page (window, "overview");
  settle ();
  g_assert_cmpuint (count_participant_lines (drawn_layout (chart)), ==, 0);
  g_assert_true (legend_says (drawn_layout (chart), "1000 participants non tracés"));
  screenshot (GTK_WIDGET (window), "screenshot-large-overview.png");

  /* On demand: the list of lines, given its participants when first shown, and made only for
   * the rows in sight. */
  button = find_widget (GTK_WIDGET (overview), is_menu_button_starting,
                        "Lignes des participants");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==,
                   "Lignes des participants\u202f: 0 sur 1000");
  g_assert_null (gtk_list_view_get_model (GTK_LIST_VIEW (
    find_widget_deep (button, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW)))));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  settle ();
  check = find_widget_deep (button, is_check_with_label, "Participant·e 2");
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==,
                   "Lignes des participants\u202f: 1 sur 1000");
  screenshot (GTK_WIDGET (window), "screenshot-large-lines.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  g_assert_true (g_strv_contains (gr_chart_view_get_shown_participants (chart),
                                  "Participant·e 2"));
  g_assert_true (g_strv_contains (gr_chart_view_get_shown_participants (live),
                                  "Participant·e 2"));
  g_assert_true (g_strv_contains (gr_chart_view_get_shown_participants (
                                    gr_projector_view_get_chart (gr_window_get_projector (window))),
                                  "Participant·e 2"));
  g_assert_cmpuint (count_participant_lines (drawn_layout (chart)), ==, 1);
  g_assert_true (legend_says (drawn_layout (chart), "999 participants non tracés"));
  gr_window_show_page (window, "cooperer");
  settle ();
  g_assert_cmpuint (count_participant_lines (drawn_layout (live)), ==, 1);

  svg = export_svg (window);
  g_assert_nonnull (strstr (svg, "\u2068Participant·e 2\u2069"));
  g_assert_null (strstr (svg, "\u2068Participant·e 3\u2069"));
  g_assert_nonnull (strstr (svg, "999 participants non tracés"));
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  window_test_init (&argc, &argv, "grille-test-window-large-XXXXXX", NULL);

  g_test_add_func ("/window/large/level-change", test_level_change);
  g_test_add_func ("/window/large/lists", test_lists);
  g_test_add_func ("/window/large/group-chart", test_group_chart);

  status = g_test_run ();

  window_test_shutdown ();
  return status;
}
