/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-translator.h"

G_BEGIN_DECLS

gboolean  gr_format_uses_decimal_comma (GrTranslator *translator);
char     *gr_format_decimal            (double        value,
                                        guint         decimals,
                                        gboolean      decimal_comma);
char     *gr_format_with_name          (GrTranslator *translator,
                                        const char   *format,
                                        const char   *name);

G_END_DECLS
