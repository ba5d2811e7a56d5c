/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-session.h"
#include "gr-translator.h"

G_BEGIN_DECLS

char *gr_summary_write (GrSession    *session,
                        GrTranslator *translator);

G_END_DECLS
