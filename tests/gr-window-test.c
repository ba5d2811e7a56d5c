/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The helpers the ui test programs share, compiled into each of them: one application and one
 * temporary directory per program, and the ways a test drives and inspects the real window. */
#define G_LOG_DOMAIN "gr-window-test"

#include "config.h"

#include "gr-export-dialog.h"
#include "gr-translator.h"
#include "gr-window-test.h"

static GrApplication *app;
static char *tmp_dir;
static const char *fixture_json;

/* Sets up what every ui test program runs in, before its tests are added: a temporary
 * directory from @tmp_template, French, and an application registered and held.
 * write_session_file() writes @session_json, which may be NULL for a program that has no use
 * for it. Returns the application, which the program does not own. */
GrApplication *
window_test_init (int          *argc,
                  char       ***argv,
                  const char   *tmp_template,
                  const char   *session_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  fixture_json = session_json;
  tmp_dir = g_dir_make_tmp (tmp_template, NULL);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  /* Drafts and recent files go to a directory of the test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  /* Xvfb has no session bus for AT-SPI: GTK's test accessibility back end keeps the
   * accessible labels and descriptions without one. */
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gr_i18n_init (NULL);
  gtk_test_init (argc, argv, NULL);

  app = gr_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));
  return app;
}

/* After g_test_run(): lets the application go. */
void
window_test_shutdown (void)
{
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
}

GrApplication *
window_test_app (void)
{
  return app;
}

const char *
window_test_tmp_dir (void)
{
  return tmp_dir;
}

static gboolean
quit_loop (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay itself out and draw, and idles run: a few frames' worth of main loop. */
void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (300, quit_loop, &done);
  WAIT_UNTIL (done);
}

/* The program's session fixture, written as @name in the temporary directory. */
GFile *
write_session_file (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_nonnull (fixture_json);
  g_assert_true (g_file_set_contents (path, fixture_json, -1, NULL));
  return g_file_new_for_path (path);
}

GrWindow *
new_window (int width,
            int height)
{
  GrWindow *window = gr_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

/* Waits for what @window reads or writes in threads (a save, files compared or imported, a
 * file opened into it), turning the main loop meanwhile. */
void
wait_for_files (GrWindow *window)
{
  WAIT_UNTIL (!gr_window_is_busy (window));
}

/* Compares @window with @file, as the chooser's answer does, once it is read.
 * Returns: whether it was added. */
gboolean
compare_with (GrWindow *window,
              GFile    *file)
{
  guint before = gr_window_get_references (window)->len;

  gr_window_compare_with_file (window, file);
  wait_for_files (window);
  return gr_window_get_references (window)->len > before;
}

/* Closes without the question: the test is done with it. */
void
destroy_window (GrWindow *window)
{
  if (gr_window_get_draft (window) != NULL)
    gr_draft_discard (gr_window_get_draft (window));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

gboolean
window_is_open (GrWindow *window)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL;
}

gboolean
draft_written (GrWindow *window)
{
  return gr_window_get_draft (window) != NULL &&
         g_file_query_exists (gr_draft_get_file (gr_window_get_draft (window)), NULL);
}

/* The visible toplevels of @type, in GTK's order; free the list, not its windows. */
GList *
visible_toplevels (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GList *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = g_list_append (found, l->data);
  g_list_free (toplevels);
  return found;
}

GtkWindow *
find_toplevel (GType type)
{
  GList *found = visible_toplevels (type);
  GtkWindow *window = found ? found->data : NULL;

  g_list_free (found);
  return window;
}

/* The window the application made last, shown or not (one opening a file shows when the
 * file is read). */
GrWindow *
newest_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (window_test_app ())); l;
       l = l->next)
    if (GR_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* A visible message dialog over @parent, or over any window when @parent is NULL. */
GtkMessageDialog *
find_dialog (GtkWindow *parent)
{
  GList *found = visible_toplevels (GTK_TYPE_MESSAGE_DIALOG);
  GtkMessageDialog *dialog = NULL;

  for (GList *l = found; l && !dialog; l = l->next)
    if (parent == NULL || gtk_window_get_transient_for (l->data) == parent)
      dialog = l->data;
  g_list_free (found);
  return dialog;
}

static GtkWidget *
find_widget_real (GtkWidget     *root,
                  WidgetTest     test,
                  gconstpointer  data,
                  gboolean       into_popovers)
{
  if (test (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (!into_popovers && GTK_IS_POPOVER (c))
        continue;
      if ((found = find_widget_real (c, test, data, into_popovers)))
        return found;
    }
  return NULL;
}

/* The first widget under @root (itself included, popovers left out) that passes @test. */
GtkWidget *
find_widget (GtkWidget     *root,
             WidgetTest     test,
             gconstpointer  data)
{
  return find_widget_real (root, test, data, FALSE);
}

/* The same, looking into popovers (menus, drop-down lists) too: a deep search. */
GtkWidget *
find_widget_deep (GtkWidget     *root,
                  WidgetTest     test,
                  gconstpointer  data)
{
  return find_widget_real (root, test, data, TRUE);
}

GrItemRow *
item_row (GrWindow *window,
          guint     competency,
          guint     item)
{
  return gr_competency_page_get_row (gr_window_get_competency_page (window, competency), item);
}

/* A click on the level's button in the selector, as a user's. */
void
click_level (GrWindow *window,
             guint     competency,
             guint     item,
             int       level)
{
  GtkToggleButton *button = gr_item_row_get_level_button (item_row (window, competency, item),
                                                          level);

  g_signal_emit_by_name (button, "clicked");
}

/* Gives @row a key press as GTK would when the row has the focus: @keyval from the hardware
 * key @keycode (0 when the test does not care which key) with the modifiers @state. */
gboolean
press_key (GrItemRow       *row,
           guint            keyval,
           guint            keycode,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (row));
  gboolean handled = FALSE;
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, keycode, state, &handled);
          found = TRUE;
        }
    }
  g_assert_true (found);
  return handled;
}

/* Draws @widget (a window or a dialog) once it has settled, into @name in the build
 * directory, for a person to look at. */
void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_test_message ("%s: %d×%d", name, width, height);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                           name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* A WidgetTest: an entry whose placeholder text is @placeholder. */
gboolean
is_entry_with_placeholder (GtkWidget     *widget,
                           gconstpointer  placeholder)
{
  return GTK_IS_ENTRY (widget) &&
         g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) == 0;
}

/* A WidgetTest: a label whose text is @text. */
gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A WidgetTest: a drop-down whose model is @model. */
gboolean
shows_model (GtkWidget     *widget,
             gconstpointer  model)
{
  return GTK_IS_DROP_DOWN (widget) &&
         gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) == model;
}

/* A WidgetTest: the header bar's primary menu button. */
gboolean
is_primary_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* A WidgetTest: a menu button whose tooltip is @tooltip. */
gboolean
is_menu_button_with_tooltip (GtkWidget     *widget,
                             gconstpointer  tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A 1100×900 window on a copy of tests/data/@data_name, named @copy_name in the tests' own
 * folder (the test may save it, never the file in the source tree). */
GrWindow *
open_test_copy (const char *data_name,
                const char *copy_name)
{
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "data", data_name, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (source_path);
  g_autofree char *path = g_build_filename (window_test_tmp_dir (), copy_name, NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GrWindow *window;

  g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  window = new_window (1100, 900);
  g_assert_true (gr_window_open_file (window, copy));
  return window;
}

/* Starts exporting @window's session as @kind to @file through an export dialog, as its Export
 * button does: the dialog closes at once, the file is written in a thread. */
void
start_export (GrWindow     *window,
              GrExportKind  kind,
              GFile        *file)
{
  GrExportDialog *dialog = gr_export_dialog_new (GTK_WINDOW (window),
                                                 gr_window_get_session (window), NULL,
                                                 gr_window_get_file (window));

  gr_export_dialog_set_kind (dialog, kind);
  gtk_window_present (GTK_WINDOW (dialog));
  gr_export_dialog_export_to (dialog, file);
}

/* The chart the window's export dialog writes now, as SVG text. */
char *
export_svg (GrWindow *window)
{
  g_autofree char *path = g_build_filename (tmp_dir, "export.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GrExportDialog *dialog;
  char *contents = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = GR_EXPORT_DIALOG (find_toplevel (GR_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);

  gr_export_dialog_set_kind (dialog, GR_EXPORT_SVG);
  g_assert_true (gr_export_dialog_write (dialog, file, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}
