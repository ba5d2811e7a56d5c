/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean gr_cli_wants_command_line (int    argc,
                                    char **argv);
const char *gr_cli_find_lang       (int    argc,
                                    char **argv);
int      gr_cli_run                (int    argc,
                                    char **argv);

G_END_DECLS
