/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_PARTICIPANT_ROW (gr_participant_row_get_type ())
G_DECLARE_FINAL_TYPE (GrParticipantRow, gr_participant_row, GR, PARTICIPANT_ROW, GtkWidget)

GtkWidget     *gr_participant_row_new             (void);
void           gr_participant_row_bind            (GrParticipantRow *self,
                                                   GrSession        *session,
                                                   GrParticipant    *participant);
GrParticipant *gr_participant_row_get_participant (GrParticipantRow *self);
void           gr_participant_row_set_current     (GrParticipantRow *self,
                                                   gboolean          current);
gboolean       gr_participant_row_rename          (GrParticipantRow *self,
                                                   const char       *name);
void           gr_participant_row_start_rename    (GrParticipantRow *self);
void           gr_participant_row_relabel         (GrParticipantRow *self);

G_END_DECLS
