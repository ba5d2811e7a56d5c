/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chart widget as a user meets it: it draws the session, follows every change of score,
 * and tells screen readers each competency's score in words. */
#include "config.h"

#include <gtk/gtk.h>

#include "gr-chart-view.h"
#include "gr-translator.h"

static GrSession *
make_session (void)
{
  GrGrid *grid = gr_grid_get_default ();
  GrSession *session = gr_session_new (grid);
  const char *names[] = { "Service jeunesse", "Élus" };

  for (guint p = 0; p < G_N_ELEMENTS (names); p++)
    {
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, names[p]);

      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        gr_participant_set_level (participant, i, (int) ((i + p) % 5));
      g_assert_true (gr_session_add_participant (session, participant, NULL));
    }

  return session;
}

static void
wait_for_frame (GtkWidget *widget)
{
  for (guint i = 0; i < 200 && !gtk_widget_get_mapped (widget); i++)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));
}

/* The widget's own drawing, in RGBA bytes (width × height × 4). */
static guchar *
render_pixels (GtkWidget *window,
               GtkWidget *view)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  guchar *pixels;

  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* To look at what the widget drew: CHART_VIEW_PNG=file.png. */
  if (g_getenv ("CHART_VIEW_PNG") != NULL)
    gdk_texture_save_to_png (texture, g_getenv ("CHART_VIEW_PNG"));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  return pixels;
}

/* How many pixels of the widget's own drawing differ from a plain background. */
static guint
count_ink (GtkWidget *window,
           GtkWidget *view)
{
  g_autofree guchar *pixels = render_pixels (window, view);
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  guint ink = 0;

  for (int i = 0; i < width * height; i++)
    if (pixels[4 * i + 3] > 0)
      ink++;

  return ink;
}

static void
test_draws_and_describes (void)
{
  g_autoptr(GrSession) session = make_session ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gr_chart_view_new ();
  g_autofree char *before = NULL;
  GrParticipant *first = gr_session_get_participant (session, 0);
  guint ink;

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gr_chart_view_set_session (GR_CHART_VIEW (view), session);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (view);

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  /* The group's mean, competency by competency, in words. */
  before = g_strdup (gr_chart_view_get_description (GR_CHART_VIEW (view)));
  g_assert_nonnull (strstr (before, "Coopérer : moyenne"));
  g_assert_nonnull (strstr (before, "Connecter : moyenne"));

  ink = count_ink (window, view);
  g_assert_cmpuint (ink, >, 640 * 640 / 50);

  /* A changed score shows at once in the description. */
  for (guint i = 0; i < gr_grid_get_n_items (gr_session_get_grid (session)); i++)
    gr_participant_set_level (first, i, GR_LEVEL_NONE);
  g_assert_cmpstr (before, !=, gr_chart_view_get_description (GR_CHART_VIEW (view)));

  /* One participant alone, then nothing assessed anywhere: no score is made up. */
  gr_chart_view_set_participant (GR_CHART_VIEW (view), first);
  g_assert_nonnull (strstr (gr_chart_view_get_description (GR_CHART_VIEW (view)),
                            "Coopérer : non évalué"));
  wait_for_frame (view);
  g_assert_cmpuint (count_ink (window, view), >, 0);

  /* The participant shown leaves the session: the chart goes back to the group. */
  gr_session_remove_participant (session, 0);
  g_assert_null (gr_chart_view_get_participant (GR_CHART_VIEW (view)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
show_chart (GrSession     *session,
            GrParticipant *participant)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gr_chart_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gr_chart_view_set_session (GR_CHART_VIEW (view), session);
  gr_chart_view_set_participant (GR_CHART_VIEW (view), participant);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (view);
  return view;
}

/* Typing a note does not draw the chart again (notes are not on it); a changed score does,
 * keeping the labels where they are, and the chart looks exactly as one drawn anew. */
static void
test_updates_in_place (void)
{
  g_autoptr(GrSession) session = make_session ();
  GrParticipant *first = gr_session_get_participant (session, 0);
  GtkWidget *view = show_chart (session, first);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (view));
  GtkWidget *fresh;
  const GrChartLayout *layout = gr_chart_view_get_layout (GR_CHART_VIEW (view));
  g_autofree guchar *updated = NULL;
  g_autofree guchar *anew = NULL;
  gsize size;

  g_assert_nonnull (layout);
  gr_participant_set_note (first, 0, "Une note");
  g_assert_true (gr_chart_view_get_layout (GR_CHART_VIEW (view)) == layout);

  gr_participant_set_level (first, 0, 4);
  gr_participant_set_level (first, 7, GR_LEVEL_NONE);
  g_assert_null (gr_chart_view_get_layout (GR_CHART_VIEW (view)));
  wait_for_frame (view);
  count_ink (window, view);
  g_assert_nonnull (gr_chart_view_get_layout (GR_CHART_VIEW (view)));

  fresh = show_chart (session, first);
  size = (gsize) gtk_widget_get_width (view) * gtk_widget_get_height (view) * 4;
  g_assert_cmpint (gtk_widget_get_width (fresh), ==, gtk_widget_get_width (view));
  g_assert_cmpint (gtk_widget_get_height (fresh), ==, gtk_widget_get_height (view));
  updated = render_pixels (window, view);
  anew = render_pixels (GTK_WIDGET (gtk_widget_get_root (fresh)), fresh);
  g_assert_true (memcmp (updated, anew, size) == 0);

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (fresh)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Xvfb runs without a session bus; GTK warns and goes on without it. */
static gboolean
is_fatal (const char     *log_domain,
          GLogLevelFlags  log_level,
          const char     *message,
          gpointer        user_data)
{
  return strstr (message, "session bus") == NULL;
}

int
main (int    argc,
      char **argv)
{
  /* The descriptions are checked in French, the source language. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* No accessibility bus under Xvfb: the accessible properties are read back from GTK. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gr_i18n_init (NULL);
  /* Before GTK starts: it looks for the bus as it starts. */
  g_test_log_set_fatal_handler (is_fatal, NULL);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-view/draws-and-describes", test_draws_and_describes);
  g_test_add_func ("/chart-view/updates-in-place", test_updates_in_place);

  return g_test_run ();
}
