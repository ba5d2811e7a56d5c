/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the ui test programs share: the application and the directory they run in, waiting on
 * the main loop, windows opened and closed for a test, finding dialogs and widgets, keys,
 * levels and screenshots. */
#pragma once

#include <gtk/gtk.h>

#include "gr-application.h"
#include "gr-export-dialog.h"
#include "gr-window.h"

G_BEGIN_DECLS

/* Waits for @done, turning the main loop; gives up (and fails) only after a minute, which no
 * correct run comes near: a guard against hanging, not a timing assertion. */
#define WAIT_UNTIL(done)                                                       \
  G_STMT_START {                                                               \
    gint64 give_up = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;            \
    while (!(done) && g_get_monotonic_time () < give_up)                       \
      g_main_context_iteration (NULL, TRUE);                                   \
    g_assert_true (done);                                                      \
  } G_STMT_END

typedef gboolean (*WidgetTest) (GtkWidget     *widget,
                                gconstpointer  data);

GrApplication     *window_test_init                (int          *argc,
                                                    char       ***argv,
                                                    const char   *tmp_template,
                                                    const char   *session_json);
void               window_test_shutdown            (void);
GrApplication     *window_test_app                 (void);
const char        *window_test_tmp_dir             (void);

void               settle                          (void);
GFile             *write_session_file              (const char   *name);
GrWindow          *new_window                      (int           width,
                                                    int           height);
void               destroy_window                  (GrWindow     *window);
void               wait_for_files                  (GrWindow     *window);
gboolean           compare_with                    (GrWindow     *window,
                                                    GFile        *file);
gboolean           window_is_open                  (GrWindow     *window);
gboolean           draft_written                   (GrWindow     *window);

GList             *visible_toplevels               (GType         type);
GtkWindow         *find_toplevel                   (GType         type);
GrWindow          *newest_window                   (void);
GtkMessageDialog  *find_dialog                     (GtkWindow    *parent);
GtkWidget         *find_widget                     (GtkWidget    *root,
                                                    WidgetTest    test,
                                                    gconstpointer data);
GtkWidget         *find_widget_deep                (GtkWidget    *root,
                                                    WidgetTest    test,
                                                    gconstpointer data);
gboolean           is_entry_with_placeholder       (GtkWidget    *widget,
                                                    gconstpointer placeholder);
gboolean           is_label_with_text              (GtkWidget    *widget,
                                                    gconstpointer text);
gboolean           shows_model                     (GtkWidget    *widget,
                                                    gconstpointer model);
gboolean           is_primary_menu                 (GtkWidget    *widget,
                                                    gconstpointer data);
gboolean           is_menu_button_with_tooltip     (GtkWidget    *widget,
                                                    gconstpointer tooltip);
GrWindow          *open_test_copy                  (const char   *data_name,
                                                    const char   *copy_name);

GrItemRow         *item_row                        (GrWindow     *window,
                                                    guint         competency,
                                                    guint         item);
void               click_level                     (GrWindow     *window,
                                                    guint         competency,
                                                    guint         item,
                                                    int           level);
gboolean           press_key                       (GrItemRow    *row,
                                                    guint         keyval,
                                                    guint         keycode,
                                                    GdkModifierType state);
void               screenshot                      (GtkWidget    *widget,
                                                    const char   *name);
void               start_export                    (GrWindow     *window,
                                                    GrExportKind  kind,
                                                    GFile        *file);
char              *export_svg                      (GrWindow     *window);

G_END_DECLS
