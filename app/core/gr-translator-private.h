/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-translator.h"

G_BEGIN_DECLS

GrTranslator *gr_translator_new_for_catalog (const char   *language,
                                             GBytes       *catalog);
void          gr_translator_free            (GrTranslator *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrTranslator, gr_translator_free)

G_END_DECLS
