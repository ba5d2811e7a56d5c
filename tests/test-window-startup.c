/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window leaves until after its first frame, and what a user still finds: the scores
 * table below the overview's fold, made right after the first frame without being asked; the
 * primary and recent-sessions menus, made when opened (the recent one lists a file opened a
 * moment ago); a file opened in a window that kept its overview and sidebar (same grid): the
 * page on screen is the new session's; and the buttons' tooltips, set while they are hidden
 * (GTK 4.8 asks the X server where the pointer is for each tooltip set on a shown widget) and
 * there when the window is; and the texts of the first frame, drawn with the fonts they are
 * laid out with. */
#define G_LOG_DOMAIN "test-window-startup"

#include "config.h"

#include <pango/pangocairo.h>

#include "gr-application.h"
#include "gr-competency-page.h"
#include "gr-overview-page.h"
#include "gr-scores-table.h"
#include "gr-window.h"
#include "gr-window-test.h"

static const char session_json[] =
  "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\",\n"
  "  \"title\": \"Atelier du 12 mars\", \"date\": \"2026-03-12\", \"language\": \"fr\",\n"
  "  \"participants\": [ { \"name\": \"Service jeunesse\" }, { \"name\": \"Élus\" },\n"
  "                     { \"name\": \"Centre social\" } ] }\n";

/* The table's cells isolate names (U+2068 … U+2069): a label that holds @text. */
static gboolean
is_label_holding (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_entry_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_ENTRY (widget) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}



/* Whether @model, or a section of it, has an item labelled @label. */
static gboolean
menu_has_label (GMenuModel *model,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) &&
          g_str_equal (text, label))
        return TRUE;
      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          gboolean found = menu_has_label (linked, label);

          g_object_unref (linked);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether @uri is among the recent files (an empty list is not made until a file joins it). */
static gboolean
is_recent (const char *uri)
{
  GtkRecentInfo *info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri,
                                                        NULL);

  if (info == NULL)
    return FALSE;
  gtk_recent_info_unref (info);
  return TRUE;
}

typedef struct
{
  GrWindow      *window;
  GrOverviewPage *overview;
  GrScoresTable *table;
  const char    *uri;
  gboolean       painted;
  gboolean       cells_at_first_frame;
  gboolean       recent_at_first_frame;
  gboolean       icon_at_first_frame;
  gboolean       group_parts_at_first_frame;
} FirstFrame;

static void
on_after_paint (GdkFrameClock *clock,
                FirstFrame    *first)
{
  if (first->painted)
    return;
  first->painted = TRUE;
  first->overview = gr_window_get_overview (first->window);
  first->table = gr_overview_page_get_table (first->overview);
  first->cells_at_first_frame =
    find_widget (GTK_WIDGET (first->table), is_label_holding, "Service jeunesse") != NULL;
  first->recent_at_first_frame = is_recent (first->uri);
  first->icon_at_first_frame = gtk_window_get_icon_name (GTK_WINDOW (first->window)) != NULL;
  first->group_parts_at_first_frame =
    find_widget_deep (GTK_WIDGET (first->overview), is_label_with_text, "Afficher\u202F:") != NULL;
}

/* A session opened at start: its window is filled once, with the file's session (it has no
 * pages until the file is read). The first frame comes without the table's cells (below the
 * fold), nor the overview's parts that only a group shows, and the page has them right after,
 * nobody having asked for them. The file joins the recent files after the first frame too (GTK
 * reads their list from the disk then), and the window gets its icon (GTK renders it from its
 * SVG then). */
static void
test_table_after_first_frame (void)
{
  g_autoptr(GFile) file = write_session_file ("first-frame.grille");
  g_autofree char *uri = g_file_get_uri (file);
  FirstFrame first = { .uri = uri };
  GrWindow *window;
  gulong handler;

  g_application_open (G_APPLICATION (window_test_app ()), &file, 1, "");
  window = newest_window ();
  g_assert_nonnull (window);
  g_assert_null (gr_window_get_session (window));
  g_assert_null (gr_window_get_overview (window));
  first.window = window;
  WAIT_UNTIL (gtk_widget_get_realized (GTK_WIDGET (window)));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (on_after_paint), &first);
  WAIT_UNTIL (first.painted);
  WAIT_UNTIL (gr_window_get_file (window) != NULL);
  g_assert_false (first.cells_at_first_frame);
  g_assert_false (first.recent_at_first_frame);
  g_assert_false (first.icon_at_first_frame);
  g_assert_false (first.group_parts_at_first_frame);
  WAIT_UNTIL (find_widget_deep (GTK_WIDGET (first.overview), is_label_with_text,
                                "Afficher\u202F:"));
  WAIT_UNTIL (is_recent (uri));
  WAIT_UNTIL (gtk_window_get_icon_name (GTK_WINDOW (window)) != NULL);
  g_assert_cmpstr (gtk_window_get_icon_name (GTK_WINDOW (window)), ==, APP_ID);
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);

  /* The overview of the first frame shows the file: built once. */
  g_assert_true (gr_window_get_overview (window) == first.overview);
  WAIT_UNTIL (find_widget (GTK_WIDGET (first.table), is_label_holding, "Centre social"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (first.table)));
  g_assert_nonnull (find_widget (GTK_WIDGET (first.table), is_label_holding,
                                 "Service jeunesse"));
  g_assert_nonnull (find_widget (GTK_WIDGET (first.overview), is_entry_with_text,
                                 "Atelier du 12 mars"));

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  destroy_window (window);
}

/* A file opened while a competency page is on screen: the window keeps its sidebar and
 * overview (the same grid), and the page on screen is the new session's, where a level
 * reaches the new session. */
static void
test_open_keeps_page (void)
{
  g_autoptr(GFile) file = write_session_file ("keeps-page.grille");
  GrWindow *window = new_window (1100, 900);
  GrOverviewPage *overview;
  GrCompetencyPage *page;
  GrSession *session;

  settle ();
  overview = gr_window_get_overview (window);
  gr_window_show_page (window, "cooperer");
  settle ();
  g_assert_cmpstr (gr_window_get_page (window), ==, "cooperer");

  g_assert_true (gr_window_open_file (window, file));
  settle ();
  session = gr_window_get_session (window);
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 3);
  g_assert_true (gr_window_get_overview (window) == overview);
  g_assert_cmpstr (gr_window_get_page (window), ==, "cooperer");
  page = gr_window_get_competency_page (window, 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  click_level (window, 0, 0, 3);
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (session, 0), 0), ==, 3);
  g_assert_true (gr_window_is_modified (window));

  /* The overview, shown again, has the file's title and participants. */
  gr_window_show_page (window, "overview");
  settle ();
  g_assert_nonnull (find_widget (GTK_WIDGET (overview), is_entry_with_text,
                                 "Atelier du 12 mars"));
  g_assert_nonnull (find_widget (GTK_WIDGET (gr_overview_page_get_table (overview)),
                                 is_label_holding, "Élus"));

  destroy_window (window);
}

/* The menus are made when opened: the primary menu has its items, and the recent sessions
 * list a file opened in this window a moment ago. */
static void
test_menus_when_opened (void)
{
  g_autoptr(GFile) file = write_session_file ("recent-one.grille");
  GrWindow *window = new_window (1100, 900);
  GtkMenuButton *menu, *recent;

  settle ();
  menu = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), is_primary_menu, NULL));
  recent = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), is_menu_button_with_tooltip,
                                         "Sessions récentes"));
  g_assert_nonnull (menu);
  g_assert_nonnull (recent);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (menu)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (recent)));

  gtk_menu_button_popup (menu);
  settle ();
  g_assert_nonnull (gtk_menu_button_get_popover (menu));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu))));
  g_assert_true (menu_has_label (gtk_menu_button_get_menu_model (menu), "_Exporter le graphique ou les scores…"));
  gtk_menu_button_popdown (menu);

  g_assert_true (gr_window_open_file (window, file));
  settle ();
  gtk_menu_button_popup (recent);
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (recent))));
  g_assert_true (menu_has_label (gtk_menu_button_get_menu_model (recent), "recent-one.grille"));
  gtk_menu_button_popdown (recent);

  destroy_window (window);
}

/* A template's objects, read to find the tooltips set on widgets not made hidden first. */
typedef struct
{
  GArray    *hidden;       /* per open object: whether "visible" was set false */
  GPtrArray *ids;          /* per open object: its id */
  guint      accessibility;
  char      *property;
  char      *resource;
  GPtrArray *offending;
} TemplateRead;

static void
template_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  TemplateRead *read = user_data;

  if (g_str_equal (element, "object") || g_str_equal (element, "template"))
    {
      gboolean hidden = FALSE;
      const char *id = "";

      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "id") || (g_str_equal (names[i], "class") && *id == '\0'))
          id = values[i];
      g_array_append_val (read->hidden, hidden);
      g_ptr_array_add (read->ids, g_strdup (id));
    }
  else if (g_str_equal (element, "accessibility"))
    read->accessibility++;
  else if (g_str_equal (element, "property") && read->accessibility == 0)
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "name"))
          {
            g_free (read->property);
            read->property = g_strdup (values[i]);
          }
      if (g_strcmp0 (read->property, "tooltip-text") == 0 && read->hidden->len > 0 &&
          !g_array_index (read->hidden, gboolean, read->hidden->len - 1))
        g_ptr_array_add (read->offending,
                         g_strdup_printf ("%s (%s)", (char *) g_ptr_array_index (read->ids,
                                                                                 read->ids->len - 1),
                                          read->resource));
    }
}

static void
template_text (GMarkupParseContext  *context,
               const char           *text,
               gsize                 length,
               gpointer              user_data,
               GError              **error)
{
  TemplateRead *read = user_data;

  if (g_strcmp0 (read->property, "visible") == 0 && read->hidden->len > 0 &&
      (g_str_has_prefix (text, "false") || g_str_has_prefix (text, "0")))
    g_array_index (read->hidden, gboolean, read->hidden->len - 1) = TRUE;
}

static void
template_end (GMarkupParseContext  *context,
              const char           *element,
              gpointer              user_data,
              GError              **error)
{
  TemplateRead *read = user_data;

  if (g_str_equal (element, "object") || g_str_equal (element, "template"))
    {
      g_array_set_size (read->hidden, read->hidden->len - 1);
      g_ptr_array_set_size (read->ids, read->ids->len - 1);
    }
  else if (g_str_equal (element, "accessibility"))
    read->accessibility--;
  else if (g_str_equal (element, "property"))
    g_clear_pointer (&read->property, g_free);
}

static gboolean
is_shown_with_tooltip (GtkWidget     *widget,
                       gconstpointer  text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0 &&
         gtk_widget_get_mapped (widget);
}

/* The templates of what the first frame shows set each tooltip on a widget made hidden before
 * (gr_ui_show_tooltipped() shows it), and a user finds the header bar's and the overview's
 * buttons shown, each with its tooltip (a screen reader: its description). */
static void
test_tooltips_while_hidden (void)
{
  static const char *templates[] = {
    "/io/github/grille/Grille/gr-window.ui",
    "/io/github/grille/Grille/gr-overview-page.ui",
    "/io/github/grille/Grille/gr-sidebar-row.ui",
  };
  static const char *tooltips[] = {
    "Ouvrir une session (Ctrl+O)", "Sessions récentes", "Annuler (Ctrl+Z)",
    "Rétablir (Ctrl+Maj+Z)", "Menu principal", "Mode projection (F11)",
    "Exporter le graphique ou les scores (Ctrl+E)", "Enregistrer la session (Ctrl+S)",
    "Le graphique du participant choisi", "La moyenne du groupe, sa bande et chaque participant",
    "Une ligne par rôle et l’écart le plus grand entre rôles", "Date de la session",
  };
  static const GMarkupParser parser = { template_start, template_end, template_text };
  g_autoptr(GPtrArray) offending = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) file = write_session_file ("tooltips.grille");
  GrWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (templates[i], 0, NULL);
      TemplateRead read = { g_array_new (FALSE, FALSE, sizeof (gboolean)),
                            g_ptr_array_new_with_free_func (g_free), 0, NULL,
                            (char *) templates[i], offending };
      g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &read,
                                                                           NULL);

      g_assert_nonnull (bytes);
      g_assert_true (g_markup_parse_context_parse (context, g_bytes_get_data (bytes, NULL),
                                                   g_bytes_get_size (bytes), NULL));
      g_array_unref (read.hidden);
      g_ptr_array_unref (read.ids);
      g_free (read.property);
    }
  g_ptr_array_add (offending, NULL);
  if (offending->len > 1)
    g_error ("a tooltip set on a widget not made hidden first: %s",
             g_strjoinv (", ", (char **) offending->pdata));

  g_application_open (G_APPLICATION (window_test_app ()), &file, 1, "");
  window = newest_window ();
  WAIT_UNTIL (gr_window_get_file (window) != NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    if (find_widget (GTK_WIDGET (window), is_shown_with_tooltip, tooltips[i]) == NULL)
      g_error ("no button shown with the tooltip «%s»", tooltips[i]);

  destroy_window (window);
}

/* Whether each run of @label's text is laid out with the Cairo scaled font that drawing it on
 * an image surface uses, as GTK's renderers draw text. Counts the runs in @n_runs. */
static gboolean
drawn_as_laid_out (GtkLabel *label,
                   guint    *n_runs)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  gboolean same = TRUE;

  for (GSList *lines = pango_layout_get_lines_readonly (layout); lines != NULL;
       lines = lines->next)
    for (GSList *runs = ((PangoLayoutLine *) lines->data)->runs; runs != NULL; runs = runs->next)
      {
        PangoFont *font = ((PangoGlyphItem *) runs->data)->item->analysis.font;
        cairo_scaled_font_t *laid_out = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));

        cairo_save (cr);
        cairo_set_scaled_font (cr, laid_out);
        same = same && cairo_get_scaled_font (cr) == laid_out;
        cairo_restore (cr);
        (*n_runs)++;
      }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return same;
}

static void
check_texts (GtkWidget *widget,
             guint     *n_runs)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && !drawn_as_laid_out (GTK_LABEL (widget), n_runs))
    g_error ("«%s» is drawn with another font than the one it is laid out with",
             gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_texts (child, n_runs);
}

typedef struct
{
  GrWindow *window;
  gboolean  painted;
  guint     n_runs;
} FontsCheck;

static void
on_fonts_after_paint (GdkFrameClock *clock,
                      FontsCheck    *check)
{
  if (check->painted)
    return;
  check->painted = TRUE;
  check_texts (GTK_WIDGET (check->window), &check->n_runs);
}

/* The texts of the first frame are drawn with the fonts they are laid out with
 * (gr_ui_prepare_fonts()). GTK's renderers draw text on image surfaces, whose font options
 * round glyph positions; fonts made in a Pango context that does not know it are not the ones
 * drawn with, and Cairo makes a second font of each at the first frame and loads every glyph
 * again (with the usual "Sans", DejaVu Sans, hinted by its own program: 53 runs of its hinting
 * set-up instead of 21). */
static void
test_fonts_drawn_as_laid_out (void)
{
  g_autoptr(GFile) file = write_session_file ("fonts.grille");
  FontsCheck check = { NULL };
  gulong handler;

  g_application_open (G_APPLICATION (window_test_app ()), &file, 1, "");
  check.window = newest_window ();
  WAIT_UNTIL (gtk_widget_get_realized (GTK_WIDGET (check.window)));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (check.window)),
                              "after-paint", G_CALLBACK (on_fonts_after_paint), &check);
  WAIT_UNTIL (check.painted);

  /* The header bar, the sidebar, the overview: dozens of texts, in several sizes and weights. */
  g_test_message ("%u runs of text checked", check.n_runs);
  g_assert_cmpuint (check.n_runs, >, 20);

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (check.window)), handler);
  WAIT_UNTIL (gr_window_get_file (check.window) != NULL);
  destroy_window (check.window);
}

static gboolean
is_shown_label_holding (GtkWidget     *widget,
                        gconstpointer  text)
{
  return is_label_holding (widget, text) && gtk_widget_get_mapped (widget);
}

/* The participant drop-down's list has its rows made when it first opens (GTK makes one per
 * participant as soon as the drop-down has its model, for a list nobody may open), and there a
 * user finds each participant. */
static void
test_participant_list_when_opened (void)
{
  static const char *names[] = { "Service jeunesse", "Élus", "Centre social" };
  g_autoptr(GFile) file = write_session_file ("participant-list.grille");
  GrWindow *window;
  GtkWidget *dropdown, *popover;

  g_application_open (G_APPLICATION (window_test_app ()), &file, 1, "");
  window = newest_window ();
  WAIT_UNTIL (gr_window_get_file (window) != NULL);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  settle ();

  dropdown = find_widget (GTK_WIDGET (window), shows_model,
                          gr_session_get_participants (gr_window_get_session (window)));
  g_assert_nonnull (dropdown);
  popover = gtk_widget_get_last_child (dropdown);
  g_assert_true (GTK_IS_POPOVER (popover));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_null (find_widget_deep (popover, is_label_holding, names[i]));

  g_signal_emit_by_name (dropdown, "activate");
  WAIT_UNTIL (gtk_widget_get_mapped (popover));
  settle ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (find_widget_deep (popover, is_shown_label_holding, names[i]) == NULL)
      g_error ("the open list does not show «%s»", names[i]);

  gtk_popover_popdown (GTK_POPOVER (popover));
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  window_test_init (&argc, &argv, "grille-test-window-startup-XXXXXX", session_json);

  g_test_add_func ("/window/startup/table-after-first-frame", test_table_after_first_frame);
  g_test_add_func ("/window/startup/open-keeps-page", test_open_keeps_page);
  g_test_add_func ("/window/startup/menus-when-opened", test_menus_when_opened);
  g_test_add_func ("/window/startup/tooltips-while-hidden", test_tooltips_while_hidden);
  g_test_add_func ("/window/startup/fonts-drawn-as-laid-out", test_fonts_drawn_as_laid_out);
  g_test_add_func ("/window/startup/participant-list-when-opened",
                   test_participant_list_when_opened);

  status = g_test_run ();
  window_test_shutdown ();
  return status;
}
