/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the session file loader may do that no one else should. */
#pragma once

#include "gr-session.h"

G_BEGIN_DECLS

void gr_session_append_checked (GrSession *self,
                                GPtrArray *participants);

G_END_DECLS
