/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An earlier session drawn on the main window's charts for comparison: chosen, shown on the
 * three charts, cleared. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include "gr-i18n.h"
#include "gr-session-file.h"
#include "gr-ui.h"
#include "gr-window-private.h"

/* The three charts are one chart shown in three places: the same reference on each. */
void
_gr_window_apply_reference (GrWindow *self)
{
  gr_chart_view_set_reference (self->chart, self->reference);
  if (self->projector_view != NULL)
    gr_chart_view_set_reference (gr_projector_view_get_chart (self->projector_view),
                                 self->reference);
  if (self->overview != NULL)
    gr_chart_view_set_reference (gr_overview_page_get_chart (self->overview), self->reference);
  _gr_window_update_actions (self);
}

/**
 * gr_window_compare_with_file:
 * @file: an earlier session
 *
 * Draws @file's session on the window's charts (and in its exports) for comparison. It is
 * not part of this session: nothing to save, nothing to undo. On failure the charts keep what
 * they had and a dialog says why.
 *
 * Returns: whether @file was read.
 */
gboolean
gr_window_compare_with_file (GrWindow *self,
                             GFile    *file)
{
  g_autoptr(GrSession) reference = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(reference = gr_session_load (file, &error)))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: %s is the file chosen as the earlier session. */
      g_autofree char *primary = g_strdup_printf (_("Impossible de comparer avec « %s »"), name);

      gr_ui_show_error (GTK_WIDGET (self), primary, error->message);
      return FALSE;
    }

  g_set_object (&self->reference, reference);
  _gr_window_apply_reference (self);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the earlier session the charts are compared with. */
GrSession *
gr_window_get_reference (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->reference;
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
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gr_window_compare_with_file (self, file);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  _gr_window_return_focus (self);
}

/* Asks for the earlier session to compare with. */
void
_gr_window_choose_reference (GrWindow *self)
{
  g_autoptr(GtkFileFilter) filter = _gr_window_new_session_filter ();

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Comparer avec une session antérieure"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Comparer"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* The earlier session is most likely beside this one. */
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
  if (self->reference == NULL)
    return;

  g_clear_object (&self->reference);
  _gr_window_apply_reference (self);
}
