/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's files: opening, saving, saving as, the recent sessions, the title that
 * names the file, and the question asked before unsaved work is closed. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include "gr-i18n.h"
#include "gr-session-file.h"
#include "gr-ui.h"
#include "gr-window-private.h"

#define MAX_RECENT 10

/* The file's name, or "Nouvelle session" when it has none yet. Made from the name alone:
 * the title changes at each first change after a save, and asks the disk nothing. */
static char *
get_display_name (GrWindow *self)
{
  g_autofree char *basename = NULL;

  if (self->file == NULL)
    return g_strdup (_("Nouvelle session"));

  basename = g_file_get_basename (self->file);
  return g_filename_display_name (basename);
}

/* The folder of @file, as the header bar's subtitle says it: "~/Documents". */
static char *
get_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
  const char *home = g_get_home_dir ();

  if (path != NULL && g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);
  return parent ? g_file_get_parse_name (parent) : g_strdup ("");
}

void
_gr_window_update_title (GrWindow *self)
{
  g_autofree char *name = get_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = gr_window_is_modified (self);

  /* The star is the usual GNOME mark of unsaved changes; it is also read out with the title. */
  title = modified ? g_strconcat ("*", name, NULL) : g_strdup (name);
  gtk_label_set_text (self->title_label, title);

  if (self->file != NULL)
    subtitle = get_folder_name (self->file);
  else
    subtitle = g_strdup (_("Pas encore enregistrée"));
  if (modified)
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);
      /* Translators: the header bar's subtitle: the folder, then that changes are unsaved. */
      subtitle = g_strdup_printf (_("%s — modifications non enregistrées"), plain);
    }
  gtk_label_set_text (self->subtitle_label, subtitle);

  window_title = g_strdup_printf ("%s – Grille", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) GR_MIME_TYPE,
    .app_name = (char *) "Grille",
    .app_exec = (char *) "grille %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

GtkFileFilter *
_gr_window_new_session_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Sessions Grille"));
  gtk_file_filter_add_pattern (filter, "*" GR_SESSION_EXTENSION);
  gtk_file_filter_add_mime_type (filter, GR_MIME_TYPE);
  return filter;
}

/* A close that was asked for does not happen (cancelled, or the save failed): whoever waits
 * for the window to go (quitting) stops. */
static void
cancel_close (GrWindow *self)
{
  if (!self->closing)
    return;
  self->closing = FALSE;
  g_signal_emit_by_name (self, "close-cancelled");
}

static void ask_before_overwriting (GrWindow *self,
                                    gboolean  close_after);

/* What a save writes: a copy of the session and its history's point, both taken on the main
 * thread when the save was asked for, so that typing goes on while a thread serialises and
 * writes the copy. */
typedef struct
{
  GApplication *application;  /* held: the process waits for the file */
  GrHistory    *history;      /* a session opened into the window meanwhile has another */
  guint         point;
  GFile        *file;
  GrSession    *copy;         /* held by nothing else */
  char         *expected;     /* the window's file as it last saw it; NULL: replace it anyway */
  char         *stamp;        /* the file's, once written */
} SaveData;

static void
save_data_free (SaveData *data)
{
  /* The application and the history went in on_saved(), on the main thread. */
  g_object_unref (data->file);
  g_object_unref (data->copy);
  g_free (data->expected);
  g_free (data->stamp);
  g_free (data);
}

/* Serialised, written, flushed to disk and renamed over the file: a failure leaves the previous
 * file. The window's own file changed elsewhere since it last saw it (another window, another
 * machine, a synchronised copy) is left alone, with G_IO_ERROR_WRONG_ETAG: the user is asked
 * first. A file gone meanwhile is simply written again. */
static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autofree char *stamp = data->expected ? _gr_window_stamp_file (data->file) : NULL;
  GError *error = NULL;

  if (stamp != NULL && strcmp (stamp, data->expected) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG, "changed elsewhere");
      return;
    }
  if (!gr_session_save (data->copy, data->file, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data->stamp = _gr_window_stamp_file (data->file);
  g_task_return_boolean (task, TRUE);
}

/* One file is written at a time: a save asked for during another comes after it, to @file
 * (Save As) or, when %NULL, to the window's file if there is still something to save. */
static void
queue_save (GrWindow *self,
            GFile    *file,
            gboolean  close_after)
{
  self->save_queued = TRUE;
  if (file != NULL)
    g_set_object (&self->save_queued_file, file);
  self->close_when_saved |= close_after;
}

static void start_save (GrWindow *self,
                        GFile    *file,
                        gboolean  overwrite,
                        gboolean  close_after);

/* Once a save is done: the save asked for meanwhile, or the close that waited. */
static void
after_save (GrWindow *self,
            gboolean  saved)
{
  g_autoptr(GFile) queued_file = g_steal_pointer (&self->save_queued_file);
  gboolean queued = self->save_queued;
  gboolean close_after = self->close_when_saved;

  self->save_queued = FALSE;
  self->close_when_saved = FALSE;

  /* Not written: another try would fail the same way, and the window does not close on work
   * that is not on disk. */
  if (!saved)
    {
      if (close_after)
        cancel_close (self);
    }
  else if (queued_file != NULL)
    start_save (self, queued_file, FALSE, close_after);
  else if (queued && gr_window_is_modified (self))
    _gr_window_save_then (self, close_after);
  else if (close_after)
    {
      /* Closed if nothing changed during the save; otherwise the question is asked again. */
      self->closing = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  /* The window, the application and the history are let go of here, on the main thread: the
   * task itself may be freed by its thread (GLib lets the last reference go where it drops). */
  g_autoptr(GrWindow) self = user_data;
  SaveData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GrHistory) history = g_steal_pointer (&data->history);
  g_autoptr(GError) error = NULL;
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);

  gr_ui_release_application (g_steal_pointer (&data->application));
  self->saving = FALSE;
  self->file_tasks--;
  /* A window gone meanwhile has nothing to show; another session in it, nothing to mark. */
  if (_gr_window_is_gone (self))
    {
      g_clear_object (&self->save_queued_file);
      return;
    }

  /* Nothing written: the question decides, and what was asked for meanwhile waits for it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      gboolean close_after = self->close_when_saved;

      self->save_queued = FALSE;
      self->close_when_saved = FALSE;
      g_clear_object (&self->save_queued_file);
      ask_before_overwriting (self, close_after);
      return;
    }

  if (saved && history == self->history)
    {
      /* What was written is the session as it was when the save was asked for. */
      gr_history_mark_saved_at (self->history, data->point);
      g_set_object (&self->file, data->file);
      g_free (self->file_stamp);
      self->file_stamp = g_steal_pointer (&data->stamp);
      if (!gr_window_is_modified (self))
        _gr_window_discard_draft (self);
      add_recent (data->file);
      _gr_window_update_title (self);
    }
  else if (!saved)
    {
      g_autofree char *name = g_file_get_parse_name (data->file);
      g_autofree char *primary = g_strdup_printf (_("Impossible d’enregistrer « %s »"), name);

      gr_ui_show_error (GTK_WIDGET (self), primary, error->message);
    }

  after_save (self, saved);
}

/* Writes the session to @file (atomically, keeping the previous file as a backup) in a thread;
 * once written it is the window's file. Over the window's own file, unless @overwrite, only if
 * nobody changed it since; otherwise the user is asked first (checked in the thread: asking the
 * disk may take long on a network share). During a save the file is changing under this very
 * window: the new save waits for it. */
static void
start_save (GrWindow *self,
            GFile    *file,
            gboolean  overwrite,
            gboolean  close_after)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  if (self->saving)
    {
      queue_save (self, file, close_after);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->application = gr_ui_hold_application ();
  data->history = g_object_ref (self->history);
  data->point = gr_history_get_point (self->history);
  data->file = g_object_ref (file);
  data->copy = gr_session_copy (self->session);
  if (!overwrite && self->file != NULL && g_file_equal (file, self->file))
    data->expected = g_strdup (self->file_stamp);

  self->saving = TRUE;
  self->file_tasks++;
  self->close_when_saved = close_after;
  task = g_task_new (NULL, NULL, on_saved, g_object_ref (self));
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     GrWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;
  gboolean close_after = self->close_after_save;

  g_signal_handlers_disconnect_by_data (chooser, self);
  self->close_after_save = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = g_file_get_basename (chosen);

      /* Without its extension the file would not open with a double click. */
      if (g_str_has_suffix (basename, GR_SESSION_EXTENSION))
        file = g_object_ref (chosen);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *name = g_strconcat (basename, GR_SESSION_EXTENSION, NULL);
          file = g_file_get_child (parent, name);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  if (!close_after)
    _gr_window_return_focus (self);

  /* The window's own file, changed elsewhere: the same question as a plain save. The chooser
   * asks only whether to replace a file, and not at all for a name typed without its
   * extension. */
  if (file != NULL)
    start_save (self, file, FALSE, close_after);
  else if (close_after)
    cancel_close (self);
}

void
_gr_window_save_as (GrWindow *self,
                    gboolean  close_after)
{
  g_autoptr(GtkFileFilter) filter = _gr_window_new_session_filter ();
  const char *title = gr_session_get_title (self->session);
  g_autofree char *name = NULL;

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Enregistrer la session"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Enregistrer"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), self->file, NULL);
  else
    {
      name = g_strconcat (*title ? title : _("Session"), GR_SESSION_EXTENSION, NULL);
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  self->close_after_save = close_after;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_as_response), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Returns: (nullable): what tells whether @file changed on disk (its size and etag, that is
 * its modification time to the microsecond for a local file), or NULL when it is not there. */
char *
_gr_window_stamp_file (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                                 G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup_printf ("%" G_GOFFSET_FORMAT " %s", g_file_info_get_size (info),
                          g_file_info_get_etag (info) ? g_file_info_get_etag (info) : "");
}

static void
on_overwrite_response (GtkDialog *dialog,
                       int        response,
                       GrWindow  *self)
{
  gboolean close_after = self->close_after_save;

  self->close_after_save = FALSE;
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    start_save (self, self->file, TRUE, close_after);
  else if (close_after)
    cancel_close (self);
}

/* Saving over a file changed elsewhere (another window, another machine, a synchronised copy)
 * would lose that work without a word: the user is asked first, as GNOME Text Editor does. */
static void
ask_before_overwriting (GrWindow *self,
                        gboolean  close_after)
{
  g_autofree char *name = get_display_name (self);
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s",
                                   _("Le fichier a été modifié par ailleurs"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("« %s » a changé sur le disque depuis son "
                                              "ouverture ou son dernier enregistrement. "
                                              "L’écraser remplacera ces modifications par "
                                              "les vôtres."),
                                            name);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Annuler"), GTK_RESPONSE_CANCEL,
                          _("É_craser"), GTK_RESPONSE_ACCEPT,
                          NULL);
  /* Overwriting is the destructive choice: cancel is the default. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  self->close_after_save = close_after;
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_overwrite_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saves to the window's file, or asks where first. The file is written in a thread: the
 * window closes (@close_after) once it is written, or stays if it could not be. */
void
_gr_window_save_then (GrWindow *self,
                      gboolean  close_after)
{
  if (self->saving)
    queue_save (self, NULL, close_after);
  else if (self->file == NULL)
    _gr_window_save_as (self, close_after);
  else
    start_save (self, self->file, FALSE, close_after);
}

/* Whether a file is being read or written for the window, in a thread: a save, a file opened
 * into it, files compared or imported. */
gboolean
gr_window_is_busy (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  return self->file_tasks > 0;
}

/* A window that shows an untouched new session: opening a file replaces it. */
gboolean
gr_window_is_pristine (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);

  return self->file == NULL && self->draft == NULL && !self->loading && !self->saving &&
         !gr_window_is_modified (self) &&
         !gr_history_can_undo (self->history) && !gr_history_can_redo (self->history);
}

/* A session already open is brought forward rather than opened twice. */
static GrWindow *
window_showing (GrWindow *self,
                GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (GR_IS_WINDOW (l->data) && GR_WINDOW (l->data)->file != NULL &&
        g_file_equal (GR_WINDOW (l->data)->file, file))
      return l->data;
  return NULL;
}

/* Whether the window was closed or destroyed: what a thread did for it has nowhere to go. The
 * object may still be there, kept by that thread's task. */
gboolean
_gr_window_is_gone (GrWindow *self)
{
  return self->disposed || gtk_window_get_application (GTK_WINDOW (self)) == NULL;
}

typedef struct
{
  GrWindow          *window;
  GrWindowFilesRead  callback;
} ReadData;

/* The files read for a window end here, and so does the file read at start: its task returns
 * the same array. */
static void
on_files_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ReadData *data = user_data;
  GrWindow *self = data->window;
  g_autoptr(GPtrArray) loaded = gr_session_load_files_finish (result);

  self->file_tasks--;
  /* A window closed meanwhile does nothing with them. */
  if (!_gr_window_is_gone (self))
    data->callback (self, loaded);
  g_object_unref (data->window);
  g_free (data);
}

/* Reads @files (GFile) in a thread for @self, as Open, Compare and Import do; @callback gets
 * them read (GrSessionLoaded, in their order) on the main thread, unless the window was closed
 * meanwhile. No file: nothing happens. */
void
_gr_window_read_files (GrWindow          *self,
                       GPtrArray         *files,
                       GrWindowFilesRead  callback)
{
  ReadData *data;

  if (files->len == 0)
    return;

  data = g_new0 (ReadData, 1);
  data->window = g_object_ref (self);
  data->callback = callback;
  self->file_tasks++;
  gr_session_load_files_async (files, NULL, on_files_read, data);
}

static void
read_file (GrWindow          *self,
           GFile             *file,
           GrWindowFilesRead  callback)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  g_ptr_array_add (files, file);
  _gr_window_read_files (self, files, callback);
}

/* Decided once the file is read: meanwhile it may have been opened elsewhere, or this window
 * used. A file that cannot be read is explained where it was opened from. */
static void
on_read_to_open (GrWindow  *self,
                 GPtrArray *loaded)
{
  GrSessionLoaded *read = g_ptr_array_index (loaded, 0);
  GrWindow *target = self;

  if (read->session != NULL && (target = window_showing (self, read->file)) == NULL)
    target = gr_window_is_pristine (self)
      ? self : gr_window_new (GR_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  gtk_window_present (GTK_WINDOW (target));
  if (target->file == NULL || !g_file_equal (target->file, read->file))
    gr_window_open_loaded (target, read->file, read->session, read->error);
}

/* Opens @file in this window if it is untouched, else in a new one; the file is read in a
 * thread, the window showing what it showed until then. */
void
_gr_window_open_in_window (GrWindow *self,
                           GFile    *file)
{
  GrWindow *showing = window_showing (self, file);

  if (showing != NULL)
    {
      gtk_window_present (GTK_WINDOW (showing));
      return;
    }

  read_file (self, file, on_read_to_open);
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  GrWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  g_signal_handlers_disconnect_by_data (chooser, self);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GPtrArray) files = gr_ui_chooser_get_files (chooser);

      for (guint i = 0; i < files->len; i++)
        _gr_window_open_in_window (self, g_ptr_array_index (files, i));
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  /* Cancelled: back where the keyboard was. (An opened session's window comes forward.) */
  if (response != GTK_RESPONSE_ACCEPT)
    _gr_window_return_focus (self);
}

/* Asks for sessions to open. */
void
_gr_window_choose_files_to_open (GrWindow *self)
{
  g_autoptr(GtkFileFilter) filter = _gr_window_new_session_filter ();

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Ouvrir une session"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Ouvrir"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

/* The recent sessions, newest first, for the menu beside Open. */
void
_gr_window_update_recent_menu (GrWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GList *items;
  guint n = 0;

  _gr_window_add_recent_pending (self);
  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());

  items = g_list_sort (items, compare_newest_first);

  for (GList *l = items; l && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, GR_SESSION_EXTENSION) || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uri));
      g_menu_append_item (section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Aucune session récente"), "win.none");
      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, _("Sessions récentes"), G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->recent_button, G_MENU_MODEL (menu));
}

/* Opens @file in this window, read before this returns; on failure the window keeps its
 * session and says why. */
gboolean
gr_window_open_file (GrWindow *self,
                     GFile    *file)
{
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  session = gr_session_load (file, &error);
  return gr_window_open_loaded (self, file, session, error);
}

/* Once made, a window waits this long at most for its file (read in a thread) before it shows
 * with its pages waiting: about a frame. A workshop's session file is read by then: the
 * window shows its session from its first frame, measured and drawn once. A session of 1,000
 * participants takes about 100 ms to read: its window does not wait for it. */
#define SHOW_WAIT_MS 20

static void
on_show_wait_over (gpointer user_data)
{
  GrWindow *self = user_data;

  self->show_id = 0;
  /* Greyed out until the file's session replaces the empty one: what is typed meanwhile
   * would be lost. */
  _gr_window_take_new_session (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_stack), FALSE);
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_read_in_place (GrWindow  *self,
                  GPtrArray *loaded)
{
  GrSessionLoaded *read = g_ptr_array_index (loaded, 0);
  gboolean shown = self->show_id == 0;   /* the wait ran out: shown, greyed out */
  GtkWidget *focus;

  self->loading = FALSE;
  g_clear_handle_id (&self->show_id, g_source_remove);
  /* Not read: the window shows a new session, and says why. */
  if (read->session == NULL && self->session == NULL)
    _gr_window_take_new_session (self);
  /* Read in time, the window shows the session from its first frame; a file that cannot be
   * read is explained over the window, shown first. */
  if (!shown && read->session == NULL)
    gtk_window_present (GTK_WINDOW (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_stack), TRUE);
  if (!gr_window_open_loaded (self, read->file, read->session, read->error))
    _gr_window_update_title (self);
  if (!shown)
    {
      if (read->session != NULL)
        gtk_window_present (GTK_WINDOW (self));
      return;
    }

  /* Shown while its pages waited, the window gave its first focus to the header bar: the
   * pages get it now, where a window opened with its session has it. */
  focus = gtk_window_get_focus (GTK_WINDOW (self));
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->header_bar)))
    {
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
    }
}

/* A file given at start is read while its window is made when it is small: a workshop's
 * session (10 KB for 12 participants, 40 KB for 50) is read by the time the window is made,
 * which then waits for nothing. A larger one is read once the window is made: on a two-core
 * machine its parse would slow the making of the window itself (1,000 participants, 850 KB:
 * the window came 45 ms later). */
#define READ_WHILE_MADE_BYTES (128 * 1024)

typedef struct
{
  GFile    *file;
  GMutex    mutex;
  GCond     cond;
  gboolean  window_made;
} StartRead;

static void
start_read_free (StartRead *start)
{
  g_object_unref (start->file);
  g_mutex_clear (&start->mutex);
  g_cond_clear (&start->cond);
  g_free (start);
}

static void
read_at_start_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  StartRead *start = task_data;
  g_autoptr(GFileInfo) info = g_file_query_info (start->file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_session_loaded_free);

  /* A file that cannot be looked at waits too: gr_session_load() says why, after. */
  if (info == NULL || g_file_info_get_size (info) > READ_WHILE_MADE_BYTES)
    {
      g_mutex_lock (&start->mutex);
      while (!start->window_made)
        g_cond_wait (&start->cond, &start->mutex);
      g_mutex_unlock (&start->mutex);
    }
  g_ptr_array_add (results, gr_session_loaded_read (start->file));
  g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * gr_window_new_for_file:
 * @file: a session file
 *
 * Makes a window for @file, read and parsed in a thread. The window has no session until the
 * file is read: it shows then, with the file's session, or 20 ms at most after it is made,
 * with the file's name and a new session's pages waiting (greyed out) until the file is read.
 * A file that cannot be read leaves the window a new session, and the window says why.
 *
 * Returns: (transfer none): the window, which belongs to @application.
 */
GrWindow *
gr_window_new_for_file (GrApplication *application,
                        GFile         *file)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *window_title = NULL;
  g_autoptr(GTask) task = NULL;
  StartRead *start;
  ReadData *data;
  GrWindow *self;

  g_return_val_if_fail (GR_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  start = g_new0 (StartRead, 1);
  start->file = g_object_ref (file);
  g_mutex_init (&start->mutex);
  g_cond_init (&start->cond);
  data = g_new0 (ReadData, 1);
  data->callback = on_read_in_place;
  /* The task keeps @start until it is done. Its callback runs from the main loop: after this
   * function, the window made. */
  task = g_task_new (NULL, NULL, on_files_read, data);
  g_task_set_source_tag (task, gr_window_new_for_file);
  g_task_set_task_data (task, start, (GDestroyNotify) start_read_free);
  g_task_run_in_thread (task, read_at_start_in_thread);

  self = g_object_new (GR_TYPE_WINDOW, "application", application, "for-file", TRUE, NULL);
  data->window = g_object_ref (self);
  self->file_tasks++;
  name = g_file_get_basename (file);
  folder = get_folder_name (file);
  window_title = g_strdup_printf ("%s – Grille", name);
  gtk_label_set_text (self->title_label, name);
  gtk_label_set_text (self->subtitle_label, folder);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  self->show_id = g_timeout_add_once (SHOW_WAIT_MS, on_show_wait_over, self);

  /* A large file is read from now on. */
  g_mutex_lock (&start->mutex);
  start->window_made = TRUE;
  g_cond_signal (&start->cond);
  g_mutex_unlock (&start->mutex);
  return self;
}

/**
 * gr_window_open_loaded:
 * @session: (nullable): the session read from @file, or %NULL
 * @error: (nullable): why @file could not be read, when @session is %NULL
 *
 * Shows @session, read from @file (by _gr_window_read_files(), say), in this window; without a
 * session the window keeps its own and says why.
 *
 * Returns: whether @session is shown.
 */
gboolean
gr_window_open_loaded (GrWindow     *self,
                       GFile        *file,
                       GrSession    *session,
                       const GError *error)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (session != NULL || error != NULL, FALSE);

  if (session == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *primary = g_strdup_printf (_("Impossible d’ouvrir « %s »"), name);

      gr_ui_show_error (GTK_WIDGET (self), primary, error->message);
      return FALSE;
    }

  _gr_window_discard_draft (self);
  g_clear_object (&self->draft);
  gr_window_set_session (self, session, file);
  /* GTK reads the recent files' list from the disk when it is first used (15 ms for 500
   * entries): a file opened before the window's first frame joins it after that frame. */
  if (self->painted)
    add_recent (file);
  else
    g_set_object (&self->recent_pending, file);
  return TRUE;
}

/* Lists the file opened before the window's first frame among the recent files. */
void
_gr_window_add_recent_pending (GrWindow *self)
{
  if (self->recent_pending != NULL)
    add_recent (self->recent_pending);
  g_clear_object (&self->recent_pending);
}

void
_gr_window_save_state (GrWindow *self)
{
  int width, height;

  if (self->projector)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

typedef struct
{
  GrWindow *window;
  int       response;
} CloseData;

static gboolean
finish_close (gpointer user_data)
{
  CloseData *data = user_data;
  GrWindow *self = data->window;

  switch (data->response)
    {
    case GTK_RESPONSE_ACCEPT:
      _gr_window_save_then (self, TRUE);
      break;

    case GTK_RESPONSE_REJECT:
      /* The user chose to lose the changes: the draft must not offer them again. */
      _gr_window_discard_draft (self);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    default:
      cancel_close (self);
      break;
    }

  g_object_unref (data->window);
  g_free (data);
  return G_SOURCE_REMOVE;
}

/* The window may go away as a result: that happens once the dialog, which points to it as its
 * parent, is gone, hence the idle. */
static void
on_close_response (GtkDialog *dialog,
                   int        response,
                   GrWindow  *self)
{
  CloseData *data = g_new0 (CloseData, 1);

  data->window = g_object_ref (self);
  data->response = response;
  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_prompt);
  self->close_prompt = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_idle_add (finish_close, data);
}

/* Called when the window is asked to close: FALSE lets it close; TRUE keeps it open while the
 * user is asked whether to save (or the answer is carried out). */
gboolean
_gr_window_hold_close (GrWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  _gr_window_save_state (self);

  /* Asked during a save (Ctrl+S, then Ctrl+W or Ctrl+Q): the window goes once the file is
   * written, or is asked about again if it changed meanwhile; it stays, saying why, if the file
   * could not be written. */
  if (self->saving)
    {
      self->closing = TRUE;
      self->close_when_saved = TRUE;
      return TRUE;
    }

  if (self->close_confirmed || !gr_window_is_modified (self))
    {
      _gr_window_discard_draft (self);
      return FALSE;
    }

  /* Asked again (Ctrl+W or Ctrl+Q twice): the question already open comes forward. */
  if (self->close_prompt != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_prompt));
      return TRUE;
    }
  /* The answer is being carried out (the save chooser may be open). */
  if (self->closing)
    return TRUE;

  self->closing = TRUE;
  gtk_window_present (window);
  name = get_display_name (self);
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Enregistrer les modifications de « %s » avant de fermer ?"),
                                   name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Si vous n’enregistrez pas, les modifications "
                                              "faites depuis le dernier enregistrement seront "
                                              "perdues."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Annuler"), GTK_RESPONSE_CANCEL,
                          _("_Ne pas enregistrer"), GTK_RESPONSE_REJECT,
                          _("_Enregistrer"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gr_ui_style_question (GTK_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  self->close_prompt = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_prompt);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}
