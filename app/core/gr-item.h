/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "gr-types.h"

G_BEGIN_DECLS

#define GR_TYPE_ITEM (gr_item_get_type ())
G_DECLARE_FINAL_TYPE (GrItem, gr_item, GR, ITEM, GObject)

const char *gr_item_get_id               (GrItem *self);
const char *gr_item_get_text             (GrItem *self);
guint       gr_item_get_index            (GrItem *self);
guint       gr_item_get_competency_index (GrItem *self);

G_END_DECLS
