/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Contrast as drawn (WCAG 2.1 AA, RGAA 4.1): the window is rendered in the light and the dark
 * style, and each kind of text and line is measured on the rendering. A text's colour is the
 * pixel inside its label that stands out most from the label's background (the colour most of
 * its pixels have): antialiasing only ever lowers a glyph's contrast, so the core of a stroke
 * is the text's colour. The chart's rings and axes are measured from the chart style in use,
 * laid over the background the chart is drawn on. Every ratio is printed (g_test_message);
 * the test fails on any under its threshold: text 4.5:1, large text 3:1, lines, the chosen
 * level against the others, the score bar's track and the focus ring 3:1. */
#define G_LOG_DOMAIN "test-contrast"

#include "config.h"

#include "gr-chart-layout.h"
#include "gr-item-row.h"
#include "gr-level.h"
#include "gr-window-test.h"

static const char session_json[] =
  "{\"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
  " \"title\": \"Atelier du 12 mars\", \"date\": \"2026-03-12\", \"language\": \"fr\","
  " \"participants\": [{\"name\": \"Service jeunesse\","
  " \"scores\": {\"cooperer.1\": 3, \"cooperer.2\": 2, \"connecter.2\": 1},"
  " \"targets\": {\"cooperer\": 4}},"
  " {\"name\": \"Élus\", \"scores\": {\"cooperer.1\": 1, \"connecter.1\": 2}}]}";

#define TEXT_MIN 4.5
#define LARGE_TEXT_MIN 3.0
#define NON_TEXT_MIN 3.0

/* The window as drawn, in 8-bit RGB. */
typedef struct
{
  GtkWidget *window;
  guchar    *pixels;
  int        width;
  int        height;
  gsize      stride;
  const char *style;
} Shot;

typedef struct
{
  double red, green, blue;
} Colour;

static void
shot_clear (Shot *shot)
{
  g_clear_pointer (&shot->pixels, g_free);
}

static void
take_shot (Shot       *shot,
           GtkWidget  *window,
           const char *style)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  settle ();
  shot_clear (shot);
  shot->window = window;
  shot->style = style;
  shot->width = gtk_widget_get_width (window);
  shot->height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, snapshot, shot->width, shot->height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, shot->width,
                                                              shot->height));
  /* Cairo's ARGB32: B, G, R, A in memory on a little-endian machine, premultiplied; the
   * window is opaque, so the colours are as shown. */
  shot->stride = (gsize) shot->width * 4;
  shot->pixels = g_malloc (shot->stride * shot->height);
  gdk_texture_download (texture, shot->pixels, shot->stride);
}

static Colour
pixel (const Shot *shot,
       int         x,
       int         y)
{
  const guchar *p = shot->pixels + y * shot->stride + x * 4;
  guint32 value = *(const guint32 *) p;

  return (Colour) { ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0,
                    (value & 0xff) / 255.0 };
}

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Colour c)
{
  return 0.2126 * channel (c.red) + 0.7152 * channel (c.green) + 0.0722 * channel (c.blue);
}

static double
contrast (Colour a,
          Colour b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static char *
hex (Colour c)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) round (c.red * 255),
                          (int) round (c.green * 255), (int) round (c.blue * 255));
}

/* A failure, said in the log too (g_test_fail_printf() keeps only the first). */
G_GNUC_PRINTF (1, 2)
static void
failure (const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s", message);
  g_test_fail_printf ("%s", message);
}

/* @widget's box in the window's pixels, clipped to the window; FALSE when not shown. */
static gboolean
box_of (const Shot        *shot,
        GtkWidget         *widget,
        cairo_rectangle_int_t *box)
{
  graphene_rect_t bounds;

  if (widget == NULL || !gtk_widget_is_drawable (widget) ||
      !gtk_widget_compute_bounds (widget, shot->window, &bounds))
    return FALSE;
  box->x = MAX (0, (int) floor (bounds.origin.x));
  box->y = MAX (0, (int) floor (bounds.origin.y));
  box->width = MIN (shot->width, (int) ceil (bounds.origin.x + bounds.size.width)) - box->x;
  box->height = MIN (shot->height, (int) ceil (bounds.origin.y + bounds.size.height)) - box->y;
  return box->width > 0 && box->height > 0;
}

/* The colour most pixels of @box have: the background of a label, the fill of a button. */
static Colour
main_colour (const Shot                  *shot,
             const cairo_rectangle_int_t *box)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 best = 0;
  guint best_count = 0;

  for (int y = box->y; y < box->y + box->height; y++)
    for (int x = box->x; x < box->x + box->width; x++)
      {
        guint32 value = *(const guint32 *) (shot->pixels + y * shot->stride + x * 4) & 0xffffff;
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (value)))
                      + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (value), GUINT_TO_POINTER (count));
        if (count > best_count)
          {
            best = value;
            best_count = count;
          }
      }
  return (Colour) { ((best >> 16) & 0xff) / 255.0, ((best >> 8) & 0xff) / 255.0,
                    (best & 0xff) / 255.0 };
}

/* The pixel of @box that stands out most from @background. */
static Colour
extreme_colour (const Shot                  *shot,
                const cairo_rectangle_int_t *box,
                Colour                       background)
{
  Colour best = background;
  double best_ratio = 1;

  for (int y = box->y; y < box->y + box->height; y++)
    for (int x = box->x; x < box->x + box->width; x++)
      {
        Colour c = pixel (shot, x, y);
        double ratio = contrast (c, background);

        if (ratio > best_ratio)
          {
            best = c;
            best_ratio = ratio;
          }
      }
  return best;
}

/* Records a ratio: printed always, a failure under @minimum. */
static void
report (const Shot *shot,
        const char *what,
        Colour      front,
        Colour      back,
        double      minimum)
{
  double ratio = contrast (front, back);
  g_autofree char *f = hex (front);
  g_autofree char *b = hex (back);

  g_test_message ("%s: %s %.2f:1 (%s on %s; at least %.1f:1)", shot->style, what, ratio, f, b,
                  minimum);
  if (ratio < minimum)
    failure ("%s: %s is %.2f:1 (%s on %s), under %.1f:1", shot->style, what, ratio, f, b,
             minimum);
}

/* Scrolls the pages that hold @widget so that it is in view; TRUE when something moved. */
static gboolean
scroll_into_view (GtkWidget *widget)
{
  gboolean moved = FALSE;

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
        graphene_rect_t bounds;
        double top, height = gtk_widget_get_height (w);

        if (!gtk_widget_compute_bounds (widget, w, &bounds))
          continue;
        top = bounds.origin.y;
        if (top >= 0 && top + bounds.size.height <= height)
          continue;
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top - 24);
        moved = TRUE;
      }
  return moved;
}

/* A label's text against the background it is drawn on. */
static void
check_text (Shot       *shot,
            const char *what,
            GtkWidget  *label,
            double      minimum)
{
  cairo_rectangle_int_t box;
  Colour back;

  if (label != NULL && scroll_into_view (label))
    take_shot (shot, shot->window, shot->style);
  if (!box_of (shot, label, &box))
    {
      failure ("%s: %s is not shown", shot->style, what);
      return;
    }
  back = main_colour (shot, &box);
  report (shot, what, extreme_colour (shot, &box, back), back, minimum);
}

static gboolean
is_drawn_label_starting (GtkWidget     *widget,
                         gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_label_with_class (GtkWidget     *widget,
                     gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         gtk_widget_has_css_class (widget, css_class) &&
         *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

static gboolean
is_level_bar (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LEVEL_BAR (widget);
}

/* The label under @root that passes @test with @key; a failure when there is none. */
static GtkWidget *
shown_label (GtkWidget  *root,
             WidgetTest  test,
             const char *key)
{
  GtkWidget *label = find_widget (root, test, key);

  if (label == NULL)
    failure ("no label « %s » shown", key);
  return label;
}

static GtkWidget *
label_with_text (GtkWidget  *root,
                 const char *text)
{
  return shown_label (root, is_drawn_label_starting, text);
}

static GtkWidget *
label_with_class (GtkWidget  *root,
                  const char *css_class)
{
  return shown_label (root, is_label_with_class, css_class);
}

/* The empty part of a sidebar row's score bar (its right half: no score here is above
 * half the scale): the track's edge against the sidebar. */
static void
check_track (const Shot *shot,
             const char *what,
             GtkWidget  *row)
{
  GtkWidget *bar = find_widget (row, is_level_bar, NULL);
  cairo_rectangle_int_t box, row_box;
  Colour back;

  if (!box_of (shot, bar, &box) || !box_of (shot, row, &row_box))
    {
      failure ("%s: the score bar is not shown", shot->style);
      return;
    }
  back = main_colour (shot, &row_box);
  /* GTK may draw the bar a pixel off its box: one more row each side. */
  box.x += box.width / 2;
  box.width /= 2;
  box.y = MAX (0, box.y - 1);
  box.height += 2;
  report (shot, what, extreme_colour (shot, &box, back), back, NON_TEXT_MIN);
}

static void check_chart (const Shot *shot, const char *where, GrChartView *chart);

/* The sidebar and the overview. */
static void
check_overview (GrWindow *window,
                Shot     *shot)
{
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *overview = GTK_WIDGET (gr_window_get_overview (window));
  GtkWidget *unscored = GTK_WIDGET (gr_window_get_sidebar_row (window, "ouvrir"));
  GtkWidget *scored = GTK_WIDGET (gr_window_get_sidebar_row (window, "connecter"));

  gr_window_show_page (window, "overview");
  /* The group's chart: « Afficher : » and its check buttons are shown. */
  g_object_set (window, "chart-view", "group", NULL);
  take_shot (shot, w, shot->style);
  check_chart (shot, "overview chart", gr_overview_page_get_chart (GR_OVERVIEW_PAGE (overview)));

  check_text (shot, "header bar title", label_with_class (w, "title"), TEXT_MIN);
  check_text (shot, "header bar subtitle", label_with_class (w, "subtitle"), TEXT_MIN);
  check_text (shot, "sidebar heading « Participant »", label_with_text (w, "Participant"),
              TEXT_MIN);
  check_text (shot, "sidebar heading « Scores du groupe »",
              label_with_text (w, "Scores du groupe"), TEXT_MIN);
  check_text (shot, "sidebar row title", label_with_text (scored, "Connecter"), TEXT_MIN);
  check_text (shot, "sidebar score « 1,5 / 4 »", label_with_class (scored, "dim-label"),
              TEXT_MIN);
  check_text (shot, "sidebar score « non évalué »", label_with_class (unscored, "dim-label"),
              TEXT_MIN);
  check_text (shot, "page title (large text)", label_with_class (overview, "title-1"),
              LARGE_TEXT_MIN);
  check_text (shot, "« Afficher : »", label_with_text (overview, "Afficher"), TEXT_MIN);
  check_text (shot, "table heading", label_with_text (overview, "Scores par compétence"),
              TEXT_MIN);
  check_text (shot, "table column header", label_with_class (overview, "table-header"),
              TEXT_MIN);
  check_text (shot, "table cell", label_with_class (overview, "table-cell"), TEXT_MIN);
  check_text (shot, "table cell, alternate row", label_with_class (overview, "table-alt"),
              TEXT_MIN);

  check_track (shot, "sidebar score bar's track, scored (non-text)", scored);
  check_track (shot, "sidebar score bar's track, not assessed (non-text)", unscored);
}

/* The chart's lines and texts, from the style the chart view draws with, over the background
 * it draws on (the chart leaves its own background transparent). */
static void
check_chart (const Shot  *shot,
             const char  *where,
             GrChartView *chart)
{
  const GrChartLayout *layout = gr_chart_view_get_layout (chart);
  cairo_rectangle_int_t box;
  Colour back, grid, text;
  g_autofree char *rings = g_strdup_printf ("%s: rings and axes (non-text)", where);
  g_autofree char *texts = g_strdup_printf ("%s: names and figures", where);
  const GrChartColor *g, *f;

  if (layout == NULL || !box_of (shot, GTK_WIDGET (chart), &box))
    {
      failure ("%s: %s is not drawn", shot->style, where);
      return;
    }
  back = main_colour (shot, &box);
  g = &layout->style.grid;
  f = &layout->style.foreground;
  grid = (Colour) { g->red * g->alpha + back.red * (1 - g->alpha),
                    g->green * g->alpha + back.green * (1 - g->alpha),
                    g->blue * g->alpha + back.blue * (1 - g->alpha) };
  text = (Colour) { f->red * f->alpha + back.red * (1 - f->alpha),
                    f->green * f->alpha + back.green * (1 - f->alpha),
                    f->blue * f->alpha + back.blue * (1 - f->alpha) };
  report (shot, rings, grid, back, NON_TEXT_MIN);
  report (shot, texts, text, back, TEXT_MIN);
}

/* A competency page: its texts, the level selector, the focus ring, the live chart. */
static void
check_competency (GrWindow *window,
                  Shot     *shot)
{
  GtkWidget *w = GTK_WIDGET (window);
  GrCompetencyPage *page = gr_window_get_competency_page (window, 0);
  GrItemRow *row = item_row (window, 0, 0);
  GtkWidget *chosen = GTK_WIDGET (gr_item_row_get_level_button (row, 3));
  GtkWidget *other = GTK_WIDGET (gr_item_row_get_level_button (row, 2));
  GtkWidget *chosen_label = gtk_button_get_child (GTK_BUTTON (chosen));
  GtkWidget *other_label = gtk_button_get_child (GTK_BUTTON (other));
  cairo_rectangle_int_t box, other_box;
  PangoFontDescription *font;
  int chosen_weight, other_weight;

  gr_window_show_page (window, "cooperer");
  /* The focus on the chosen level, shown as after a key press. */
  gtk_widget_grab_focus (chosen);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  take_shot (shot, w, shot->style);

  check_text (shot, "page title (large text)", label_with_class (GTK_WIDGET (page), "title-1"),
              LARGE_TEXT_MIN);
  check_text (shot, "page subtitle", label_with_class (GTK_WIDGET (page), "page-subtitle"),
              TEXT_MIN);
  check_text (shot, "introduction", label_with_class (GTK_WIDGET (page), "introduction"),
              TEXT_MIN);
  check_text (shot, "score line", label_with_text (GTK_WIDGET (page), "Score"), TEXT_MIN);
  check_text (shot, "savoir-faire", label_with_class (GTK_WIDGET (row), "item-text"), TEXT_MIN);
  check_text (shot, "level description",
              label_with_class (GTK_WIDGET (row), "level-description"), TEXT_MIN);
  check_text (shot, "level figure, not chosen", other_label, TEXT_MIN);
  check_text (shot, "level figure, chosen", chosen_label, TEXT_MIN);
  check_text (shot, "note placeholder « Ajouter une note… »",
              label_with_text (GTK_WIDGET (row), "Ajouter une note"), TEXT_MIN);
  check_text (shot, "chart caption", label_with_text (w, "Scores de"), TEXT_MIN);
  check_chart (shot, "live chart", gr_window_get_chart (window));

  /* The chosen level against the others: its fill, and a second cue (bold figures). */
  if (box_of (shot, chosen, &box) && box_of (shot, other, &other_box))
    report (shot, "chosen level's fill against the others (non-text)",
            main_colour (shot, &box), main_colour (shot, &other_box), NON_TEXT_MIN);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (chosen_label));
  chosen_weight = pango_font_description_get_weight (font);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (other_label));
  other_weight = pango_font_description_get_weight (font);
  g_test_message ("%s: chosen level's weight %d, the others' %d", shot->style, chosen_weight,
                  other_weight);
  if (chosen_weight < other_weight + 200)
    failure ("%s: the chosen level's figure is not bolder (%d against %d)",
                        shot->style, chosen_weight, other_weight);

  /* The focus ring, 2 px outside the focused control, against the page around it. */
  if (box_of (shot, chosen, &box))
    {
      cairo_rectangle_int_t ring = { box.x - 5, box.y - 5, box.width + 10, 5 };
      cairo_rectangle_int_t around = { box.x - 12, box.y - 12, box.width + 24, 6 };

      report (shot, "focus ring (non-text)",
              extreme_colour (shot, &ring, main_colour (shot, &around)),
              main_colour (shot, &around), NON_TEXT_MIN);
    }
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
}

/* The participants page. */
static void
check_participants (GrWindow *window,
                    Shot     *shot)
{
  GtkWidget *page;

  gr_window_show_page (window, "participants");
  page = GTK_WIDGET (gr_window_get_participants_page (window));
  take_shot (shot, GTK_WIDGET (window), shot->style);
  check_text (shot, "participants: page title (large text)", label_with_class (page, "title-1"),
              LARGE_TEXT_MIN);
  check_text (shot, "participants: a participant's progress",
              label_with_class (page, "caption"), TEXT_MIN);
}

static void
check_style (const char *scheme)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.grille.Grille");
  g_autoptr(GFile) file = write_session_file ("contrast.grille");
  GrWindow *window = new_window (1366, 768);
  Shot shot = { .style = scheme };
  g_autofree char *name = g_strdup_printf ("screenshot-contrast-%s.png", scheme);

  g_settings_set_string (settings, "color-scheme", scheme);
  g_assert_true (gr_window_open_file (window, file));

  check_overview (window, &shot);
  g_object_set (window, "chart-view", "participant", NULL);
  check_competency (window, &shot);
  screenshot (GTK_WIDGET (window), name);
  check_participants (window, &shot);

  shot_clear (&shot);
  g_settings_reset (settings, "color-scheme");
  destroy_window (window);
}

static void
test_light (void)
{
  check_style ("light");
}

static void
test_dark (void)
{
  check_style ("dark");
}

int
main (int    argc,
      char **argv)
{
  int status;

  window_test_init (&argc, &argv, "grille-test-contrast-XXXXXX", session_json);
  g_test_add_func ("/contrast/light", test_light);
  g_test_add_func ("/contrast/dark", test_dark);
  status = g_test_run ();
  window_test_shutdown ();
  return status;
}
