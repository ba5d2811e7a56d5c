/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-participant-row.h"

#include "gr-session.h"

G_BEGIN_DECLS

#define GR_TYPE_PARTICIPANTS_PAGE (gr_participants_page_get_type ())
G_DECLARE_FINAL_TYPE (GrParticipantsPage, gr_participants_page, GR, PARTICIPANTS_PAGE, GtkWidget)

GtkWidget     *gr_participants_page_new          (void);
void           gr_participants_page_set_session  (GrParticipantsPage *self,
                                                  GrSession          *session);
void           gr_participants_page_set_current  (GrParticipantsPage *self,
                                                  GrParticipant      *participant);
GrParticipant *gr_participants_page_add          (GrParticipantsPage *self,
                                                  const char         *name);
GtkListView   *gr_participants_page_get_list     (GrParticipantsPage *self);
GrParticipantRow *gr_participants_page_get_row    (GrParticipantsPage *self,
                                                   guint               position);
void           gr_participants_page_relabel      (GrParticipantsPage *self);
gboolean       gr_participants_page_is_filled    (GrParticipantsPage *self);

G_END_DECLS
