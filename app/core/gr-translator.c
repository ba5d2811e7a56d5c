/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Translations for one language, independent of the process locale, so that a chart or a CSV
 * can be written in another language than the window's; and the switch of the process's own
 * language at run time. */
#define G_LOG_DOMAIN "gr-translator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <locale.h>
#include <string.h>

#include "gr-translator-private.h"

/* One string of a compiled catalog: it points into the catalog's bytes. */
typedef struct
{
  const char *str;
  guint32     len;   /* without the final NUL; plural forms are separated by NULs */
} MoString;

struct _GrTranslator
{
  char       *language;      /* "" follows the process's gettext set-up */
  GBytes     *mo;            /* the compiled catalog, or NULL (French, or none installed) */
  MoString   *translations;
  GHashTable *messages;      /* msgid (or "context\004msgid") → MoString in translations */
  char       *plural;        /* the catalog's plural expression, in C syntax */
  gulong      nplurals;
};

/* The LANGUAGE the process started with, given back when the user goes back to the system's
 * language; NULL when it was not set. */
static char *initial_language;
static gboolean initial_language_saved;

static const char *languages[] = { "fr", "en", "de", "es", "it", NULL };

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

/* Sets @category from the environment. When the locale asked for is not installed (say
 * de_DE.UTF-8 on a system that only has C.UTF-8), setlocale() fails and gettext would
 * translate nothing: its language is then asked for through LANGUAGE, which gettext reads
 * whatever the locale (once out of "C"). */
static void
follow_environment (int category)
{
  const char *language = g_getenv ("LANGUAGE");

  if (setlocale (category, "") == NULL && (language == NULL || *language == '\0'))
    {
      const char *wanted = g_get_language_names_with_category ("LC_MESSAGES")[0];

      if (!is_c_locale (wanted))
        g_setenv ("LANGUAGE", wanted, TRUE);
    }
  leave_c_locale ();
}

static void
save_initial_language (void)
{
  if (!initial_language_saved)
    {
      initial_language = g_strdup (g_getenv ("LANGUAGE"));
      initial_language_saved = TRUE;
    }
}

/* Locale and gettext set-up, once, before anything is translated. */
void
gr_i18n_init (void)
{
  save_initial_language ();
  follow_environment (LC_ALL);

  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* GLib decides once, at its first g_dgettext(), whether to translate at all: not when the
   * application's domain has no catalog for the language of that moment. The language can
   * change later (gr_i18n_set_language), so take that decision now, while the default domain
   * is still "messages", which GLib always translates. */
  g_dgettext (GETTEXT_PACKAGE, "");

  textdomain (GETTEXT_PACKAGE);
}

#ifdef __GLIBC__
/* glibc's counter of loaded catalogs: changing it makes gettext drop the translations it
 * has cached (documented in the gettext manual, "Being a gettext grok"). */
extern int _nl_msg_cat_cntr;
#endif

/**
 * gr_i18n_set_language:
 * @code: (nullable): a language code from gr_translator_list_languages(), or %NULL or ""
 *   for the system's language
 *
 * Switches the language of _() and of GTK's own strings for the whole process, at once:
 * what is translated next comes out in @code.
 *
 * Returns: %FALSE if Grille does not know @code (nothing changes then).
 */
gboolean
gr_i18n_set_language (const char *code)
{
  if (code == NULL)
    code = "";
  if (*code != '\0' && !g_strv_contains (languages, code))
    return FALSE;

  save_initial_language ();

  if (*code != '\0')
    g_setenv ("LANGUAGE", code, TRUE);
  else if (initial_language != NULL)
    g_setenv ("LANGUAGE", initial_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* Setting LC_MESSAGES again makes glibc's gettext read LANGUAGE afresh. */
  follow_environment (LC_MESSAGES);
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#endif

  return TRUE;
}

/* The languages Grille ships, French (the source) first. */
const char **
gr_translator_list_languages (void)
{
  return languages;
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

static gboolean
has_installed_catalog (const char *code)
{
  g_autofree char *path = g_build_filename (find_localedir (), code, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* The language gettext writes in at this moment: it goes through the same list (LANGUAGE,
 * then LC_ALL, LC_MESSAGES, LANG) and takes the first language that has a catalog; with none,
 * the strings stay in French, the source. */
static const char *
current_language (void)
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
 * @language: (nullable): a language code such as "de", or %NULL or "" for the user's own
 *
 * A translator for @language that reads that language's catalog itself: it does not depend
 * on, nor change, the process locale. "fr" is the source language: its strings come back as
 * they are written in the code and the grid.
 *
 * Returns: (transfer none): the translator, kept for the process's lifetime.
 */
GrTranslator *
gr_translator_get (const char *language)
{
  static GHashTable *cache;
  G_LOCK_DEFINE_STATIC (cache);
  GrTranslator *self;

  if (language == NULL)
    language = "";

  G_LOCK (cache);

  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);

  if ((self = g_hash_table_lookup (cache, language)) == NULL)
    {
      self = translator_new (language);

      if (*language != '\0')
        {
          g_autofree char *path = g_build_filename (find_localedir (), language, "LC_MESSAGES",
                                                    GETTEXT_PACKAGE ".mo", NULL);
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
 * Returns: the two-letter code of the language this translator writes in; for the process's
 * own (%NULL or ""), the language gettext uses at this moment, "fr" when it translates nothing.
 */
const char *
gr_translator_get_language (GrTranslator *self)
{
  g_return_val_if_fail (self != NULL, "fr");

  if (*self->language == '\0')
    return current_language ();
  return self->language;
}

/* Whether the translator's language can be written: it has its catalog, or it is French (the
 * source) or the process's own. */
gboolean
gr_translator_has_catalog (GrTranslator *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return *self->language == '\0' || g_str_equal (self->language, "fr") || self->mo != NULL;
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
  if (*self->language == '\0')
    return context ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                   : g_dgettext (GETTEXT_PACKAGE, msgid);

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

  if (*self->language == '\0')
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);

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
