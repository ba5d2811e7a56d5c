/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gr-chart-layout.h"

G_BEGIN_DECLS

void gr_chart_cairo_draw (const GrChartLayout *layout,
                          cairo_t             *cr);

G_END_DECLS
