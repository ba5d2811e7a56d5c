/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gr-action.h"
#include "gr-grid.h"
#include "gr-participant.h"
#include "gr-types.h"

G_BEGIN_DECLS

#define GR_TYPE_SESSION (gr_session_get_type ())

/* More would make neither a readable chart nor a workshop; a file with more is refused. */
#define GR_SESSION_MAX_PARTICIPANTS 1000
/* A plan of more actions would not be one; longer texts are refused when a file is read. */
#define GR_SESSION_MAX_ACTIONS       500
#define GR_SESSION_MAX_ORGANISATION  200
#define GR_SESSION_MAX_ROLE          100
#define GR_SESSION_MAX_ACTION_TEXT   2000
#define GR_SESSION_MAX_OWNER         200
G_DECLARE_FINAL_TYPE (GrSession, gr_session, GR, SESSION, GObject)

GrSession     *gr_session_new                     (GrGrid         *grid);
GrSession     *gr_session_copy                    (GrSession      *self);
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
const char    *gr_session_get_organisation        (GrSession      *self);
void           gr_session_set_organisation        (GrSession      *self,
                                                   const char     *organisation);
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
GListModel    *gr_session_get_actions             (GrSession      *self,
                                                   guint           competency);
guint          gr_session_get_n_actions           (GrSession      *self);
gboolean       gr_session_check_can_add_action    (GrSession      *self,
                                                   GError        **error);
gboolean       gr_session_insert_action           (GrSession      *self,
                                                   guint           competency,
                                                   guint           position,
                                                   GrAction       *action,
                                                   GError        **error);
void           gr_session_remove_action           (GrSession      *self,
                                                   guint           competency,
                                                   guint           position);
void           gr_session_move_action             (GrSession      *self,
                                                   guint           competency,
                                                   guint           from,
                                                   guint           to);
gboolean       gr_session_find_action             (GrSession      *self,
                                                   GrAction       *action,
                                                   guint          *competency,
                                                   guint          *position);

G_END_DECLS
