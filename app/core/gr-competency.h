/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "gr-types.h"

G_BEGIN_DECLS

#define GR_TYPE_COMPETENCY (gr_competency_get_type ())
G_DECLARE_FINAL_TYPE (GrCompetency, gr_competency, GR, COMPETENCY, GObject)

const char *gr_competency_get_id           (GrCompetency *self);
const char *gr_competency_get_title        (GrCompetency *self);
const char *gr_competency_get_subtitle     (GrCompetency *self);
const char *gr_competency_get_introduction (GrCompetency *self);
guint       gr_competency_get_index        (GrCompetency *self);
guint       gr_competency_get_n_items      (GrCompetency *self);
GrItem     *gr_competency_get_item         (GrCompetency *self,
                                            guint         position);

G_END_DECLS
