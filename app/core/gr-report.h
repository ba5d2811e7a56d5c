/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gr-paper.h"
#include "gr-session.h"
#include "gr-translator.h"

G_BEGIN_DECLS

typedef struct
{
  GrTranslator *translator;   /* the report's language; NULL: the messages' */
  const char   *participant;  /* NULL: the group; else the report is about this participant */
  GPtrArray    *references;   /* earlier sessions (GrSession) drawn on the radar, or NULL; the
                               * change is counted from the first */
  GrPaper       paper;
  const char   *today;        /* YYYY-MM-DD, for overdue actions; NULL: today */
} GrReportOptions;

/* The report's pages, laid out once, then drawn on a PDF surface or a printer's cairo_t whose
 * user units are points. */
typedef struct _GrReport GrReport;

void        gr_report_options_init   (GrReportOptions        *options);
GrReport   *gr_report_new            (GrSession              *session,
                                      const GrReportOptions  *options,
                                      GError                **error);
guint       gr_report_get_n_pages    (GrReport               *self);
void        gr_report_get_page_size  (GrReport               *self,
                                      double                 *width,
                                      double                 *height);
double      gr_report_get_margin     (GrReport               *self);
void        gr_report_draw_page      (GrReport               *self,
                                      guint                   page,
                                      cairo_t                *cr);
GBytes     *gr_report_to_pdf         (GrReport               *self,
                                      GError                **error);
void        gr_report_free           (GrReport               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrReport, gr_report_free)

G_END_DECLS
