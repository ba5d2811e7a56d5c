/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Translations for one language, independent of the process locale, so that a chart or a CSV
 * can be written in another language than the window's. */
#define G_LOG_DOMAIN "gr-translator"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <locale.h>

#include "gr-translator.h"

struct _GrTranslator
{
  char *language;   /* "" follows the process's gettext set-up */
};

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

/* Locale and gettext set-up, once, before anything is translated. */
void
gr_i18n_init (void)
{
  /* Under the C or POSIX locale text would be ASCII only: fall back to C.UTF-8. */
  if (setlocale (LC_ALL, "") == NULL || g_strcmp0 (setlocale (LC_CTYPE, NULL), "C") == 0 ||
      g_strcmp0 (setlocale (LC_CTYPE, NULL), "POSIX") == 0)
    setlocale (LC_CTYPE, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, find_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static const char *languages[] = { "fr", "en", "de", "es", "it", NULL };

/* The languages Grille ships, French (the source) first. */
const char **
gr_translator_list_languages (void)
{
  return languages;
}

/**
 * gr_translator_get:
 * @language: (nullable): a language code such as "de", or %NULL or "" for the user's own
 *
 * Returns: (transfer none): the translator, kept for the process's lifetime.
 */
GrTranslator *
gr_translator_get (const char *language)
{
  static GHashTable *cache;
  GrTranslator *self;

  if (language == NULL)
    language = "";

  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);

  if ((self = g_hash_table_lookup (cache, language)))
    return self;

  self = g_new0 (GrTranslator, 1);
  self->language = g_strdup (language);
  g_hash_table_insert (cache, self->language, self);

  return self;
}

/* The two-letter code of the language this translator writes in. */
const char *
gr_translator_get_language (GrTranslator *self)
{
  g_return_val_if_fail (self != NULL, "fr");

  if (*self->language == '\0')
    {
      /* Translators: the two-letter code of your language ("en", "de", …). */
      return C_("language-code", "fr");
    }
  return self->language;
}

gboolean
gr_translator_has_catalog (GrTranslator *self)
{
  return self != NULL && *self->language == '\0';
}

const char *
gr_translator_pgettext (GrTranslator *self,
                        const char   *context,
                        const char   *msgid)
{
  g_return_val_if_fail (self != NULL, msgid);

  if (msgid == NULL || *msgid == '\0')
    return msgid;
  if (*self->language == '\0')
    return context ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid)
                   : g_dgettext (GETTEXT_PACKAGE, msgid);
  return msgid;
}

const char *
gr_translator_gettext (GrTranslator *self,
                       const char   *msgid)
{
  return gr_translator_pgettext (self, NULL, msgid);
}

const char *
gr_translator_grid (GrTranslator *self,
                    const char   *msgid)
{
  return gr_translator_pgettext (self, GR_GRID_CONTEXT, msgid);
}
