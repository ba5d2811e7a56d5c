/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report as an elected member reads it, through poppler's pdftotext: every text of the grid,
 * every note with its author, every action, every participant and role; in German, German
 * titles and date; words that never leave the margins, whatever the length of the notes; table
 * headers on every page a table continues on; and a report that says when nothing was
 * assessed. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "gr-chart-data.h"
#include "gr-chart-layout.h"
#include "gr-format.h"
#include "gr-report.h"
#include "gr-session-file.h"

static char *tmpdir;

typedef struct
{
  double x0, y0, x1, y1;
  char  *text;            /* the block's words joined by single spaces */
} Block;

typedef struct
{
  double     width, height;
  GPtrArray *blocks;      /* Block */
  GPtrArray *words;       /* Block, one per word */
} PdfPage;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block);
}

static void
pdf_page_free (gpointer data)
{
  PdfPage *page = data;

  g_ptr_array_unref (page->blocks);
  g_ptr_array_unref (page->words);
  g_free (page);
}

static double
attribute (const char *tag,
           const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (tag, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

static char *
unescape (const char *text,
          gsize       length)
{
  g_autofree char *raw = g_strndup (text, length);
  GString *out = g_string_new (NULL);

  for (const char *p = raw; *p; p++)
    {
      static const struct { const char *entity; char c; } entities[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
        { "&#39;", '\'' },
      };
      gboolean done = FALSE;

      for (guint e = 0; e < G_N_ELEMENTS (entities) && !done; e++)
        if (g_str_has_prefix (p, entities[e].entity))
          {
            g_string_append_c (out, entities[e].c);
            p += strlen (entities[e].entity) - 1;
            done = TRUE;
          }
      if (!done)
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* The PDF's pages, blocks and words with their boxes, as `pdftotext -bbox-layout` sees them. */
static GPtrArray *
read_pdf (GBytes *pdf)
{
  g_autofree char *path = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autofree char *html = NULL;
  const char *html_end;
  g_autoptr(GError) error = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func (pdf_page_free);
  const char *argv[] = { "pdftotext", "-bbox-layout", path, "-", NULL };
  int status;
  PdfPage *page = NULL;
  Block *block = NULL;
  GString *block_text = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &html, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Searches bounded by the end: pdftotext's output runs to megabytes, and an unbounded
   * strchr() or strstr() under AddressSanitizer (strict_string_checks) first measures all that
   * is left of it, at each of the report's tens of thousands of words. */
  html_end = html + strlen (html);
  for (const char *p = html; (p = memchr (p, '<', html_end - p)); p++)
    {
      const char *end = memchr (p, '>', html_end - p);

      g_assert_nonnull (end);
      if (g_str_has_prefix (p, "<page "))
        {
          g_autofree char *tag = g_strndup (p, end - p);

          page = g_new0 (PdfPage, 1);
          page->width = attribute (tag, "width");
          page->height = attribute (tag, "height");
          page->blocks = g_ptr_array_new_with_free_func (block_free);
          page->words = g_ptr_array_new_with_free_func (block_free);
          g_ptr_array_add (pages, page);
        }
      else if (g_str_has_prefix (p, "<block "))
        {
          g_autofree char *tag = g_strndup (p, end - p);

          block = g_new0 (Block, 1);
          block->x0 = attribute (tag, "xMin");
          block->y0 = attribute (tag, "yMin");
          block->x1 = attribute (tag, "xMax");
          block->y1 = attribute (tag, "yMax");
          block_text = g_string_new (NULL);
        }
      else if (g_str_has_prefix (p, "</block>"))
        {
          block->text = g_string_free (block_text, FALSE);
          g_ptr_array_add (page->blocks, block);
          block = NULL;
        }
      else if (g_str_has_prefix (p, "<word "))
        {
          g_autofree char *tag = g_strndup (p, end - p);
          const char *close = g_strstr_len (end, html_end - end, "</word>");
          Block *word = g_new0 (Block, 1);

          word->x0 = attribute (tag, "xMin");
          word->y0 = attribute (tag, "yMin");
          word->x1 = attribute (tag, "xMax");
          word->y1 = attribute (tag, "yMax");
          word->text = unescape (end + 1, close - end - 1);
          g_ptr_array_add (page->words, word);
          if (block_text->len)
            g_string_append_c (block_text, ' ');
          g_string_append (block_text, word->text);
          p = close;
        }
    }

  return pages;
}

/* Everything the pages say, one block a line. */
static char *
all_text (GPtrArray *pages)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (pages, p);

      for (guint b = 0; b < page->blocks->len; b++)
        g_string_append_printf (out, "%s\n", ((Block *) g_ptr_array_index (page->blocks, b))->text);
    }
  return g_string_free (out, FALSE);
}

/* Whether @needle, its white space made single spaces, is in @text. */
static gboolean
contains (const char *text,
          const char *needle)
{
  g_autoptr(GString) spaced = g_string_new (needle);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  /* pdftotext cuts words at no-break spaces too. */
  g_string_replace (spaced, "\u202f", " ", 0);
  g_string_replace (spaced, "\u00a0", " ", 0);
  words = g_strsplit_set (spaced->str, " \n\t", -1);

  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
  return strstr (text, joined->str) != NULL;
}

#define assert_contains(text, needle) \
  G_STMT_START { if (!contains (text, needle)) g_error ("“%s” is not in the report", needle); } G_STMT_END

/* How many times @needle is in @bytes, binary streams (with NUL bytes) included. */
static guint
count_bytes (GBytes     *bytes,
             const char *needle)
{
  const char *data = g_bytes_get_data (bytes, NULL);
  gsize size = g_bytes_get_size (bytes), length = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      n++;
  return n;
}

static GrSession *
load_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GrSession *session = gr_session_load (file, &error);

  g_assert_no_error (error);
  return session;
}

static GrSession *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  GrSession *session = gr_session_load_from_data (json, strlen (json), &error);

  g_assert_no_error (error);
  return session;
}

static GBytes *
report_compared (GrSession  *session,
                 const char *lang,
                 GrPaper     paper,
                 GPtrArray  *references,
                 guint      *n_pages)
{
  g_autoptr(GrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GrReportOptions options;
  GBytes *bytes;

  gr_report_options_init (&options);
  options.translator = gr_translator_get (lang);
  options.paper = paper;
  options.today = "2026-07-01";
  options.references = references;
  report = gr_report_new (session, &options, &error);
  g_assert_no_error (error);
  bytes = gr_report_to_pdf (report, &error);
  g_assert_no_error (error);
  if (n_pages)
    *n_pages = gr_report_get_n_pages (report);
  return bytes;
}

static GBytes *
report (GrSession  *session,
        const char *lang,
        GrPaper     paper,
        guint      *n_pages)
{
  return report_compared (session, lang, paper, NULL, n_pages);
}

/* Every word of every page inside the margins, with a point's tolerance for the glyphs' boxes. */
static void
assert_inside_margins (GPtrArray *pages,
                       double     margin)
{
  for (guint p = 0; p < pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (pages, p);

      for (guint w = 0; w < page->words->len; w++)
        {
          Block *word = g_ptr_array_index (page->words, w);

          if (word->x0 < margin - 1 || word->x1 > page->width - margin + 1 ||
              word->y0 < margin - 1 || word->y1 > page->height - margin + 1)
            g_error ("page %u: “%s” at (%.1f, %.1f)–(%.1f, %.1f) leaves the margins", p + 1,
                     word->text, word->x0, word->y0, word->x1, word->y1);
        }
    }
}

static void
test_content (void)
{
  g_autoptr(GrSession) session = load_example ("atelier-v2.grille");
  GrGrid *grid = gr_session_get_grid (session);
  GrTranslator *fr = gr_translator_get ("fr");
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  /* A note on every savoir-faire, from both participants. */
  for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
    for (guint p = 0; p < 2; p++)
      {
        g_autofree char *note = g_strdup_printf ("Note %u du participant %u sur le savoir-faire.",
                                                 i + 1, p + 1);
        gr_participant_set_note (gr_session_get_participant (session, p), i, note);
      }

  pdf = report (session, "fr", GR_PAPER_A4, &n_pages);
  pages = read_pdf (pdf);
  text = all_text (pages);
  g_assert_cmpuint (pages->len, ==, n_pages);

  assert_contains (text, "Ville de Montreuil");
  assert_contains (text, "Atelier du 12 mars");
  assert_contains (text, "12 mars 2026");
  assert_contains (text, "Autoévaluation — Grille des savoir-faire");
  assert_contains (text, "Service jeunesse (Agent·e)");
  assert_contains (text, "Élus; \"bureau\" (Élu·e)");
  for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
    {
      GrItem *item = gr_grid_get_item (grid, i);
      assert_contains (text, gr_translator_grid (fr, gr_item_get_text (item)));
      for (guint p = 0; p < 2; p++)
        assert_contains (text, gr_participant_get_note (gr_session_get_participant (session, p), i));
    }
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      g_autofree char *title = g_utf8_strup (gr_translator_grid (fr, gr_competency_get_title (competency)), -1);

      assert_contains (text, title);
      assert_contains (text, gr_translator_grid (fr, gr_competency_get_subtitle (competency)));
    }
  assert_contains (text, "Ouvrir le comité aux habitants");
  assert_contains (text, "Charte de coopération");
  assert_contains (text, "Cartographier les réseaux");
  assert_contains (text, "Mission démocratie");
  assert_contains (text, "30 septembre 2026");
  /* Due on 30 June, done: not late on 1 July; due in September: not late either. */
  assert_contains (text, "Fait");
  assert_contains (text, "Aucune action");
  /* The reading, in sentences. */
  assert_contains (text, "La compétence la plus affirmée est « S’ouvrir », avec 4,00 sur 4.");
  assert_contains (text, "Les compétences « Faciliter » et « Intégrer » n’ont pas encore été "
                         "évaluées.");
  /* Levels by number and name; the footer. */
  assert_contains (text, "3 · Maîtrisé");
  g_assert_true (contains (text, "Page 2 / 7") || n_pages != 7);
  assert_contains (text, "Ville de Montreuil — Atelier du 12 mars");
  assert_inside_margins (pages, 48);

  /* Metadata and an outline with one entry per section: the cover, the reading, the scores,
   * the scores by role (the participants have roles), five competencies and the plan. */
  {
    g_assert_cmpuint (count_bytes (pdf, "<< /Title"), ==, 10);
    g_assert_cmpuint (count_bytes (pdf, "/Author (Ville de Montreuil)"), ==, 1);
  }
}

static void
test_german (void)
{
  g_autoptr(GrSession) session = load_example ("atelier-v2.grille");
  GrGrid *grid = gr_session_get_grid (session);
  GrTranslator *de = gr_translator_get ("de");
  g_autoptr(GBytes) pdf = report (session, "de", GR_PAPER_LETTER, NULL);
  g_autoptr(GPtrArray) pages = read_pdf (pdf);
  g_autofree char *text = all_text (pages);
  PdfPage *first = g_ptr_array_index (pages, 0);

  g_assert_cmpfloat (first->width, ==, 612);
  g_assert_cmpfloat (first->height, ==, 792);
  assert_contains (text, "12. März 2026");
  assert_contains (text, "Aktionsplan");
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      g_autofree char *title = g_utf8_strup (gr_translator_grid (de, gr_competency_get_title (competency)), -1);

      g_assert_cmpstr (gr_translator_grid (de, gr_competency_get_title (competency)), !=,
                       gr_competency_get_title (competency));
      assert_contains (text, title);
    }
  for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
    assert_contains (text, gr_translator_grid (de, gr_item_get_text (gr_grid_get_item (grid, i))));
  g_assert_false (contains (text, "Plan d’action"));
  assert_inside_margins (pages, 48);
}

/* 50 participants with long names, notes of 2,000 characters, one of 5,000 and words longer
 * than a line: nothing leaves the margins, nothing is lost, and each page that a table
 * continues on starts with its header. */
static void
test_large (void)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  g_autoptr(GrSession) session = gr_session_new (grid);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *long_word = g_strnfill (300, 'x');
  GString *five_thousand = g_string_new (NULL);
  guint n_pages, n_continued = 0;

  while (five_thousand->len < 5000)
    g_string_append_printf (five_thousand, "mot%u ", (guint) five_thousand->len);

  for (guint p = 0; p < 50; p++)
    {
      g_autofree char *name = p == 7 ? g_strdup_printf ("Participant %u %s", p, long_word)
                                     : g_strdup_printf ("Participant %u", p);
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, name);
      GString *note = g_string_new (NULL);

      while (note->len < 2000)
        g_string_append_printf (note, "Remarque %u sur la pratique du service, ", p);
      gr_participant_set_role (participant, p % 2 ? "Élu·e" : "Agent·e");
      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        gr_participant_set_level (participant, i, (p + i) % 5);
      gr_participant_set_note (participant, p % gr_grid_get_n_items (grid), note->str);
      if (p == 3)
        gr_participant_set_note (participant, 20, five_thousand->str);
      if (p == 4)
        gr_participant_set_note (participant, 19, long_word);
      gr_participant_set_target (participant, p % 5, 4);
      g_assert_true (gr_session_add_participant (session, participant, NULL));
      g_string_free (note, TRUE);
    }
  for (guint a = 0; a < 30; a++)
    {
      g_autoptr(GrAction) action = gr_action_new ();
      g_autofree char *action_text = g_strdup_printf ("Action %u : %s", a, long_word);

      gr_action_set_text (action, action_text);
      gr_action_set_owner (action, long_word);
      gr_action_set_due (action, "2026-01-31");
      g_assert_true (gr_session_insert_action (session, a % 5, G_MAXUINT, action, NULL));
    }

  pdf = report (session, "fr", GR_PAPER_A4, &n_pages);
  pages = read_pdf (pdf);
  text = all_text (pages);
  g_assert_cmpuint (pages->len, ==, n_pages);
  assert_inside_margins (pages, 48);

  /* The 5,000 characters are all there, across pages: each of their words is a word of the
   * report. (Looked up in a set of the report's words: a strstr() of the whole report for each
   * of them took most of a minute under AddressSanitizer, which measures the haystack at each
   * call.) */
  {
    g_auto(GStrv) words = g_strsplit (five_thousand->str, " ", -1);
    g_auto(GStrv) report_words = g_strsplit_set (text, " \n\t", -1);
    g_autoptr(GHashTable) in_report = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; report_words[i]; i++)
      g_hash_table_add (in_report, report_words[i]);
    for (guint i = 0; words[i]; i++)
      if (*words[i] && !g_hash_table_contains (in_report, words[i]))
        g_error ("“%s” is not in the report", words[i]);
  }
  assert_contains (text, "Participant 49 (Élu·e)");
  assert_contains (text, "En retard");

  /* A page with levels in a table (the participants as rows) has the table's header above
   * them. Page 1 holds the radar, whose rings are named by their levels: a group of 50 is
   * drawn as its mean and band, which leave the rings' names in sight. */
  for (guint p = 1; p < pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (pages, p);
      double first_level = G_MAXDOUBLE, header = G_MAXDOUBLE;

      for (guint b = 0; b < page->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (page->blocks, b);

          if (g_str_has_prefix (block->text, "2 · En progression"))
            first_level = MIN (first_level, block->y0);
          if (g_str_equal (block->text, "Savoir-faire 1") ||
              g_str_has_prefix (block->text, "Participant Savoir-faire 1"))
            header = MIN (header, block->y0);
        }
      if (first_level == G_MAXDOUBLE)
        continue;
      if (header > first_level)
        g_error ("page %u has levels but no table header above them", p + 1);
      n_continued++;
    }
  /* 50 rows do not fit on one page: each competency's table runs over two. */
  g_assert_cmpuint (n_continued, >=, 10);
  g_string_free (five_thousand, TRUE);
}

/* With an earlier session, the reading says what changed and the scores table has the change. */
static void
test_reference (void)
{
  g_autoptr(GrSession) session = load_example ("atelier-v2.grille");
  g_autoptr(GrSession) earlier = load_example ("atelier.grille");
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;

  /* Coopérer goes from 1,75 to 2,50 for the group: the elected members now have 2 and 3 where
   * they had 1 and nothing. */
  gr_participant_set_level (gr_session_get_participant (session, 1), 0, 2);
  gr_participant_set_level (gr_session_get_participant (session, 1), 1, 3);
  g_ptr_array_add (references, earlier);
  pdf = report_compared (session, "fr", GR_PAPER_A4, references, NULL);
  pages = read_pdf (pdf);
  text = all_text (pages);

  assert_contains (text, "Depuis la session antérieure, « Coopérer » (+0,75) a progressé.");
  assert_contains (text, "Évolution depuis la session antérieure");
  assert_contains (text, "+0,75");
}

typedef struct
{
  GBytes    *session_bytes;
  GPtrArray *references;   /* shared by every thread, as an export shares the window's */
  guint      n_pages;
  gint       n_wrong;
} ThreadsCase;

static gpointer
report_in_thread (gpointer user_data)
{
  ThreadsCase *tc = user_data;

  for (guint i = 0; i < 3; i++)
    {
      gsize size;
      const char *data = g_bytes_get_data (tc->session_bytes, &size);
      g_autoptr(GrSession) session = gr_session_load_from_data (data, size, NULL);
      guint n_pages = 0;
      g_autoptr(GBytes) pdf = report_compared (session, "de", GR_PAPER_A4, tc->references,
                                               &n_pages);

      if (pdf == NULL || n_pages != tc->n_pages)
        g_atomic_int_inc (&tc->n_wrong);
    }
  return NULL;
}

/* Reports made in threads at once, compared with the same earlier session, while the main
 * thread lays out a chart compared with it too (the window's, during an export). */
static void
test_in_threads (void)
{
  g_autoptr(GrSession) session = load_example ("atelier-v2.grille");
  g_autoptr(GrSession) earlier = load_example ("atelier.grille");
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  g_autoptr(GBytes) first = NULL;
  ThreadsCase tc = { 0 };
  GThread *threads[3];

  g_ptr_array_add (references, earlier);
  tc.session_bytes = gr_session_serialize (session);
  tc.references = references;
  first = report_compared (session, "de", GR_PAPER_A4, references, &tc.n_pages);

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("report", report_in_thread, &tc);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GrChartData) data = gr_chart_data_new_from_sessions (session,
                                                                    gr_translator_get ("fr"),
                                                                    NULL, TRUE, TRUE,
                                                                    references);
      g_autoptr(GrChartLayout) layout = NULL;
      GrChartStyle style;

      gr_chart_style_init_default (&style);
      layout = gr_chart_layout_new (data, &style, 700, 600);
      g_assert_nonnull (layout);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_thread_join (threads[t]);
  g_bytes_unref (tc.session_bytes);
  g_assert_cmpint (tc.n_wrong, ==, 0);
}

/* The words on the line of the table row named @label (its first line), after the first
 * @after: the row's cells left to right, joined by single spaces. */
static char *
table_row (GPtrArray  *pages,
           const char *after,
           const char *label)
{
  g_auto(GStrv) after_words = g_strsplit (after, " ", -1);
  g_auto(GStrv) label_words = g_strsplit (label, " ", -1);
  guint n_after = g_strv_length (after_words), n_label = g_strv_length (label_words);
  gboolean past = FALSE;

  for (guint p = 0; p < pages->len; p++)
    {
      PdfPage *page = g_ptr_array_index (pages, p);
      GPtrArray *words = page->words;

      for (guint w = 0; w < words->len; w++)
        {
          gboolean match = TRUE;
          guint n = past ? n_label : n_after;
          char **wanted = past ? label_words : after_words;
          Block *first = g_ptr_array_index (words, w), *last;
          g_autoptr(GPtrArray) cells = NULL;
          GString *row;

          for (guint k = 0; k < n && match; k++)
            match = w + k < words->len &&
                    g_str_equal (((Block *) g_ptr_array_index (words, w + k))->text, wanted[k]);
          if (!match)
            continue;
          if (!past)
            {
              past = TRUE;
              w += n - 1;
              continue;
            }

          last = g_ptr_array_index (words, w + n - 1);
          cells = g_ptr_array_new ();
          for (guint k = 0; k < words->len; k++)
            {
              Block *word = g_ptr_array_index (words, k);

              if (fabs (word->y0 - first->y0) < 1.5 && word->x0 > last->x1)
                g_ptr_array_add (cells, word);
            }
          /* Left to right. */
          for (guint i = 1; i < cells->len; i++)
            for (guint j = i; j > 0 && ((Block *) cells->pdata[j - 1])->x0 >
                                       ((Block *) cells->pdata[j])->x0; j--)
              {
                gpointer swap = cells->pdata[j];
                cells->pdata[j] = cells->pdata[j - 1];
                cells->pdata[j - 1] = swap;
              }
          row = g_string_new (NULL);
          for (guint i = 0; i < cells->len; i++)
            g_string_append_printf (row, "%s%s", i ? " " : "", ((Block *) cells->pdata[i])->text);
          return g_string_free (row, FALSE);
        }
    }
  g_error ("no row “%s” after “%s” in the report", label, after);
}

/* Three earlier sessions, one on a scale of 0 to 8, and participants with roles: each session's
 * scores (rescaled) in the scores table, the change counted from the first, a section by role,
 * and the reading saying both; every figure computed by hand. */
static void
test_progress_and_roles (void)
{
  g_autoptr(GrSession) session = parse (
    "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
    "  \"title\": \"Atelier\", \"date\": \"2026-03-12\", \"participants\": ["
    "  { \"name\": \"Anne\", \"role\": \"Élu·e\","
    "    \"scores\": { \"cooperer.1\": 3, \"cooperer.2\": 1, \"connecter.1\": 4 } },"
    "  { \"name\": \"Bruno\", \"role\": \"Élu·e\","
    "    \"scores\": { \"cooperer.1\": 4, \"connecter.1\": 2 } },"
    "  { \"name\": \"Chloé\", \"role\": \"Agent·e\","
    "    \"scores\": { \"cooperer.1\": 1, \"connecter.1\": 1, \"integrer.1\": 3 } },"
    "  { \"name\": \"Damien\", \"role\": \"Partenaire\" } ] }");
  g_autoptr(GrSession) first = parse (
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    "  \"date\": \"2024-03-10\", \"participants\": ["
    "  { \"name\": \"Anne\", \"scores\": { \"cooperer.1\": 1 } } ] }");
  g_autoptr(GrSession) second = parse (
    "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
    "  \"date\": \"2025-03-15\", \"participants\": ["
    "  { \"name\": \"Anne\", \"scores\": { \"cooperer.1\": 2, \"connecter.1\": 2 } },"
    "  { \"name\": \"Bruno\", \"scores\": { \"cooperer.1\": 4 } } ] }");
  /* The engagement grid's first three competencies on a scale of 0 to 8: Anne's 6 and 6. */
  g_autoptr(GrSession) eight = load_example ("sur-8.grille");
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;
  struct { const char *after, *label, *cells; } rows[] = {
    /* Participants' Coopérer: Anne (3 + 1) / 2 = 2, Bruno 4, Chloé 1: the group's 7 / 3. */
    { "Scores par compétence", "Moyenne du groupe", "2,33 2,33 — 3,00 —" },
    { "Scores par compétence", "mars 2024", "1,00 — — — —" },
    /* 2025: (2 + 4) / 2 and Anne's 2. */
    { "Scores par compétence", "mars 2025", "3,00 2,00 — — —" },
    /* Out of 8 brought to 4: 6 is 3. */
    { "Scores par compétence", "septembre 2025", "3,00 3,00 — — —" },
    /* From the first, 2024: 7 / 3 − 1; Connecter had no score then. */
    { "Scores par compétence", "Évolution depuis la première", "+1,33 — — — —" },
    /* The elected members: Coopérer (2 + 4) / 2, Connecter (4 + 2) / 2; nothing on Intégrer. */
    { "Scores par rôle", "Élu·e·s (2)", "3,00 3,00 — — —" },
    { "Scores par rôle", "Agent·e (1)", "1,00 1,00 — 3,00 —" },
    /* Damien assessed nothing: no score, never 0. */
    { "Scores par rôle", "Partenaire (1)", "— — — — —" },
    /* 3 − 1 twice; Intégrer has only the agents' score: no gap. */
    { "Scores par rôle", "Écart le plus grand", "2,00 2,00 — — —" },
  };

  g_ptr_array_add (references, first);
  g_ptr_array_add (references, second);
  g_ptr_array_add (references, eight);
  pdf = report_compared (session, "fr", GR_PAPER_A4, references, NULL);
  pages = read_pdf (pdf);
  text = all_text (pages);

  assert_contains (text, "Sessions antérieures comparées : mars 2024, mars 2025 et septembre "
                         "2025. Les évolutions sont comptées depuis la première.");
  assert_contains (text, "Depuis la première session comparée, « Coopérer » (+1,33) a "
                         "progressé.");
  assert_contains (text, "Entre les rôles, l’écart le plus grand porte sur « Coopérer » : 2,00 "
                         "entre Élu·e·s (2) et Agent·e (1).");
  assert_contains (text, "Évolution depuis la première session comparée");
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autofree char *cells = table_row (pages, rows[r].after, rows[r].label);

      g_test_message ("%s: %s", rows[r].label, cells);
      g_assert_cmpstr (cells, ==, rows[r].cells);
    }
  g_assert_false (contains (text, "0,00"));
  assert_inside_margins (pages, 48);
}

static void
test_nothing_assessed (void)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  g_autoptr(GrSession) session = gr_session_new (grid);
  g_autoptr(GrParticipant) a = gr_participant_new (grid, "Anne");
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *text = NULL;

  g_assert_true (gr_session_add_participant (session, a, NULL));
  pdf = report (session, "fr", GR_PAPER_A4, NULL);
  pages = read_pdf (pdf);
  text = all_text (pages);

  assert_contains (text, "Aucun savoir-faire n’a encore été évalué");
  assert_contains (text, "Score : non évalué");
  /* Nobody has a role: no section by role. */
  g_assert_false (contains (text, "Scores par rôle"));
  /* No radar: its level names would be the only place "Exemplaire" appears. */
  g_assert_false (contains (text, "Exemplaire"));
  g_assert_false (contains (text, "0,00"));
  assert_inside_margins (pages, 48);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gr_i18n_init (NULL);
  tmpdir = g_dir_make_tmp ("grille-report-XXXXXX", NULL);

  g_test_add_func ("/report/content", test_content);
  g_test_add_func ("/report/german-letter", test_german);
  g_test_add_func ("/report/large-session", test_large);
  g_test_add_func ("/report/nothing-assessed", test_nothing_assessed);
  g_test_add_func ("/report/reference", test_reference);
  g_test_add_func ("/report/in-threads", test_in_threads);
  g_test_add_func ("/report/progress-and-roles", test_progress_and_roles);

  status = g_test_run ();
  {
    g_autofree char *path = g_build_filename (tmpdir, "report.pdf", NULL);
    g_unlink (path);
    g_rmdir (tmpdir);
  }
  return status;
}
