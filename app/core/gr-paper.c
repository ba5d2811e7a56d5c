/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paper sizes by name (--paper=a4|letter) and in points. */
#define G_LOG_DOMAIN "gr-paper"

#include "config.h"

#include "gr-paper.h"

gboolean
gr_paper_from_name (const char *name,
                    GrPaper    *paper)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = GR_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = GR_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* In points: A4 is 210 × 297 mm, Letter 8.5 × 11 in. */
void
gr_paper_get_size (GrPaper  paper,
                   double  *width,
                   double  *height)
{
  *width = paper == GR_PAPER_LETTER ? 612.0 : 595.276;
  *height = paper == GR_PAPER_LETTER ? 792.0 : 841.89;
}
