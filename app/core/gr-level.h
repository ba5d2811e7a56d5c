/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "gr-types.h"

G_BEGIN_DECLS

#define GR_TYPE_LEVEL (gr_level_get_type ())
G_DECLARE_FINAL_TYPE (GrLevel, gr_level, GR, LEVEL, GObject)

int         gr_level_get_value       (GrLevel *self);
const char *gr_level_get_name        (GrLevel *self);
const char *gr_level_get_description (GrLevel *self);

G_END_DECLS
