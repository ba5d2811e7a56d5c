/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Room on the screens Grille is used on: how many savoir-faire a competency page shows without
 * scrolling on a 1366×768 office laptop, the window's size against the monitor, projector
 * mode's list, and screenshots of every page at 1366×768 and 1920×1080, light and dark, kept
 * under the build directory for a person to look at. */
#define G_LOG_DOMAIN "test-window-room"

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "gr-application.h"
#include "gr-competency.h"
#include "gr-item.h"
#include "gr-window.h"
#include "gr-window-test.h"

static GrApplication *app;

static const char session_json[] =
  "{ \"format\": \"grille-session\", \"version\": 2,\n"
  "  \"grid\": \"engagement\",\n"
  "  \"title\": \"Atelier du 12 mars\", \"date\": \"2026-03-12\", \"language\": \"fr\",\n"
  "  \"organisation\": \"Communauté de communes du Val\",\n"
  "  \"participants\": [\n"
  "    { \"name\": \"Service jeunesse\", \"role\": \"Agent·e\",\n"
  "      \"scores\":  { \"cooperer.1\": 3, \"cooperer.2\": 2, \"connecter.2\": 0,\n"
  "                   \"ouvrir.1\": 2, \"ouvrir.4\": 4, \"faciliter.1\": 1,\n"
  "                   \"faciliter.2\": 2, \"integrer.1\": 3 },\n"
  "      \"notes\":   { \"cooperer.1\": \"Comité mensuel avec les associations\" },\n"
  "      \"targets\": { \"cooperer\": 4, \"connecter\": 3 } },\n"
  "    { \"name\": \"Élus\", \"role\": \"Élu·e\",\n"
  "      \"scores\":  { \"cooperer.1\": 1, \"cooperer.3\": 2, \"connecter.1\": 2,\n"
  "                   \"connecter.2\": 2, \"ouvrir.2\": 1, \"faciliter.3\": 3,\n"
  "                   \"integrer.2\": 2 } },\n"
  "    { \"name\": \"Centre social\", \"role\": \"Partenaire\",\n"
  "      \"scores\":  { \"cooperer.1\": 4, \"cooperer.2\": 3, \"connecter.1\": 3,\n"
  "                   \"ouvrir.1\": 3, \"ouvrir.3\": 2, \"faciliter.1\": 2,\n"
  "                   \"integrer.1\": 4, \"integrer.3\": 3 } } ] }\n";

static void
set_app_state (const char *action,
               const char *value)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), action, g_variant_new_string (value));
}

/* Resizes @window as a user (or the window manager) would and waits until it has that size. */
static void
resize (GrWindow *window,
        int       width,
        int       height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int tries = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  do
    settle ();
  while ((gdk_surface_get_width (surface) != width || gdk_surface_get_height (surface) != height)
         && ++tries < 20);
  g_test_message ("surface %d×%d, window %d×%d", gdk_surface_get_width (surface),
                  gdk_surface_get_height (surface), gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
}

static GrWindow *
workshop_window (int width,
                 int height)
{
  g_autoptr(GFile) file = write_session_file ("Atelier du 12 mars.grille");
  GrWindow *window = new_window (width, height);

  g_assert_true (gr_window_open_file (window, file));
  resize (window, width, height);
  return window;
}

/* The savoir-faire rows of competency @competency's page wholly inside the visible part of its
 * scrolled page, as the page first shows (scrolled to the top). */
static guint
rows_in_view (GrWindow *window,
              guint     competency)
{
  GrCompetencyPage *page = gr_window_get_competency_page (window, competency);
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (page));
  GtkWidget *viewport;
  guint n = 0;

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  for (guint i = 0; i < gr_competency_get_n_items (gr_competency_page_get_competency (page)); i++)
    {
      GtkWidget *row = GTK_WIDGET (gr_competency_page_get_row (page, i));
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (row, viewport, &bounds));
      if (bounds.origin.y >= 0 &&
          bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport))
        n++;
    }
  return n;
}

static void
save_screen (GrWindow   *window,
             const char *name,
             int         width,
             int         height,
             const char *scheme)
{
  g_autofree char *file = g_strdup_printf ("screens/%s-%dx%d-%s.png", name, width, height,
                                           scheme);
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?
                                           g_getenv ("G_TEST_BUILDDIR") : ".", "screens", NULL);

  /* Made here, not once: any test may write the first screenshot of a fresh build. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  screenshot (GTK_WIDGET (window), file);
}

static void
test_screens (void)
{
  static const int sizes[][2] = { { 1366, 768 }, { 1920, 1080 } };
  static const char *schemes[] = { "light", "dark" };
  GrWindow *window = workshop_window (1366, 768);
  GrGrid *grid = gr_session_get_grid (gr_window_get_session (window));

  /* No crossfade between pages: GTK 4.8 draws the page left over the new one in a paintable
   * taken during the transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      set_app_state ("color-scheme", schemes[s]);
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          int width = sizes[z][0], height = sizes[z][1];

          resize (window, width, height);
          for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
            {
              const char *id = gr_competency_get_id (gr_grid_get_competency (grid, c));

              gr_window_show_page (window, id);
              save_screen (window, id, width, height, schemes[s]);
            }
          /* The overview as a workshop shows it: the group. */
          gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "group");
          gr_window_show_page (window, "overview");
          save_screen (window, "overview", width, height, schemes[s]);
          gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s",
                                      "participant");
          gr_window_show_page (window, "participants");
          save_screen (window, "participants", width, height, schemes[s]);
          gr_window_show_page (window, "cooperer");
          gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
          save_screen (window, "projector", width, height, schemes[s]);
          gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
          settle ();
        }
    }
  set_app_state ("color-scheme", "light");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  destroy_window (window);
}

/* Every competency page shows at least @wanted savoir-faire whole without scrolling. */
static void
assert_rows_in_view (GrWindow   *window,
                     guint       wanted,
                     const char *what)
{
  GrGrid *grid = gr_session_get_grid (gr_window_get_session (window));

  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      guint n;

      gr_window_show_page (window, gr_competency_get_id (competency));
      settle ();
      n = rows_in_view (window, c);
      g_test_message ("%s, %s: %u savoir-faire in view", what, gr_competency_get_id (competency),
                      n);
      g_assert_cmpuint (n, >=, wanted);
    }
}

/* An office laptop's 1366×768 screen: three savoir-faire in view on every competency page, two
 * with a second language; the live chart beside them. 1366×746 leaves the page the height a
 * window maximised under GNOME's 32 px top bar has (a window that is not maximised loses 10 px
 * to its frame here). On a 1024×768 screen the chart would go below the page and leave it one
 * savoir-faire: it is left out, and the page keeps its three. */
static void
test_laptop_rows (void)
{
  GrWindow *window = workshop_window (1366, 768);

  g_assert_true (gr_window_is_wide (window));
  assert_rows_in_view (window, 3, "1366×768");
  resize (window, 1366, 746);
  assert_rows_in_view (window, 3, "1366×768 maximised");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gr_window_get_chart (window))));

  set_app_state ("second-language", "de");
  assert_rows_in_view (window, 2, "1366×768 maximised, second language");
  resize (window, 1366, 768);
  assert_rows_in_view (window, 2, "1366×768, second language");
  set_app_state ("second-language", "");

  resize (window, 1024, 768);
  g_assert_false (gr_window_is_wide (window));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (gr_window_get_chart (window))));
  assert_rows_in_view (window, 3, "1024×768");
  /* Tall enough, the chart comes back under the page. */
  resize (window, 1024, 1000);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (gr_window_get_chart (window))));
  g_assert_false (gr_window_is_wide (window));
  destroy_window (window);
}

static void
assert_fits (GrWindow         *window,
             const char       *what,
             const GdkRectangle *area)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int min_width, min_height;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                      NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, min_width, &min_height,
                      NULL, NULL, NULL);
  g_test_message ("%s: window %d×%d, at least %d×%d, monitor %d×%d", what,
                  gdk_surface_get_width (surface), gdk_surface_get_height (surface),
                  min_width, min_height, area->width, area->height);
  g_assert_cmpint (gdk_surface_get_width (surface), <=, area->width);
  g_assert_cmpint (gdk_surface_get_height (surface), <=, area->height);
  g_assert_cmpint (min_width, <=, area->width);
  g_assert_cmpint (min_height, <=, area->height);
}

/* The window opens inside its monitor at whatever scale (the suite runs this test a second
 * time with GDK_SCALE=2: a 1920×1080 screen then has the room of a 960×540 one), with the
 * default size and with a saved size larger than the screen, and no page nor projector mode
 * asks for more room than the monitor has. */
static void
test_fits_monitor (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  static const int saved[][2] = { { 0, 0 }, { 3000, 2000 } };
  static const char *pages[] = { "overview", "cooperer", "faciliter", "participants" };

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      g_autoptr(GFile) file = write_session_file ("Atelier du 12 mars.grille");
      GrWindow *window;
      GdkSurface *surface;
      GdkMonitor *monitor;
      GdkRectangle area;

      if (saved[i][0] > 0)
        {
          g_settings_set_int (settings, "window-width", saved[i][0]);
          g_settings_set_int (settings, "window-height", saved[i][1]);
        }
      window = gr_window_new (app);
      gtk_window_present (GTK_WINDOW (window));
      WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
      settle ();
      surface = gtk_native_get_surface (GTK_NATIVE (window));
      monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
      g_assert_nonnull (monitor);
      gdk_monitor_get_geometry (monitor, &area);
      g_test_message ("scale %d", gdk_monitor_get_scale_factor (monitor));
      assert_fits (window, "new window", &area);

      g_assert_true (gr_window_open_file (window, file));
      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          gr_window_show_page (window, pages[p]);
          settle ();
          assert_fits (window, pages[p], &area);
        }
      gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
      settle ();
      assert_fits (window, "projector", &area);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
      settle ();
      destroy_window (window);
    }
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

typedef struct
{
  GType       type;
  const char *text;
} Wanted;

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  data)
{
  const Wanted *wanted = data;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, wanted->type))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    return strstr (gtk_label_get_text (GTK_LABEL (widget)), wanted->text) != NULL;
  if (GTK_IS_EDITABLE (widget))
    return g_str_equal (gtk_editable_get_text (GTK_EDITABLE (widget)), wanted->text);
  return FALSE;
}

static gboolean
is_mnemonic_label_of (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_mnemonic_widget (GTK_LABEL (widget)) == data;
}

/* The group view while a participant's levels are entered: the page says whose levels its
 * selectors change, in sight and to a screen reader, and they change that participant's. */
static void
test_group_notice (void)
{
  GrWindow *window = workshop_window (1366, 768);
  GrSession *session = gr_window_get_session (window);
  GrParticipant *youth = gr_session_get_participant (session, 0);
  GrParticipant *elected = gr_session_get_participant (session, 1);
  GtkWidget *page = GTK_WIDGET (gr_window_get_competency_page (window, 0));
  GtkWidget *selector = gtk_widget_get_parent (
    GTK_WIDGET (gr_item_row_get_level_button (item_row (window, 0, 3), 1)));
  const Wanted notice = { GTK_TYPE_LABEL, "ceux de Service jeunesse" };
  GtkWidget *label;
  guint item = gr_item_get_index (gr_competency_get_item (
    gr_grid_get_competency (gr_session_get_grid (session), 0), 3));

  gr_window_show_page (window, "cooperer");
  settle ();
  g_assert_true (gr_window_get_participant (window) == youth);
  label = find_widget (page, is_label_with, &notice);
  g_assert_true (label == NULL || !gtk_widget_get_mapped (label));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (selector),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "group");
  settle ();
  label = find_widget (page, is_label_with, &notice);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "montrent le groupe"));
  {
    g_autofree char *error =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (selector),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          "Niveaux de Service jeunesse, pas ceux du groupe");
    g_assert_null (error);
  }
  save_screen (window, "group-notice", 1366, 768, "light");

  /* A level chosen now is the participant's, as the page says; nobody else's changes. */
  click_level (window, 0, 3, 1);
  g_assert_cmpint (gr_participant_get_level (youth, item), ==, 1);
  g_assert_cmpint (gr_participant_get_level (elected, item), ==, -1);

  /* The notice follows the participant chosen, and a rename, with French elision. */
  gr_window_set_participant (window, elected);
  settle ();
  gr_participant_set_name (elected, "Élus du conseil");
  settle ();
  {
    const Wanted elided = { GTK_TYPE_LABEL, "ceux d’Élus du conseil" };

    label = find_widget (page, is_label_with, &elided);
    g_assert_nonnull (label);
    g_assert_true (gtk_widget_get_mapped (label));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "participant");
  settle ();
  g_assert_false (gtk_widget_get_mapped (label));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (selector),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  destroy_window (window);
}

/* The overview's fields have their names in sight, above them, not only as placeholders. */
static void
test_field_labels (void)
{
  GrWindow *window = workshop_window (1366, 768);
  GtkWidget *overview = GTK_WIDGET (gr_window_get_overview (window));
  const Wanted title = { GTK_TYPE_TEXT, "Atelier du 12 mars" };
  const Wanted organisation = { GTK_TYPE_TEXT, "Communauté de communes du Val" };
  const Wanted *fields[] = { &title, &organisation };
  const char *names[] = { "Titre de la session", "Collectivité" };

  gr_window_show_page (window, "overview");
  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *text = find_widget (overview, is_label_with, fields[i]);
      GtkWidget *entry;
      GtkWidget *label;
      graphene_rect_t field, caption;

      g_assert_nonnull (text);
      entry = gtk_widget_get_ancestor (text, GTK_TYPE_ENTRY);
      g_assert_nonnull (entry);
      label = find_widget (overview, is_mnemonic_label_of, entry);
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_mapped (label));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, names[i]);
      /* Above its field and level with its start. */
      g_assert_true (gtk_widget_compute_bounds (entry, overview, &field));
      g_assert_true (gtk_widget_compute_bounds (label, overview, &caption));
      g_assert_cmpfloat (caption.origin.y + caption.size.height, <=, field.origin.y);
      g_assert_cmpfloat (fabs (caption.origin.x - field.origin.x), <, 2);
    }
  destroy_window (window);
}

static void
assert_pressed (GtkToggleButton        *button,
                GtkAccessibleTristate   pressed)
{
  g_autofree char *error = gtk_test_accessible_check_state (GTK_ACCESSIBLE (button),
                                                            GTK_ACCESSIBLE_STATE_PRESSED,
                                                            pressed);
  g_assert_null (error);
}

/* Projector mode on a 1366×768 screen: a list longer than the screen has a scrollbar and says
 * that more follows; the arrow keys scroll it. The names toggle is a toggle button, pressed
 * while the names are shown, that says what it shows. */
static void
test_projector (void)
{
  GrWindow *window = workshop_window (1366, 768);
  GrProjectorView *projector;
  GtkToggleButton *names;
  GtkWidget *more;
  GtkWidget *scroller;
  GtkWidget *label;

  set_app_state ("second-language", "de");
  gr_window_show_page (window, "faciliter");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
  settle ();
  projector = gr_window_get_projector (window);
  more = gr_projector_view_get_more_cue (projector);
  scroller = gtk_widget_get_ancestor (
    find_widget (GTK_WIDGET (projector), is_label_with,
                 &(Wanted) { GTK_TYPE_LABEL, "Savoir sécuriser les habitants" }),
    GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scroller);
  save_screen (window, "projector-faciliter-de", 1366, 768, "light");
  g_assert_true (gtk_widget_get_mapped (more));
  g_assert_true (gtk_widget_get_mapped (
    gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (scroller))));
  g_assert_false (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller)));

  /* Down to the end: the cue goes; up again: it is back. */
  for (int i = 0; i < 20 && gtk_widget_get_visible (more); i++)
    {
      gr_projector_view_scroll (projector, 1);
      settle ();
    }
  g_assert_false (gtk_widget_get_visible (more));
  gr_projector_view_scroll (projector, -1);
  settle ();
  g_assert_true (gtk_widget_get_mapped (more));

  names = gr_projector_view_get_names_toggle (projector);
  /* GTK 4.8 has no toggle button role: a button with a pressed state is one for AT-SPI. */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (names),
                                               GTK_ACCESSIBLE_ROLE_BUTTON));
  label = find_widget (GTK_WIDGET (names), is_mnemonic_label_of, names);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Noms des participants");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (names)), "Ctrl+H"));
  g_assert_true (gtk_toggle_button_get_active (names));
  assert_pressed (names, GTK_ACCESSIBLE_TRISTATE_TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-names", NULL);
  settle ();
  g_assert_false (gtk_toggle_button_get_active (names));
  assert_pressed (names, GTK_ACCESSIBLE_TRISTATE_FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-names", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
  set_app_state ("second-language", "");
  settle ();
  destroy_window (window);
}

/* Maximised at 1920×1080, the overview's chart takes the height the page leaves free rather
 * than an empty band under the table. */
static void
test_overview_fills (void)
{
  GrWindow *window = workshop_window (1920, 1080);
  GtkWidget *chart = GTK_WIDGET (gr_overview_page_get_chart (gr_window_get_overview (window)));
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (gr_window_get_overview (window)));
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  int min_height;

  gr_window_show_page (window, "overview");
  settle ();
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  /* The page's content (its last child ends where the viewport ends) with the chart grown. */
  {
    GtkWidget *box = gtk_widget_get_first_child (content);
    GtkWidget *last = gtk_widget_get_last_child (box);
    graphene_rect_t bounds;

    while (last != NULL && !gtk_widget_get_visible (last))
      last = gtk_widget_get_prev_sibling (last);
    g_assert_nonnull (last);
    g_assert_true (gtk_widget_compute_bounds (last, content, &bounds));
    g_test_message ("chart %d px high (at least %d), page content ends at %g of %d",
                    gtk_widget_get_height (chart), min_height,
                    bounds.origin.y + bounds.size.height, gtk_widget_get_height (content));
    g_assert_cmpint (gtk_widget_get_height (chart), >, min_height);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, >=,
                       gtk_widget_get_height (content) - 40);
  }
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = window_test_init (&argc, &argv, "grille-test-window-room-XXXXXX", session_json);

  g_test_add_func ("/window/room/fits-monitor", test_fits_monitor);
  g_test_add_func ("/window/room/laptop-rows", test_laptop_rows);
  g_test_add_func ("/window/room/group-notice", test_group_notice);
  g_test_add_func ("/window/room/field-labels", test_field_labels);
  g_test_add_func ("/window/room/projector", test_projector);
  g_test_add_func ("/window/room/overview-fills", test_overview_fills);
  g_test_add_func ("/window/room/screens", test_screens);

  status = g_test_run ();

  window_test_shutdown ();
  return status;
}
