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

/* Whether French elides "de" before @word: a vowel or an h, accents aside ("d’Émilie",
 * "d’Hélène", "d’élus"). */
static gboolean
elides_before (const char *word)
{
  gunichar decomposed[4];
  gsize n;

  if (word == NULL || *word == '\0')
    return FALSE;
  n = g_unichar_fully_decompose (g_utf8_get_char (word), FALSE, decomposed,
                                 G_N_ELEMENTS (decomposed));
  return n > 0 && strchr ("aeiouyh", (int) g_unichar_tolower (decomposed[0])) != NULL &&
         decomposed[0] < 128;
}

/* Whether a word starts at @offset of @text: at its start, or after a space (an ASCII, a
 * no-break or a narrow no-break one) or an opening bracket. */
static gboolean
starts_word (const char *text,
             gsize       offset)
{
  const char *before;

  if (offset == 0)
    return TRUE;
  before = g_utf8_find_prev_char (text, text + offset);
  return before != NULL && (g_unichar_isspace (g_utf8_get_char (before)) ||
                            g_utf8_get_char (before) == 0x202F ||
                            g_utf8_get_char (before) == '(');
}

/**
 * gr_format_with_name:
 * @translator: the language @format is written in
 * @format: a translated text with one "%s" where @name goes
 * @name: a name (a participant's, a group's) that the text does not know in advance
 *
 * Puts @name in @format, with French elision: "Scores de %s" with "Amélie Durand" gives
 * "Scores d’Amélie Durand", with "élus" "Scores d’élus". Other languages keep @format's words.
 *
 * Returns: (transfer full): the text.
 */
char *
gr_format_with_name (GrTranslator *translator,
                     const char   *format,
                     const char   *name)
{
  const char *slot;
  GString *text;

  g_return_val_if_fail (format != NULL, NULL);

  if (name == NULL)
    name = "";
  slot = strstr (format, "%s");
  if (slot == NULL)
    return g_strdup (format);

  text = g_string_new_len (format, slot - format);
  if (g_str_equal (gr_translator_get_language (translator), "fr") && elides_before (name) &&
      g_str_has_suffix (text->str, "de ") && starts_word (text->str, text->len - 3))
    {
      g_string_truncate (text, text->len - 2);
      g_string_append (text, "’");
    }
  g_string_append (text, name);
  g_string_append (text, slot + 2);
  return g_string_free (text, FALSE);
}
