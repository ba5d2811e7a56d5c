/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's actions: everything a user can do in it, by menu, button or shortcut. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include "gr-competency.h"
#include "gr-export-dialog.h"
#include "gr-i18n.h"
#include "gr-report-print.h"
#include "gr-window-private.h"

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _gr_window_choose_files_to_open (GR_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _gr_window_open_in_window (GR_WINDOW (widget), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _gr_window_save_then (GR_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _gr_window_save_as (GR_WINDOW (widget), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GrParticipant *participant = _gr_window_is_group (self) ? NULL : self->participant;
  GrExportDialog *dialog = gr_export_dialog_new (GTK_WINDOW (self), self->session, participant,
                                                 self->file);
  GrChartVisibility visibility;

  /* The export draws what the window's charts show. */
  gr_chart_view_get_visibility (gr_overview_page_get_chart (self->overview), &visibility);
  gr_export_dialog_set_series (dialog, &visibility, NULL);
  gr_export_dialog_set_comparison (dialog, self->references, self->by_role);

  _gr_window_return_focus_after (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Prints the report of what the window shows (the group or the participant, the earlier session)
 * in the interface's language, on A4 unless the printer's paper is chosen otherwise. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GrReportOptions options;

  gr_report_options_init (&options);
  if (!_gr_window_is_group (self) && self->participant != NULL)
    options.participant = gr_participant_get_name (self->participant);
  options.references = self->references;

  if (!(operation = gr_report_print_operation_new (self->session, &options, &error)) ||
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  _("Impossible d’imprimer le rapport"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _gr_window_choose_reference (GR_WINDOW (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _gr_window_choose_import (GR_WINDOW (widget));
}

static void
prepare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _gr_window_choose_prepare (GR_WINDOW (widget));
}

static void
compare_clear_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _gr_window_clear_reference (GR_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (g_str_equal (action_name, "win.undo"))
    gr_history_undo (self->history);
  else
    gr_history_redo (self->history);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
select_participant_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GrParticipant *participant =
    gr_session_find_participant (self->session, g_variant_get_string (parameter, NULL), NULL);

  if (participant == NULL)
    return;
  gr_window_set_participant (self, participant);
  /* From the participants page ("Saisir ses scores"), straight to their first savoir-faire
   * on the competency page last shown: the button that was pressed is now insensitive.
   * win.current-participant (a participant just added) stays, for the next name. */
  if (g_str_equal (action_name, "win.select-participant") &&
      g_strcmp0 (gr_window_get_page (self), PAGE_PARTICIPANTS) == 0)
    {
      GrGrid *grid = gr_session_get_grid (self->session);
      guint competency = MIN (self->last_competency, gr_grid_get_n_competencies (grid) - 1);

      gr_window_show_page (self, gr_competency_get_id (gr_grid_get_competency (grid,
                                                                                competency)));
      _gr_window_focus_page (self);
    }
}

static void
remove_participant_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _gr_window_ask_remove_participant (GR_WINDOW (widget),
                                     g_variant_get_string (parameter, NULL));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gr_window_show_page (GR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
step_competency_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _gr_window_step_page (GR_WINDOW (widget),
                        g_str_equal (action_name, "win.next-competency") ? 1 : -1);
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _gr_window_show_shortcuts (GR_WINDOW (widget));
}

void
_gr_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.import-participants", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.prepare-files", NULL, prepare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-clear", NULL,
                                   compare_clear_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.select-participant", "s",
                                   select_participant_action);
  gtk_widget_class_install_action (widget_class, "win.current-participant", "s",
                                   select_participant_action);
  gtk_widget_class_install_action (widget_class, "win.remove-participant", "s",
                                   remove_participant_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.next-competency", NULL,
                                   step_competency_action);
  gtk_widget_class_install_action (widget_class, "win.previous-competency", NULL,
                                   step_competency_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_property_action (widget_class, "win.projector", "projector");
  gtk_widget_class_install_property_action (widget_class, "win.chart-view", "chart-view");
  gtk_widget_class_install_property_action (widget_class, "win.show-names", "show-names");
}
