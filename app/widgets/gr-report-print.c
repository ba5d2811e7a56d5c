/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing the report: a GtkPrintOperation whose pages are the report's, drawn by the same code
 * as the PDF, on the printer's cairo_t in points from the paper's corner. Preview and "Print to
 * file" come with GTK's dialog. */
#define G_LOG_DOMAIN "gr-report-print"

#include "config.h"

#include "gr-report-print.h"

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              GrReport          *report)
{
  gr_report_draw_page (report, page, gtk_print_context_get_cairo_context (context));
}

/**
 * gr_report_print_operation_new:
 *
 * Lays the report out and returns an operation that prints it; run it with
 * gtk_print_operation_run().
 *
 * Returns: (transfer full) (nullable): the operation, or NULL when the report cannot be made.
 */
GtkPrintOperation *
gr_report_print_operation_new (GrSession              *session,
                               const GrReportOptions  *options,
                               GError                **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  GrReport *report;
  const char *title;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!(report = gr_report_new (session, options, error)))
    return NULL;

  paper = gtk_paper_size_new (options->paper == GR_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  title = gr_session_get_title (session);
  gtk_print_operation_set_job_name (operation, *title ? title : "Grille");
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The report has its own margins: it is drawn from the paper's corner, in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, gr_report_get_n_pages (report));
  g_object_set_data_full (G_OBJECT (operation), "gr-report", report,
                          (GDestroyNotify) gr_report_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), report);

  return g_steal_pointer (&operation);
}
