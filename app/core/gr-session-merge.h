/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gr-session.h"
#include "gr-session-file.h"

G_BEGIN_DECLS

#define GR_TYPE_SESSION_MERGE (gr_session_merge_get_type ())
G_DECLARE_FINAL_TYPE (GrSessionMerge, gr_session_merge, GR, SESSION_MERGE, GObject)

/* What became of one participant, or of one file, in a merge. */
typedef enum
{
  GR_MERGE_ADDED,     /* the participant joined under its own name */
  GR_MERGE_RENAMED,   /* its name was taken by different data: it joined as "Nom (2)" */
  GR_MERGE_SKIPPED,   /* the same name with the same data is already there */
  GR_MERGE_UPDATED,   /* the same name with part of these data (or none, as prepared): the
                       * participant there gets the rest */
  GR_MERGE_REFUSED,   /* the whole file: unreadable, or on another grid */
  GR_MERGE_EMPTY,     /* the whole file: it has no participant */
} GrMergeOutcome;

GrSessionMerge *gr_session_merge_new           (GrSession       *target);
gboolean        gr_session_merge_add_session   (GrSessionMerge  *self,
                                                GrSession       *source,
                                                const char      *source_name,
                                                GError         **error);
gboolean        gr_session_merge_add_loaded    (GrSessionMerge  *self,
                                                GrSessionLoaded *loaded,
                                                GError         **error);
gboolean        gr_session_merge_add_file      (GrSessionMerge  *self,
                                                GFile           *file,
                                                GError         **error);
guint           gr_session_merge_count         (GrSessionMerge  *self,
                                                GrMergeOutcome   outcome);
guint           gr_session_merge_count_imported (GrSessionMerge *self);
guint           gr_session_merge_get_n_events  (GrSessionMerge  *self);
GrMergeOutcome  gr_session_merge_get_event     (GrSessionMerge  *self,
                                                guint            position,
                                                const char     **source_name,
                                                const char     **name,
                                                const char     **detail);
char           *gr_session_merge_get_summary   (GrSessionMerge  *self);

gboolean        gr_session_check_same_grid     (GrSession       *self,
                                                GrSession       *other,
                                                GError         **error);
gboolean        gr_session_check_comparable    (GrSession       *self,
                                                GrSession       *earlier,
                                                GError         **error);
int             gr_session_compare_dates       (GrSession       *a,
                                                GrSession       *b);

G_END_DECLS
