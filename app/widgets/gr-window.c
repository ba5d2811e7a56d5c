/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: one session, its competencies in a sidebar and one page per competency. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gr-session-file.h"
#include "gr-translator.h"
#include "gr-window.h"

struct _GrWindow
{
  GtkApplicationWindow parent_instance;

  GrSession *session;
  GFile     *file;

  GtkLabel  *title_label;
  GtkLabel  *subtitle_label;
  GtkStack  *stack;
};

G_DEFINE_FINAL_TYPE (GrWindow, gr_window, GTK_TYPE_APPLICATION_WINDOW)

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
make_competency_page (GrCompetency *competency,
                      GrTranslator *tr)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (box, "competency-page");
  gtk_box_append (GTK_BOX (box),
                  make_label (gr_translator_grid (tr, gr_competency_get_title (competency)),
                              "title-1"));
  gtk_box_append (GTK_BOX (box),
                  make_label (gr_translator_grid (tr, gr_competency_get_subtitle (competency)),
                              "title-4"));
  gtk_box_append (GTK_BOX (box),
                  make_label (gr_translator_grid (tr, gr_competency_get_introduction (competency)),
                              "introduction"));

  for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
    {
      GrItem *item = gr_competency_get_item (competency, i);
      GtkWidget *label = make_label (gr_translator_grid (tr, gr_item_get_text (item)), "item-text");

      gtk_widget_set_name (label, gr_item_get_id (item));
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  return scroller;
}

static void
rebuild_pages (GrWindow *self)
{
  GrTranslator *tr = gr_translator_get (NULL);
  GrGrid *grid = gr_session_get_grid (self->session);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))))
    gtk_stack_remove (self->stack, child);

  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);

      gtk_stack_add_titled (self->stack, make_competency_page (competency, tr),
                            gr_competency_get_id (competency),
                            gr_translator_grid (tr, gr_competency_get_title (competency)));
    }
}

static void
update_title (GrWindow *self)
{
  g_autofree char *name = NULL;
  const char *title = gr_session_get_title (self->session);

  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);
      name = path ? g_path_get_basename (path) : g_file_get_basename (self->file);
    }
  else
    name = g_strdup (_("Nouvelle session"));

  gtk_label_set_text (self->title_label, *title ? title : name);
  gtk_label_set_text (self->subtitle_label, *title ? name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *title != '\0');
  gtk_window_set_title (GTK_WINDOW (self), name);
}

static void
gr_window_dispose (GObject *object)
{
  GrWindow *self = (GrWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (gr_window_parent_class)->dispose (object);
}

static void
gr_window_class_init (GrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/grille/Grille/gr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GrWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, stack);
}

static void
gr_window_init (GrWindow *self)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());

  gtk_widget_init_template (GTK_WIDGET (self));
  gr_window_set_session (self, session, NULL);
}

GrWindow *
gr_window_new (GrApplication *application)
{
  return g_object_new (GR_TYPE_WINDOW, "application", application, NULL);
}

GrSession *
gr_window_get_session (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->session;
}

void
gr_window_set_session (GrWindow  *self,
                       GrSession *session,
                       GFile     *file)
{
  g_return_if_fail (GR_IS_WINDOW (self));
  g_return_if_fail (GR_IS_SESSION (session));

  g_set_object (&self->session, session);
  g_set_object (&self->file, file);
  rebuild_pages (self);
  update_title (self);
}

static void
show_error (GrWindow   *self,
            const char *primary,
            const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens @file in this window; on failure the window keeps its session and says why. */
gboolean
gr_window_open_file (GrWindow *self,
                     GFile    *file)
{
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(session = gr_session_load (file, &error)))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *primary = g_strdup_printf (_("Impossible d’ouvrir « %s »"), name);

      show_error (self, primary, error->message);
      return FALSE;
    }

  gr_window_set_session (self, session, file);
  return TRUE;
}
