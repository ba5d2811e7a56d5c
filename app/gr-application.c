/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The GTK application: one window per session, application-wide actions (new, quit, about,
 * style, language, second language), keyboard shortcuts, and the offer to restore drafts after
 * a crash. */
#define G_LOG_DOMAIN "gr-application"

#include "config.h"

#include "gr-application.h"
#include "gr-chart-view.h"
#include "gr-draft.h"
#include "gr-export-dialog.h"
#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-session-file.h"
#include "gr-translator.h"
#include "gr-ui.h"
#include "gr-window.h"

struct _GrApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  GSettings      *desktop_settings;     /* the desktop's preference, when GNOME's schema is here */
  gboolean        system_prefers_dark;  /* GtkSettings' value before Grille changed it */
  gboolean        drafts_offered;

  /* Ctrl+Q asks the windows with unsaved work one at a time: those still to ask, and the one
   * whose question is open. */
  GQueue          quit_queue;
  GrWindow       *quit_asking;
  guint           quit_next_id;
};

G_DEFINE_FINAL_TYPE (GrApplication, gr_application, GTK_TYPE_APPLICATION)

static void quit_stop (GrApplication *self);

/* Drafts */

static gboolean
draft_is_open (GrApplication *self,
               GrDraft       *draft)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (GR_IS_WINDOW (l->data) && gr_window_get_draft (l->data) != NULL &&
        g_str_equal (gr_draft_get_id (gr_window_get_draft (l->data)), gr_draft_get_id (draft)))
      return TRUE;
  return FALSE;
}

/* The window already showing the file a draft was made from, if any: after a crash, the file
 * may have been opened again before the question was answered. */
static GrWindow *
window_showing_origin (GrApplication *self,
                       GrDraft       *draft)
{
  GFile *origin = gr_draft_get_origin (draft);

  if (origin == NULL)
    return NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (GR_IS_WINDOW (l->data) && gr_window_get_file (l->data) != NULL &&
        g_file_equal (gr_window_get_file (l->data), origin))
      return l->data;
  return NULL;
}

static void
on_drafts_response (GtkDialog *dialog,
                    int        response,
                    GPtrArray *drafts)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GrApplication *self = GR_APPLICATION (gtk_window_get_application (parent));

  /* The dialog holds the list: keep it while the dialog goes. */
  g_ptr_array_ref (drafts);
  gtk_window_destroy (GTK_WINDOW (dialog));

  for (guint i = 0; i < drafts->len; i++)
    {
      GrDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(GError) error = NULL;
      gboolean created = FALSE;
      GrWindow *window;

      /* Only an explicit "Supprimer" loses the work: Escape or the title bar's × leave the
       * drafts where they are, and they are offered again at the next start. */
      if (response == GTK_RESPONSE_REJECT)
        {
          gr_draft_discard (draft);
          continue;
        }
      if (response != GTK_RESPONSE_ACCEPT)
        continue;

      /* Never two windows on one file, where saving one would overwrite the other: the draft
       * goes into the window that shows its file, unless that one has changes of its own. */
      window = window_showing_origin (self, draft);
      if (window != NULL && gr_window_is_modified (window))
        {
          g_autofree char *name = g_file_get_parse_name (gr_draft_get_origin (draft));
          g_autofree char *why = g_strdup_printf (_("« %s » est déjà ouvert, avec des "
                                                    "modifications. Le brouillon est gardé : il "
                                                    "sera proposé au prochain démarrage."),
                                                  name);

          gr_ui_show_error (GTK_WIDGET (window), _("Impossible de restaurer le brouillon"), why);
          continue;
        }
      if (window == NULL && GR_IS_WINDOW (parent) && gr_window_is_pristine (GR_WINDOW (parent)))
        window = GR_WINDOW (parent);
      if (window == NULL)
        {
          window = gr_window_new (self);
          created = TRUE;
        }
      if (!gr_window_restore_draft (window, draft, &error))
        {
          gr_ui_show_error (GTK_WIDGET (parent), _("Impossible de restaurer le brouillon"),
                            error->message);
          if (created)
            gtk_window_destroy (GTK_WINDOW (window));
          continue;
        }
      gtk_window_present (GTK_WINDOW (window));
    }
  g_ptr_array_unref (drafts);
}

/* A moment in words in the user's language, e.g. "12 mars 2026 à 14:05". */
static char *
format_when (GDateTime *moment)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (moment);
  g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *day = gr_format_date_long (gr_translator_get (NULL), iso);
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  /* Translators: when a draft was written: a date in words, then the time, e.g.
   * "12 mars 2026 à 14:05". */
  return g_strdup_printf (C_("draft", "%1$s à %2$s"), day, time);
}

/* Under a draft of a file, when the file was last written; and, when that is after the draft
 * (changed elsewhere since), that restoring would bring older work back over it. */
static void
append_file_date (GString *list,
                  GrDraft *draft)
{
  GDateTime *modified = gr_draft_get_origin_modified (draft);
  g_autofree char *when = NULL;

  if (modified == NULL)
    return;

  when = format_when (modified);
  /* Translators: under a line of the list of drafts: when its file was last written. */
  g_string_append_printf (list, _("  fichier enregistré le %s\n"), when);
  if (g_date_time_compare (modified, gr_draft_get_modified (draft)) > 0)
    g_string_append (list, _("  Attention : le fichier est plus récent que la copie de "
                             "secours ; la restaurer ramènerait un travail plus ancien.\n"));
}

/* Shows @dialog once its parent window shows, the first time. */
static void
present_over (GtkWidget *parent,
              GtkWindow *dialog)
{
  g_signal_handlers_disconnect_by_func (parent, present_over, dialog);
  gtk_window_present (dialog);
}

/* Asks whether to restore the drafts @found (gr_draft_list()) that no window shows. */
static GtkWidget *
offer_found_drafts (GrApplication *self,
                    GPtrArray     *found)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GString) list = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < found->len; i++)
    {
      GrDraft *draft = g_ptr_array_index (found, i);
      g_autofree char *when = NULL;
      g_autofree char *name = NULL;

      if (draft_is_open (self, draft))
        continue;

      g_ptr_array_add (drafts, g_object_ref (draft));
      name = gr_draft_get_origin (draft) ? g_file_get_basename (gr_draft_get_origin (draft))
                                          : g_strdup (_("Nouvelle session"));
      when = format_when (gr_draft_get_modified (draft));
      /* Translators: a line of the list of drafts: the session, then when it was written. */
      g_string_append_printf (list, _("• %s, enregistré automatiquement le %s\n"), name, when);
      append_file_date (list, draft);
    }

  if (drafts->len == 0 || parent == NULL)
    {
      g_ptr_array_unref (drafts);
      return NULL;
    }

  g_string_append (list, _("\nSi vous ne les restaurez pas, ces modifications seront perdues."));
  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   gr_translator_ngettext (gr_translator_get (NULL),
                                                           "Restaurer une session non "
                                                           "enregistrée ?",
                                                           "Restaurer des sessions non "
                                                           "enregistrées ?",
                                                           drafts->len));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", list->str);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Supprimer"), GTK_RESPONSE_REJECT,
                          _("_Restaurer"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gr_ui_style_question (GTK_DIALOG (dialog));
  g_object_set_data_full (G_OBJECT (dialog), "drafts", drafts,
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_drafts_response), drafts);
  /* A window opening a file shows once the file is read: the question comes over it then. */
  if (gtk_widget_get_visible (GTK_WIDGET (parent)))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    g_signal_connect_object (parent, "show", G_CALLBACK (present_over), dialog, 0);

  return dialog;
}

/**
 * gr_application_offer_drafts:
 *
 * If sessions were left unsaved by a crash, asks whether to restore them. The drafts' folder
 * is read before this returns; at start-up the application reads it in a thread instead.
 *
 * Returns: (transfer none) (nullable): the question's dialog, or %NULL when there is nothing
 *   to restore.
 */
GtkWidget *
gr_application_offer_drafts (GrApplication *self)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (GR_IS_APPLICATION (self), NULL);

  found = gr_draft_list ();
  return offer_found_drafts (self, found);
}

static void
on_drafts_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GrApplication *self = user_data;
  g_autoptr(GPtrArray) found = gr_draft_list_finish (result);

  offer_found_drafts (self, found);
  g_application_release (G_APPLICATION (self));
}

/* Offered once, when the first window is up: a later "grille FILE" joins a running instance
 * and must not ask again. The window is there first; the question comes when the drafts'
 * folder has answered (a network home, a slow disk). */
static void
offer_drafts_once (GrApplication *self)
{
  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;
  g_application_hold (G_APPLICATION (self));
  gr_draft_list_async (NULL, on_drafts_listed, self);
}

static void
gr_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (gr_window_new (GR_APPLICATION (app)));

  gtk_window_present (window);
  offer_drafts_once (GR_APPLICATION (app));
}

/* Each file's window appears as soon as its file is read (in a thread), with its session, or
 * a moment (20 ms) after it is built at most, with the file's name, its pages waiting until
 * the file is read. One that cannot be read keeps an empty window that says why. */
static void
gr_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    gr_window_new_for_file (GR_APPLICATION (app), files[i]);
  offer_drafts_once (GR_APPLICATION (app));
}

/* Style and language */

/* "system" follows the desktop's light or dark preference (GNOME's color-scheme key, read
 * again when it changes), or GTK's own setting where there is no such key. */
static gboolean
system_prefers_dark (GrApplication *self)
{
  g_autofree char *scheme = NULL;

  if (self->desktop_settings == NULL)
    return self->system_prefers_dark;
  scheme = g_settings_get_string (self->desktop_settings, "color-scheme");
  return g_str_equal (scheme, "prefer-dark");
}

static void
apply_color_scheme (GrApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  GtkSettings *settings = gtk_settings_get_default ();
  gboolean dark;
  gboolean current;

  if (g_str_equal (scheme, "dark"))
    dark = TRUE;
  else if (g_str_equal (scheme, "light"))
    dark = FALSE;
  else
    dark = system_prefers_dark (self);

  if (settings == NULL)
    return;
  /* Setting it reloads the theme, a good part of the start-up: only when it changes. */
  g_object_get (settings, "gtk-application-prefer-dark-theme", &current, NULL);
  if (current != dark)
    g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

/* The direction the interface's language reads in: the window mirrors for Arabic. */
static void
apply_direction (void)
{
  gtk_widget_set_default_direction (gr_translator_is_rtl (gr_translator_get (NULL))
                                    ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

static void
follow_desktop_color_scheme (GrApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "color-scheme"))
    return;

  self->desktop_settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->desktop_settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
}

static void
apply_language (GrApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  GList *toplevels;

  if (!gr_i18n_set_language (language))
    return;

  apply_direction ();
  gr_chart_view_follow_language ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (GR_IS_WINDOW (l->data))
      gr_window_relabel (l->data);

  /* An export dialog open at that moment follows too. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (GR_IS_EXPORT_DIALOG (l->data))
      gr_export_dialog_relabel (l->data);
  g_list_free (toplevels);
}

static void
gr_application_startup (GApplication *app)
{
  GrApplication *self = GR_APPLICATION (app);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GAction) color_scheme = NULL;
  g_autoptr(GAction) language = NULL;
  g_autoptr(GAction) second_language = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } shortcuts[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.projector", { "F11", NULL } },
    { "win.show-names", { "<Control>h", NULL } },
    { "win.next-competency", { "<Control>Page_Down", NULL } },
    { "win.previous-competency", { "<Control>Page_Up", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (gr_application_parent_class)->startup (app);

  gtk_css_provider_load_from_resource (provider, "/io/github/grille/Grille/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), shortcuts[i].action,
                                           shortcuts[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_object_get (gtk_settings_get_default (), "gtk-application-prefer-dark-theme",
                &self->system_prefers_dark, NULL);

  /* Stateful actions on the settings: the menu's radio items show and change them. */
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (app), color_scheme);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), app, G_CONNECT_SWAPPED);
  follow_desktop_color_scheme (self);
  apply_color_scheme (self);

  language = g_settings_create_action (self->settings, "language");
  g_action_map_add_action (G_ACTION_MAP (app), language);
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (apply_language), app, G_CONNECT_SWAPPED);
  /* GTK's own texts (file chooser, the entries' menu) follow a switch as far as GTK builds
   * them again; the saved language applies before any window is built. */
  gr_i18n_follow_domain ("gtk40");
  {
    g_autofree char *code = g_settings_get_string (self->settings, "language");

    if (*code != '\0')
      gr_i18n_set_language (code);
    apply_direction ();
  }

  /* The windows follow the key themselves (a binding), new ones included. */
  second_language = g_settings_create_action (self->settings, "second-language");
  g_action_map_add_action (G_ACTION_MAP (app), second_language);
}

static void
gr_application_shutdown (GApplication *app)
{
  quit_stop (GR_APPLICATION (app));
  G_APPLICATION_CLASS (gr_application_parent_class)->shutdown (app);
  g_clear_object (&GR_APPLICATION (app)->settings);
  g_clear_object (&GR_APPLICATION (app)->desktop_settings);
}

/* Actions */

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GrApplication *self = GR_APPLICATION (user_data);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* An untouched window already shows a new session. */
  if (GR_IS_WINDOW (active) && gr_window_is_pristine (GR_WINDOW (active)))
    gtk_window_present (active);
  else
    gtk_window_present (GTK_WINDOW (gr_window_new (self)));
}

/* Quitting: each window is asked to close in turn. One with unsaved changes asks first, and
 * the next is asked only once it has gone; "Annuler" (or a save that does not happen) stops
 * the quit. The application ends when the last window is gone. */
static void
quit_stop (GrApplication *self)
{
  GrWindow *window;

  if (self->quit_asking != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->quit_asking, self);
      g_clear_object (&self->quit_asking);
    }
  while ((window = g_queue_pop_head (&self->quit_queue)))
    g_object_unref (window);
  g_clear_handle_id (&self->quit_next_id, g_source_remove);
}

static gboolean
window_is_open (GrApplication *self,
                GrWindow      *window)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)), window) != NULL;
}

static gboolean quit_next (gpointer user_data);

static void
on_quit_window_removed (GrApplication *self,
                        GtkWindow     *window)
{
  if (self->quit_asking == NULL || window != GTK_WINDOW (self->quit_asking))
    return;

  g_signal_handlers_disconnect_by_data (self->quit_asking, self);
  g_clear_object (&self->quit_asking);
  /* Not from inside the window's destruction. */
  if (self->quit_next_id == 0)
    self->quit_next_id = g_idle_add (quit_next, self);
}

static gboolean
quit_next (gpointer user_data)
{
  GrApplication *self = user_data;
  GrWindow *window;

  self->quit_next_id = 0;
  while ((window = g_queue_pop_head (&self->quit_queue)))
    {
      if (window_is_open (self, window))
        {
          gtk_window_close (GTK_WINDOW (window));
          if (window_is_open (self, window))
            {
              /* It asks: wait for the answer. */
              self->quit_asking = window;
              g_signal_connect_object (window, "close-cancelled", G_CALLBACK (quit_stop), self,
                                       G_CONNECT_SWAPPED);
              return G_SOURCE_REMOVE;
            }
        }
      g_object_unref (window);
    }

  return G_SOURCE_REMOVE;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GrApplication *self = GR_APPLICATION (user_data);

  /* Ctrl+Q again while a window asks: bring that question forward, do not ask twice. */
  if (self->quit_asking != NULL)
    {
      gtk_window_close (GTK_WINDOW (self->quit_asking));
      return;
    }
  if (!g_queue_is_empty (&self->quit_queue))
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (GR_IS_WINDOW (l->data))
      g_queue_push_tail (&self->quit_queue, g_object_ref (l->data));
  quit_next (self);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "L’équipe Grille", NULL };
  g_autoptr(GrGrid) grid = gr_grid_get_default ();

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", "Grille",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", gr_ui_grid_text (gr_grid_get_title (grid)),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "new", new_activated },
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
gr_application_class_init (GrApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = gr_application_activate;
  app_class->open = gr_application_open;
  app_class->startup = gr_application_startup;
  app_class->shutdown = gr_application_shutdown;
}

static void
gr_application_init (GrApplication *self)
{
  g_queue_init (&self->quit_queue);
  g_signal_connect (self, "window-removed", G_CALLBACK (on_quit_window_removed), NULL);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

GrApplication *
gr_application_new (void)
{
  return g_object_new (GR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/grille/Grille",
                       NULL);
}
