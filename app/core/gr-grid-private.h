/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Constructors of the grid's parts: only the grid loader builds them. */
#pragma once

#include "gr-competency.h"
#include "gr-item.h"
#include "gr-level.h"

G_BEGIN_DECLS

GrLevel      *gr_level_new          (int           value,
                                     const char   *name,
                                     const char   *description);
GrItem       *gr_item_new           (const char   *id,
                                     const char   *text,
                                     guint         index,
                                     guint         competency_index);
GrCompetency *gr_competency_new     (const char   *id,
                                     const char   *title,
                                     const char   *subtitle,
                                     const char   *introduction,
                                     guint         index);
void          gr_competency_add_item (GrCompetency *self,
                                      GrItem       *item);

G_END_DECLS
