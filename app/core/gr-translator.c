/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Translations for one language, independent of the process locale, so that a chart or a CSV
 * can be written in another language than the window's; and the switch of the process's own
 * language at run time. */
#define G_LOG_DOMAIN "gr-translator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gr-translator-private.h"

/* One string of a compiled catalog: it points into the catalog's bytes. */
typedef struct
{
  const char *str;
  guint32     len;   /* without the final NUL; plural forms are separated by NULs */
} MoString;

struct _GrTranslator
{
  char       *language;
  GBytes     *mo;            /* the compiled catalog, or NULL (French, or none installed) */
  MoString   *translations;
  GHashTable *messages;      /* msgid (or "context\004msgid") → MoString in translations */
  char       *plural;        /* the catalog's plural expression, in C syntax */
  gulong      nplurals;
};

/* The languages Grille knows, French (the source) first. A language may lack its catalog:
 * its strings are then the French source. */
static const char *languages[] = { "fr", "en", "de", "es", "it", "nl", "pt", "ar", NULL };
static const char *rtl_languages[] = { "ar", NULL };

/* The interface's translator, swapped in one store by gr_i18n_set_language() while other
 * threads (exports, GDBus, GVfs) may be translating: translators live as long as the process,
 * so a pointer read a moment before the swap stays valid. */
static GrTranslator *current;

/* Fixed by gr_i18n_init(), before any thread: the user's own language (the environment's), and
 * the one LANGUAGE names from then on, under which gettext looks for every domain's catalog. */
static char *system_language;
static char *start_language;

/* The gettext domains a switch re-points (Grille's, and GTK's once the application follows it),
 * each with the directory it was bound to at first. */
typedef struct
{
  char *name;
  char *directory;
} Domain;

static GArray *domains;
static char *repointed_dir;   /* where the re-pointed catalogs are, made on the first need */

/* Where the compiled catalogs are: the installed ones, or the build tree's when Grille runs
 * uninstalled (tests, "make run"). GRILLE_LOCALEDIR overrides both. */
static const char *
find_localedir (void)
{
  const char *env = g_getenv ("GRILLE_LOCALEDIR");
  g_autofree char *installed = g_build_filename (LOCALEDIR, "fr", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

  if (env != NULL && *env != '\0')
    return env;
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) &&
      g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX");
}

/* gettext ignores LANGUAGE while LC_MESSAGES is "C", and text is ASCII only while LC_CTYPE
 * is: under the C or POSIX locale, use C.UTF-8 for both, which still means "no translation"
 * unless LANGUAGE asks for one. */
static void
leave_c_locale (void)
{
  if (is_c_locale (setlocale (LC_CTYPE, NULL)))
    setlocale (LC_CTYPE, "C.UTF-8");
  if (is_c_locale (setlocale (LC_MESSAGES, NULL)))
    setlocale (LC_MESSAGES, "C.UTF-8");
}

/* The code among ours that a locale name such as "de_CH.UTF-8" or "es" stands for, or NULL. */
static const char *
known_language (const char *name)
{
  g_autofree char *code = g_strndup (name, strcspn (name, "_.@"));

  for (guint i = 0; languages[i]; i++)
    if (g_str_equal (code, languages[i]))
      return languages[i];
  return NULL;
}

static char *
catalog_path (const char *directory,
              const char *code,
              const char *domain)
{
  g_autofree char *file = g_strconcat (domain, ".mo", NULL);

  return g_build_filename (directory, code, "LC_MESSAGES", file, NULL);
}

static gboolean
has_installed_catalog (const char *code)
{
  g_autofree char *path = catalog_path (find_localedir (), code, GETTEXT_PACKAGE);

  return g_str_equal (code, "fr") || g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The user's language as the environment gives it (LANGUAGE, then LC_ALL, LC_MESSAGES, LANG):
 * the first of ours that has a catalog; with none, French, the source. */
static const char *
environment_language (void)
{
  const char * const *names;

  if (is_c_locale (setlocale (LC_MESSAGES, NULL)))
    return "fr";

  names = g_get_language_names_with_category ("LC_MESSAGES");
  for (guint i = 0; names[i]; i++)
    {
      const char *code;

      if (is_c_locale (names[i]))
        break;
      if ((code = known_language (names[i])) && has_installed_catalog (code))
        return code;
    }

  return "fr";
}

/* Sets the locale from the environment. When the locale asked for is not installed (say
 * de_DE.UTF-8 on a system that only has C.UTF-8), setlocale() fails: gettext still translates
 * through LANGUAGE, which gr_i18n_init() sets. */
static void
follow_environment (void)
{
  setlocale (LC_ALL, "");
  leave_c_locale ();
}

/**
 * gr_i18n_init:
 * @language: (nullable): the language to start in (the command line's --lang), or %NULL for
 *   the user's own
 *
 * Locale and gettext set-up: once, in main(), before anything is translated and before any
 * thread starts, since it is the only place where Grille sets an environment variable.
 * LANGUAGE then names the language the process starts in (and the user's list after it, for
 * the other libraries' catalogs); a later switch (gr_i18n_set_language()) leaves the
 * environment alone.
 */
void
gr_i18n_init (const char *language)
{
  const char *wanted;
  const char *old;

  follow_environment ();
  g_free (system_language);
  system_language = g_strdup (environment_language ());

  wanted = language != NULL && known_language (language) ? known_language (language)
                                                          : system_language;
  g_free (start_language);
  start_language = g_strdup (wanted);

  old = g_getenv ("LANGUAGE");
  if (old == NULL || *old == '\0' || strcspn (old, ":") != strlen (wanted) ||
      strncmp (old, wanted, strlen (wanted)) != 0)
    {
      g_autofree char *value = old != NULL && *old != '\0'
                               ? g_strconcat (wanted, ":", old, NULL) : g_strdup (wanted);

      g_setenv ("LANGUAGE", value, TRUE);
    }

  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* GLib decides once, at its first g_dgettext(), whether to translate at all: not when the
   * application's domain has no catalog for the language of that moment. The catalog gettext
   * reads can change later (gr_i18n_set_language), so take that decision now, while the
   * default domain is still "messages", which GLib always translates. */
  g_dgettext (GETTEXT_PACKAGE, "");

  textdomain (GETTEXT_PACKAGE);

  if (domains == NULL)
    {
      domains = g_array_new (FALSE, TRUE, sizeof (Domain));
      gr_i18n_follow_domain (GETTEXT_PACKAGE);
    }
  g_atomic_pointer_set (&current, gr_translator_get (start_language));
}

/* The directory whose <start language>/LC_MESSAGES holds @code's catalog of every followed
 * domain, made (as symbolic links to the real catalogs) the first time: gettext goes on
 * looking in the start language's place, and finds @code's texts there. */
static char *
repointed_directory (const char *code)
{
  g_autofree char *messages = NULL;

  if (repointed_dir == NULL)
    {
      g_autofree char *template = g_build_filename (g_get_user_runtime_dir (),
                                                    "grille-catalogs-XXXXXX", NULL);

      g_mkdir_with_parents (g_get_user_runtime_dir (), 0700);
      if (g_mkdtemp (template) == NULL)
        return NULL;
      repointed_dir = g_steal_pointer (&template);
    }

  messages = g_build_filename (repointed_dir, code, start_language, "LC_MESSAGES", NULL);
  if (g_mkdir_with_parents (messages, 0700) != 0)
    return NULL;

  for (guint i = 0; i < domains->len; i++)
    {
      Domain *domain = &g_array_index (domains, Domain, i);
      g_autofree char *file = g_strconcat (domain->name, ".mo", NULL);
      g_autofree char *link = g_build_filename (messages, file, NULL);
      g_autofree char *target = catalog_path (domain->directory, code, domain->name);

      /* A language without a catalog has no link: its strings stay as written. */
      if (!g_file_test (link, G_FILE_TEST_IS_SYMLINK) &&
          g_file_test (target, G_FILE_TEST_IS_REGULAR) &&
          symlink (target, link) != 0)
        g_debug ("%s: %s", link, g_strerror (errno));
    }

  return g_build_filename (repointed_dir, code, NULL);
}

/* Points every followed domain at @code's catalogs. bindtextdomain() is thread-safe in glibc,
 * and a new directory makes gettext drop the translations it had cached. */
static void
repoint_domains (const char *code)
{
  g_autofree char *directory = NULL;

  if (!g_str_equal (code, start_language) && (directory = repointed_directory (code)) == NULL)
    g_debug ("no place for the catalogs of %s: the widgets' own texts stay as they are", code);

  for (guint i = 0; i < domains->len; i++)
    {
      Domain *domain = &g_array_index (domains, Domain, i);

      bindtextdomain (domain->name, directory != NULL ? directory : domain->directory);
    }
}

/* The re-pointed catalogs are only links, made for this process: they go with it. */
static void
remove_repointed (void)
{
  g_autoptr(GDir) codes = NULL;
  const char *code;

  if (repointed_dir == NULL || (codes = g_dir_open (repointed_dir, 0, NULL)) == NULL)
    return;
  while ((code = g_dir_read_name (codes)))
    {
      g_autofree char *messages = g_build_filename (repointed_dir, code, start_language,
                                                    "LC_MESSAGES", NULL);
      g_autoptr(GDir) files = g_dir_open (messages, 0, NULL);
      const char *file;
      g_autofree char *parent = NULL;
      g_autofree char *top = NULL;

      while (files != NULL && (file = g_dir_read_name (files)))
        {
          g_autofree char *path = g_build_filename (messages, file, NULL);

          g_unlink (path);
        }
      g_rmdir (messages);
      parent = g_path_get_dirname (messages);
      g_rmdir (parent);
      top = g_path_get_dirname (parent);
      g_rmdir (top);
    }
  g_rmdir (repointed_dir);
}

/**
 * gr_i18n_follow_domain:
 * @domain: a gettext domain already bound, such as GTK's
 *
 * Makes the widgets' texts of @domain follow gr_i18n_set_language() too (GtkBuilder templates
 * and GTK's own strings are translated by gettext, not by a #GrTranslator).
 */
void
gr_i18n_follow_domain (const char *domain)
{
  Domain entry;
  const char *directory;

  g_return_if_fail (domain != NULL);
  g_return_if_fail (domains != NULL);

  for (guint i = 0; i < domains->len; i++)
    if (g_str_equal (g_array_index (domains, Domain, i).name, domain))
      return;

  directory = bindtextdomain (domain, NULL);
  entry.name = g_strdup (domain);
  entry.directory = g_strdup (directory != NULL ? directory : LOCALEDIR);
  g_array_append_val (domains, entry);
  if (domains->len == 1)
    atexit (remove_repointed);

  if (!g_str_equal (gr_translator_get_language (gr_translator_get (NULL)), start_language))
    repoint_domains (gr_translator_get_language (gr_translator_get (NULL)));
}

/**
 * gr_i18n_set_language:
 * @code: (nullable): a language code from gr_translator_list_languages(), or %NULL or ""
 *   for the system's language
 *
 * Switches the interface's language for the whole process, at once: _() and
 * gr_translator_get (NULL) write in @code from now on, and so do the followed gettext domains
 * (the templates' texts) for what is built next. The environment is left alone: other threads
 * may read it.
 *
 * Returns: %FALSE if Grille does not know @code (nothing changes then).
 */
gboolean
gr_i18n_set_language (const char *code)
{
  g_return_val_if_fail (domains != NULL, FALSE);

  if (code == NULL || *code == '\0')
    code = system_language;
  if (!g_strv_contains (languages, code))
    return FALSE;

  g_atomic_pointer_set (&current, gr_translator_get (code));
  repoint_domains (code);
  return TRUE;
}

/* The languages Grille ships, French (the source) first. */
const char **
gr_translator_list_languages (void)
{
  return languages;
}

/* Plural expressions (the "plural=" of a catalog's header): a small recursive-descent
 * evaluator for the C subset gettext allows. Malformed input evaluates to 0. */
typedef struct
{
  const char *p;
  gulong      n;
  gboolean    error;
  guint       depth;
} PluralParser;

#define PLURAL_MAX_DEPTH 32

static gulong plural_ternary (PluralParser *pp);

static void
plural_skip_spaces (PluralParser *pp)
{
  while (g_ascii_isspace (*pp->p))
    pp->p++;
}

static gboolean
plural_accept (PluralParser *pp,
               const char   *op)
{
  gsize len = strlen (op);

  plural_skip_spaces (pp);
  if (strncmp (pp->p, op, len) != 0)
    return FALSE;
  /* "<" must not take the first half of "<=", nor "!" that of "!=", nor "=" alone. */
  if (len == 1 && strchr ("<>!", op[0]) && pp->p[1] == '=')
    return FALSE;
  pp->p += len;
  return TRUE;
}

static gulong
plural_primary (PluralParser *pp)
{
  plural_skip_spaces (pp);

  /* Real plural rules nest a few levels; a damaged catalog must not exhaust the stack. */
  if (++pp->depth > PLURAL_MAX_DEPTH)
    {
      pp->error = TRUE;
      return 0;
    }

  if (plural_accept (pp, "("))
    {
      gulong value = plural_ternary (pp);

      if (!plural_accept (pp, ")"))
        pp->error = TRUE;
      pp->depth--;
      return value;
    }
  if (plural_accept (pp, "!"))
    {
      gulong value = !plural_primary (pp);

      pp->depth--;
      return value;
    }
  pp->depth--;
  if (*pp->p == 'n')
    {
      pp->p++;
      return pp->n;
    }
  if (g_ascii_isdigit (*pp->p))
    {
      char *end;
      gulong value = strtoul (pp->p, &end, 10);

      pp->p = end;
      return value;
    }

  pp->error = TRUE;
  return 0;
}

static gulong
plural_multiplicative (PluralParser *pp)
{
  gulong value = plural_primary (pp);

  for (;;)
    {
      if (plural_accept (pp, "*"))
        value *= plural_primary (pp);
      else if (plural_accept (pp, "/") || plural_accept (pp, "%"))
        {
          gboolean modulo = pp->p[-1] == '%';
          gulong divisor = plural_primary (pp);

          if (divisor == 0)
            {
              pp->error = TRUE;
              return 0;
            }
          value = modulo ? value % divisor : value / divisor;
        }
      else
        return value;
    }
}

static gulong
plural_additive (PluralParser *pp)
{
  gulong value = plural_multiplicative (pp);

  for (;;)
    {
      if (plural_accept (pp, "+"))
        value += plural_multiplicative (pp);
      else if (plural_accept (pp, "-"))
        value -= plural_multiplicative (pp);
      else
        return value;
    }
}

static gulong
plural_relational (PluralParser *pp)
{
  gulong value = plural_additive (pp);

  for (;;)
    {
      if (plural_accept (pp, "<="))
        value = value <= plural_additive (pp);
      else if (plural_accept (pp, ">="))
        value = value >= plural_additive (pp);
      else if (plural_accept (pp, "<"))
        value = value < plural_additive (pp);
      else if (plural_accept (pp, ">"))
        value = value > plural_additive (pp);
      else
        return value;
    }
}

static gulong
plural_equality (PluralParser *pp)
{
  gulong value = plural_relational (pp);

  for (;;)
    {
      if (plural_accept (pp, "=="))
        value = value == plural_relational (pp);
      else if (plural_accept (pp, "!="))
        value = value != plural_relational (pp);
      else
        return value;
    }
}

static gulong
plural_and (PluralParser *pp)
{
  gulong value = plural_equality (pp);

  while (plural_accept (pp, "&&"))
    {
      gulong right = plural_equality (pp);
      value = value && right;
    }
  return value;
}

static gulong
plural_or (PluralParser *pp)
{
  gulong value = plural_and (pp);

  while (plural_accept (pp, "||"))
    {
      gulong right = plural_and (pp);
      value = value || right;
    }
  return value;
}

static gulong
plural_ternary (PluralParser *pp)
{
  gulong condition = plural_or (pp);

  if (plural_accept (pp, "?"))
    {
      gulong yes, no;

      /* "n ? n ? n ? …" nests without parentheses: it counts against the same bound. */
      if (++pp->depth > PLURAL_MAX_DEPTH)
        {
          pp->error = TRUE;
          return 0;
        }
      yes = plural_ternary (pp);
      if (!plural_accept (pp, ":"))
        pp->error = TRUE;
      no = plural_ternary (pp);
      pp->depth--;
      return condition ? yes : no;
    }
  return condition;
}

/* The index of the plural form for @n, within [0, nplurals). */
static gulong
plural_index (GrTranslator *self,
              gulong        n)
{
  PluralParser pp = { self->plural, n, FALSE };
  gulong index = plural_ternary (&pp);

  plural_skip_spaces (&pp);
  if (pp.error || (*pp.p != '\0' && *pp.p != ';') || index >= self->nplurals)
    return 0;
  return index;
}

/* Reads "nplurals=N; plural=EXPR;" from a catalog's header. */
static void
parse_plural_forms (GrTranslator *self,
                    const char   *header)
{
  const char *line = strstr (header, "Plural-Forms:");
  const char *nplurals, *plural;
  g_autofree char *value = NULL;

  if (line == NULL)
    return;
  value = g_strndup (line, strcspn (line, "\n"));
  if (!(nplurals = strstr (value, "nplurals=")) || !(plural = strstr (value, "plural=")))
    return;
  if (plural > value && plural[-1] == 'n')   /* "nplurals=" also contains "plural=" */
    plural = strstr (plural + 1, "plural=");
  if (plural == NULL)
    return;

  self->nplurals = strtoul (nplurals + strlen ("nplurals="), NULL, 10);
  if (self->nplurals == 0)
    self->nplurals = 2;
  g_free (self->plural);
  self->plural = g_strndup (plural + strlen ("plural="), strcspn (plural + strlen ("plural="), ";"));
}

static inline guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* A string of the catalog, checked to lie within it and to end with a NUL. */
static gboolean
read_mo_string (const guint8 *data,
                gsize         size,
                gsize         table,
                guint32       index,
                gboolean      swap,
                MoString     *out)
{
  gsize entry = table + (gsize) index * 8;
  guint32 len, offset;

  if (entry + 8 > size)
    return FALSE;
  len = read_u32 (data, entry, swap);
  offset = read_u32 (data, entry + 4, swap);
  if ((gsize) offset + len >= size || data[(gsize) offset + len] != '\0')
    return FALSE;

  out->str = (const char *) data + offset;
  out->len = len;
  return TRUE;
}

/* Reads a GNU .mo file's bytes (the format msgfmt writes: see the gettext manual, "The Format
 * of GNU MO Files"), checking every offset against their size. Only the plain strings are
 * read: Grille's catalogs have no system-dependent ones (<PRIu64> and friends). */
static gboolean
parse_mo (GrTranslator *self,
          GBytes       *catalog)
{
  g_autofree MoString *translations = NULL;
  g_autoptr(GHashTable) messages = NULL;
  const guint8 *data;
  gsize size;
  gboolean swap;
  guint32 magic, count, originals, targets;

  data = g_bytes_get_data (catalog, &size);
  if (size < 28)
    return FALSE;
  memcpy (&magic, data, sizeof magic);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    return FALSE;
  if ((read_u32 (data, 4, swap) >> 16) > 1)
    return FALSE;

  count = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  targets = read_u32 (data, 16, swap);
  if (count > size / 16)
    return FALSE;

  translations = g_new0 (MoString, count);
  messages = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < count; i++)
    {
      MoString original;

      if (!read_mo_string (data, size, originals, i, swap, &original) ||
          !read_mo_string (data, size, targets, i, swap, &translations[i]))
        return FALSE;
      /* For a plural entry the key is the singular, before the first NUL. */
      g_hash_table_insert (messages, (char *) original.str, &translations[i]);
      if (*original.str == '\0')
        parse_plural_forms (self, translations[i].str);
    }

  self->mo = g_bytes_ref (catalog);
  self->translations = g_steal_pointer (&translations);
  self->messages = g_steal_pointer (&messages);
  return TRUE;
}

static gboolean
load_mo (GrTranslator *self,
         const char   *path)
{
  g_autoptr(GBytes) catalog = NULL;
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize size;

  if (!g_file_get_contents (path, &contents, &size, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("%s", error->message);
      return FALSE;
    }

  catalog = g_bytes_new_take (contents, size);
  if (!parse_mo (self, catalog))
    {
      g_debug ("%s: not a valid compiled message catalog", path);
      return FALSE;
    }
  return TRUE;
}

static GrTranslator *
translator_new (const char *language)
{
  GrTranslator *self = g_new0 (GrTranslator, 1);

  self->language = g_strdup (language);
  /* The source language's plural rule, for strings no catalog translates. */
  self->plural = g_strdup ("n > 1");
  self->nplurals = 2;
  return self;
}

/**
 * gr_translator_new_for_catalog:
 * @language: the catalog's language code
 * @catalog: a compiled catalog's bytes
 *
 * A translator of its own for a catalog given as bytes, outside the cache of
 * gr_translator_get() (the fuzz harness of the .mo reader uses it).
 *
 * Returns: (transfer full) (nullable): the translator, or %NULL when @catalog is not a valid
 * compiled catalog.
 */
GrTranslator *
gr_translator_new_for_catalog (const char *language,
                               GBytes     *catalog)
{
  GrTranslator *self;

  g_return_val_if_fail (language != NULL && *language != '\0', NULL);
  g_return_val_if_fail (catalog != NULL, NULL);

  self = translator_new (language);
  if (!parse_mo (self, catalog))
    {
      gr_translator_free (self);
      return NULL;
    }
  return self;
}

void
gr_translator_free (GrTranslator *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_clear_pointer (&self->mo, g_bytes_unref);
  g_free (self->translations);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_free (self->plural);
  g_free (self);
}

/**
 * gr_translator_get:
 * @language: (nullable): a language code such as "de", or %NULL or "" for the interface's
 *
 * A translator for @language that reads that language's catalog itself: it does not depend
 * on, nor change, the process locale. "fr" is the source language: its strings come back as
 * they are written in the code and the grid. The interface's translator is the one of the
 * language gr_i18n_set_language() chose last (or the start-up language): ask for it again
 * after a switch rather than keeping it.
 *
 * Returns: (transfer none): the translator, kept for the process's lifetime.
 */
GrTranslator *
gr_translator_get (const char *language)
{
  static GHashTable *cache;
  G_LOCK_DEFINE_STATIC (cache);
  GrTranslator *self;

  if (language == NULL || *language == '\0')
    {
      if ((self = g_atomic_pointer_get (&current)) != NULL)
        return self;
      /* Before gr_i18n_init(): the source. */
      language = "fr";
    }

  G_LOCK (cache);

  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);

  if ((self = g_hash_table_lookup (cache, language)) == NULL)
    {
      self = translator_new (language);

      if (!g_str_equal (language, "fr"))
        {
          g_autofree char *path = catalog_path (find_localedir (), language, GETTEXT_PACKAGE);

          load_mo (self, path);
        }

      g_hash_table_insert (cache, self->language, self);
    }

  G_UNLOCK (cache);

  return self;
}

/**
 * gr_translator_get_language:
 *
 * Returns: the code of the language this translator writes in.
 */
const char *
gr_translator_get_language (GrTranslator *self)
{
  g_return_val_if_fail (self != NULL, "fr");

  return self->language;
}

/* Whether the translator's language can be written: it has its catalog, or it is French (the
 * source). */
gboolean
gr_translator_has_catalog (GrTranslator *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_str_equal (self->language, "fr") || self->mo != NULL;
}

/**
 * gr_translator_is_rtl:
 *
 * Returns: whether the translator's text reads from right to left; a language whose catalog
 *   is missing writes the French source, from left to right.
 */
gboolean
gr_translator_is_rtl (GrTranslator *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->mo != NULL && g_strv_contains (rtl_languages, self->language);
}

static const MoString *
lookup (GrTranslator *self,
        const char   *context,
        const char   *msgid)
{
  g_autofree char *key = NULL;

  if (self->messages == NULL)
    return NULL;
  if (context == NULL)
    return g_hash_table_lookup (self->messages, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  return g_hash_table_lookup (self->messages, key);
}

const char *
gr_translator_pgettext (GrTranslator *self,
                        const char   *context,
                        const char   *msgid)
{
  const MoString *found;

  g_return_val_if_fail (self != NULL, msgid);

  if (msgid == NULL || *msgid == '\0')
    return msgid;

  if ((found = lookup (self, context, msgid)) && found->len > 0)
    return found->str;
  return msgid;
}

const char *
gr_translator_gettext (GrTranslator *self,
                       const char   *msgid)
{
  return gr_translator_pgettext (self, NULL, msgid);
}

/**
 * gr_translator_ngettext:
 * @msgid: the French singular
 * @msgid_plural: the French plural
 * @n: the number the message is about
 *
 * Returns: the form of the message that agrees with @n in the translator's language.
 */
const char *
gr_translator_ngettext (GrTranslator *self,
                        const char   *msgid,
                        const char   *msgid_plural,
                        gulong        n)
{
  const MoString *found;

  g_return_val_if_fail (self != NULL, msgid);
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, msgid);

  if ((found = lookup (self, NULL, msgid)) && found->len > 0)
    {
      const char *form = found->str;
      const char *end = found->str + found->len;

      /* Walk to the chosen form; a catalog with fewer forms than it declares gives the
       * first one rather than a read past the end. */
      for (gulong i = plural_index (self, n); i > 0; i--)
        {
          form += strlen (form) + 1;
          if (form >= end)
            return found->str;
        }
      return form;
    }

  /* Untranslated: the French source, whose plural starts at 2. */
  return n > 1 ? msgid_plural : msgid;
}

const char *
gr_translator_grid (GrTranslator *self,
                    const char   *msgid)
{
  return gr_translator_pgettext (self, GR_GRID_CONTEXT, msgid);
}
