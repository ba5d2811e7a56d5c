/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Earlier sessions drawn on the main window's charts for comparison, up to five, each a thin
 * dated line: chosen, shown on the three charts, cleared. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gr-chart-data.h"
#include "gr-session-file.h"
#include "gr-session-merge.h"
#include "gr-ui.h"
#include "gr-window-private.h"

/* The three charts are one chart shown in three places: the same references on each. */
void
_gr_window_apply_reference (GrWindow *self)
{
  gr_chart_view_set_references (self->chart, self->references);
  if (self->projector_view != NULL)
    gr_chart_view_set_references (gr_projector_view_get_chart (self->projector_view),
                                  self->references);
  if (self->overview != NULL)
    gr_overview_page_set_references (self->overview, self->references);
  _gr_window_update_actions (self);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return gr_session_compare_dates (*(GrSession **) a, *(GrSession **) b);
}

/* Why @read cannot be drawn beside this session, or %NULL. */
static GError *
check_reference (GrWindow        *self,
                 GPtrArray       *references,
                 GrSessionLoaded *read)
{
  GError *error = NULL;

  if (references->len >= GR_CHART_MAX_REFERENCES)
    g_set_error (&error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                 ngettext ("la comparaison porte au plus sur %d session antérieure",
                           "la comparaison porte au plus sur %d sessions antérieures",
                           GR_CHART_MAX_REFERENCES), GR_CHART_MAX_REFERENCES);
  else if (read->session == NULL)
    error = g_error_copy (read->error);
  else
    gr_session_check_comparable (self->session, read->session, &error);
  return error;
}

/* The files are read: added in their order until one is refused. One refusal is enough: the
 * others would be said one dialog over another. */
static void
on_read_to_compare (GrWindow  *self,
                    GPtrArray *loaded)
{
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_object_unref);
  guint before = self->references->len;

  /* A new array each time: an export dialog may hold the one it was given. */
  for (guint i = 0; i < self->references->len; i++)
    g_ptr_array_add (references, g_object_ref (self->references->pdata[i]));

  for (guint i = 0; i < loaded->len; i++)
    {
      GrSessionLoaded *read = g_ptr_array_index (loaded, i);
      g_autoptr(GError) error = check_reference (self, references, read);

      if (error != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (read->file);
          /* Translators: %s is the file chosen as the earlier session. */
          g_autofree char *primary = g_strdup_printf (_("Impossible de comparer avec « %s »"),
                                                      name);

          gr_ui_show_error (GTK_WIDGET (self), primary, error->message);
          break;
        }
      g_ptr_array_add (references, g_object_ref (read->session));
    }

  if (references->len == before)
    return;
  g_ptr_array_sort (references, compare_dates);
  g_ptr_array_unref (self->references);
  self->references = g_steal_pointer (&references);
  _gr_window_apply_reference (self);
}

/**
 * gr_window_compare_with_files:
 * @files: (element-type GFile): earlier sessions
 *
 * Draws the sessions of @files on the window's charts (and in its exports) for comparison,
 * beside those already there, up to GR_CHART_MAX_REFERENCES. They are not part of this
 * session: nothing to save, nothing to undo. The files are read in a thread
 * (gr_window_is_busy() meanwhile); a file that cannot be read, on another grid or one too many
 * is refused with a dialog that says why, naming it, and the files after it are left out.
 */
void
gr_window_compare_with_files (GrWindow  *self,
                              GPtrArray *files)
{
  g_return_if_fail (GR_IS_WINDOW (self));
  g_return_if_fail (files != NULL);

  _gr_window_read_files (self, files, on_read_to_compare);
}

/* The same, for one file. */
void
gr_window_compare_with_file (GrWindow *self,
                             GFile    *file)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  g_return_if_fail (GR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_ptr_array_add (files, file);
  gr_window_compare_with_files (self, files);
}

/* Returns: (transfer none) (nullable): the oldest earlier session the charts are compared
 * with. */
GrSession *
gr_window_get_reference (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->references->len > 0 ? g_ptr_array_index (self->references, 0) : NULL;
}

/* Returns: (transfer none) (element-type GrSession): the earlier sessions, oldest first. */
GPtrArray *
gr_window_get_references (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->references;
}

static void
on_compare_response (GtkNativeDialog *native,
                     int              response,
                     GrWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  g_signal_handlers_disconnect_by_data (chooser, self);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GPtrArray) files = gr_ui_chooser_get_files (chooser);

      gr_window_compare_with_files (self, files);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  _gr_window_return_focus (self);
}

/* Asks for the earlier sessions to compare with. */
void
_gr_window_choose_reference (GrWindow *self)
{
  g_autoptr(GtkFileFilter) filter = _gr_window_new_session_filter ();

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Comparer avec des sessions antérieures"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Comparer"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* The earlier sessions are most likely beside this one. */
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_compare_response), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_gr_window_clear_reference (GrWindow *self)
{
  if (self->references->len == 0)
    return;

  g_ptr_array_unref (self->references);
  self->references = g_ptr_array_new_with_free_func (g_object_unref);
  _gr_window_apply_reference (self);
}
