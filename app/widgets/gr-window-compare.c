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

/**
 * gr_window_compare_with_file:
 * @file: an earlier session
 *
 * Draws @file's session on the window's charts (and in its exports) for comparison, beside
 * those already there, up to GR_CHART_MAX_REFERENCES. It is not part of this session: nothing
 * to save, nothing to undo. A file that cannot be read, on another grid or one too many is
 * refused with a dialog that says why, and the charts keep what they had.
 *
 * Returns: whether @file was added.
 */
gboolean
gr_window_compare_with_file (GrWindow *self,
                             GFile    *file)
{
  g_autoptr(GrSession) reference = NULL;
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->references->len >= GR_CHART_MAX_REFERENCES)
    g_set_error (&error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                 ngettext ("la comparaison porte au plus sur %d session antérieure",
                           "la comparaison porte au plus sur %d sessions antérieures",
                           GR_CHART_MAX_REFERENCES), GR_CHART_MAX_REFERENCES);
  else if ((reference = gr_session_load (file, &error)))
    gr_session_check_comparable (self->session, reference, &error);

  if (error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: %s is the file chosen as the earlier session. */
      g_autofree char *primary = g_strdup_printf (_("Impossible de comparer avec « %s »"), name);

      gr_ui_show_error (GTK_WIDGET (self), primary, error->message);
      return FALSE;
    }

  /* A new array each time: an export dialog may hold the one it was given. */
  references = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->references->len; i++)
    g_ptr_array_add (references, g_object_ref (self->references->pdata[i]));
  g_ptr_array_add (references, g_steal_pointer (&reference));
  g_ptr_array_sort (references, compare_dates);
  g_ptr_array_unref (self->references);
  self->references = g_steal_pointer (&references);

  _gr_window_apply_reference (self);
  return TRUE;
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
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      /* One refusal is enough: the others would be said one dialog over another. */
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (!gr_window_compare_with_file (self, file))
            break;
        }
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
