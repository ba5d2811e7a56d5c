/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application's own strings go through the interface's translator, not through gettext:
 * a switch of language reaches them at once, in every thread, without touching the process's
 * environment. GtkBuilder templates are translated by gettext: see gr_i18n_follow_domain(). */
#pragma once

#include <glib/gi18n-lib.h>

#include "gr-translator.h"

#undef _
#undef C_
#define _(String) gr_translator_gettext (gr_translator_get (NULL), String)
#define C_(Context, String) gr_translator_pgettext (gr_translator_get (NULL), Context, String)
