/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-report.h"

G_BEGIN_DECLS

GtkPrintOperation *gr_report_print_operation_new (GrSession              *session,
                                                  const GrReportOptions  *options,
                                                  GError                **error);

G_END_DECLS
