/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gr-grid.h"
#include "gr-types.h"

G_BEGIN_DECLS

#define GR_TYPE_PARTICIPANT (gr_participant_get_type ())
G_DECLARE_FINAL_TYPE (GrParticipant, gr_participant, GR, PARTICIPANT, GObject)

/* What a GrParticipant::changed signal is about; its index is an item's position in the grid
 * (LEVEL, NOTE), a competency's (TARGET), or 0 (NAME, ROLE). */
typedef enum
{
  GR_PARTICIPANT_CHANGE_LEVEL,
  GR_PARTICIPANT_CHANGE_NOTE,
  GR_PARTICIPANT_CHANGE_TARGET,
  GR_PARTICIPANT_CHANGE_NAME,
  GR_PARTICIPANT_CHANGE_ROLE,
} GrParticipantChange;

GrParticipant *gr_participant_new                  (GrGrid        *grid,
                                                    const char    *name);
GrGrid        *gr_participant_get_grid             (GrParticipant *self);
const char    *gr_participant_get_name             (GrParticipant *self);
void           gr_participant_set_name             (GrParticipant *self,
                                                    const char    *name);
const char    *gr_participant_get_role             (GrParticipant *self);
void           gr_participant_set_role             (GrParticipant *self,
                                                    const char    *role);
int            gr_participant_get_level            (GrParticipant *self,
                                                    guint          item);
void           gr_participant_set_level            (GrParticipant *self,
                                                    guint          item,
                                                    int            level);
const char    *gr_participant_get_note             (GrParticipant *self,
                                                    guint          item);
void           gr_participant_set_note             (GrParticipant *self,
                                                    guint          item,
                                                    const char    *note);
int            gr_participant_get_target           (GrParticipant *self,
                                                    guint          competency);
void           gr_participant_set_target           (GrParticipant *self,
                                                    guint          competency,
                                                    int            level);
gboolean       gr_participant_get_competency_stats (GrParticipant *self,
                                                    guint          competency,
                                                    GrStats       *stats);
guint          gr_participant_count_assessed       (GrParticipant *self);
GrParticipant *gr_participant_copy                 (GrParticipant *self);
GrParticipant *gr_participant_copy_to_grid         (GrParticipant *self,
                                                    GrGrid        *grid);
gboolean       gr_participant_equal_data           (GrParticipant *self,
                                                    GrParticipant *other);

G_END_DECLS
