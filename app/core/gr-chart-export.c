/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Chart export to PNG, SVG and PDF: the radar chart's issue fills this in. */
#define G_LOG_DOMAIN "gr-chart-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gr-chart-export.h"
#include "gr-error.h"

void
gr_chart_export_options_init (GrChartExportOptions *options)
{
  *options = (GrChartExportOptions) { 1200, 1200, 1, gr_translator_get (NULL), NULL, FALSE, NULL };
}

gboolean
gr_chart_format_from_name (const char    *name,
                           GrChartFormat *format)
{
  if (g_ascii_strcasecmp (name, "png") == 0)
    *format = GR_CHART_FORMAT_PNG;
  else if (g_ascii_strcasecmp (name, "svg") == 0)
    *format = GR_CHART_FORMAT_SVG;
  else if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = GR_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

gboolean
gr_chart_format_from_path (const char    *path,
                           GrChartFormat *format)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && gr_chart_format_from_name (dot + 1, format);
}

GBytes *
gr_chart_export_to_bytes (GrSession                   *session,
                          GrChartFormat                format,
                          const GrChartExportOptions  *options,
                          GError                     **error)
{
  g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                       _("l’export du graphique n’est pas encore disponible"));
  return NULL;
}
