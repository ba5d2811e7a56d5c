/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "gr-competency.h"
#include "gr-error.h"
#include "gr-item.h"
#include "gr-level.h"
#include "gr-types.h"

G_BEGIN_DECLS

#define GR_TYPE_GRID (gr_grid_get_type ())
G_DECLARE_FINAL_TYPE (GrGrid, gr_grid, GR, GRID, GObject)

#define GR_GRID_DEFAULT_ID "engagement"

GrGrid       *gr_grid_new_from_json      (JsonNode    *node,
                                          const char  *path,
                                          GError     **error);
GrGrid       *gr_grid_load_builtin       (const char  *id,
                                          GError     **error);
GrGrid       *gr_grid_get_default        (void);
JsonNode     *gr_grid_to_json            (GrGrid      *self);
gboolean      gr_grid_is_builtin         (GrGrid      *self);
gboolean      gr_grid_equal              (GrGrid      *self,
                                          GrGrid      *other);
const char   *gr_grid_get_id             (GrGrid      *self);
const char   *gr_grid_get_title          (GrGrid      *self);
guint         gr_grid_get_n_competencies (GrGrid      *self);
GrCompetency *gr_grid_get_competency     (GrGrid      *self,
                                          guint        position);
gboolean      gr_grid_find_competency    (GrGrid      *self,
                                          const char  *id,
                                          guint       *position);
guint         gr_grid_get_n_items        (GrGrid      *self);
GrItem       *gr_grid_get_item           (GrGrid      *self,
                                          guint        position);
gboolean      gr_grid_find_item          (GrGrid      *self,
                                          const char  *id,
                                          guint       *position);
guint         gr_grid_get_n_levels       (GrGrid      *self);
GrLevel      *gr_grid_get_level          (GrGrid      *self,
                                          guint        position);
int           gr_grid_get_max_level      (GrGrid      *self);
GPtrArray    *gr_grid_collect_strings    (GrGrid      *self);

G_END_DECLS
