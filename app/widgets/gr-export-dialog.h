/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-chart-export.h"
#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_EXPORT_DIALOG (gr_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GrExportDialog, gr_export_dialog, GR, EXPORT_DIALOG, GtkWindow)

/* What the dialog writes: a chart format, the table of scores, or the long table (one row per
 * participant and savoir-faire, with the notes). */
typedef enum
{
  GR_EXPORT_PNG,
  GR_EXPORT_SVG,
  GR_EXPORT_PDF,
  GR_EXPORT_CSV,
  GR_EXPORT_CSV_LONG,
  GR_EXPORT_REPORT,
} GrExportKind;

GrExportDialog *gr_export_dialog_new          (GtkWindow      *parent,
                                               GrSession      *session,
                                               GrParticipant  *participant,
                                               GFile          *session_file);
void            gr_export_dialog_set_kind     (GrExportDialog *self,
                                               GrExportKind    kind);
void            gr_export_dialog_set_language (GrExportDialog *self,
                                               const char     *code);
gboolean        gr_export_dialog_write        (GrExportDialog *self,
                                               GFile          *file,
                                               GError        **error);
void            gr_export_dialog_export_to    (GrExportDialog *self,
                                               GFile          *file);
void            gr_export_dialog_relabel      (GrExportDialog *self);
void            gr_export_dialog_set_series   (GrExportDialog *self,
                                               const GrChartVisibility *visibility,
                                               GrSession      *reference);
void            gr_export_dialog_set_comparison (GrExportDialog *self,
                                                 GPtrArray      *references,
                                                 gboolean        by_role);

G_END_DECLS
