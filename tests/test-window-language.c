/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's languages under Xvfb: switching the interface's language while a workshop is
 * under way, the second language under each text, the export in another language, the
 * language menus, and a right-to-left layout. */
#define G_LOG_DOMAIN "test-window-language"

#include "config.h"

#include "gr-application.h"
#include "gr-chart-view.h"
#include "gr-competency.h"
#include "gr-export-dialog.h"
#include "gr-item.h"
#include "gr-overview-page.h"
#include "gr-projector-view.h"
#include "gr-sidebar-row.h"
#include "gr-translator.h"
#include "gr-window.h"
#include "gr-window-test.h"

static GrApplication *app;

static const char session_json[] =
  "{ \"format\": \"grille-session\", \"version\": 1,\n"
  "  \"grid\": \"engagement\",\n"
  "  \"title\": \"Atelier transfrontalier\", \"date\": \"2026-04-02\", \"language\": \"fr\",\n"
  "  \"participants\": [\n"
  "    { \"name\": \"Service jeunesse\",\n"
  "      \"scores\":  { \"cooperer.1\": 3, \"cooperer.2\": 2, \"connecter.2\": 0,\n"
  "                   \"ouvrir.1\": 2, \"faciliter.1\": 1, \"integrer.1\": 3 } },\n"
  "    { \"name\": \"Partenaires de Kehl\",\n"
  "      \"scores\":  { \"cooperer.1\": 1, \"cooperer.3\": 2, \"connecter.1\": 2,\n"
  "                   \"connecter.2\": 2, \"ouvrir.2\": 1, \"faciliter.3\": 3 },\n"
  "      \"notes\":   { \"connecter.1\": \"Réunions publiques bilingues\" } } ] }\n";

/* The label showing @text that a user sees in @root (mapped: on the current page, not in a
 * hidden one), or NULL. gtk_label_get_text() gives the text as shown, without mnemonics. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many labels of the second language a user sees in @root. */
static guint
count_second_texts (GtkWidget *root)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "second-language"))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_second_texts (child);
  return n;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}


static gboolean
is_scrolled_window (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

/* A drop-down whose first choice reads @first. */
static gboolean
starts_with_choice (GtkWidget     *widget,
                    gconstpointer  first)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (widget))
    return FALSE;
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  return GTK_IS_STRING_LIST (model) &&
         g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), first) == 0;
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  return bounds;
}

/* A string of the code (@context NULL) or of a template, without its mnemonic underscore, as
 * a label shows it. */
static char *
shown (const char *code,
       const char *context,
       const char *msgid)
{
  const char *text = gr_translator_pgettext (gr_translator_get (code), context, msgid);
  GString *without = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '_')
      g_string_append_c (without, *p);
  return g_string_free (without, FALSE);
}

static const char *
grid_text (const char *code,
           const char *msgid)
{
  return gr_translator_grid (gr_translator_get (code), msgid);
}

/* Chooses the interface's language as the Language menu does: through app.language. */
static void
set_language (const char *code)
{
  g_autoptr(GVariant) state = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string (code));
  WAIT_UNTIL (g_str_equal (gr_translator_get_language (gr_translator_get (NULL)),
                           *code ? code : "fr"));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, code);
}

static void
set_second_language (const char *code)
{
  g_autoptr(GVariant) state = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "second-language",
                                  g_variant_new_string (code));
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "second-language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, code);
}

/* The labels of a menu's items, by "action|target", submenus and sections included. */
static void
collect_menu (GMenuModel *menu,
              GHashTable *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *linked;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action);
      target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE_STRING);
      if (action != NULL)
        g_hash_table_insert (labels,
                             g_strdup_printf ("%s|%s", action,
                                              target ? g_variant_get_string (target, NULL) : ""),
                             g_strdup (label));
      else if (label != NULL)
        g_hash_table_insert (labels, g_strdup_printf ("submenu|%s", label), g_strdup (label));

      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          collect_menu (linked, labels);
          g_object_unref (linked);
        }
    }
}

static GHashTable *
window_menu (GrWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget_deep (GTK_WIDGET (window), is_primary_menu,
                                                             NULL));
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_nonnull (button);
  /* The menu is built when first opened. */
  gtk_menu_button_popup (button);
  g_assert_nonnull (gtk_menu_button_get_menu_model (button));
  collect_menu (gtk_menu_button_get_menu_model (button), labels);
  gtk_menu_button_popdown (button);
  return labels;
}

/* The Language and Second language menus name each language in itself, in every interface
 * language; only "the system's language" and "none" are translated. */
static void
check_language_menus (GrWindow   *window,
                      const char *code)
{
  static const char *names[][2] = {
    { "fr", "Français" }, { "en", "English" }, { "de", "Deutsch" },
    { "es", "Español" }, { "it", "Italiano" }, { "nl", "Nederlands" }, { "pt", "Português" },
    { "ar", "العربية" },
  };
  g_autoptr(GHashTable) menu = window_menu (window);
  g_autofree char *system_key = g_strdup ("app.language|");
  g_autofree char *none_key = g_strdup ("app.second-language|");
  g_autofree char *second_title = g_strdup_printf ("submenu|%s",
                                                   gr_translator_gettext (gr_translator_get (code),
                                                                          "_Deuxième langue"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = g_strdup_printf ("app.language|%s", names[i][0]);
      g_autofree char *second_key = g_strdup_printf ("app.second-language|%s", names[i][0]);

      g_assert_cmpstr (g_hash_table_lookup (menu, key), ==, names[i][1]);
      g_assert_cmpstr (g_hash_table_lookup (menu, second_key), ==, names[i][1]);
    }
  g_assert_cmpstr (g_hash_table_lookup (menu, system_key), ==,
                   gr_translator_gettext (gr_translator_get (code), "Langue du _système"));
  g_assert_cmpstr (g_hash_table_lookup (menu, none_key), ==,
                   gr_translator_gettext (gr_translator_get (code), "_Aucune"));
  g_assert_true (g_hash_table_contains (menu, second_title));
}

/* Whether @chart, as last drawn, shows a label of @kind that reads @text. */
static gboolean
chart_shows (GrChartView     *chart,
             GrChartTextKind  kind,
             const char      *text)
{
  const GrChartLayout *layout = gr_chart_view_get_layout (chart);

  g_assert_nonnull (layout);
  for (guint t = 0; t < layout->texts->len; t++)
    {
      const GrChartText *shown_text = &g_array_index (layout->texts, GrChartText, t);

      if (shown_text->kind == kind &&
          g_str_equal (pango_layout_get_text (shown_text->layout), text))
        return TRUE;
    }
  return FALSE;
}

/* Every chart of @window (the live chart beside the page, the overview's, the projector's)
 * says in @code what it shows: its description at once, and the drawn labels of the one on
 * screen. */
static void
check_charts (GrWindow     *window,
              const char   *code,
              GrCompetency *competency)
{
  GrChartView *charts[] = {
    gr_window_get_chart (window),
    gr_overview_page_get_chart (gr_window_get_overview (window)),
    gr_projector_view_get_chart (gr_window_get_projector (window)),
  };
  const char *title = grid_text (code, gr_competency_get_title (competency));

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      const char *description = gr_chart_view_get_description (charts[i]);

      g_assert_nonnull (strstr (description, title));
      if (!g_str_equal (code, "fr"))
        g_assert_null (strstr (description, gr_competency_get_title (competency)));
    }

  g_assert_true (chart_shows (charts[0], GR_CHART_TEXT_AXIS_TITLE, title));
  g_assert_true (chart_shows (charts[0], GR_CHART_TEXT_NOT_ASSESSED,
                              gr_translator_gettext (gr_translator_get (code), "non évalué")));
  if (!g_str_equal (code, "fr"))
    g_assert_false (chart_shows (charts[0], GR_CHART_TEXT_AXIS_TITLE,
                                 gr_competency_get_title (competency)));
}

/* Switching the language in a running window changes what it shows, at once, and nothing of
 * the work: the session, its unsaved changes, the page, the participant, the scroll. */
static void
test_switch (void)
{
  static const char *codes[] = { "de", "it", "fr" };
  g_autoptr(GFile) file = write_session_file ("switch.grille");
  GrWindow *window = new_window (1200, 760);
  GrSession *session;
  GrParticipant *partner;
  GrGrid *grid;
  GrCompetency *connecter, *cooperer;
  GrCompetencyPage *page;
  GtkAdjustment *scroll;
  GtkWidget *export_button;
  GtkDropDown *participants;
  guint item;
  double position;

  g_assert_true (gr_window_open_file (window, file));
  session = gr_window_get_session (window);
  grid = gr_session_get_grid (session);
  cooperer = gr_grid_get_competency (grid, 0);
  connecter = gr_grid_get_competency (grid, 1);
  partner = gr_session_get_participant (session, 1);
  page = gr_window_get_competency_page (window, 1);
  item = gr_item_get_index (gr_competency_get_item (connecter, 2));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-participant", "s",
                              "Partenaires de Kehl");
  gr_window_show_page (window, "connecter");
  g_signal_emit_by_name (gr_item_row_get_level_button (gr_competency_page_get_row (page, 2), 3),
                         "clicked");
  g_assert_true (gr_window_is_modified (window));
  settle ();

  /* Down the page, where a facilitator would be in the middle of a workshop. */
  scroll = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (find_widget_deep (GTK_WIDGET (page), is_scrolled_window, NULL)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll),
                     >, 150);
  gtk_adjustment_set_value (scroll, 150);
  settle ();
  position = gtk_adjustment_get_value (scroll);
  g_assert_cmpfloat (position, ==, 150);

  export_button = find_widget_deep (GTK_WIDGET (window), has_action, "win.export");
  participants = GTK_DROP_DOWN (find_widget_deep (GTK_WIDGET (window), shows_model,
                                                  gr_session_get_participants (session)));
  g_assert_nonnull (export_button);
  g_assert_nonnull (participants);
  check_language_menus (window, "fr");

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const char *code = codes[i];
      const char *title = grid_text (code, gr_competency_get_title (connecter));
      const char *text = grid_text (code, gr_item_get_text (gr_competency_get_item (connecter,
                                                                                     0)));
      GtkWidget *sidebar_row = GTK_WIDGET (gr_window_get_sidebar_row (window, "cooperer"));
      g_autofree char *save = shown (code, "window", "_Enregistrer");
      g_autofree char *overview = shown (code, NULL, "Vue d’ensemble");
      g_autofree char *caption = shown (code, "window", "_Participant");

      g_test_message ("language %s: %s", code, title);
      set_language (code);
      settle ();

      /* What is seen: the page's title and savoir-faire, the sidebar, the header bar. */
      g_assert_nonnull (find_label (GTK_WIDGET (page), title));
      g_assert_nonnull (find_label (GTK_WIDGET (page), text));
      g_assert_nonnull (find_label (sidebar_row,
                                    grid_text (code, gr_competency_get_title (cooperer))));
      g_assert_nonnull (find_label (GTK_WIDGET (window), overview));
      g_assert_nonnull (find_label (GTK_WIDGET (window), save));
      g_assert_nonnull (find_label (GTK_WIDGET (window), caption));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (export_button), ==,
                       gr_translator_pgettext (gr_translator_get (code), "window",
                                               "Exporter le graphique ou les scores (Ctrl+E)"));
      if (!g_str_equal (code, "fr"))
        {
          g_assert_null (find_label (GTK_WIDGET (page), gr_competency_get_title (connecter)));
          g_assert_null (find_label (GTK_WIDGET (window), "Enregistrer"));
        }
      check_language_menus (window, code);
      check_charts (window, code, cooperer);
      /* The projector's own texts, from its template, follow too, though it is not shown. */
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_widget_deep (
                         GTK_WIDGET (gr_window_get_projector (window)), has_action,
                         "win.projector"))), ==,
                       gr_translator_pgettext (gr_translator_get (code), "projector",
                                               "Quitter la projection"));

      /* What is kept. */
      g_assert_true (gr_window_get_session (window) == session);
      g_assert_true (gr_window_is_modified (window));
      g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*"));
      g_assert_cmpstr (gr_window_get_page (window), ==, "connecter");
      g_assert_true (gr_window_get_participant (window) == partner);
      g_assert_true (gtk_drop_down_get_selected_item (participants) == (gpointer) partner);
      g_assert_cmpint (gr_participant_get_level (partner, item), ==, 3);
      g_assert_true (gtk_toggle_button_get_active (
        gr_item_row_get_level_button (gr_competency_page_get_row (page, 2), 3)));
      g_assert_cmpstr (gr_participant_get_note (partner, gr_item_get_index (
                         gr_competency_get_item (connecter, 0))), ==,
                       "Réunions publiques bilingues");
      g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, position);
    }

  /* Undo still knows what was done before the switches. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (gr_participant_get_level (partner, item), ==, GR_LEVEL_NONE);
  g_assert_false (gr_window_is_modified (window));

  destroy_window (window);
}

/* The overview's parts that only a group shows (the lines it draws, its scores by role) are
 * built after the window's first frame, in the language of that moment, and follow a switch
 * after that. */
static void
test_group_parts (void)
{
  g_autoptr(GFile) file = write_session_file ("group-parts.grille");
  GrWindow *window;
  GtkWidget *overview;
  g_autofree char *show_de = shown ("de", "overview", "Afficher\u202F:");
  g_autofree char *mean_de = shown ("de", "overview", "Moyenne du groupe");
  g_autofree char *roles_de = shown ("de", "overview", "Scores par rôle");

  set_language ("de");
  window = new_window (1200, 760);
  g_assert_true (gr_window_open_file (window, file));
  gr_window_show_page (window, "overview");
  overview = GTK_WIDGET (gr_window_get_overview (window));
  WAIT_UNTIL (find_widget_deep (overview, is_label_with_text, show_de) != NULL);
  g_assert_nonnull (find_widget_deep (overview, is_label_with_text, roles_de));
  g_assert_null (find_label (overview, show_de));

  g_object_set (window, "chart-view", "group", NULL);
  settle ();
  g_assert_nonnull (find_label (overview, show_de));
  g_assert_nonnull (find_label (overview, mean_de));
  g_object_set (window, "chart-view", "role", NULL);
  settle ();
  g_assert_nonnull (find_label (overview, roles_de));
  g_assert_null (find_label (overview, show_de));

  set_language ("fr");
  settle ();
  g_assert_nonnull (find_label (overview, "Scores par rôle"));
  g_object_set (window, "chart-view", "group", NULL);
  settle ();
  g_assert_nonnull (find_label (overview, "Afficher\u202F:"));
  g_assert_nonnull (find_label (overview, "Moyenne du groupe"));
  g_assert_null (find_label (overview, "Scores par rôle"));
  destroy_window (window);
}

/* The second language: under each title, subtitle, introduction and savoir-faire, on the page
 * and in projector mode; never the interface's own language; gone when set to none. */
static void
test_second_language (void)
{
  g_autoptr(GFile) file = write_session_file ("Atelier transfrontalier.grille");
  GrWindow *window = new_window (1280, 860);
  GrWindow *other;
  GrGrid *grid;
  GrCompetency *cooperer;
  GtkWidget *page;
  GtkWidget *projector;
  GtkLabel *title_fr, *title_de, *text_fr, *text_de, *intro_de;
  const char *text;
  graphene_rect_t above, below;

  g_assert_true (gr_window_open_file (window, file));
  grid = gr_session_get_grid (gr_window_get_session (window));
  cooperer = gr_grid_get_competency (grid, 0);
  page = GTK_WIDGET (gr_window_get_competency_page (window, 0));
  text = gr_item_get_text (gr_competency_get_item (cooperer, 0));
  gr_window_show_page (window, "cooperer");
  settle ();
  g_assert_cmpuint (count_second_texts (GTK_WIDGET (window)), ==, 0);

  set_second_language ("de");
  settle ();
  title_fr = find_label (page, gr_competency_get_title (cooperer));
  title_de = find_label (page, grid_text ("de", gr_competency_get_title (cooperer)));
  text_fr = find_label (page, text);
  text_de = find_label (page, grid_text ("de", text));
  intro_de = find_label (page, grid_text ("de", gr_competency_get_introduction (cooperer)));
  g_assert_nonnull (title_fr);
  g_assert_nonnull (title_de);
  g_assert_nonnull (text_fr);
  g_assert_nonnull (text_de);
  g_assert_nonnull (intro_de);
  g_assert_nonnull (find_label (page, grid_text ("de", gr_competency_get_subtitle (cooperer))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title_de), "second-language"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (text_de), "second-language"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (text_fr), "second-language"));

  /* Under the French text, and in smaller type. */
  above = bounds_in (GTK_WIDGET (title_fr), page);
  below = bounds_in (GTK_WIDGET (title_de), page);
  g_assert_cmpfloat (below.origin.y, >=, above.origin.y + above.size.height);
  g_assert_cmpfloat (below.size.height, <, above.size.height);
  above = bounds_in (GTK_WIDGET (text_fr), page);
  below = bounds_in (GTK_WIDGET (text_de), page);
  g_assert_cmpfloat (below.origin.y, >=, above.origin.y + above.size.height);
  /* Every savoir-faire of the page, its title, subtitle and introduction. */
  g_assert_cmpuint (count_second_texts (page), ==, 3 + gr_competency_get_n_items (cooperer));
  screenshot (GTK_WIDGET (window), "screenshot-second-language.png");

  /* The projector shows it too, on the competency shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
  settle ();
  projector = GTK_WIDGET (gr_window_get_projector (window));
  g_assert_nonnull (find_label (projector, gr_competency_get_title (cooperer)));
  g_assert_nonnull (find_label (projector, grid_text ("de", gr_competency_get_title (cooperer))));
  g_assert_nonnull (find_label (projector, grid_text ("de", text)));
  screenshot (GTK_WIDGET (window), "screenshot-second-language-projector.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.projector", NULL);
  settle ();

  /* The interface in German: repeating it would only double each text. */
  set_language ("de");
  settle ();
  g_assert_nonnull (find_label (page, grid_text ("de", gr_competency_get_title (cooperer))));
  g_assert_null (find_label (page, gr_competency_get_title (cooperer)));
  g_assert_cmpuint (count_second_texts (GTK_WIDGET (window)), ==, 0);

  /* French again: the German comes back under it. */
  set_language ("fr");
  settle ();
  g_assert_nonnull (find_label (page, grid_text ("de", text)));
  g_assert_cmpuint (count_second_texts (page), ==, 3 + gr_competency_get_n_items (cooperer));

  /* Another language replaces it; a window opened now shows it too. */
  set_second_language ("it");
  settle ();
  g_assert_null (find_label (page, grid_text ("de", text)));
  g_assert_nonnull (find_label (page, grid_text ("it", text)));
  other = new_window (1100, 760);
  gr_window_show_page (other, "cooperer");
  settle ();
  g_assert_nonnull (find_label (GTK_WIDGET (gr_window_get_competency_page (other, 0)),
                                grid_text ("it", text)));
  destroy_window (other);

  /* None: gone. */
  set_second_language ("");
  settle ();
  g_assert_null (find_label (page, grid_text ("it", text)));
  g_assert_cmpuint (count_second_texts (GTK_WIDGET (window)), ==, 0);

  destroy_window (window);
}

/* The export dialog writes the chart and the table in the language chosen in it, whatever the
 * window's; an open dialog follows a change of the interface's language. */
static void
test_export_language (void)
{
  static const char *names[] = { "Français", "English", "Deutsch", "Español", "Italiano",
                                 "Nederlands", "Português", "العربية" };
  g_autoptr(GFile) file = write_session_file ("export.grille");
  g_autoptr(GFile) svg_file = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autofree char *svg_path = g_build_filename (window_test_tmp_dir (), "export-it.svg", NULL);
  g_autofree char *csv_path = g_build_filename (window_test_tmp_dir (), "export-it.csv", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  GrWindow *window = new_window (1100, 760);
  GrExportDialog *dialog;
  GtkDropDown *languages;
  gsize length;
  GListModel *model;
  GrGrid *grid;
  const char *text;

  g_assert_true (gr_window_open_file (window, file));
  grid = gr_session_get_grid (gr_window_get_session (window));
  text = gr_item_get_text (gr_competency_get_item (gr_grid_get_competency (grid, 1), 0));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  settle ();
  dialog = GR_EXPORT_DIALOG (find_toplevel (GR_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);

  /* The interface's language first, then each language named in itself. */
  languages = GTK_DROP_DOWN (find_widget_deep (GTK_WIDGET (dialog), starts_with_choice,
                                               "Langue de l’interface"));
  g_assert_nonnull (languages);
  model = gtk_drop_down_get_model (languages);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1 + G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1), ==, names[i]);
  g_assert_cmpuint (gtk_drop_down_get_selected (languages), ==, 0);

  gtk_drop_down_set_selected (languages, 5);
  screenshot (GTK_WIDGET (dialog), "screenshot-export-language.png");
  gr_export_dialog_set_kind (dialog, GR_EXPORT_SVG);
  svg_file = g_file_new_for_path (svg_path);
  g_assert_true (gr_export_dialog_write (dialog, svg_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml") || strstr (svg, "<svg") != NULL);
  g_assert_nonnull (strstr (svg, grid_text ("it", "Coopérer")));
  g_assert_nonnull (strstr (svg, grid_text ("it", "Connecter")));
  g_assert_null (strstr (svg, "Coopérer"));

  gr_export_dialog_set_kind (dialog, GR_EXPORT_CSV);
  csv_file = g_file_new_for_path (csv_path);
  g_assert_true (gr_export_dialog_write (dialog, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, grid_text ("it", text)));
  g_assert_null (strstr (csv, text));

  /* The long table, with its Italian header, a row per participant and savoir-faire. */
  gr_export_dialog_set_kind (dialog, GR_EXPORT_CSV_LONG);
  g_assert_true (gr_export_dialog_write (dialog, csv_file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&csv, g_free);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF\"Partecipante\";"));
  g_assert_nonnull (strstr (csv, grid_text ("it", text)));

  /* A PDF is for the printer: an A4 page unless another paper is chosen. */
  gr_export_dialog_set_kind (dialog, GR_EXPORT_PDF);
  g_assert_true (gr_export_dialog_write (dialog, csv_file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&csv, g_free);
  g_assert_true (g_file_get_contents (csv_path, &csv, &length, NULL));
  for (gsize i = 0; i < length; i++)   /* the PDF's binary streams hold NULs */
    if (csv[i] == '\0')
      csv[i] = ' ';
  g_assert_nonnull (strstr (csv, "/MediaBox [ 0 0 595.276 841.89 ]"));
  screenshot (GTK_WIDGET (dialog), "screenshot-export-pdf.png");
  gr_export_dialog_set_kind (dialog, GR_EXPORT_CSV);

  /* The dialog follows the interface into German and keeps the choice made in it. */
  set_language ("de");
  settle ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   gr_translator_gettext (gr_translator_get ("de"), "Exporter"));
  languages = GTK_DROP_DOWN (find_widget_deep (GTK_WIDGET (dialog), starts_with_choice,
                                               gr_translator_gettext (gr_translator_get ("de"),
                                                                      "Langue de l’interface")));
  g_assert_nonnull (languages);
  g_assert_cmpuint (gtk_drop_down_get_selected (languages), ==, 5);
  model = gtk_drop_down_get_model (languages);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 5), ==, "Italiano");

  /* Back to the interface's language: the table is in German now. */
  gr_export_dialog_set_language (dialog, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (languages), ==, 0);
  g_assert_true (gr_export_dialog_write (dialog, csv_file, &error));
  g_clear_pointer (&csv, g_free);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, grid_text ("de", text)));
  set_language ("fr");

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

/* A score such as "2,5 / 4" in @row reads in its order in right-to-left text, not "4 / 2,5":
 * its first figure is drawn left of its last. */
static void
check_score_order (GtkWidget *row)
{
  const char *score = gr_sidebar_row_get_score (GR_SIDEBAR_ROW (row));
  GtkLabel *label = find_label (row, score);
  const char *text;
  const char *first, *last;
  PangoRectangle first_pos, last_pos;

  g_assert_nonnull (label);
  text = pango_layout_get_text (gtk_label_get_layout (label));
  first = strpbrk (text, "0123456789");
  last = strrchr (text, '4');
  g_assert_nonnull (first);
  g_assert_nonnull (last);
  g_assert_true (first < last);
  pango_layout_index_to_pos (gtk_label_get_layout (label), first - text, &first_pos);
  pango_layout_index_to_pos (gtk_label_get_layout (label), last - text, &last_pos);
  g_test_message ("«%s»: first figure at %d, last at %d", text, first_pos.x, last_pos.x);
  g_assert_cmpint (first_pos.x, <, last_pos.x);
}

/* @window reads from right to left: the sidebar on the right, the chart on the left, the
 * page between them showing @title, the scores in their order. */
static void
check_mirrored (GrWindow   *window,
                const char *title)
{
  GtkWidget *sidebar, *page, *chart;
  graphene_rect_t sidebar_bounds, page_bounds, chart_bounds;

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_true (gr_window_is_wide (window));
  sidebar = gtk_widget_get_parent (GTK_WIDGET (gr_window_get_sidebar_row (window, "cooperer")));
  page = GTK_WIDGET (gr_window_get_competency_page (window, 0));
  chart = GTK_WIDGET (gr_window_get_chart (window));
  sidebar_bounds = bounds_in (sidebar, GTK_WIDGET (window));
  page_bounds = bounds_in (page, GTK_WIDGET (window));
  chart_bounds = bounds_in (chart, GTK_WIDGET (window));
  g_test_message ("sidebar x=%g, page x=%g, chart x=%g", sidebar_bounds.origin.x,
                  page_bounds.origin.x, chart_bounds.origin.x);
  g_assert_cmpfloat (sidebar_bounds.origin.x, >=, page_bounds.origin.x + page_bounds.size.width);
  g_assert_cmpfloat (chart_bounds.origin.x + chart_bounds.size.width, <=, page_bounds.origin.x);
  g_assert_cmpfloat (sidebar_bounds.size.width, >, 100);
  g_assert_nonnull (find_label (page, title));
  check_score_order (GTK_WIDGET (gr_window_get_sidebar_row (window, "cooperer")));
}

/* Right to left, forced on French text: the window builds mirrored. */
static void
test_rtl (void)
{
  g_autoptr(GFile) file = write_session_file ("rtl.grille");
  GrWindow *window;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = new_window (1280, 820);
  g_assert_true (gr_window_open_file (window, file));
  gr_window_show_page (window, "cooperer");
  settle ();
  check_mirrored (window, "Coopérer");
  screenshot (GTK_WIDGET (window), "screenshot-rtl.png");

  destroy_window (window);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* Arabic, chosen in a running window: it mirrors at once, its chart's labels read from the
 * right, and French puts everything back. */
static void
test_arabic (void)
{
  g_autoptr(GFile) file = write_session_file ("arabic.grille");
  GrWindow *window;
  const GrChartLayout *layout;

  if (!gr_translator_has_catalog (gr_translator_get ("ar")))
    {
      g_test_skip ("the Arabic catalog is not installed");
      return;
    }

  window = new_window (1280, 820);
  g_assert_true (gr_window_open_file (window, file));
  /* The partner assessed nothing in Intégrer: the chart says so, in Arabic. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-participant", "s",
                              "Partenaires de Kehl");
  gr_window_show_page (window, "cooperer");
  settle ();
  set_language ("ar");
  settle ();
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  check_mirrored (window, grid_text ("ar", "Coopérer"));
  check_charts (window, "ar", gr_grid_get_competency (gr_session_get_grid (
                                gr_window_get_session (window)), 0));
  layout = gr_chart_view_get_layout (gr_window_get_chart (window));
  g_assert_true (layout->rtl);
  screenshot (GTK_WIDGET (window), "screenshot-arabic-page.png");
  gr_window_show_page (window, "overview");
  settle ();
  screenshot (GTK_WIDGET (window), "screenshot-arabic.png");

  set_language ("fr");
  settle ();
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_LTR);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  int status;

  app = window_test_init (&argc, &argv, "grille-test-window-language-XXXXXX", session_json);

  g_test_add_func ("/window-language/switch", test_switch);
  g_test_add_func ("/window-language/group-parts", test_group_parts);
  g_test_add_func ("/window-language/second-language", test_second_language);
  g_test_add_func ("/window-language/export-language", test_export_language);
  g_test_add_func ("/window-language/rtl", test_rtl);
  g_test_add_func ("/window-language/arabic", test_arabic);

  status = g_test_run ();

  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "language");
  g_settings_reset (settings, "second-language");
  window_test_shutdown ();
  return status;
}
