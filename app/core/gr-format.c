/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers written the way readers of a language expect, whatever the process locale. */
#define G_LOG_DOMAIN "gr-format"

#include "config.h"

#include "gr-format.h"

/* French (and the other languages that write 2,5) use a decimal comma. */
gboolean
gr_format_uses_decimal_comma (GrTranslator *translator)
{
  static const char *comma_languages[] = { "fr", "de", "es", "it", NULL };
  const char *language = gr_translator_get_language (translator);

  return g_strv_contains (comma_languages, language);
}

char *
gr_format_decimal (double   value,
                   guint    decimals,
                   gboolean decimal_comma)
{
  char format[8];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *point;

  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 9));
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  if (decimal_comma && (point = strchr (buffer, '.')))
    *point = ',';

  return g_strdup (buffer);
}
