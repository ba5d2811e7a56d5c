/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dates in words and the CSV conventions, in every language Grille ships, from its own catalogs
 * and tables whatever the process locale. */
#include "config.h"

#include <locale.h>

#include <pango/pangocairo.h>

#include "gr-format.h"
#include "gr-translator.h"

/* How each language writes 12 March 2026, the first of May 2026, and March 2025. */
typedef struct
{
  const char *language;
  const char *date;
  const char *first_day;
  const char *month_year;
} DateCase;

static const DateCase date_cases[] = {
  { "fr", "12 mars 2026", "1er mai 2026", "mars 2025" },
  { "en", "March 12, 2026", "May 1, 2026", "March 2025" },
  { "de", "12. März 2026", "1. Mai 2026", "März 2025" },
  { "es", "12 de marzo de 2026", "1 de mayo de 2026", "marzo de 2025" },
  { "it", "12 marzo 2026", "1º maggio 2026", "marzo 2025" },
  { "nl", "12 maart 2026", "1 mei 2026", "maart 2025" },
  { "pt", "12 de março de 2026", "1 de maio de 2026", "março de 2025" },
  { "ar", "12 مارس 2026", "1 مايو 2026", "مارس 2025" },
};

static const DateCase *
find_date_case (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    if (g_str_equal (date_cases[i].language, language))
      return &date_cases[i];
  return NULL;
}

static void
test_date_long (void)
{
  const char **languages = gr_translator_list_languages ();

  for (guint i = 0; languages[i]; i++)
    {
      GrTranslator *translator = gr_translator_get (languages[i]);
      const DateCase *expected = find_date_case (languages[i]);
      g_autofree char *date = NULL;
      g_autofree char *first_day = NULL;
      g_autofree char *month_year = NULL;

      /* A language listed before its catalog is installed writes the French source. */
      if (!gr_translator_has_catalog (translator))
        {
          g_test_message ("%s: no catalog installed", languages[i]);
          continue;
        }
      if (expected == NULL)
        g_error ("no date written in %s here: add the language to date_cases", languages[i]);

      date = gr_format_date_long (translator, "2026-03-12");
      first_day = gr_format_date_long (translator, "2026-05-01");
      month_year = gr_format_month_year (translator, "2025-03-07");
      g_assert_cmpstr (date, ==, expected->date);
      g_assert_cmpstr (first_day, ==, expected->first_day);
      g_assert_cmpstr (month_year, ==, expected->month_year);
    }
}

/* Every month has its own name, in every language. */
static void
test_date_months (void)
{
  const char **languages = gr_translator_list_languages ();

  for (guint i = 0; languages[i]; i++)
    {
      GrTranslator *translator = gr_translator_get (languages[i]);
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint month = 1; month <= 12; month++)
        {
          g_autofree char *iso = g_strdup_printf ("2026-%02u-15", month);
          char *name = gr_format_month_year (translator, iso);

          g_assert_nonnull (name);
          g_assert_true (g_str_has_suffix (name, "2026"));
          g_assert_false (g_hash_table_contains (names, name));
          g_hash_table_add (names, name);
        }
    }
}

static void
test_date_invalid (void)
{
  static const char *invalid[] = {
    "", "2026-02-30", "2026-13-01", "2026-00-10", "2026-3-12", "12/03/2026", "2026-03-12x",
    "2026-03-1x", "+026-03-12", "2026-03-12T10:00", "mars 2026",
  };
  GrTranslator *translator = gr_translator_get ("fr");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_null (gr_format_date_long (translator, invalid[i]));
      g_assert_null (gr_format_month_year (translator, invalid[i]));
    }
  g_assert_null (gr_format_date_long (translator, NULL));

  /* A leap day is a date. */
  {
    g_autofree char *leap = gr_format_date_long (translator, "2028-02-29");
    g_assert_cmpstr (leap, ==, "29 février 2028");
  }
}

/* The process's locale says nothing about the language of a date. */
static void
test_date_ignores_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *date = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "de", TRUE);
  date = gr_format_date_long (gr_translator_get ("es"), "2026-08-03");
  g_assert_cmpstr (date, ==, "3 de agosto de 2026");
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);
}

/* "de" before a name elides in French only, before a vowel or an h, accented or not. */
static void
test_with_name (void)
{
  GrTranslator *fr = gr_translator_get ("fr");
  struct
  {
    const char *format, *name, *expected;
  } cases[] = {
    { "Scores de %s", "élus", "Scores d’élus" },
    { "scores de %s", "Amélie Durand", "scores d’Amélie Durand" },
    { "Objectif de %s", "Hélène", "Objectif d’Hélène" },
    { "Objectif de %s", "Service jeunesse", "Objectif de Service jeunesse" },
    { "Objectif de %s", "", "Objectif de " },
    /* Only the word "de": "garde %s" keeps its e. */
    { "garde %s", "Amélie", "garde Amélie" },
    { "les scores de %s, le contour", "Yves", "les scores d’Yves, le contour" },
    { "%s seul", "Anne", "Anne seul" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gr_format_with_name (fr, cases[i].format, cases[i].name);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* Spanish writes "de Amélie". */
  {
    g_autofree char *text = gr_format_with_name (gr_translator_get ("es"), "Puntuaciones de %s",
                                                 "Amélie");

    g_assert_cmpstr (text, ==, "Puntuaciones de Amélie");
  }
}

static void
test_csv_conventions (void)
{
  static const struct { const char *language; char separator; char decimal_mark; } cases[] = {
    { "fr", ';', ',' }, { "de", ';', ',' }, { "es", ';', ',' }, { "it", ';', ',' },
    { "nl", ';', ',' }, { "pt", ';', ',' }, { "en", ',', '.' }, { "ar", ',', '.' },
    { "pt_BR", ';', ',' }, { "de_CH.UTF-8", ';', ',' }, { "zz", ',', '.' }, { "", ',', '.' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const GrCsvConvention *convention = gr_format_csv_convention (cases[i].language);

      g_assert_cmpint (convention->separator, ==, cases[i].separator);
      g_assert_cmpint (convention->decimal_mark, ==, cases[i].decimal_mark);
    }
  g_assert_cmpint (gr_format_csv_convention (NULL)->separator, ==, ',');

  /* Charts and tables write numbers as the same spreadsheets do. */
  g_assert_true (gr_format_uses_decimal_comma (gr_translator_get ("de")));
  g_assert_false (gr_format_uses_decimal_comma (gr_translator_get ("en")));
}

/* Scores are rounded as people and spreadsheets round them: half away from zero. */
static void
test_decimal_rounding (void)
{
  static const struct { double value; guint decimals; gboolean comma; const char *expected; } cases[] = {
    { 2.25, 1, TRUE, "2,3" },      /* printf alone gives "2,2" (half to even) */
    { 2.125, 2, TRUE, "2,13" },    /* 17/8, exact in binary: "2,12" before */
    { 2.35, 1, FALSE, "2.4" },     /* not exact in binary: 2.35000000000000008882 */
    { 1.0 / 3, 2, TRUE, "0,33" },
    { 2.0 / 3, 1, TRUE, "0,7" },
    { 3.5, 0, TRUE, "4" },
    { 0.0, 2, TRUE, "0,00" },
    { -0.004, 2, TRUE, "0,00" },   /* never "-0,00" */
    { -1.25, 1, TRUE, "-1,3" },
    { 4.0, 2, FALSE, "4.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gr_format_decimal (cases[i].value, cases[i].decimals, cases[i].comma);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Where the first character of @needle's last place in @text is drawn, in Pango units from the left. */
static int
x_of (const char *text,
      const char *needle)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoLayout *layout = pango_layout_new (context);
  PangoRectangle pos;

  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_index_to_pos (layout, (int) (g_strrstr (text, needle) - text), &pos);
  g_object_unref (layout);
  g_object_unref (context);
  return MIN (pos.x, pos.x + pos.width);
}

/* A name whose direction may differ from the text round it is isolated: in French, an Arabic
 * name followed by figures would take them into its own run and draw them before it. */
static void
test_name_in (void)
{
  GrTranslator *fr = gr_translator_get ("fr");
  GrTranslator *ar = gr_translator_get ("ar");
  g_autofree char *latin = gr_format_with_name (fr, "Objectif de %s", "Hélène");
  g_autofree char *in_arabic = gr_format_with_name (ar, "%s", "Élus (bureau)");
  g_autofree char *arabic = gr_format_with_name (fr, "Objectif de %s : 3", "سارة 2");
  g_autofree char *bare = g_strdup ("Objectif de سارة 2 : 3");
  g_autofree char *hebrew = gr_format_name_in ("שרה", FALSE);

  /* Names in the text's own direction stay as typed: what a screen reader reads. */
  g_assert_cmpstr (latin, ==, "Objectif d’Hélène");
  g_assert_cmpstr (in_arabic, ==, "\u2068Élus (bureau)\u2069");
  g_assert_cmpstr (arabic, ==, "Objectif de \u2068سارة 2\u2069 : 3");
  g_assert_cmpstr (hebrew, ==, "\u2068שרה\u2069");

  /* Drawn: the score after the name stays after it (on its right), which the bare text does
   * not do. */
  g_assert_cmpint (x_of (arabic, "3"), >, x_of (arabic, "سارة"));
  g_assert_cmpint (x_of (bare, "3"), <, x_of (bare, "سارة"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gr_i18n_init (NULL);

  g_test_add_func ("/format/date/long", test_date_long);
  g_test_add_func ("/format/date/months", test_date_months);
  g_test_add_func ("/format/date/invalid", test_date_invalid);
  g_test_add_func ("/format/date/ignores-locale", test_date_ignores_locale);
  g_test_add_func ("/format/csv-conventions", test_csv_conventions);
  g_test_add_func ("/format/with-name", test_with_name);
  g_test_add_func ("/format/name-in", test_name_in);
  g_test_add_func ("/format/decimal-rounding", test_decimal_rounding);

  return g_test_run ();
}
