/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gr-chart-layout.h"

G_BEGIN_DECLS

/* The chart is drawn in three layers, one over the other. */
typedef enum
{
  GR_CHART_LAYER_UNDER  = 1 << 0,   /* background, rings, axes */
  GR_CHART_LAYER_SERIES = 1 << 1,   /* bands, outlines, markers, then level numbers and scores */
  GR_CHART_LAYER_OVER   = 1 << 2,   /* axis labels, title, legend */
  GR_CHART_LAYER_ALL    = 0x7,
} GrChartLayers;

void     gr_chart_cairo_draw         (const GrChartLayout *layout,
                                      cairo_t             *cr);
void     gr_chart_cairo_draw_layers  (const GrChartLayout *layout,
                                      cairo_t             *cr,
                                      GrChartLayers        layers);
gboolean gr_chart_cairo_series_apart (const GrChartLayout *layout,
                                      GrChartRect         *bounds);

G_END_DECLS
