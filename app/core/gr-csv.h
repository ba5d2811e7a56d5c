/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-session.h"
#include "gr-translator.h"

G_BEGIN_DECLS

/* The two shapes of the CSV export. */
typedef enum
{
  GR_CSV_TABLE_SCORES,   /* one row per competency and item, one column per participant */
  GR_CSV_TABLE_LONG,     /* one row per participant and item, with level names and notes */
} GrCsvTable;

gboolean  gr_csv_table_from_name (const char   *name,
                                  GrCsvTable   *table);
GBytes   *gr_csv_write_session   (GrSession    *session,
                                  GrTranslator *translator);
GBytes   *gr_csv_write_long      (GrSession    *session,
                                  GrTranslator *translator);
GBytes   *gr_csv_write           (GrSession    *session,
                                  GrCsvTable    table,
                                  GrTranslator *translator);

G_END_DECLS
