/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gr-session.h"

G_BEGIN_DECLS

GrSession *gr_session_new_like        (GrSession     *self);
GrSession *gr_session_extract         (GrSession     *self,
                                       const char    *name);
char      *gr_session_split_file_name (const char    *name);
GPtrArray *gr_session_split           (GrSession     *self,
                                       const char   **names,
                                       GFile         *directory,
                                       GError       **error);

G_END_DECLS
