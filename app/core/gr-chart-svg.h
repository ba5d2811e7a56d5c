/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-chart-layout.h"

G_BEGIN_DECLS

GBytes *gr_chart_svg_write (const GrChartLayout *layout,
                            const char          *title,
                            const char          *language);

G_END_DECLS
