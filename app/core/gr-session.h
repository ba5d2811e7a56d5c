/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gr-grid.h"
#include "gr-participant.h"
#include "gr-types.h"

G_BEGIN_DECLS

#define GR_TYPE_SESSION (gr_session_get_type ())

/* More would make neither a readable chart nor a workshop; a file with more is refused. */
#define GR_SESSION_MAX_PARTICIPANTS 1000
G_DECLARE_FINAL_TYPE (GrSession, gr_session, GR, SESSION, GObject)

GrSession     *gr_session_new                     (GrGrid         *grid);
GrGrid        *gr_session_get_grid                (GrSession      *self);
const char    *gr_session_get_title               (GrSession      *self);
void           gr_session_set_title               (GrSession      *self,
                                                   const char     *title);
const char    *gr_session_get_date                (GrSession      *self);
void           gr_session_set_date                (GrSession      *self,
                                                   const char     *date);
const char    *gr_session_get_language            (GrSession      *self);
void           gr_session_set_language            (GrSession      *self,
                                                   const char     *language);
GListModel    *gr_session_get_participants        (GrSession      *self);
guint          gr_session_get_n_participants      (GrSession      *self);
GrParticipant *gr_session_get_participant         (GrSession      *self,
                                                   guint           position);
GrParticipant *gr_session_find_participant        (GrSession      *self,
                                                   const char     *name,
                                                   guint          *position);
gboolean       gr_session_check_name              (GrSession      *self,
                                                   const char     *name,
                                                   GrParticipant  *except,
                                                   GError        **error);
gboolean       gr_session_insert_participant      (GrSession      *self,
                                                   guint           position,
                                                   GrParticipant  *participant,
                                                   GError        **error);
gboolean       gr_session_add_participant         (GrSession      *self,
                                                   GrParticipant  *participant,
                                                   GError        **error);
void           gr_session_remove_participant      (GrSession      *self,
                                                   guint           position);
gboolean       gr_session_rename_participant      (GrSession      *self,
                                                   GrParticipant  *participant,
                                                   const char     *name,
                                                   GError        **error);
gboolean       gr_session_get_item_stats          (GrSession      *self,
                                                   guint           item,
                                                   GrStats        *stats);
gboolean       gr_session_get_competency_stats    (GrSession      *self,
                                                   guint           competency,
                                                   GrStats        *stats);

G_END_DECLS
