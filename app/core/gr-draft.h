/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_DRAFT (gr_draft_get_type ())
G_DECLARE_FINAL_TYPE (GrDraft, gr_draft, GR, DRAFT, GObject)

/* How long after a change the draft is written (the user paused), and at the latest (the user
 * kept typing): at most GR_DRAFT_MAX_DELAY_MS of work is lost in a crash. */
#define GR_DRAFT_DELAY_MS     2000
#define GR_DRAFT_MAX_DELAY_MS 5000

char       *gr_draft_get_directory       (void);
GPtrArray  *gr_draft_list                (void);
void        gr_draft_list_async          (GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *gr_draft_list_finish         (GAsyncResult        *result);
GrDraft    *gr_draft_new                 (void);
const char *gr_draft_get_id              (GrDraft             *self);
GFile      *gr_draft_get_file            (GrDraft             *self);
GFile      *gr_draft_get_origin          (GrDraft             *self);
GDateTime  *gr_draft_get_modified        (GrDraft             *self);
GDateTime  *gr_draft_get_origin_modified (GrDraft             *self);
gboolean    gr_draft_write               (GrDraft             *self,
                                          GrSession           *session,
                                          GFile               *origin,
                                          GError             **error);
void        gr_draft_write_async         (GrDraft             *self,
                                          GrSession           *session,
                                          GFile               *origin,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    gr_draft_write_finish        (GrDraft             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
GrSession  *gr_draft_load                (GrDraft             *self,
                                          GError             **error);
void        gr_draft_discard             (GrDraft             *self);

G_END_DECLS
