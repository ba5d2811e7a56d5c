/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean gr_atomic_file_write          (GFile                *file,
                                        GBytes               *bytes,
                                        gboolean              keep_backup,
                                        int                   mode,
                                        GError              **error);
gboolean gr_atomic_file_write_unsynced (GFile                *file,
                                        GBytes               *bytes,
                                        int                   mode,
                                        GError              **error);

G_END_DECLS
