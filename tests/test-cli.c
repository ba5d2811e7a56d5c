/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line as a user runs it: the real binary, its exit status, its one-line errors, and
 * no output file left behind when something is wrong. */
#include "config.h"

#include <glib/gstdio.h>
#include <cairo.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *tmpdir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the program with @args; @setup, when given, runs in the child before it. */
static void
run_valist (Run                  *r,
            GSpawnChildSetupFunc  setup,
            gpointer              setup_data,
            const char           *first,
            va_list               args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("GRILLE_BIN");
  const char *envp[] = { "LANG=C.UTF-8", "LANGUAGE=", NULL };
  g_auto(GStrv) env = g_get_environ ();
  int wait_status;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *)bin);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)a);
  g_ptr_array_add (argv, NULL);

  /* The user's own language must not leak into the expected French output. */
  for (guint i = 0; envp[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (envp[i], "=", 2);
      env = g_environ_setenv (env, kv[0], kv[1], TRUE);
    }
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_unsetenv (env, "LC_MESSAGES");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, setup, setup_data,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128 + WTERMSIG (wait_status);
}

static void
run (Run        *r,
     const char *first,
     ...)
{
  va_list args;

  va_start (args, first);
  run_valist (r, NULL, NULL, first, args);
  va_end (args);
}

/* In the child: a file-size limit of *data bytes (ulimit -f), and SIGXFSZ's default action,
 * which kills a process that writes past it unless the process ignores the signal itself. */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { *(rlim_t *) data, *(rlim_t *) data };

  signal (SIGXFSZ, SIG_DFL);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static void
run_with_file_limit (Run        *r,
                     rlim_t      limit,
                     const char *first,
                     ...)
{
  va_list args;

  va_start (args, first);
  run_valist (r, limit_file_size, &limit, first, args);
  va_end (args);
}

static char *
example (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "atelier.grille", NULL);
}

static char *
write_temp (const char *name,
            const char *content,
            gssize      length)
{
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, length, NULL));
  return path;
}

static void
test_help_and_version (void)
{
  g_auto(Run) r = { 0 };
  g_auto(Run) v = { 0 };

  run (&r, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--summary"));
  g_assert_nonnull (strstr (r.out, "--export"));

  run (&v, "--version", NULL);
  g_assert_cmpint (v.status, ==, 0);
  g_assert_true (g_str_has_prefix (v.out, "grille " PACKAGE_VERSION));
}

static void
test_summary_empty_grid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "grids",
                                                 "engagement.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) r = { 0 };
  JsonArray *competencies;
  guint n_items = 0;

  run (&r, "--summary", "--lang=fr", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");

  /* Every title, subtitle and savoir-faire of the grid file, word for word, each on a line. */
  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  competencies = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                               "competencies");
  g_assert_cmpuint (json_array_get_length (competencies), ==, 5);
  for (guint c = 0; c < 5; c++)
    {
      JsonObject *comp = json_array_get_object_element (competencies, c);
      JsonArray *items = json_object_get_array_member (comp, "items");
      g_autofree char *upper = g_utf8_strup (json_object_get_string_member (comp, "title"), -1);
      g_autofree char *heading = g_strdup_printf ("\n%s — %s\n", upper,
                                                  json_object_get_string_member (comp, "subtitle"));

      g_assert_nonnull (strstr (r.out, heading));
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          g_autofree char *line = g_strdup_printf ("\n  • %s\n",
                                                   json_object_get_string_member (item, "text"));
          g_assert_nonnull (strstr (r.out, line));
          n_items++;
        }
    }
  g_assert_cmpuint (n_items, ==, 21);
  g_assert_nonnull (strstr (r.out, "\nCOOPÉRER — avec toutes les parties prenantes du territoire\n"));
  g_assert_nonnull (strstr (r.out, "\nS’OUVRIR — au-delà de son écosystème habituel\n"));
}

static void
test_summary_session (void)
{
  g_autofree char *path = example ();
  g_auto(Run) r = { 0 };

  run (&r, "--summary", "--lang=fr", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Atelier du 12 mars — 2026-03-12"));
  g_assert_nonnull (strstr (r.out, "COOPÉRER — avec toutes les parties prenantes du territoire\n"
                                   "  Score du groupe : 1,75 / 4 (de 1,00 à 2,50)\n"));
  g_assert_nonnull (strstr (r.out, "      → Service jeunesse : Maîtrisé (3)\n"));
  /* An item nobody assessed is "non évalué", never a level. */
  g_assert_nonnull (strstr (r.out, "FACILITER — les réflexions collectives, les moments de "
                                   "partage et les projets communs\n"
                                   "  Score du groupe : non évalué\n"));
}

/* A version 2 session: the organisation, the roles, and each action under its competency. */
static void
test_summary_plan (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atelier-v2.grille", NULL);
  g_auto(Run) r = { 0 };
  const char *cooperer, *connecter, *faciliter, *first, *second, *third;

  run (&r, "--summary", "--lang=fr", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\nVille de Montreuil\nAtelier du 12 mars — 2026-03-12\n"));
  g_assert_nonnull (strstr (r.out, "Service jeunesse (Agent·e), Élus; \"bureau\" (Élu·e)"));

  cooperer = strstr (r.out, "COOPÉRER");
  connecter = strstr (r.out, "CONNECTER");
  faciliter = strstr (r.out, "FACILITER");
  first = strstr (r.out, "    ☑ Ouvrir le comité aux habitants — responsable : Élus — "
                         "échéance : 2026-06-30 — fait\n");
  second = strstr (r.out, "    ☐ Charte de coopération\n");
  third = strstr (r.out, "    ☐ Cartographier les réseaux — responsable : Mission démocratie — "
                         "échéance : 2026-09-30\n");
  g_assert_true (cooperer && connecter && faciliter && first && second && third);
  g_assert_true (cooperer < first && first < second && second < connecter);
  g_assert_true (connecter < third && third < faciliter);
}

static void
test_export_csv (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "scores.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) r = { 0 };

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  run (&r, "--export", out, path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"
                                        "\"Type\";\"Identifiant\";\"Libellé\";\"Service jeunesse\";"));
  g_assert_nonnull (strstr (csv, "\"Compétence\";\"cooperer\";\"Coopérer\";\"2,50\";\"1,00\";4;"
                                 "\"1,75\";\"1,00\";\"2,50\";2\r\n"));
  g_clear_pointer (&csv, g_free);
  run_clear (&r);

  /* The long table, with the notes; --table is for a CSV only, and knows its values. */
  run (&r, "--export", out, "--table=long", "--lang=en", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "\"participant\",\"competency_id\","));
  g_assert_nonnull (strstr (csv, ",3,\"Mastered\",\"Comité mensuel avec les associations\",4\r\n"));
  run_clear (&r);
  run (&r, "--export", out, "--table=wide", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "grille: --table attend scores ou long, pas « wide »\n");
  run_clear (&r);
  run (&r, "--export=chart.png", "--table=long", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "grille: --table ne s’applique qu’à un export CSV\n");

  /* The input is never modified. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_unlink (out);
}

/* A CLI error: one line, naming the file (@prefix is "grille: FILE: "). */
static void
assert_one_line (const char *err,
                 const char *prefix)
{
  g_assert_true (g_str_has_prefix (err, prefix));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

/* Runs a program from outside Grille (poppler, qpdf) with its arguments (NULL-terminated);
 * returns its output, or NULL when it is not installed. */
static char *
run_tool (int        *status,
          const char *tool,
          ...)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;
  va_list args;

  if (program == NULL)
    {
      g_test_message ("%s is not installed: not checked with it", tool);
      return NULL;
    }
  g_ptr_array_add (argv, program);
  va_start (args, tool);
  for (const char *a = va_arg (args, const char *); a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

/* The smallest rectangle holding every pixel that is not white. */
static void
ink_bounds (cairo_surface_t *image,
            int             *left,
            int             *top,
            int             *right,
            int             *bottom)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);

  *left = width;
  *top = height;
  *right = *bottom = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if ((*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff)
        {
          *left = MIN (*left, x);
          *top = MIN (*top, y);
          *right = MAX (*right, x + 1);
          *bottom = MAX (*bottom, y + 1);
        }
}

/* The value of @key in pdfinfo's output. */
static char *
pdfinfo_value (const char *info,
               const char *key)
{
  g_autofree char *prefix = g_strconcat ("\n", key, ":", NULL);
  g_autofree char *text = g_strconcat ("\n", info, NULL);
  const char *line = strstr (text, prefix);
  const char *end;

  if (line == NULL)
    return NULL;
  line += strlen (prefix);
  while (*line == ' ')
    line++;
  end = strchr (line, '\n');
  return g_strndup (line, end ? (gsize) (end - line) : strlen (line));
}

/* The PDF as a printer gets it: an A4 (or Letter) page by default, the chart within 15 mm
 * margins, the title and the date in words at the top, metadata, and a file qpdf finds sound. */
static void
test_export_pdf_paper (void)
{
  static const struct
  {
    const char *options[3];
    const char *page_size;
    double      width, height;
    const char *title;
  } cases[] = {
    { { "--title", "--lang=fr", NULL }, "595.276 x 841.89 pts (A4)", 595.276, 841.89,
      "Atelier du 12 mars — 12 mars 2026" },
    { { "--paper=letter", "--title", "--lang=de" }, "612 x 792 pts (letter)", 612, 792,
      "Atelier du 12 mars — 12. März 2026" },
    { { "--paper=a4", "--lang=en", NULL }, "595.276 x 841.89 pts (A4)", 595.276, 841.89,
      "Atelier du 12 mars — March 12, 2026" },
    /* --size alone: a page of the chart's size, as before. */
    { { "--size=600x500", NULL, NULL }, "600 x 500 pts", 600, 500,
      "Atelier du 12 mars — 12 mars 2026" },
  };
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "chart.pdf", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  g_autofree char *page_prefix = g_build_filename (tmpdir, "page", NULL);
  g_autofree char *page_png = g_build_filename (tmpdir, "page.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const double margin = 15 * 72 / 25.4;
      g_auto(Run) r = { 0 };
      g_autofree char *info = NULL;
      g_autofree char *text = NULL;
      g_autofree char *check = NULL;
      g_autofree char *raster = NULL;
      int status;

      run (&r, export, path, cases[i].options[0], cases[i].options[1], cases[i].options[2],
           NULL);
      g_assert_cmpint (r.status, ==, 0);

      if ((info = run_tool (&status, "pdfinfo", out, NULL)))
        {
          g_autofree char *page_size = pdfinfo_value (info, "Page size");
          g_autofree char *title = pdfinfo_value (info, "Title");
          g_autofree char *subject = pdfinfo_value (info, "Subject");
          g_autofree char *creator = pdfinfo_value (info, "Creator");
          g_autofree char *created = pdfinfo_value (info, "CreationDate");

          g_assert_cmpint (status, ==, 0);
          g_assert_cmpstr (page_size, ==, cases[i].page_size);
          g_assert_cmpstr (title, ==, cases[i].title);
          g_assert_cmpstr (creator, ==, "Grille " PACKAGE_VERSION);
          g_assert_nonnull (subject);
          g_assert_nonnull (strstr (subject, "2 "));
          g_assert_nonnull (created);
          g_assert_cmpuint (strlen (created), >, 10);
        }

      if ((check = run_tool (&status, "qpdf", "--check", out, NULL)))
        {
          if (status != 0)
            g_error ("qpdf --check finds the PDF damaged:\n%s", check);
          g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
        }

      /* On paper ("(A4)", "(letter)"), the heading first, and all the ink within the margins,
       * centred. */
      if (!g_str_has_suffix (cases[i].page_size, ")") ||
          !(text = run_tool (&status, "pdftotext", "-raw", out, "-", NULL)))
        continue;
      if (g_strv_contains ((const char * const *) cases[i].options, "--title"))
        {
          g_autofree char *heading = g_strdup_printf ("Atelier du 12 mars\n%s\n",
                                                      strstr (cases[i].title, "— ") +
                                                      strlen ("— "));
          if (!g_str_has_prefix (text, heading))
            g_error ("the page does not start with\n%s but:\n%s", heading, text);
        }
      if ((raster = run_tool (&status, "pdftoppm", "-r", "72", "-png", "-singlefile", out,
                              page_prefix, NULL)))
        {
          cairo_surface_t *page = cairo_image_surface_create_from_png (page_png);
          int left, top, right, bottom;

          g_assert_cmpint (cairo_surface_status (page), ==, CAIRO_STATUS_SUCCESS);
          ink_bounds (page, &left, &top, &right, &bottom);
          g_test_message ("%s: ink from (%d, %d) to (%d, %d)", cases[i].page_size, left, top,
                          right, bottom);
          /* 1 pixel a point; one pixel of anti-aliasing to spare. */
          g_assert_cmpint (left, >=, (int) margin - 1);
          g_assert_cmpint (top, >=, (int) margin - 1);
          g_assert_cmpint (right, <=, (int) (cases[i].width - margin) + 1);
          g_assert_cmpint (bottom, <=, (int) (cases[i].height - margin) + 1);
          g_assert_cmpint (ABS (left - (cairo_image_surface_get_width (page) - right)), <=, 40);
          cairo_surface_destroy (page);
          g_unlink (page_png);
        }
    }
  g_unlink (out);

  /* --paper is for a PDF, knows its sizes, and does not go with --size. */
  {
    static const struct { const char *options[2]; const char *message; } errors[] = {
      { { "--paper=a3", NULL }, "grille: --paper attend a4 ou letter, pas « a3 »\n" },
      { { "--paper=a4", "--size=600x600" },
        "grille: --paper et --size ne vont pas ensemble : sur papier, le graphique prend "
        "toute la page\n" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
      {
        g_auto(Run) r = { 0 };

        run (&r, export, path, errors[i].options[0], errors[i].options[1], NULL);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_cmpstr (r.err, ==, errors[i].message);
        g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      }
  }
  {
    g_autofree char *png = g_build_filename (tmpdir, "chart.png", NULL);
    g_autofree char *png_export = g_strconcat ("--export=", png, NULL);
    g_auto(Run) r = { 0 };

    run (&r, png_export, "--paper=a4", path, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_cmpstr (r.err, ==, "grille: --paper ne s’applique qu’à un export PDF\n");
  }
}

/* A session with a NUL byte inside: its length is counted, strlen() would stop at the NUL. */
#define NUL_SESSION "{ \"format\": \"grille-session\"\0 }"

/* A PNG as pngcheck (an independent checker) reads it: sound, HiDPI for --scale=2, titled. */
static void
test_export_png_check (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "chart.png", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  g_autofree char *check = NULL;
  g_auto(Run) r = { 0 };
  int status;

  run (&r, export, "--scale=2", "--size=400x300", "--title", "--lang=en", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  if ((check = run_tool (&status, "pngcheck", "-v", "-t", out, NULL)))
    {
      if (status != 0 || !strstr (check, "No errors detected"))
        g_error ("pngcheck finds the PNG damaged:\n%s", check);
      g_assert_nonnull (strstr (check, "800 x 600 image, 24-bit RGB, non-interlaced"));
      g_assert_nonnull (strstr (check, "5669x5669 pixels/meter (144 dpi)"));
      /* The title has an em dash, which Latin-1 (tEXt) lacks: it is UTF-8 (iTXt). */
      g_assert_nonnull (strstr (check, "chunk iTXt"));
      g_assert_nonnull (strstr (check, "keyword: Title"));
      g_assert_nonnull (strstr (check, "language tag = en"));
    }
  g_unlink (out);
}

typedef struct
{
  const char *name;
  const char *content;
  gssize      length;
  const char *message;
} Hostile;

static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new ("{ \"format\": \"grille-session\", \"version\": 1, \"x\": ");
  g_autoptr(GString) long_title = g_string_new ("{ \"format\": \"grille-session\", \"version\": 2, "
                                                "\"grid\": { \"id\": \"g\", \"title\": \"G\", "
                                                "\"scale\": [ { \"level\": 0, \"name\": \"A\", "
                                                "\"description\": \"\" }, { \"level\": 1, "
                                                "\"name\": \"B\", \"description\": \"\" } ], "
                                                "\"competencies\": [");
  const Hostile cases[] = {
    { "deep.grille", NULL, -1, "imbriquées sur plus de 64 niveaux" },
    { "utf8.grille", "{ \"format\": \"grille-session\", \"title\": \"\xff\xfe\" }", -1,
      "n’est pas de l’UTF-8 valide" },
    { "nul.grille", NUL_SESSION, sizeof NUL_SESSION - 1, "caractère NUL" },
    { "range.grille", "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\", "
      "\"participants\": [ { \"name\": \"A\", \"scores\": { \"ouvrir.2\": 9 } } ] }", -1,
      "participants[0].scores[\"ouvrir.2\"] : le niveau 9 est hors de l’échelle (de 0 à 4)" },
    { "unknown.grille", "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\", "
      "\"participants\": [ { \"name\": \"A\", \"scores\": { \"ouvrir.7\": 1 } } ] }", -1,
      "n’a pas de savoir-faire « ouvrir.7 »" },
    { "type.grille", "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\", "
      "\"participants\": [ { \"name\": 12 } ] }", -1,
      "participants[0].name : un texte entre guillemets est attendu, pas un nombre entier" },
    { "newer.grille", "{ \"format\": \"grille-session\", \"version\": 3 }", -1,
      "version plus récente de Grille (format 3)" },
    { "truncated.grille", "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engag", -1,
      "ce n’est pas du JSON valide, ou le fichier est tronqué" },
    /* A competency's title of 5,000 characters (filled in below). */
    { "long-title.grille", "", -1,
      "grid.competencies[1].title\u202f: le texte compte 5000 caractères, au plus 200 sont "
      "permis" },
  };

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *title = c == 1 ? g_strnfill (5000, 'x') : g_strdup ("C");

      g_string_append_printf (long_title, "%s{ \"id\": \"c%u\", \"title\": \"%s\", "
                              "\"subtitle\": \"\", \"introduction\": \"\", \"items\": "
                              "[ { \"id\": \"c%u.1\", \"text\": \"T\" } ] }",
                              c ? ", " : "", c, title, c);
    }
  g_string_append (long_title, "] }, \"participants\": [] }");

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      const char *content = cases[k].content == NULL ? deep->str
                            : *cases[k].content == '\0' ? long_title->str : cases[k].content;
      g_autofree char *path = write_temp (cases[k].name, content, cases[k].length);
      g_autofree char *out = g_build_filename (tmpdir, "out.csv", NULL);
      g_autofree char *prefix = g_strdup_printf ("grille: %s: ", path);
      g_auto(Run) r = { 0 };

      run (&r, "--export", out, path, NULL);
      g_assert_cmpint (r.status, ==, 1);
      /* One line, naming the file and the problem. */
      assert_one_line (r.err, prefix);
      if (strstr (r.err, cases[k].message) == NULL)
        g_error ("%s: expected “%s” in “%s”", cases[k].name, cases[k].message, r.err);
      /* No output file, not even an empty one. */
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

      {
        g_auto(Run) s = { 0 };
        run (&s, "--summary", path, NULL);
        g_assert_cmpint (s.status, ==, 1);
        g_assert_cmpstr (s.out, ==, "");
      }
      g_unlink (path);
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "x.txt", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "absent.grille", NULL);
  g_autofree char *missing_prefix = g_strdup_printf ("grille: %s: ", missing);
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) d = { 0 };

  run (&a, "--export", out, path, NULL);
  g_assert_cmpint (a.status, ==, 1);
  g_assert_nonnull (strstr (a.err, "format de sortie inconnu"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run (&b, "--summary", missing, NULL);
  g_assert_cmpint (b.status, ==, 1);
  g_assert_true (g_str_has_prefix (b.err, missing_prefix));
  g_assert_nonnull (strstr (b.err, "ce fichier n’existe pas"));

  /* Writing the export over the session file itself is refused. */
  run (&c, "--export", path, path, NULL);
  g_assert_cmpint (c.status, ==, 1);

  run (&d, "--summary", "--lang=xx", NULL);
  g_assert_cmpint (d.status, ==, 1);
  g_assert_nonnull (strstr (d.err, "langue inconnue « xx »"));
}

/* An earlier session drawn for comparison is named in the chart's legend; a reference that
 * cannot be read is an error that names it, and nothing is written. */
static void
test_export_reference (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "chart.svg", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "absent.grille", NULL);
  g_autofree char *missing_prefix = g_strdup_printf ("grille: %s: ", missing);
  g_autofree char *svg = NULL;
  g_auto(Run) ok = { 0 };
  g_auto(Run) bad = { 0 };

  run (&ok, "--export", out, "--reference", path, path, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  /* The earlier session is a dated line: its month and year. */
  g_assert_nonnull (strstr (svg, ">mars 2026<"));
  g_unlink (out);

  run (&bad, "--export", out, "--reference", missing, path, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad.err, missing_prefix));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* Up to five earlier sessions, each a dated line; one on another scale is brought to this one,
 * one on another grid is refused with its name, and nothing is written. */
static void
test_export_references (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "progression.svg", NULL);
  g_autofree char *a = write_temp ("2024.grille",
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
    " \"date\": \"2024-03-10\", \"participants\": [ { \"name\": \"A\","
    " \"scores\": { \"cooperer.1\": 1 } } ] }", -1);
  g_autofree char *b = write_temp ("2025.grille",
    "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
    " \"date\": \"2025-03-15\", \"participants\": [ { \"name\": \"A\","
    " \"scores\": { \"cooperer.1\": 2 } } ] }", -1);
  g_autofree char *scale = write_temp ("echelle.grille",
    "{ \"format\": \"grille-session\", \"version\": 1, \"date\": \"2025-10-01\","
    " \"grid\": { \"id\": \"engagement\", \"title\": \"E\", \"scale\": ["
    " { \"level\": 0, \"name\": \"0\", \"description\": \"\" },"
    " { \"level\": 1, \"name\": \"1\", \"description\": \"\" },"
    " { \"level\": 2, \"name\": \"2\", \"description\": \"\" } ], \"competencies\": ["
    " { \"id\": \"cooperer\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\","
    "   \"items\": [ { \"id\": \"c\", \"text\": \"c\" } ] },"
    " { \"id\": \"connecter\", \"title\": \"N\", \"subtitle\": \"\", \"introduction\": \"\","
    "   \"items\": [ { \"id\": \"n\", \"text\": \"n\" } ] },"
    " { \"id\": \"ouvrir\", \"title\": \"O\", \"subtitle\": \"\", \"introduction\": \"\","
    "   \"items\": [ { \"id\": \"o\", \"text\": \"o\" } ] } ] },"
    " \"participants\": [ { \"name\": \"A\", \"scores\": { \"c\": 1 } } ] }", -1);
  g_autofree char *other = write_temp ("autre-grille.grille",
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": { \"id\": \"autre\","
    " \"title\": \"X\", \"scale\": [ { \"level\": 0, \"name\": \"a\", \"description\": \"\" },"
    " { \"level\": 1, \"name\": \"b\", \"description\": \"\" } ], \"competencies\": ["
    " { \"id\": \"a\", \"title\": \"A\", \"subtitle\": \"\", \"introduction\": \"\","
    "   \"items\": [ { \"id\": \"a.1\", \"text\": \"a\" } ] },"
    " { \"id\": \"b\", \"title\": \"B\", \"subtitle\": \"\", \"introduction\": \"\","
    "   \"items\": [ { \"id\": \"b.1\", \"text\": \"b\" } ] },"
    " { \"id\": \"c\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\","
    "   \"items\": [ { \"id\": \"c.1\", \"text\": \"c\" } ] } ] } }", -1);
  g_autofree char *other_prefix = g_strdup_printf ("grille: %s: ", other);
  g_autofree char *svg = NULL;
  g_auto(Run) ok = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) six = { 0 };

  /* Given in any order, they are drawn and listed oldest first, as the window does. */
  run (&ok, "--export", out, "--reference", scale, "--reference", b, "--reference", a, path,
       NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, ">mars 2024<"));
  g_assert_true (strstr (svg, ">mars 2024<") < strstr (svg, ">mars 2025<"));
  g_assert_true (strstr (svg, ">mars 2025<") < strstr (svg, ">octobre 2025<"));
  g_unlink (out);

  run (&refused, "--export", out, "--reference", a, "--reference", other, path, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_true (g_str_has_prefix (refused.err, other_prefix));
  g_assert_nonnull (strstr (refused.err, "«\u202fautre\u202f»"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run (&six, "--export", out, "--reference", a, "--reference", a, "--reference", a,
       "--reference", a, "--reference", a, "--reference", a, path, NULL);
  g_assert_cmpint (six.status, ==, 1);
  g_assert_nonnull (strstr (six.err, "au plus 5 fois"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_unlink (a);
  g_unlink (b);
  g_unlink (scale);
  g_unlink (other);
}

/* One line per role, named with its size; it cannot be combined with one participant. */
static void
test_export_by_role (void)
{
  g_autofree char *out = g_build_filename (tmpdir, "roles.svg", NULL);
  g_autofree char *path = write_temp ("roles.grille",
    "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\","
    " \"participants\": ["
    " { \"name\": \"A\", \"role\": \"Élu·e\", \"scores\": { \"cooperer.1\": 4 } },"
    " { \"name\": \"B\", \"role\": \"Élu·e\", \"scores\": { \"cooperer.1\": 3 } },"
    " { \"name\": \"C\", \"role\": \"Agent·e\", \"scores\": { \"cooperer.1\": 1 } } ] }", -1);
  g_autofree char *svg = NULL;
  g_auto(Run) ok = { 0 };
  g_auto(Run) bad = { 0 };

  run (&ok, "--export", out, "--by-role", path, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, ">Élu·e·s (2)<"));
  g_assert_nonnull (strstr (svg, ">Agent·e (1)<"));
  g_assert_nonnull (strstr (svg, ">écart 2,5<"));
  g_unlink (out);

  run (&bad, "--export", out, "--by-role", "--participant", "A", path, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_unlink (path);
}

/* Two sessions of the same name from different folders: the second is reported, and the first
 * one's export is not replaced by it. */
static void
test_export_dir_clash (void)
{
  g_autofree char *path = example ();
  g_autofree char *a = g_build_filename (tmpdir, "a", NULL);
  g_autofree char *b = g_build_filename (tmpdir, "b", NULL);
  g_autofree char *a_file = g_build_filename (a, "s.grille", NULL);
  g_autofree char *b_file = g_build_filename (b, "s.grille", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "out", NULL);
  g_autofree char *out_file = g_build_filename (out, "s.csv", NULL);
  g_autofree char *content = NULL;
  g_autofree char *csv = NULL;
  g_auto(Run) r = { 0 };

  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_mkdir_with_parents (a, 0755);
  g_mkdir_with_parents (b, 0755);
  g_assert_true (g_file_set_contents (a_file, content, -1, NULL));
  g_assert_true (g_file_set_contents (b_file, "{ \"format\": \"grille-session\", \"version\": 1, "
                                              "\"grid\": \"engagement\" }", -1, NULL));

  run (&r, "--export-dir", out, "--format=CSV", a_file, b_file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "comme celui de"));
  g_assert_true (g_file_get_contents (out_file, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "Service jeunesse"));

  g_unlink (out_file);
  g_unlink (a_file);
  g_unlink (b_file);
  g_rmdir (out);
  g_rmdir (a);
  g_rmdir (b);
}

static void
test_scale_zero (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "zero.png", NULL);
  g_auto(Run) r = { 0 };

  run (&r, "--export", out, "--scale=0", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--scale attend un facteur entier de 1 à 8, pas 0"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* --report writes a PDF of the paper asked for; its errors are one line, exit 1, and no file. */
static void
test_report (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "atelier-v2.grille", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "rapport.pdf", NULL);
  g_autofree char *dir = g_build_filename (tmpdir, "rapports", NULL);
  g_autofree char *in_dir = g_build_filename (dir, "atelier-v2.pdf", NULL);
  g_autofree char *pdf = NULL;
  gboolean letter = FALSE;
  gsize length;
  struct { const char *args[3]; const char *message; } errors[] = {
    { { "--participant=Personne", NULL }, "la session n’a pas de participant nommé" },
    { { "--paper=a3", NULL }, "--paper attend a4 ou letter, pas" },
    { { "--reference=/nonexistent.grille", NULL }, "/nonexistent.grille" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_auto(Run) r = { 0 };
      g_autofree char *report = g_strdup_printf ("--report=%s", out);

      run (&r, report, errors[i].args[0], path, NULL);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, errors[i].message));
      g_assert_true (strchr (r.err, '\n') == r.err + strlen (r.err) - 1);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *txt = g_build_filename (tmpdir, "rapport.txt", NULL);
    g_autofree char *report = g_strdup_printf ("--report=%s", txt);
    g_auto(Run) r = { 0 };

    run (&r, report, path, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "le nom doit finir par .pdf"));
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  }

  {
    g_autofree char *report = g_strdup_printf ("--report=%s", out);
    g_auto(Run) r = { 0 };

    run (&r, report, "--lang=de", "--paper=letter", "--participant=Service jeunesse", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &pdf, &length, NULL));
    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
    /* The PDF's streams hold NUL bytes: not strstr. */
    for (gsize i = 0; i + 25 <= length && !letter; i++)
      letter = memcmp (pdf + i, "/MediaBox [ 0 0 612 792 ]", 25) == 0;
    g_assert_true (letter);
  }

  {
    g_autofree char *export_dir = g_strdup_printf ("--export-dir=%s", dir);
    g_auto(Run) r = { 0 };

    run (&r, export_dir, "--format=report", path, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (in_dir, G_FILE_TEST_IS_REGULAR));
    g_unlink (in_dir);
    g_rmdir (dir);
  }
  g_unlink (out);
}

static void
test_unwritable_output (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "no-such-folder", "scores.csv", NULL);
  g_auto(Run) r = { 0 };

  run (&r, "--export", out, path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "impossible d’écrire le fichier"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* The files in @dir other than @except: none is left behind by a failed write. */
static guint
count_other_files (const char *dir,
                   const char *except)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)))
    if (g_strcmp0 (name, except) != 0)
      {
        g_test_message ("left in %s: %s", dir, name);
        n++;
      }
  return n;
}

/* A write-protected output keeps its content and its protection, whoever runs the program
 * (root included, who may write anything). */
static void
test_write_protected_output (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = write_temp ("protege.csv", "avant", -1);
  g_autofree char *prefix = g_strdup_printf ("grille: %s: ", out);
  g_autofree char *after = NULL;
  g_auto(Run) r = { 0 };
  GStatBuf st;

  g_assert_cmpint (g_chmod (out, 0444), ==, 0);
  run (&r, "--export", out, path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_one_line (r.err, prefix);
  g_assert_nonnull (strstr (r.err, "le fichier est protégé en écriture"));

  g_assert_true (g_file_get_contents (out, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "avant");
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  g_unlink (out);
}

/* Over a file-size limit the program is not killed: it says so in one line, in the user's
 * language, names the user's file, and leaves no temporary file behind. */
static void
test_file_size_limit (void)
{
  g_autofree char *path = example ();
  g_autofree char *dir = g_build_filename (tmpdir, "limite", NULL);
  g_autofree char *out = g_build_filename (dir, "radar.png", NULL);
  g_autofree char *prefix = g_strdup_printf ("grille: %s: ", out);
  g_auto(Run) r = { 0 };
  g_auto(Run) en = { 0 };

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  run_with_file_limit (&r, 4096, "--export", out, path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_one_line (r.err, prefix);
  g_assert_nonnull (strstr (r.err, "impossible d’écrire le fichier : le fichier dépasserait la "
                                   "taille maximale permise"));
  g_assert_cmpuint (count_other_files (dir, NULL), ==, 0);

  run_with_file_limit (&en, 4096, "--lang=en", "--export", out, path, NULL);
  g_assert_cmpint (en.status, ==, 1);
  assert_one_line (en.err, prefix);
  g_assert_nonnull (strstr (en.err, "cannot write the file: the file would exceed the largest "
                                    "size allowed"));
  g_assert_cmpuint (count_other_files (dir, NULL), ==, 0);
  g_rmdir (dir);
}

/* An output given as a symbolic link is written through it, as Ctrl+S does: the link stays. */
static void
test_symlink_output (void)
{
  g_autofree char *path = example ();
  g_autofree char *target = write_temp ("cible.csv", "avant", -1);
  g_autofree char *link = g_build_filename (tmpdir, "lien.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(Run) r = { 0 };
  GStatBuf st;

  g_assert_cmpint (symlink (target, link), ==, 0);
  run (&r, "--export", link, path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (target, &csv, NULL, NULL));
  /* The scores, with the byte order mark every CSV export starts with. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (csv, "Service jeunesse"));
  g_unlink (link);
  g_unlink (target);
}

/* A folder that does not exist: the message is the user's language from end to end, and
 * names the user's file, not the temporary one beside it. */
static void
test_write_error_language (void)
{
  g_autofree char *path = example ();
  g_autofree char *out = g_build_filename (tmpdir, "absent", "scores.csv", NULL);
  g_autofree char *prefix = g_strdup_printf ("grille: %s: ", out);
  g_auto(Run) fr = { 0 };
  g_auto(Run) de = { 0 };

  run (&fr, "--export", out, path, NULL);
  g_assert_cmpint (fr.status, ==, 1);
  assert_one_line (fr.err, prefix);
  g_assert_cmpstr (fr.err + strlen (prefix), ==,
                   "impossible d’écrire le fichier : le dossier n’existe pas\n");

  run (&de, "--lang=de", "--export", out, path, NULL);
  g_assert_cmpint (de.status, ==, 1);
  assert_one_line (de.err, prefix);
  g_assert_null (strstr (de.err, "scores.csv."));
  g_assert_null (strstr (de.err, "No such"));
  g_assert_nonnull (strstr (de.err, "Ordner"));
}

/* Split, then merge the files back: the participants return, what came in from where is said
 * on stdout; a file on another grid fails the merge with its name, and no output is written. */
static void
test_split_merge (void)
{
  g_autofree char *path = example ();
  g_autofree char *dir = g_build_filename (tmpdir, "envoi", NULL);
  g_autofree char *first = g_build_filename (dir, "Service jeunesse.grille", NULL);
  g_autofree char *second = g_build_filename (dir, "Élus; -bureau-.grille", NULL);
  g_autofree char *out = g_build_filename (tmpdir, "tous.grille", NULL);
  g_autofree char *refused = g_build_filename (tmpdir, "refus.grille", NULL);
  g_autofree char *other = write_temp ("autre.grille",
    "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": { \"id\": \"x\", "
    "\"title\": \"X\", \"scale\": [ { \"level\": 0, \"name\": \"a\", \"description\": \"a\" }, "
    "{ \"level\": 1, \"name\": \"b\", \"description\": \"b\" } ], \"competencies\": ["
    "{ \"id\": \"a\", \"title\": \"A\", \"subtitle\": \"\", \"introduction\": \"\", "
    "\"items\": [ { \"id\": \"a.1\", \"text\": \"Un\" } ] },"
    "{ \"id\": \"b\", \"title\": \"B\", \"subtitle\": \"\", \"introduction\": \"\", "
    "\"items\": [ { \"id\": \"b.1\", \"text\": \"Deux\" } ] },"
    "{ \"id\": \"c\", \"title\": \"C\", \"subtitle\": \"\", \"introduction\": \"\", "
    "\"items\": [ { \"id\": \"c.1\", \"text\": \"Trois\" } ] } ] } }", -1);
  g_autofree char *other_prefix = g_strdup_printf ("grille: %s: ", other);
  g_autofree char *merged = NULL;
  g_auto(Run) split = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) merge = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) usage = { 0 };

  run (&split, "--split", dir, path, NULL);
  g_assert_cmpint (split.status, ==, 0);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));

  /* The files may have been sent already: a second split replaces none of them. */
  run (&again, "--split", dir, path, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "existe déjà"));
  g_assert_true (strchr (again.err, '\n') == again.err + strlen (again.err) - 1);

  run (&merge, "--merge", out, first, second, NULL);
  g_assert_cmpint (merge.status, ==, 0);
  g_assert_true (g_str_has_prefix (merge.out, "2 participants importés\n"));
  g_assert_nonnull (strstr (merge.out, "Service jeunesse.grille\u202f: «\u202fService jeunesse"));
  g_assert_true (g_file_get_contents (out, &merged, NULL, NULL));
  g_assert_nonnull (strstr (merged, "\"cooperer.1\" : 3"));
  g_assert_nonnull (strstr (merged, "Comité mensuel avec les associations"));
  g_assert_nonnull (strstr (merged, "\"title\" : \"Atelier du 12 mars\""));

  run (&bad, "--merge", refused, first, other, second, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad.err, other_prefix));
  g_assert_nonnull (strstr (bad.err, "cette session utilise la grille «\u202fx\u202f»"));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  run (&usage, "--merge", refused, NULL);
  g_assert_cmpint (usage.status, ==, 1);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  g_unlink (first);
  g_unlink (second);
  g_unlink (out);
  g_unlink (other);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("grille-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/cli/summary/empty-grid", test_summary_empty_grid);
  g_test_add_func ("/cli/summary/session", test_summary_session);
  g_test_add_func ("/cli/summary/plan", test_summary_plan);
  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/export/pdf-paper", test_export_pdf_paper);
  g_test_add_func ("/cli/export/png-check", test_export_png_check);
  g_test_add_func ("/cli/errors/hostile-files", test_hostile);
  g_test_add_func ("/cli/errors/usage", test_usage_errors);
  g_test_add_func ("/cli/errors/unwritable-output", test_unwritable_output);
  g_test_add_func ("/cli/errors/write-protected-output", test_write_protected_output);
  g_test_add_func ("/cli/errors/file-size-limit", test_file_size_limit);
  g_test_add_func ("/cli/errors/write-error-language", test_write_error_language);
  g_test_add_func ("/cli/export/symlink-output", test_symlink_output);
  g_test_add_func ("/cli/export/reference", test_export_reference);
  g_test_add_func ("/cli/export/references", test_export_references);
  g_test_add_func ("/cli/export/by-role", test_export_by_role);
  g_test_add_func ("/cli/export-dir/name-clash", test_export_dir_clash);
  g_test_add_func ("/cli/errors/scale-zero", test_scale_zero);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/split-merge", test_split_merge);

  status = g_test_run ();
  g_rmdir (tmpdir);
  return status;
}
