/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The paper sizes a printed document (the report, a chart's PDF) may have. */
typedef enum
{
  GR_PAPER_A4,
  GR_PAPER_LETTER,
} GrPaper;

gboolean gr_paper_from_name (const char *name,
                             GrPaper    *paper);
void     gr_paper_get_size  (GrPaper     paper,
                             double     *width,
                             double     *height);

G_END_DECLS
