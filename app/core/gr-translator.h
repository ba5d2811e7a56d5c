/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gr-types.h"

G_BEGIN_DECLS

/* The gettext context of the grid's own texts (titles, introductions, items, levels). */
#define GR_GRID_CONTEXT "grid"

void          gr_i18n_init               (const char   *language);
void          gr_i18n_follow_domain      (const char   *domain);
gboolean      gr_i18n_set_language       (const char   *code);
GrTranslator *gr_translator_get          (const char   *language);
const char   *gr_translator_get_language (GrTranslator *self);
const char   *gr_translator_gettext      (GrTranslator *self,
                                          const char   *msgid);
const char   *gr_translator_pgettext     (GrTranslator *self,
                                          const char   *context,
                                          const char   *msgid);
const char   *gr_translator_ngettext     (GrTranslator *self,
                                          const char   *msgid,
                                          const char   *msgid_plural,
                                          gulong        n);
const char   *gr_translator_grid         (GrTranslator *self,
                                          const char   *msgid);
gboolean      gr_translator_has_catalog  (GrTranslator *self);
gboolean      gr_translator_is_rtl       (GrTranslator *self);
const char  **gr_translator_list_languages (void);


G_END_DECLS
