/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gr-error.h"
#include "gr-session.h"

G_BEGIN_DECLS

#define GR_SESSION_FORMAT         "grille-session"
/* Version 2 added the organisation, the participants' roles and the action plans; version 1
 * files are still read. */
#define GR_SESSION_FORMAT_VERSION 2
#define GR_SESSION_EXTENSION      ".grille"

/* One file read by gr_session_load_files_async() or gr_session_loaded_read(): its session, or
 * why not. */
typedef struct
{
  GFile     *file;
  GrSession *session;   /* NULL when @error is set */
  GError    *error;
} GrSessionLoaded;

GrSession *gr_session_load_from_data    (const char           *data,
                                         gsize                 length,
                                         GError              **error);
GrSession *gr_session_load              (GFile                *file,
                                         GError              **error);
void       gr_session_load_files_async  (GPtrArray            *files,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GPtrArray *gr_session_load_files_finish (GAsyncResult         *result);
GrSessionLoaded *gr_session_loaded_read (GFile                *file);
void       gr_session_loaded_free       (GrSessionLoaded      *loaded);
GBytes    *gr_session_serialize         (GrSession            *self);
gboolean   gr_session_save              (GrSession            *self,
                                         GFile                *file,
                                         GError              **error);

G_END_DECLS
