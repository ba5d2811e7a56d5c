/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sending the grid out and gathering it in, from the main window: one file per participant
 * (or per name typed in a list) to send, and the returned files' participants imported in one
 * undoable step, by the menu or by dropping files on the participants page. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gr-session-merge.h"
#include "gr-session-split.h"
#include "gr-ui.h"
#include "gr-window-private.h"

static GtkWidget *
show_message (GrWindow   *self,
              const char *primary,
              const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* The files are read: their participants join as one undoable step, and a dialog says what
 * came in from where. */
static void
on_read_to_import (GrWindow  *self,
                   GPtrArray *loaded)
{
  g_autoptr(GrSessionMerge) merge = gr_session_merge_new (self->session);
  g_autofree char *summary = NULL;
  char *details;

  gr_history_begin_group (self->history);
  for (guint i = 0; i < loaded->len; i++)
    gr_session_merge_add_loaded (merge, g_ptr_array_index (loaded, i), NULL);
  gr_history_end_group (self->history);

  /* The summary's first line is the dialog's title, the others its text. */
  summary = gr_session_merge_get_summary (merge);
  g_strchomp (summary);
  details = strchr (summary, '\n');
  if (details != NULL)
    *details++ = '\0';
  show_message (self, summary, details ? details : "");

  if (gr_session_merge_count_imported (merge) > 0)
    gr_window_show_page (self, PAGE_PARTICIPANTS);
}

/**
 * gr_window_import_participants:
 * @files: (element-type GFile): session files whose participants join this one
 *
 * Imports the participants of @files as one undoable step, and says in a dialog what came in
 * from where (a file refused, a name already there, a participant renamed "Nom (2)"). The
 * files are read in a thread (gr_window_is_busy() meanwhile), the participants added on the
 * main thread once they are all read.
 */
void
gr_window_import_participants (GrWindow  *self,
                               GPtrArray *files)
{
  g_return_if_fail (GR_IS_WINDOW (self));
  g_return_if_fail (files != NULL);

  _gr_window_read_files (self, files, on_read_to_import);
}

static void
on_import_response (GtkNativeDialog *native,
                    int              response,
                    GrWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  g_signal_handlers_disconnect_by_data (chooser, self);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GPtrArray) files = gr_ui_chooser_get_files (chooser);

      gr_window_import_participants (self, files);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

/* Asks for the returned files whose participants join this session. */
void
_gr_window_choose_import (GrWindow *self)
{
  g_autoptr(GtkFileFilter) filter = _gr_window_new_session_filter ();

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Importer des participants"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Importer"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_participants_drop (GtkDropTarget *target,
                      const GValue  *value,
                      double         x,
                      double         y,
                      GrWindow      *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (GSList *l = g_value_get_boxed (value); l; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  if (files->len == 0)
    return FALSE;

  gr_window_import_participants (self, files);
  return TRUE;
}

/* Files dropped on the participants page are imported into this session, not opened. */
void
_gr_window_gather_init_page (GrWindow           *self,
                             GrParticipantsPage *page)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_participants_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (page), GTK_EVENT_CONTROLLER (drop));
}

/* What the thread that prepares the files needs: a copy of the session (typing goes on
 * meanwhile), the names and the folder. */
typedef struct
{
  GrSession    *copy;
  char        **names;
  GFile        *directory;
  GApplication *application;   /* held until written; let go of in on_prepared() */
} PrepareData;

static void
prepare_data_free (PrepareData *data)
{
  g_object_unref (data->copy);
  g_strfreev (data->names);
  g_object_unref (data->directory);
  g_free (data);
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PrepareData *data = task_data;
  GError *error = NULL;
  GPtrArray *written = gr_session_split (data->copy, (const char **) data->names,
                                         data->directory, &error);

  if (written != NULL)
    g_task_return_pointer (task, written, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  /* The window and the application are let go of here, on the main thread: the task itself
   * may be freed by its thread. */
  g_autoptr(GrWindow) self = user_data;
  PrepareData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *where = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;

  gr_ui_release_application (g_steal_pointer (&data->application));
  self->file_tasks--;
  if (_gr_window_is_gone (self))
    return;

  if (written == NULL)
    {
      gr_ui_show_error (GTK_WIDGET (self), _("Les fichiers n’ont pas été préparés"),
                        error->message);
      return;
    }

  where = g_file_get_parse_name (data->directory);
  primary = g_strdup_printf (ngettext ("%u fichier préparé", "%u fichiers préparés",
                                       written->len), written->len);
  /* Translators: %s is a folder. */
  secondary = g_strdup_printf (_("Dans %s. Envoyez à chacun son fichier, puis importez les "
                                 "fichiers remplis avec «\u202fImporter des participants…\u202f»."),
                               where);
  show_message (self, primary, secondary);
}

/**
 * gr_window_prepare_files:
 * @names: (nullable): the names to prepare a file for, NULL-terminated; %NULL for every
 *   participant
 * @directory: where to write them
 *
 * Writes one session file per participant into @directory, in a thread (gr_window_is_busy()
 * meanwhile), from the session as it is now, and says so in a dialog, or why not.
 */
void
gr_window_prepare_files (GrWindow    *self,
                         const char **names,
                         GFile       *directory)
{
  g_autoptr(GTask) task = NULL;
  PrepareData *data;

  g_return_if_fail (GR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (directory));

  data = g_new0 (PrepareData, 1);
  /* Quitting meanwhile waits for the files, as for a save, rather than leave some written. */
  data->application = gr_ui_hold_application ();
  data->copy = gr_session_copy (self->session);
  data->names = g_strdupv ((char **) names);
  data->directory = g_object_ref (directory);
  self->file_tasks++;
  task = g_task_new (NULL, NULL, on_prepared, g_object_ref (self));
  g_task_set_source_tag (task, gr_window_prepare_files);
  g_task_set_task_data (task, data, (GDestroyNotify) prepare_data_free);
  g_task_run_in_thread (task, prepare_in_thread);
}

static void
on_prepare_folder_response (GtkNativeDialog *native,
                            int              response,
                            GrWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_auto(GStrv) names = g_object_steal_data (G_OBJECT (chooser), "names");

  g_signal_handlers_disconnect_by_data (chooser, self);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (folder != NULL)
        gr_window_prepare_files (self, (const char **) names, folder);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

static void
on_prepare_response (GtkDialog *dialog,
                     int        response,
                     GrWindow  *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "names");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  char **names;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  names = g_strsplit (text, "\n", -1);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Dossier des fichiers à envoyer"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Préparer"), _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_object_set_data_full (G_OBJECT (self->chooser), "names", names,
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_prepare_folder_response),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Asks for the names, one per line (the participants' to begin with), then the folder. */
void
_gr_window_choose_prepare (GrWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog, *box, *label, *scrolled, *view;

  for (guint i = 0; i < gr_session_get_n_participants (self->session); i++)
    g_string_append_printf (text, "%s\n",
                            gr_participant_get_name (gr_session_get_participant (self->session,
                                                                                 i)));

  dialog = gtk_dialog_new_with_buttons (_("Préparer un fichier par participant"),
                                        GTK_WINDOW (self),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT |
                                        GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Annuler"), GTK_RESPONSE_CANCEL,
                                        _("_Choisir le dossier…"), GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, 360);

  box = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  gtk_box_set_spacing (GTK_BOX (box), 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  label = gtk_label_new_with_mnemonic (_("Un fichier sera préparé pour chaque _nom, un par ligne. "
                                         "Chacun ne contient que son participant, avec le titre, "
                                         "la date et l’organisation de la session."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  view = gtk_text_view_new ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text->str, -1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "frame");
  gtk_box_append (GTK_BOX (box), scrolled);

  g_object_set_data (G_OBJECT (dialog), "names", view);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_prepare_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
