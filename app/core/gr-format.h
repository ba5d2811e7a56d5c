/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-translator.h"

G_BEGIN_DECLS

/* How a language's spreadsheets read a CSV file: the cell separator and the decimal mark. */
typedef struct
{
  const char *language;
  char        separator;
  char        decimal_mark;
} GrCsvConvention;

const GrCsvConvention *gr_format_csv_convention     (const char   *language);
gboolean               gr_format_uses_decimal_comma (GrTranslator *translator);
char                  *gr_format_decimal            (double        value,
                                                     guint         decimals,
                                                     gboolean      decimal_comma);
char                  *gr_format_change             (double        change,
                                                     guint         decimals,
                                                     gboolean      decimal_comma);
char                  *gr_format_date_long          (GrTranslator *translator,
                                                     const char   *iso_date);
char                  *gr_format_with_name          (GrTranslator *translator,
                                                     const char   *format,
                                                     const char   *name);
char                  *gr_format_month_year         (GrTranslator *translator,
                                                     const char   *iso_date);
char                  *gr_format_title_and_date     (GrTranslator *translator,
                                                     const char   *title,
                                                     const char   *iso_date);
char                  *gr_format_isolate            (const char   *text,
                                                     gboolean      rtl);
char                  *gr_format_strip_bidi         (const char   *text);
char                  *gr_format_name               (const char   *name);
char                  *gr_format_name_in            (const char   *name,
                                                     gboolean      rtl);

G_END_DECLS
