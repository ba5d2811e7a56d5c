/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers and dates written the way readers of a language expect, from Grille's own tables and
 * catalogs, whatever the process locale. */
#define G_LOG_DOMAIN "gr-format"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gr-format.h"
#include "gr-i18n.h"

/* What a spreadsheet set to each language reads without asking: LibreOffice, Excel and
 * Numbers take ";" between cells wherever the decimal mark is a comma (so that "2,5" stays one
 * cell), "," and a decimal point in English.
 *
 * Arabic: LibreOffice 7.4 set to Arabic reads "2.38" as a number and "2,38" as text, whether the
 * locale is ar-SA, ar-EG, ar-DZ or ar-MA (checked by converting a CSV headlessly with each of
 * them), so an Arabic export takes the English convention: "," between cells, a decimal point.
 *
 * A language not in the table (a catalog added later) gets the first row's fallback, English:
 * the form any spreadsheet can be told to read. */
static const GrCsvConvention csv_conventions[] = {
  { "en", ',', '.' },
  { "fr", ';', ',' },
  { "de", ';', ',' },
  { "es", ';', ',' },
  { "it", ';', ',' },
  { "nl", ';', ',' },
  { "pt", ';', ',' },
  { "ar", ',', '.' },
};

/**
 * gr_format_csv_convention:
 * @language: (nullable): a language code ("fr", "pt_BR" is read as "pt")
 *
 * Returns: (transfer none): the separator and decimal mark of @language's spreadsheets; the
 *   English convention for a language Grille does not know.
 */
const GrCsvConvention *
gr_format_csv_convention (const char *language)
{
  gsize length = language ? strcspn (language, "_.@-") : 0;

  for (guint i = 0; i < G_N_ELEMENTS (csv_conventions); i++)
    if (length == strlen (csv_conventions[i].language) &&
        strncmp (language, csv_conventions[i].language, length) == 0)
      return &csv_conventions[i];

  return &csv_conventions[0];
}

/* The languages whose spreadsheets write 2,5 also write it so in charts and tables. */
gboolean
gr_format_uses_decimal_comma (GrTranslator *translator)
{
  const char *language = gr_translator_get_language (translator);

  return gr_format_csv_convention (language)->decimal_mark == ',';
}

char *
gr_format_decimal (double   value,
                   guint    decimals,
                   gboolean decimal_comma)
{
  char format[8];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *point;

  double scale = pow (10, MIN (decimals, 9));

  /* Half away from zero, as people round and as a spreadsheet's ROUND() does: a mean of 2.25
   * reads "2,3", not printf's half-to-even "2,2". Means are fractions with small denominators,
   * so a margin far below the last digit only undoes binary representation error. */
  if (isfinite (value) && fabs (value) * scale < 1e15)
    value = copysign (floor (fabs (value) * scale + 0.5 + 1e-9), value) / scale + 0.0;

  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 9));
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  if (decimal_comma && (point = strchr (buffer, '.')))
    *point = ',';

  return g_strdup (buffer);
}

/* A change between two scores: "+0,75", "−0,50" (a true minus sign), or "=" when it rounds to
 * nothing at @decimals. */
char *
gr_format_change (double   change,
                  guint    decimals,
                  gboolean decimal_comma)
{
  g_autofree char *number = gr_format_decimal (fabs (change), decimals, decimal_comma);

  if (fabs (change) < 0.5 * pow (10, -(double) MIN (decimals, 9)))
    return g_strdup ("=");
  return g_strdup_printf ("%s%s", change > 0 ? "+" : "−", number);
}

/* The months as dates write them ("12 mars 2026"): the context keeps them apart from any other
 * use of the same words. */
static const char *month_names[] = {
  /* Translators: a month's name as written in a date ("12 janvier 2026", "janvier 2026"). */
  NC_("date", "janvier"),
  NC_("date", "février"),
  NC_("date", "mars"),
  NC_("date", "avril"),
  NC_("date", "mai"),
  NC_("date", "juin"),
  NC_("date", "juillet"),
  NC_("date", "août"),
  NC_("date", "septembre"),
  NC_("date", "octobre"),
  NC_("date", "novembre"),
  NC_("date", "décembre"),
};

/* Reads "YYYY-MM-DD" (the form session files keep), nothing else. */
static gboolean
parse_iso_date (const char *iso_date,
                GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (iso_date == NULL || strlen (iso_date) != 10 || iso_date[4] != '-' || iso_date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso_date[i]))
      return FALSE;
  if (sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static const char *
month_name (GrTranslator *translator,
            const GDate  *date)
{
  return gr_translator_pgettext (translator, "date", month_names[g_date_get_month (date) - 1]);
}

/**
 * gr_format_date_long:
 * @translator: the language to write in
 * @iso_date: a date as "YYYY-MM-DD"
 *
 * Writes a date in words as @translator's language does ("12 mars 2026", "March 12, 2026"),
 * from Grille's catalogs, never from the process locale.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when @iso_date is not a valid date.
 */
char *
gr_format_date_long (GrTranslator *translator,
                     const char   *iso_date)
{
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;
  GDate date;

  g_return_val_if_fail (translator != NULL, NULL);

  if (!parse_iso_date (iso_date, &date))
    return NULL;

  if (g_date_get_day (&date) == 1)
    /* Translators: the first day of a month in a date ("1er mars 2026"); most languages
     * write it "1", Italian "1º". */
    day = g_strdup (gr_translator_pgettext (translator, "date", "1er"));
  else
    day = g_strdup_printf ("%u", g_date_get_day (&date));
  year = g_strdup_printf ("%u", g_date_get_year (&date));

  /* Translators: a date in words: %1$s is the day ("12", or the first day as translated
   * above), %2$s the month's name, %3$s the year. Reorder and add words as the language
   * writes dates: "%2$s %1$s, %3$s" (March 12, 2026), "%1$s. %2$s %3$s" (12. März 2026),
   * "%1$s de %2$s de %3$s" (12 de marzo de 2026). */
  return g_strdup_printf (gr_translator_pgettext (translator, "date", "%1$s %2$s %3$s"),
                          day, month_name (translator, &date), year);
}

/**
 * gr_format_month_year:
 * @translator: the language to write in
 * @iso_date: a date as "YYYY-MM-DD"
 *
 * Writes a date's month and year in words ("mars 2025", "March 2025"), for dated reference
 * lines, from Grille's catalogs, never from the process locale.
 *
 * Returns: (transfer full) (nullable): the month and year, or %NULL when @iso_date is not a
 *   valid date.
 */
char *
gr_format_month_year (GrTranslator *translator,
                      const char   *iso_date)
{
  g_autofree char *year = NULL;
  GDate date;

  g_return_val_if_fail (translator != NULL, NULL);

  if (!parse_iso_date (iso_date, &date))
    return NULL;

  year = g_strdup_printf ("%u", g_date_get_year (&date));

  /* Translators: a month and its year ("mars 2025"): %1$s is the month's name, %2$s the
   * year; e.g. "%1$s de %2$s" in Spanish. */
  return g_strdup_printf (gr_translator_pgettext (translator, "date", "%1$s %2$s"),
                          month_name (translator, &date), year);
}

/**
 * gr_format_title_and_date:
 * @translator: the language of the date
 * @title: (nullable): a session's title
 * @iso_date: (nullable): a session's date as "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): "title — date in words", either of them alone when the
 *   other is empty, or %NULL when both are.
 */
char *
gr_format_title_and_date (GrTranslator *translator,
                          const char   *title,
                          const char   *iso_date)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (translator != NULL, NULL);

  if (iso_date != NULL && *iso_date != '\0' && !(date = gr_format_date_long (translator, iso_date)))
    date = g_strdup (iso_date);

  /* A title in Latin letters inside an Arabic line keeps its own direction: the day of the
   * date after it stays with the date (first-strong isolate, U+2068 … U+2069). */
  if (title != NULL && *title != '\0' && date != NULL && gr_translator_is_rtl (translator))
    return g_strdup_printf ("\u2068%s\u2069 — %s", title, date);
  if (title != NULL && *title != '\0' && date != NULL)
    return g_strdup_printf ("%s — %s", title, date);
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_steal_pointer (&date);
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
 * The name is isolated when its direction may differ from the text's (gr_format_name_in()).
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
  {
    g_autofree char *drawn = gr_format_name_in (name, gr_translator_is_rtl (translator));

    g_string_append (text, drawn);
  }
  g_string_append (text, slot + 2);
  return g_string_free (text, FALSE);
}

/**
 * gr_format_isolate:
 * @text: a run of figures and signs, such as "2,5 / 4"
 * @rtl: whether it goes into text that reads from right to left
 *
 * In right-to-left text, the spaces and the slash of "2,5 / 4" take the direction of the
 * text around them and the score would read "4 / 2,5": a left-to-right isolate (U+2066 …
 * U+2069) keeps it in its order. Left-to-right text gets @text as it is.
 *
 * Returns: (transfer full): the text to show.
 */
char *
gr_format_isolate (const char *text,
                   gboolean    rtl)
{
  g_return_val_if_fail (text != NULL, NULL);

  return rtl ? g_strconcat ("\u2066", text, "\u2069", NULL) : g_strdup (text);
}

/* The invisible characters that change the direction of the text after them: marks (LRM, RLM,
 * ALM), embeddings and overrides (U+202A … U+202E), isolates (U+2066 … U+2069). */
static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x200E || c == 0x200F || c == 0x061C ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * gr_format_strip_bidi:
 * @text: valid UTF-8, such as a participant's name as typed or read from a file
 *
 * A name holding U+202E (RIGHT-TO-LEFT OVERRIDE) is drawn backwards, and every text after it
 * in the same line too: names lose their direction controls when they come in.
 *
 * Returns: (transfer full): @text without its bidirectional control characters.
 */
char *
gr_format_strip_bidi (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_bidi_control (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * gr_format_name:
 * @name: a participant's (or any user-given) name
 *
 * A name is drawn in its own direction, whatever the text around it: an Arabic name in a
 * French legend, or "Élus (bureau)" in an Arabic one, keeps its letters and brackets in their
 * order and leaves the text after it alone. First-strong isolate (U+2068 … U+2069) round the
 * name: for the chart, its legend, the overview's table, the SVG and the report.
 *
 * Returns: (transfer full): the name to draw.
 */
char *
gr_format_name (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_strconcat ("\u2068", name, "\u2069", NULL);
}

/* Letters written from right to left: Hebrew, Arabic, Syriac, Thaana, N’Ko, Samaritan,
 * Mandaic and their presentation forms, and the historic scripts of the same planes. */
static gboolean
is_rtl_letter (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
         (c >= 0x1E800 && c <= 0x1EFFF);
}

/**
 * gr_format_name_in:
 * @name: a participant's (or any user-given) name
 * @rtl: whether the text the name goes into reads from right to left
 *
 * The name as gr_format_name() isolates it when its direction may differ from the text
 * around it: always in right-to-left text ("Élus (bureau)" keeps its bracket at its end),
 * and in left-to-right text when it holds a right-to-left letter (in "Objectif de سارة 2 : 3"
 * the "2 : 3" would otherwise join the name's run and be drawn before it). Other names are
 * left as they are, so that what a screen reader or a search finds is the name as typed.
 *
 * Returns: (transfer full): the name to put in the text.
 */
char *
gr_format_name_in (const char *name,
                   gboolean    rtl)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (rtl)
    return gr_format_name (name);
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (is_rtl_letter (g_utf8_get_char (p)))
      return gr_format_name (name);
  return g_strdup (name);
}
