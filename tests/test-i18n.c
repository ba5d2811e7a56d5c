/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The languages: complete catalogs, the grid in the template, translators that do not touch
 * the process locale, plurals, switching at run time, and the summary, the CSV and --help of
 * the command line in each language. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <pthread.h>
#include <string.h>

#include "gr-chart-export.h"
#include "gr-csv.h"
#include "gr-format.h"
#include "gr-grid.h"
#include "gr-session.h"
#include "gr-session-file.h"
#include "gr-summary.h"
#include "gr-translator-private.h"

/* One message of a .po file, read by the small parser below (enough for msgmerge's output). */
typedef struct
{
  GString   *context;        /* NULL without msgctxt */
  GString   *msgid;
  GString   *msgid_plural;   /* NULL for a message without plural */
  GPtrArray *msgstr;         /* of GString: one, or one per plural form */
  gboolean   fuzzy;
} PoEntry;

static void
po_entry_free (PoEntry *e)
{
  if (e->context)
    g_string_free (e->context, TRUE);
  g_string_free (e->msgid, TRUE);
  if (e->msgid_plural)
    g_string_free (e->msgid_plural, TRUE);
  g_ptr_array_unref (e->msgstr);
  g_free (e);
}

static void
string_free (GString *s)
{
  g_string_free (s, TRUE);
}

/* Appends the C-quoted string of @line, escapes resolved, to @out. */
static void
po_unquote (const char *line,
            GString    *out)
{
  const char *p = strchr (line, '"');

  g_assert_nonnull (p);
  for (p++; *p && *p != '"'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        default: g_error ("unexpected escape \\%c in %s", *p, line);
        }
    }
}

/* The messages of @path, without the header and without obsolete (#~) ones. */
static GPtrArray *
read_po (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) po_entry_free);
  PoEntry *e = NULL;
  GString *target = NULL;
  gboolean fuzzy = FALSE;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];

      if (*line == '\0' || *line == '#')
        {
          if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy"))
            fuzzy = TRUE;
          target = NULL;
          continue;
        }
      if (*line == '"')
        {
          g_assert_nonnull (target);
          po_unquote (line, target);
          continue;
        }

      /* A message starts at its msgctxt, or at its msgid when it has none. */
      if (g_str_has_prefix (line, "msgctxt ") ||
          (g_str_has_prefix (line, "msgid ") && (e == NULL || e->msgid != NULL)))
        {
          e = g_new0 (PoEntry, 1);
          e->msgstr = g_ptr_array_new_with_free_func ((GDestroyNotify) string_free);
          e->fuzzy = fuzzy;
          fuzzy = FALSE;
          g_ptr_array_add (entries, e);
        }

      if (g_str_has_prefix (line, "msgctxt "))
        target = e->context = g_string_new (NULL);
      else if (g_str_has_prefix (line, "msgid_plural "))
        target = e->msgid_plural = g_string_new (NULL);
      else if (g_str_has_prefix (line, "msgid "))
        target = e->msgid = g_string_new (NULL);
      else if (g_str_has_prefix (line, "msgstr"))
        g_ptr_array_add (e->msgstr, target = g_string_new (NULL));
      else
        g_error ("%s:%u: cannot read «%s»", path, i + 1, line);
      po_unquote (line, target);
    }

  /* The header is the message with an empty msgid. */
  if (entries->len > 0 && ((PoEntry *) entries->pdata[0])->msgid->len == 0)
    g_ptr_array_remove_index (entries, 0);

  return entries;
}

static char *
po_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "po", name, NULL);
}

static const PoEntry *
find_entry (GPtrArray  *entries,
            const char *context,
            const char *msgid)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const PoEntry *e = g_ptr_array_index (entries, i);

      if (g_strcmp0 (e->context ? e->context->str : NULL, context) == 0 &&
          g_str_equal (e->msgid->str, msgid))
        return e;
    }
  return NULL;
}

/* Each catalog compiles with msgfmt --check (format strings agree with their msgid, the header
 * is complete), and translates every message of the template, with no fuzzy one left. */
static void
test_catalogs_complete (void)
{
  g_autofree char *pot_path = po_path ("grille.pot");
  g_autoptr(GPtrArray) pot = read_po (pot_path);
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *linguas_path = po_path ("LINGUAS");
  g_autofree char *linguas = NULL;
  g_auto(GStrv) shipped = NULL;

  g_assert_cmpuint (pot->len, >, 100);

  /* The catalogs shipped are those of po/LINGUAS: a language Grille lists may wait for its. */
  g_assert_true (g_file_get_contents (linguas_path, &linguas, NULL, NULL));
  shipped = g_strsplit_set (g_strstrip (linguas), "\n ", -1);
  g_assert_true (g_strv_contains ((const char * const *) shipped, "fr"));

  for (char **l = shipped; *l; l++)
    {
      if (**l == '\0' || **l == '#')
        continue;
      g_assert_true (g_strv_contains (gr_translator_list_languages (), *l));
      g_autofree char *name = g_strconcat (*l, ".po", NULL);
      g_autofree char *path = po_path (name);
      g_autoptr(GPtrArray) po = read_po (path);
      guint untranslated = 0;

      for (guint i = 0; i < po->len; i++)
        {
          const PoEntry *e = g_ptr_array_index (po, i);
          gboolean empty = e->msgstr->len == 0;

          for (guint s = 0; s < e->msgstr->len; s++)
            empty |= ((GString *) e->msgstr->pdata[s])->len == 0;
          if (empty || e->fuzzy)
            {
              g_test_message ("%s: %s «%s»", name, e->fuzzy ? "fuzzy" : "untranslated",
                              e->msgid->str);
              untranslated++;
            }
          /* French is the source: its catalog gives each string back as it is. */
          else if (g_str_equal (*l, "fr"))
            g_assert_cmpstr (((GString *) e->msgstr->pdata[0])->str, ==, e->msgid->str);
        }
      g_assert_cmpuint (untranslated, ==, 0);

      for (guint i = 0; i < pot->len; i++)
        {
          const PoEntry *t = g_ptr_array_index (pot, i);

          if (find_entry (po, t->context ? t->context->str : NULL, t->msgid->str) == NULL)
            g_error ("%s lacks «%s» (run ninja grille-update-po, then translate it)",
                     name, t->msgid->str);
        }

      if (msgfmt != NULL)
        {
          const char *argv[] = { msgfmt, "--check", "--statistics", "-o", "/dev/null", path, NULL };
          g_autofree char *err = NULL;
          g_autoptr(GError) error = NULL;
          int status;

          g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                        NULL, &err, &status, &error);
          g_assert_no_error (error);
          if (!g_spawn_check_wait_status (status, NULL))
            g_error ("msgfmt --check %s:\n%s", name, err);
          g_assert_null (strstr (err, "untranslated"));
          g_assert_null (strstr (err, "fuzzy"));
        }
    }

  if (msgfmt == NULL)
    g_test_incomplete ("msgfmt is not installed: catalogs read, but not compiled");
}

/* The grid is in JSON, which xgettext cannot read: every text of it must still reach the
 * template, with the "grid" context the program looks it up with. */
static void
test_pot_has_grid (void)
{
  g_autofree char *pot_path = po_path ("grille.pot");
  g_autoptr(GPtrArray) pot = read_po (pot_path);
  GrGrid *grid = gr_grid_get_default ();
  g_autoptr(GPtrArray) strings = gr_grid_collect_strings (grid);

  /* title, 5 levels × 2, 5 × (title, subtitle, introduction), 21 items */
  g_assert_cmpuint (strings->len, ==, 1 + 10 + 15 + 21);
  for (guint i = 0; i < strings->len; i++)
    if (find_entry (pot, GR_GRID_CONTEXT, g_ptr_array_index (strings, i)) == NULL)
      g_error ("po/grille.pot lacks the grid text «%s» (run ninja grille-pot)",
               (char *) g_ptr_array_index (strings, i));
}

/* A translator for another language reads its catalog itself: the process keeps its locale
 * and its language, and French gives the source back. */
static void
test_translator_independent (void)
{
  g_autofree char *messages_before = g_strdup (setlocale (LC_MESSAGES, NULL));
  g_autofree char *language_before = g_strdup (g_getenv ("LANGUAGE"));
  GrTranslator *de = gr_translator_get ("de");
  GrTranslator *fr = gr_translator_get ("fr");

  g_assert_true (gr_translator_has_catalog (de));
  g_assert_cmpstr (gr_translator_get_language (de), ==, "de");
  g_assert_cmpstr (gr_translator_grid (de, "Coopérer"), ==, "Kooperieren");
  g_assert_cmpstr (gr_translator_grid (de, "Pas encore"), ==, "Noch nicht");
  g_assert_cmpstr (gr_translator_gettext (de, "non évalué"), ==, "nicht bewertet");
  /* The context matters: the grid's title and the about box's differ in one apostrophe. */
  g_assert_cmpstr (gr_translator_gettext (de, "Coopérer"), ==, "Coopérer");
  g_assert_cmpstr (gr_translator_grid (gr_translator_get ("it"), "Maîtrisé"), ==, "Acquisito");
  g_assert_cmpstr (gr_translator_grid (gr_translator_get ("es"), "Exemplaire"), ==, "Ejemplar");
  g_assert_cmpstr (gr_translator_grid (gr_translator_get ("en"), "S’ouvrir"), ==, "Open up");

  g_assert_true (gr_translator_has_catalog (fr));
  g_assert_cmpstr (gr_translator_grid (fr, "Coopérer"), ==, "Coopérer");
  g_assert_cmpstr (gr_translator_gettext (fr, "non évalué"), ==, "non évalué");

  /* Same translator for the same language, for the process's lifetime. */
  g_assert_true (gr_translator_get ("de") == de);

  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, messages_before);
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language_before);
}

/* A language without a catalog writes the French source rather than failing. */
static void
test_translator_unknown (void)
{
  GrTranslator *fi = gr_translator_get ("fi");

  g_assert_false (gr_translator_has_catalog (fi));
  g_assert_cmpstr (gr_translator_grid (fi, "Coopérer"), ==, "Coopérer");
  g_assert_cmpstr (gr_translator_ngettext (fi, "%u participant :", "%u participants :", 0), ==,
                   "%u participant :");
}

/* A damaged catalog is reported and ignored: the texts stay French, nothing crashes. */
static void
test_translator_damaged_catalog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-i18n-XXXXXX", NULL);
  g_autofree char *messages = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, "grille.mo", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("GRILLE_LOCALEDIR"));
  /* A valid magic number and header, then string tables that point past the end. */
  static const guint8 damaged[] = {
    0xde, 0x12, 0x04, 0x95, 0, 0, 0, 0, 2, 0, 0, 0, 28, 0, 0, 0, 44, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 200, 0, 0, 0, 250, 0, 0, 0,
  };
  GrTranslator *xx;

  g_assert_cmpint (g_mkdir_with_parents (messages, 0755), ==, 0);
  g_assert_true (g_file_set_contents (mo, (const char *) damaged, sizeof damaged, NULL));
  g_setenv ("GRILLE_LOCALEDIR", dir, TRUE);

  /* The core does not print: a damaged catalog is only logged at debug level, and the texts
   * fall back to the French source. */
  xx = gr_translator_get ("xx");

  g_setenv ("GRILLE_LOCALEDIR", saved, TRUE);
  g_assert_false (gr_translator_has_catalog (xx));
  g_assert_cmpstr (gr_translator_grid (xx, "Coopérer"), ==, "Coopérer");

  g_unlink (mo);
  g_rmdir (messages);
  g_autofree char *xxdir = g_path_get_dirname (messages);
  g_rmdir (xxdir);
  g_rmdir (dir);
}

static gpointer
plural_of_damaged_catalog (gpointer data)
{
  g_autoptr(GrTranslator) translator = gr_translator_new_for_catalog ("xx", data);

  g_assert_nonnull (translator);
  return g_strdup (gr_translator_ngettext (translator, "%u participant :", "%u participants :", 5));
}

/* A catalog whose plural rule nests "n ? n ? … : 0" a hundred thousand times (a campaign of the
 * fuzz harness fuzz-mo found it) is evaluated as a bad rule, the first form, without exhausting
 * the stack, even the small stack of a thread. */
static void
test_translator_deep_plural (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "mo",
                                                 "hostile-ternary-100000.mo", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *form = NULL;
  g_autoptr(GBytes) catalog = NULL;
  pthread_attr_t attr;
  pthread_t thread;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  catalog = g_bytes_new_take (g_steal_pointer (&contents), length);

  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, 256 * 1024);
  g_assert_cmpint (pthread_create (&thread, &attr, plural_of_damaged_catalog, catalog), ==, 0);
  g_assert_cmpint (pthread_join (thread, (void **) &form), ==, 0);
  pthread_attr_destroy (&attr);

  g_assert_cmpstr (form, ==, "one");
}

/* French counts 0 and 1 in the singular, English only 1. */
static void
test_plural_forms (void)
{
  GrTranslator *fr = gr_translator_get ("fr");
  GrTranslator *en = gr_translator_get ("en");
  GrTranslator *de = gr_translator_get ("de");
  const char *one = "%u participant :";
  const char *many = "%u participants :";

  g_assert_cmpstr (gr_translator_ngettext (fr, one, many, 0), ==, "%u participant :");
  g_assert_cmpstr (gr_translator_ngettext (fr, one, many, 1), ==, "%u participant :");
  g_assert_cmpstr (gr_translator_ngettext (fr, one, many, 2), ==, "%u participants :");
  g_assert_cmpstr (gr_translator_ngettext (en, one, many, 0), ==, "%u participants:");
  g_assert_cmpstr (gr_translator_ngettext (en, one, many, 1), ==, "%u participant:");
  g_assert_cmpstr (gr_translator_ngettext (en, one, many, 21), ==, "%u participants:");
  g_assert_cmpstr (gr_translator_ngettext (de, one, many, 1), ==, "%u teilnehmende Person:");
  g_assert_cmpstr (gr_translator_ngettext (de, one, many, 3), ==, "%u teilnehmende Personen:");
}

static GrSession *
new_session (guint n_participants)
{
  GrGrid *grid = gr_grid_get_default ();
  GrSession *session = gr_session_new (grid);

  for (guint p = 0; p < n_participants; p++)
    {
      g_autofree char *name = g_strdup_printf ("Équipe %u", p + 1);
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, name);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        gr_participant_set_level (participant, i, (int) ((i + p) % 5));
      g_assert_true (gr_session_add_participant (session, participant, &error));
      g_assert_no_error (error);
    }
  return session;
}

/* The participants' line of --summary agrees with their number. */
static void
test_summary_plural (void)
{
  struct { const char *language; guint n; const char *line; } cases[] = {
    { "fr", 1, "\n1 participant : Équipe 1\n" },
    { "fr", 2, "\n2 participants : Équipe 1, Équipe 2\n" },
    { "en", 1, "\n1 participant: Équipe 1\n" },
    { "en", 3, "\n3 participants: Équipe 1, Équipe 2, Équipe 3\n" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GrSession) session = new_session (cases[c].n);
      g_autofree char *text = gr_summary_write (session, gr_translator_get (cases[c].language));

      if (strstr (text, cases[c].line) == NULL)
        g_error ("summary (%s) lacks «%s»:\n%s", cases[c].language, cases[c].line, text);
    }
}

/* What a reader of @language must find in a text about the grid: the 5 titles and the 21
 * savoir-faire in their language, and none of them left in French. */
static void
check_grid_texts (const char *text,
                  const char *language,
                  gboolean    upper_titles,
                  const char *what)
{
  GrGrid *grid = gr_grid_get_default ();
  GrTranslator *tr = gr_translator_get (language);
  gboolean french = g_str_equal (language, "fr");
  guint items = 0;

  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      const char *source = gr_competency_get_title (competency);
      const char *title = gr_translator_grid (tr, source);
      g_autofree char *shown = upper_titles ? g_utf8_strup (title, -1) : g_strdup (title);
      g_autofree char *source_shown = upper_titles ? g_utf8_strup (source, -1) : g_strdup (source);

      if (!french)
        g_assert_cmpstr (title, !=, source);
      if (strstr (text, shown) == NULL)
        g_error ("%s (%s) lacks the title «%s»", what, language, shown);
      if (!french && strstr (text, source_shown) != NULL)
        g_error ("%s (%s) still holds the French title «%s»", what, language, source_shown);

      for (guint i = 0; i < gr_competency_get_n_items (competency); i++, items++)
        {
          const char *item = gr_item_get_text (gr_competency_get_item (competency, i));
          const char *translated = gr_translator_grid (tr, item);

          if (!french)
            g_assert_cmpstr (translated, !=, item);
          if (strstr (text, translated) == NULL)
            g_error ("%s (%s) lacks the savoir-faire «%s»", what, language, translated);
          if (!french && strstr (text, item) != NULL)
            g_error ("%s (%s) still holds the French savoir-faire «%s»", what, language, item);
        }
    }
  g_assert_cmpuint (gr_grid_get_n_competencies (grid), ==, 5);
  g_assert_cmpuint (items, ==, 21);
}

/* Words that only a correct catalog gives, so that the checks above cannot pass by
 * translating the grid into itself. */
static const struct
{
  const char *language;
  const char *title;        /* the first competency, as the summary writes it */
  const char *item;         /* the first savoir-faire */
  const char *scale;        /* the summary's label of the scale */
} samples[] = {
  { "fr", "COOPÉRER", "Comprendre le sens et les conditions de réussite des stratégies de "
    "coopération.", "Échelle :" },
  { "en", "COOPERATE", "Understand the purpose of cooperation strategies and the conditions "
    "for their success.", "Scale:" },
  { "de", "KOOPERIEREN", "Sinn und Erfolgsbedingungen von Kooperationsstrategien verstehen.",
    "Skala:" },
  { "es", "COOPERAR", "Comprender el sentido y las condiciones de éxito de las estrategias de "
    "cooperación.", "Escala:" },
  { "it", "COOPERARE", "Comprendere il senso e le condizioni di successo delle strategie di "
    "cooperazione.", "Scala:" },
  { "nl", "SAMENWERKEN", "De betekenis en de succesvoorwaarden van samenwerkingsstrategieën "
    "begrijpen.", "Schaal:" },
  { "pt", "COOPERAR", "Compreender o sentido e as condições de sucesso das estratégias de "
    "cooperação.", "Escala:" },
  { "ar", "التعاون", "فهم معنى استراتيجيات التعاون وشروط نجاحها.", "المقياس:" },
};

static void
test_summary_languages (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(GrSession) session = new_session (2);
      g_autofree char *text = gr_summary_write (session, gr_translator_get (samples[s].language));

      check_grid_texts (text, samples[s].language, TRUE, "summary");
      g_assert_nonnull (strstr (text, samples[s].title));
      g_assert_nonnull (strstr (text, samples[s].item));
      g_assert_nonnull (strstr (text, samples[s].scale));
    }
}

static void
test_csv_languages (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(GrSession) session = new_session (1);
      g_autoptr(GBytes) bytes = gr_csv_write_session (session,
                                                      gr_translator_get (samples[s].language));
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      check_grid_texts (text, samples[s].language, FALSE, "CSV");
      g_assert_nonnull (strstr (text, samples[s].item));
    }
}

/* gr_i18n_set_language() switches _() and the interface's translator at once, there and back,
 * and gettext's catalog of the application (the templates' texts) with them, without touching
 * the environment, which other threads may be reading. */
static void
test_runtime_switch (void)
{
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *messages = g_strdup (setlocale (LC_MESSAGES, NULL));

  g_assert_true (gr_i18n_set_language ("de"));
  g_assert_cmpstr (_("non évalué"), ==, "nicht bewertet");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, GR_GRID_CONTEXT, "Coopérer"), ==, "Kooperieren");
  g_assert_cmpstr (gr_translator_grid (gr_translator_get (NULL), "Coopérer"), ==, "Kooperieren");
  g_assert_cmpstr (gr_translator_get_language (gr_translator_get (NULL)), ==, "de");
  g_assert_true (gr_format_uses_decimal_comma (gr_translator_get (NULL)));

  g_assert_true (gr_i18n_set_language ("en"));
  g_assert_cmpstr (_("non évalué"), ==, "not assessed");
  g_assert_cmpstr (gr_translator_get_language (gr_translator_get (NULL)), ==, "en");
  g_assert_false (gr_format_uses_decimal_comma (gr_translator_get (NULL)));
  g_assert_cmpstr (gr_translator_ngettext (gr_translator_get (NULL), "%u participant :",
                                           "%u participants :", 1), ==, "%u participant:");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "non évalué"), ==, "not assessed");

  g_assert_true (gr_i18n_set_language ("it"));
  g_assert_cmpstr (_("non évalué"), ==, "non valutato");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "non évalué"), ==, "non valutato");
  g_assert_cmpstr (gr_translator_get_language (gr_translator_get (NULL)), ==, "it");

  /* An unknown code changes nothing. */
  g_assert_false (gr_i18n_set_language ("xx"));
  g_assert_false (gr_i18n_set_language ("de_DE"));
  g_assert_cmpstr (_("non évalué"), ==, "non valutato");

  g_assert_true (gr_i18n_set_language ("fr"));
  g_assert_cmpstr (_("non évalué"), ==, "non évalué");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "non évalué"), ==, "non évalué");
  g_assert_cmpstr (gr_translator_ngettext (gr_translator_get (NULL), "%u participant :",
                                           "%u participants :", 0), ==, "%u participant :");
  g_assert_cmpstr (gr_translator_get_language (gr_translator_get (NULL)), ==, "fr");

  /* The system's language: main() runs this program under LANG=C, which has no catalog, so
   * the texts are the French source. */
  g_assert_true (gr_i18n_set_language ("de"));
  g_assert_true (gr_i18n_set_language (""));
  g_assert_cmpstr (_("non évalué"), ==, "non évalué");
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "non évalué"), ==, "non évalué");
  g_assert_cmpstr (gr_translator_get_language (gr_translator_get (NULL)), ==, "fr");

  /* Nothing of the process's environment changed on the way. */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, language);
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, messages);
}

typedef struct
{
  GBytes *session_bytes;
  GBytes *csv;          /* what each thread must write, in German */
  GBytes *svg;
  gint    running;
  gint    n_wrong;
} SwitchCase;

/* An export's thread: the session read back from its bytes, then written in German as CSV and
 * as an SVG chart, again and again, while the main thread switches the interface's language. */
static gpointer
export_in_german (gpointer user_data)
{
  SwitchCase *sc = user_data;
  GrTranslator *de = gr_translator_get ("de");

  for (guint i = 0; i < 15; i++)
    {
      gsize size;
      const char *data = g_bytes_get_data (sc->session_bytes, &size);
      g_autoptr(GrSession) session = gr_session_load_from_data (data, size, NULL);
      g_autoptr(GBytes) csv = gr_csv_write (session, GR_CSV_TABLE_LONG, de);
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GError) error = NULL;
      GrChartExportOptions options;

      gr_chart_export_options_init (&options);
      options.translator = de;
      options.show_title = TRUE;
      svg = gr_chart_export_to_bytes (session, GR_CHART_FORMAT_SVG, &options, NULL);
      if (!g_bytes_equal (csv, sc->csv) || svg == NULL || !g_bytes_equal (svg, sc->svg))
        g_atomic_int_inc (&sc->n_wrong);
      /* An error in the interface's language, whichever it is at that moment. */
      g_assert_null (gr_session_load_from_data ("{", 1, &error));
      g_assert_nonnull (error);
    }
  g_atomic_int_dec_and_test (&sc->running);
  return NULL;
}

/* Switching the interface's language while exports in another language run in threads: the
 * exports are the same, byte for byte, as without the switch. */
static void
test_switch_while_exporting (void)
{
  g_autoptr(GrSession) session = new_session (15);
  GrTranslator *de = gr_translator_get ("de");
  const char **languages = gr_translator_list_languages ();
  SwitchCase sc = { 0 };
  GrChartExportOptions options;
  guint n_languages = g_strv_length ((char **) languages);
  GThread *threads[3];
  guint switches = 0;

  sc.session_bytes = gr_session_serialize (session);
  sc.csv = gr_csv_write (session, GR_CSV_TABLE_LONG, de);
  gr_chart_export_options_init (&options);
  options.translator = de;
  options.show_title = TRUE;
  sc.svg = gr_chart_export_to_bytes (session, GR_CHART_FORMAT_SVG, &options, NULL);
  g_assert_nonnull (sc.svg);

  sc.running = G_N_ELEMENTS (threads);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("export", export_in_german, &sc);
  while (g_atomic_int_get (&sc.running) > 0)
    {
      g_autofree char *label = NULL;

      g_assert_true (gr_i18n_set_language (languages[switches++ % n_languages]));
      /* What the window does next: its texts again, through gettext and the translator. */
      label = g_strdup_printf ("%s %s", g_dgettext (GETTEXT_PACKAGE, "non évalué"),
                               _("non évalué"));
      g_assert_nonnull (label);
      g_usleep (200);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);
  g_test_message ("%u switches", switches);
  g_assert_true (gr_i18n_set_language (""));

  g_assert_cmpint (sc.n_wrong, ==, 0);
  g_bytes_unref (sc.session_bytes);
  g_bytes_unref (sc.csv);
  g_bytes_unref (sc.svg);
}

/* A language Grille lists without its catalog installed: switching to it works, and its texts
 * are the French source. */
static void
test_runtime_switch_missing_catalog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-i18n-XXXXXX", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("GRILLE_LOCALEDIR"));
  GrTranslator *ar;

  g_autofree char *installed = g_build_filename (saved, "ar", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                                 NULL);

  /* Every language listed has its catalog in the build tree now: looking "ar" up without it
   * would leave a translator without a catalog in the cache for the tests that follow. A
   * missing catalog is still covered by /i18n/translator/unknown-language and damaged-catalog. */
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the Arabic catalog is built");
      g_rmdir (dir);
      return;
    }

  /* A locale directory with no catalog at all stands for languages not yet translated. */
  g_setenv ("GRILLE_LOCALEDIR", dir, TRUE);
  ar = gr_translator_get ("ar");
  if (gr_translator_has_catalog (ar))
    {
      g_setenv ("GRILLE_LOCALEDIR", saved, TRUE);
      g_test_skip ("the Arabic catalog was loaded before");
      g_rmdir (dir);
      return;
    }

  g_assert_true (gr_i18n_set_language ("ar"));
  g_assert_true (gr_translator_get (NULL) == ar);
  /* The interface's translator, not _(): gettext's domain stays bound to the build's locale
   * directory, where every language listed now has its catalog. */
  g_assert_cmpstr (gr_translator_gettext (gr_translator_get (NULL), "non évalué"), ==,
                   "non évalué");
  g_assert_false (gr_translator_is_rtl (gr_translator_get (NULL)));
  g_assert_true (gr_i18n_set_language ("fr"));
  g_setenv ("GRILLE_LOCALEDIR", saved, TRUE);
  g_rmdir (dir);
}

/* The C and POSIX locales are left for C.UTF-8: text stays UTF-8, and LANGUAGE still counts. */
static void
test_c_locale (void)
{
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), !=, "C");
  g_assert_cmpstr (setlocale (LC_CTYPE, NULL), !=, "C");
  g_assert_true (gr_i18n_set_language ("es"));
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), !=, "C");
  g_assert_cmpstr (_("non évalué"), ==, "sin evaluar");
  g_assert_true (gr_i18n_set_language (""));
}

/* The command line: runs the real program under @environment (NULL-terminated KEY=VALUE
 * strings over a French-free, C base). */
static char *
run_grille (const char * const *environment,
            const char * const *arguments,
            int                *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("GRILLE_BIN"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; arguments[i]; i++)
    g_ptr_array_add (argv, (char *) arguments[i]);
  g_ptr_array_add (argv, NULL);

  for (const char *unset[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "DISPLAY",
                               "WAYLAND_DISPLAY", NULL }, **u = unset; *u; u++)
    env = g_environ_unsetenv (env, *u);
  for (guint i = 0; environment[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (environment[i], "=", 2);
      env = g_environ_setenv (env, kv[0], kv[1], TRUE);
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
  if (*exit_status != 0)
    g_test_message ("grille wrote on stderr: %s", err);
  return g_steal_pointer (&out);
}

static void
test_cli_summary_languages (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autofree char *lang = g_strconcat ("--lang=", samples[s].language, NULL);
      const char *env[] = { "LANG=C.UTF-8", NULL };
      const char *args[] = { "--summary", lang, NULL };
      int status;
      g_autofree char *out = run_grille (env, args, &status);

      g_assert_cmpint (status, ==, 0);
      check_grid_texts (out, samples[s].language, TRUE, "grille --summary");
      g_assert_nonnull (strstr (out, samples[s].title));
      g_assert_nonnull (strstr (out, samples[s].scale));
    }
}

/* LANGUAGE=de, even under LANG=C, gives the German summary: the same text as --lang=de,
 * the same as --lang=de under LANG=C, and German from top to bottom. */
static void
test_cli_summary_environment (void)
{
  const char *lang_args[] = { "--summary", "--lang=de", NULL };
  const char *args[] = { "--summary", NULL };
  const char *reference_env[] = { "LANG=C.UTF-8", NULL };
  const char *environments[][3] = {
    { "LANGUAGE=de", NULL },
    { "LANG=C", "LANGUAGE=de", NULL },
    { "LANG=POSIX", "LANGUAGE=de", NULL },
    { "LANG=de_DE.UTF-8", NULL },
    { "LC_ALL=de_DE.UTF-8", NULL },
  };
  int status;
  g_autofree char *reference = run_grille (reference_env, lang_args, &status);
  const char *c_env[] = { "LANG=C", NULL };
  g_autofree char *under_c = run_grille (c_env, lang_args, &status);
  g_autofree char *french_env_lang = NULL;

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (under_c, ==, reference);
  check_grid_texts (reference, "de", TRUE, "grille --summary --lang=de");
  g_assert_true (g_str_has_prefix (reference, "Raster der Fähigkeiten"));
  g_assert_nonnull (strstr (reference, "\nSkala:\n  0  Noch nicht — "));
  /* No French left: none of the scale's or the grid's accented words. */
  g_assert_null (strstr (reference, "Échelle"));
  g_assert_null (strstr (reference, "savoir"));
  g_assert_null (strstr (reference, " é"));

  for (guint e = 0; e < G_N_ELEMENTS (environments); e++)
    {
      g_autofree char *out = run_grille (environments[e], args, &status);

      g_assert_cmpint (status, ==, 0);
      if (g_strcmp0 (out, reference) != 0)
        g_error ("grille --summary under %s %s is not German:\n%s", environments[e][0],
                 environments[e][1] ? environments[e][1] : "", out);
    }

  /* --lang wins over the environment. */
  {
    const char *env[] = { "LANGUAGE=it", NULL };
    const char *fr_args[] = { "--summary", "--lang=fr", NULL };

    french_env_lang = run_grille (env, fr_args, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (french_env_lang, "Grille des savoir-faire"));
    g_assert_nonnull (strstr (french_env_lang, "\nÉchelle :\n"));
  }
}

/* --help follows --lang and the environment. */
static void
test_cli_help (void)
{
  struct { const char *env; const char *args[4]; const char *expected; } cases[] = {
    { "LANG=C.UTF-8", { "--help", NULL }, "Afficher la version" },
    { "LANGUAGE=de", { "--help", NULL }, "Die Version anzeigen" },
    { "LANG=C", { "--help", "--lang=de", NULL }, "Die Version anzeigen" },
    { "LANGUAGE=de", { "--lang=en", "--help", NULL }, "Show the version" },
    { "LANG=C.UTF-8", { "--help", "--lang=es", NULL }, "Mostrar la versión" },
    { "LANG=C.UTF-8", { "--help", "--lang", "it", NULL }, "Mostrare la versione" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *env[] = { cases[c].env, NULL };
      int status;
      g_autofree char *out = run_grille (env, cases[c].args, &status);
      g_autofree char *args = g_strjoinv (" ", (char **) cases[c].args);

      g_assert_cmpint (status, ==, 0);
      if (strstr (out, cases[c].expected) == NULL)
        g_error ("grille %s under %s lacks «%s»:\n%s", args, cases[c].env, cases[c].expected, out);
    }
}

/* grille --export=OUT.csv --lang=LL FILE writes the labels in LL. */
static void
test_cli_csv_languages (void)
{
  g_autofree char *dir = g_dir_make_tmp ("grille-i18n-XXXXXX", NULL);
  g_autofree char *session = g_build_filename (dir, "atelier.grille", NULL);
  static const char contents[] =
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\",\n"
    "  \"title\": \"Atelier\", \"date\": \"2026-03-12\", \"language\": \"fr\",\n"
    "  \"participants\": [ { \"name\": \"Service jeunesse\", \"scores\": { \"cooperer.1\": 3 } } ] }\n";

  g_assert_true (g_file_set_contents (session, contents, -1, NULL));

  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autofree char *name = g_strconcat ("scores-", samples[s].language, ".csv", NULL);
      g_autofree char *csv = g_build_filename (dir, name, NULL);
      g_autofree char *export = g_strconcat ("--export=", csv, NULL);
      g_autofree char *lang = g_strconcat ("--lang=", samples[s].language, NULL);
      const char *env[] = { "LANG=C.UTF-8", NULL };
      const char *args[] = { export, lang, session, NULL };
      g_autofree char *text = NULL;
      int status;
      g_autofree char *out = run_grille (env, args, &status);

      g_assert_cmpint (status, ==, 0);
      g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
      check_grid_texts (text, samples[s].language, FALSE, "grille --export CSV");
      g_unlink (csv);
    }

  g_unlink (session);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* A known starting point: no language asked for, the C locale (which has no catalog). */
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANG", "C", TRUE);
  gr_i18n_init (NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/catalogs/complete", test_catalogs_complete);
  g_test_add_func ("/i18n/catalogs/grid-in-template", test_pot_has_grid);
  g_test_add_func ("/i18n/translator/independent", test_translator_independent);
  g_test_add_func ("/i18n/translator/unknown-language", test_translator_unknown);
  g_test_add_func ("/i18n/translator/damaged-catalog", test_translator_damaged_catalog);
  g_test_add_func ("/i18n/translator/plural-forms", test_plural_forms);
  g_test_add_func ("/i18n/translator/deep-plural-rule", test_translator_deep_plural);
  g_test_add_func ("/i18n/summary/plural", test_summary_plural);
  g_test_add_func ("/i18n/summary/languages", test_summary_languages);
  g_test_add_func ("/i18n/csv/languages", test_csv_languages);
  g_test_add_func ("/i18n/runtime-switch", test_runtime_switch);
  g_test_add_func ("/i18n/switch-while-exporting", test_switch_while_exporting);
  g_test_add_func ("/i18n/runtime-switch-missing-catalog", test_runtime_switch_missing_catalog);
  g_test_add_func ("/i18n/c-locale", test_c_locale);
  g_test_add_func ("/i18n/cli/summary-languages", test_cli_summary_languages);
  g_test_add_func ("/i18n/cli/summary-environment", test_cli_summary_environment);
  g_test_add_func ("/i18n/cli/help", test_cli_help);
  g_test_add_func ("/i18n/cli/csv-languages", test_cli_csv_languages);

  return g_test_run ();
}
