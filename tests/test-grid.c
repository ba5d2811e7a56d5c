/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in grid carries the text of the source word for word (with its two corrections), and
 * grids of other shapes load and work the same way. */
#include "config.h"

#include "gr-grid.h"

static const struct { const char *id, *title, *subtitle; guint n_items; } competencies[] = {
  { "cooperer", "Coopérer", "avec toutes les parties prenantes du territoire", 5 },
  { "connecter", "Connecter", "les collectivités aux habitants et aux habitantes du territoire", 4 },
  { "faciliter", "Faciliter",
    "les réflexions collectives, les moments de partage et les projets communs", 4 },
  { "integrer", "Intégrer",
    "les enjeux coopératifs et participatifs au cœur des mécaniques institutionnelles", 4 },
  { "ouvrir", "S’ouvrir", "au-delà de son écosystème habituel", 4 },
};

static void
test_builtin_shape (void)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  guint n = 0;

  g_assert_true (gr_grid_is_builtin (grid));
  g_assert_cmpstr (gr_grid_get_id (grid), ==, "engagement");
  g_assert_cmpstr (gr_grid_get_title (grid), ==,
                   "Grille des savoir-faire pour une culture territoriale de l’engagement et de "
                   "la participation citoyenne");
  g_assert_cmpuint (gr_grid_get_n_competencies (grid), ==, 5);
  g_assert_cmpuint (gr_grid_get_n_items (grid), ==, 21);

  for (guint c = 0; c < G_N_ELEMENTS (competencies); c++)
    {
      GrCompetency *comp = gr_grid_get_competency (grid, c);

      g_assert_cmpstr (gr_competency_get_id (comp), ==, competencies[c].id);
      g_assert_cmpstr (gr_competency_get_title (comp), ==, competencies[c].title);
      g_assert_cmpstr (gr_competency_get_subtitle (comp), ==, competencies[c].subtitle);
      g_assert_cmpuint (gr_competency_get_n_items (comp), ==, competencies[c].n_items);
      for (guint i = 0; i < gr_competency_get_n_items (comp); i++)
        {
          GrItem *item = gr_competency_get_item (comp, i);
          g_autofree char *id = g_strdup_printf ("%s.%u", competencies[c].id, i + 1);

          g_assert_cmpstr (gr_item_get_id (item), ==, id);
          g_assert_cmpuint (gr_item_get_index (item), ==, n);
          g_assert_cmpuint (gr_item_get_competency_index (item), ==, c);
          g_assert_true (gr_grid_get_item (grid, n) == item);
          n++;
        }
    }
}

static void
test_builtin_scale (void)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  static const char *names[] = {
    "Pas encore", "Premiers pas", "En progression", "Maîtrisé", "Exemplaire"
  };

  g_assert_cmpuint (gr_grid_get_n_levels (grid), ==, 5);
  g_assert_cmpint (gr_grid_get_max_level (grid), ==, 4);
  for (guint l = 0; l < 5; l++)
    {
      GrLevel *level = gr_grid_get_level (grid, l);

      g_assert_cmpint (gr_level_get_value (level), ==, l);
      g_assert_cmpstr (gr_level_get_name (level), ==, names[l]);
      g_assert_cmpuint (strlen (gr_level_get_description (level)), >, 10);
    }
  g_assert_cmpstr (gr_level_get_description (gr_grid_get_level (grid, 3)), ==,
                   "Une pratique établie et partagée par l’équipe.");
}

static void
test_builtin_corrections (void)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  guint index;

  g_assert_true (gr_grid_find_item (grid, "faciliter.4", &index));
  g_assert_cmpstr (gr_item_get_text (gr_grid_get_item (grid, index)), ==,
                   "Maîtriser la philosophie et les méthodes du « design des services publics » "
                   "comme une approche pionnière sur les territoires.");
  g_assert_cmpstr (gr_competency_get_introduction (gr_grid_get_competency (grid, 3)), ==,
                   "Pour que les démarches participatives ne soient pas des expériences sans "
                   "lendemain, les collectivités font face au défi d’intégrer ces process au "
                   "cœur de leurs mécaniques internes.");
}

/* @text with French typography undone (U+202F, ’ and … as structured.md writes them: a space,
 * ' and ...), so that only a change of wording makes the comparison fail. */
static char *
plain_typography (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "\u202F", " ", 0);
  g_string_replace (s, "\u2019", "'", 0);
  g_string_replace (s, "\u2026", "...", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every text of ../shared/grid/structured.md, where it is beside the checkout (as in CI); the
 * grid writes it with French typography, structured.md with ASCII. */
static void
test_builtin_matches_source (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "grid",
                                                 "structured.md", NULL);
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint checked = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    {
      g_test_skip ("../shared/grid/structured.md is not beside this checkout");
      return;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l]; l++)
    {
      const char *line = lines[l];

      if (g_str_has_prefix (line, "- `"))
        {
          g_autofree char *id = g_strndup (line + 3, strchr (line + 3, '`') - (line + 3));
          g_autoptr(GString) expected = g_string_new (strchr (line + 3, '`') + 2);
          guint index;

          g_string_replace (expected, "design des service public", "design des services publics", 1);
          g_autofree char *actual = NULL;

          g_assert_true (gr_grid_find_item (grid, id, &index));
          actual = plain_typography (gr_item_get_text (gr_grid_get_item (grid, index)));
          g_assert_cmpstr (actual, ==, expected->str);
          checked++;
        }
      else if (g_str_has_prefix (line, "Intro: "))
        {
          g_autoptr(GString) expected = g_string_new (line + 7);
          gboolean found = FALSE;

          g_string_replace (expected, "les collectivités les collectivités",
                            "les collectivités", 1);
          for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
            {
              g_autofree char *actual = plain_typography (gr_competency_get_introduction (
                                                            gr_grid_get_competency (grid, c)));
              found |= g_str_equal (expected->str, actual);
            }
          g_assert_true (found);
          checked++;
        }
      else if (g_str_has_prefix (line, "Title: "))
        {
          g_autofree char *actual = plain_typography (gr_grid_get_title (grid));

          g_assert_cmpstr (actual, ==, line + 7);
          checked++;
        }
      else if (g_str_has_prefix (line, "## `"))
        {
          g_autofree char *id = g_strndup (line + 4, strchr (line + 4, '`') - (line + 4));
          gboolean found = FALSE;

          for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
            {
              GrCompetency *competency = gr_grid_get_competency (grid, c);
              g_autofree char *actual = plain_typography (gr_competency_get_title (competency));
              g_autofree char *upper = g_utf8_strup (actual, -1);

              if (g_str_equal (gr_competency_get_id (competency), id))
                {
                  g_assert_cmpstr (upper, ==, strstr (line, "— ") + strlen ("— "));
                  found = TRUE;
                }
            }
          g_assert_true (found);
          checked++;
        }
      else if (g_str_has_prefix (line, "Subtitle: "))
        {
          gboolean found = FALSE;

          for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
            {
              g_autofree char *actual = plain_typography (gr_competency_get_subtitle (
                                                            gr_grid_get_competency (grid, c)));
              found |= g_str_equal (line + 10, actual);
            }
          g_assert_true (found);
          checked++;
        }
    }

  g_assert_cmpuint (checked, ==, 1 + 5 + 5 + 5 + 21);
}

/* A grid definition with @n_competencies competencies of @n_items items and @n_levels levels. */
static char *
make_grid_json (guint n_competencies,
                guint n_items,
                guint n_levels)
{
  GString *s = g_string_new ("{ \"id\": \"custom\", \"title\": \"Grille d’essai\", \"scale\": [");

  for (guint l = 0; l < n_levels; l++)
    g_string_append_printf (s, "%s{ \"level\": %u, \"name\": \"Niveau %u\", \"description\": \"\" }",
                            l ? ", " : "", l, l);
  g_string_append (s, "], \"competencies\": [");
  for (guint c = 0; c < n_competencies; c++)
    {
      g_string_append_printf (s, "%s{ \"id\": \"c%u\", \"title\": \"Compétence %u\", "
                              "\"subtitle\": \"\", \"introduction\": \"\", \"items\": [",
                              c ? ", " : "", c, c);
      for (guint i = 0; i < n_items; i++)
        g_string_append_printf (s, "%s{ \"id\": \"c%u.%u\", \"text\": \"Savoir-faire %u.%u\" }",
                                i ? ", " : "", c, i, c, i);
      g_string_append (s, "] }");
    }
  g_string_append (s, "] }");

  return g_string_free (s, FALSE);
}

static GrGrid *
parse_grid (const char  *json,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return gr_grid_new_from_json (json_parser_get_root (parser), "grid", error);
}

static void
test_custom_shapes (void)
{
  static const struct { guint c, i, l; int code; const char *where; } cases[] = {
    { 3, 1, 2, 0, NULL },
    { 12, 20, 10, 0, NULL },
    { 7, 3, 4, 0, NULL },
    { 2, 4, 5, GR_FILE_ERROR_GRID, "grid.competencies : une grille a de 3 à 12 compétences, celle-ci en a 2" },
    { 13, 4, 5, GR_FILE_ERROR_GRID, "grid.competencies : une grille a de 3 à 12 compétences, celle-ci en a 13" },
    { 5, 0, 5, GR_FILE_ERROR_GRID, "grid.competencies[0].items : une grille a de 1 à 20 savoir-faire, celle-ci en a 0" },
    { 5, 21, 5, GR_FILE_ERROR_GRID, "grid.competencies[0].items : une grille a de 1 à 20 savoir-faire, celle-ci en a 21" },
    { 5, 4, 1, GR_FILE_ERROR_GRID, "grid.scale : une grille a de 2 à 10 niveaux, celle-ci en a 1" },
    { 5, 4, 11, GR_FILE_ERROR_GRID, "grid.scale : une grille a de 2 à 10 niveaux, celle-ci en a 11" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *json = make_grid_json (cases[k].c, cases[k].i, cases[k].l);
      g_autoptr(GError) error = NULL;
      g_autoptr(GrGrid) grid = parse_grid (json, &error);

      if (cases[k].where == NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (gr_grid_get_n_competencies (grid), ==, cases[k].c);
          g_assert_cmpuint (gr_grid_get_n_items (grid), ==, cases[k].c * cases[k].i);
          g_assert_cmpint (gr_grid_get_max_level (grid), ==, cases[k].l - 1);
          g_assert_false (gr_grid_is_builtin (grid));
        }
      else
        {
          g_assert_null (grid);
          g_assert_error (error, GR_FILE_ERROR, cases[k].code);
          g_assert_cmpstr (error->message, ==, cases[k].where);
        }
    }
}

static void
test_custom_errors (void)
{
  static const struct { const char *from, *to, *message; } cases[] = {
    { "\"id\": \"c1.0\"", "\"id\": \"c0.0\"",
      "grid.competencies[1].items[0].id : l’identifiant « c0.0 » est déjà utilisé" },
    { "\"level\": 2", "\"level\": 3",
      "grid.scale[2].level : les niveaux se suivent à partir de 0 : 2 est attendu ici, pas 3" },
    { "\"title\": \"Compétence 1\"", "\"title\": 1",
      "grid.competencies[1].title : un texte entre guillemets est attendu, pas un nombre entier" },
    { "\"text\": \"Savoir-faire 2.1\"", "\"text\": \"\"",
      "grid.competencies[2].items[1].text : le texte est vide" },
    { "\"subtitle\": \"\", ", "",
      "grid.competencies[0].subtitle : ce champ manque" },
    { "\"id\": \"c2\"", "\"id\": \"c 2\"",
      "grid.competencies[2].id : l’identifiant « c 2 » ne peut contenir que des lettres sans "
      "accent, des chiffres, des points, des tirets et des soulignés" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *json = make_grid_json (4, 3, 5);
      g_autoptr(GString) s = g_string_new (json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GrGrid) grid = NULL;

      g_assert_cmpuint (g_string_replace (s, cases[k].from, cases[k].to, 1), ==, 1);
      grid = parse_grid (s->str, &error);
      g_assert_null (grid);
      g_assert_cmpstr (error->message, ==, cases[k].message);
    }
}

/* A text far beyond what a grid needs (a title of thousands of characters took most of a
 * second to lay out at each frame) is refused, saying where and how long; texts of the longest
 * length allowed load. */
static void
test_custom_text_lengths (void)
{
  static const struct { const char *from, *member; guint max; } cases[] = {
    { "\"title\": \"Compétence 1\"", "grid.competencies[1].title", GR_GRID_MAX_TITLE },
    { "\"title\": \"Grille d’essai\"", "grid.title", GR_GRID_MAX_TITLE },
    { "\"name\": \"Niveau 1\"", "grid.scale[1].name", GR_GRID_MAX_TITLE },
    { "\"text\": \"Savoir-faire 2.1\"", "grid.competencies[2].items[1].text", GR_GRID_MAX_TEXT },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    for (guint extra = 0; extra <= 1; extra++)
      {
        g_autofree char *json = make_grid_json (4, 3, 5);
        g_autoptr(GString) s = g_string_new (json);
        g_autoptr(GString) text = g_string_new (NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(GrGrid) grid = NULL;
        g_autofree char *to = NULL;
        g_autofree char *message = NULL;

        /* "é" is one character of two bytes: the length is in characters. */
        while (g_utf8_strlen (text->str, -1) < (glong) (cases[k].max + extra))
          g_string_append (text, "é");
        to = g_strdup_printf ("%.*s\"%s\"", (int) (strchr (cases[k].from, ':') - cases[k].from + 2),
                              cases[k].from, text->str);
        g_assert_cmpuint (g_string_replace (s, cases[k].from, to, 1), ==, 1);
        grid = parse_grid (s->str, &error);
        if (extra == 0)
          {
            g_assert_no_error (error);
            g_assert_nonnull (grid);
            continue;
          }
        g_assert_null (grid);
        g_assert_error (error, GR_FILE_ERROR, GR_FILE_ERROR_RANGE);
        message = g_strdup_printf ("%s\u202f: le texte compte %u caractères, au plus %u sont "
                                   "permis", cases[k].member, cases[k].max + 1, cases[k].max);
        g_assert_cmpstr (error->message, ==, message);
      }
}

static void
test_json_round_trip (void)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  g_autoptr(JsonNode) node = gr_grid_to_json (grid);
  g_autoptr(GrGrid) copy = gr_grid_new_from_json (node, "", NULL);
  g_autoptr(GPtrArray) a = gr_grid_collect_strings (grid);
  g_autoptr(GPtrArray) b = gr_grid_collect_strings (copy);

  g_assert_nonnull (copy);
  g_assert_cmpuint (a->len, ==, 1 + 5 * 2 + 5 * 3 + 21);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

/* One thread's reading: every competency by its position, over and over. */
static gpointer
read_competencies (gpointer data)
{
  GrGrid *grid = data;
  guint n = gr_grid_get_n_competencies (grid);
  gsize wrong = 0;

  for (guint i = 0; i < 200000; i++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, i % n);

      if (competency == NULL || gr_competency_get_index (competency) != i % n)
        wrong++;
    }
  return GSIZE_TO_POINTER (wrong);
}

/* The built-in grid is shared by the sessions of every thread (a file read or an export in a
 * thread, the window on the main thread): read from several threads at once, each gets the
 * competency it asks for. */
static void
test_read_from_threads (void)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  GThread *threads[4];

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("reader", read_competencies, grid);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_assert_cmpuint (GPOINTER_TO_SIZE (g_thread_join (threads[t])), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grid/builtin/shape", test_builtin_shape);
  g_test_add_func ("/grid/builtin/scale", test_builtin_scale);
  g_test_add_func ("/grid/builtin/corrections", test_builtin_corrections);
  g_test_add_func ("/grid/builtin/matches-source", test_builtin_matches_source);
  g_test_add_func ("/grid/custom/shapes", test_custom_shapes);
  g_test_add_func ("/grid/custom/errors", test_custom_errors);
  g_test_add_func ("/grid/custom/text-lengths", test_custom_text_lengths);
  g_test_add_func ("/grid/json-round-trip", test_json_round_trip);
  g_test_add_func ("/grid/read-from-threads", test_read_from_threads);

  return g_test_run ();
}
