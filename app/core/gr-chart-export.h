/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-chart-layout.h"
#include "gr-paper.h"
#include "gr-session.h"
#include "gr-translator.h"

G_BEGIN_DECLS

typedef enum
{
  GR_CHART_FORMAT_PNG,
  GR_CHART_FORMAT_SVG,
  GR_CHART_FORMAT_PDF,
} GrChartFormat;

typedef struct
{
  int           width;        /* in pixels (PNG) or points (SVG, PDF); 1200 by default */
  int           height;
  int           scale;        /* HiDPI factor: a PNG has width × scale pixels; 1 by default */
  GrTranslator *translator;   /* language of the labels */
  const char   *participant;  /* NULL: the group when there are several, else the only one */
  gboolean      show_title;   /* the session's title and date above the chart */
  GrSession    *reference;    /* an earlier session drawn for comparison, or NULL */
  GPtrArray    *references;   /* more of them (GrSession), drawn after @reference, or NULL */
  gboolean      by_role;      /* one series per role instead of the group or a participant */
  GrChartVisibility visibility;  /* the group view's series left out; all zero: none */
  gboolean      on_paper;     /* a PDF on a sheet of @paper, the chart fitting the page (width
                               * and height unused); FALSE (the default): the chart's size */
  GrPaper       paper;
} GrChartExportOptions;

/* A PNG's limits: Cairo's widest image, and a memory bound (about 400 MB). */
#define GR_CHART_MAX_PIXELS_SIDE 32767
#define GR_CHART_MAX_PIXELS      (100.0 * 1000 * 1000)

void      gr_chart_export_options_init (GrChartExportOptions        *options);
gboolean  gr_chart_format_from_path    (const char                  *path,
                                        GrChartFormat               *format);
gboolean  gr_chart_format_from_name    (const char                  *name,
                                        GrChartFormat               *format);
GBytes   *gr_chart_export_to_bytes     (GrSession                   *session,
                                        GrChartFormat                format,
                                        const GrChartExportOptions  *options,
                                        GError                     **error);
GrChartLayout *gr_chart_export_build_layout (GrSession                  *session,
                                             const GrChartExportOptions *options,
                                             GError                    **error);

/* Exports one chart after the other with the same options, reusing what they share. */
typedef struct _GrChartExporter GrChartExporter;

GrChartExporter *gr_chart_exporter_new    (const GrChartExportOptions  *options);
GBytes          *gr_chart_exporter_export (GrChartExporter             *self,
                                           GrSession                   *session,
                                           GrChartFormat                format,
                                           GError                     **error);
void             gr_chart_exporter_free   (GrChartExporter             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrChartExporter, gr_chart_exporter_free)

G_END_DECLS
