/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzzes the reader of compiled catalogs (.mo) of app/core/gr-translator.c and the evaluator
 * of their plural rules: a damaged catalog in the locale folder must not crash Grille. */
#define G_LOG_DOMAIN "gr-fuzz-mo"

#include "config.h"

#include <stdlib.h>

#include "gr-translator-private.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const gulong counts[] = { 0, 1, 2, 3, 5, 11, 21, 102, 1000000, G_MAXULONG };
  g_autoptr(GBytes) catalog = g_bytes_new (data, size);
  g_autoptr(GrTranslator) translator = NULL;

  gr_fuzz_init ();

  if (!(translator = gr_translator_new_for_catalog ("xx", catalog)))
    return 0;

  /* Strings that Grille's catalogs hold: a plain one, one of the grid's, a plural one. */
  if (gr_translator_gettext (translator, "Ouvrir") == NULL ||
      gr_translator_grid (translator, "Coopérer") == NULL ||
      gr_translator_gettext (translator, "") == NULL)
    abort ();
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      const char *form = gr_translator_ngettext (translator, "%u participant :",
                                                 "%u participants :", counts[i]);
      if (form == NULL)
        abort ();
      /* The form returned lies within the catalog, or is one of the two French forms. */
      (void) strlen (form);
    }

  return 0;
}
