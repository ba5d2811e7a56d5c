/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Typed access to JSON members that reports, on failure, where in the file and what was expected. */
#pragma once

#include <json-glib/json-glib.h>

#include "gr-error.h"

G_BEGIN_DECLS

char        *gr_json_path_member     (const char  *path,
                                      const char  *member);
char        *gr_json_path_index      (const char  *path,
                                      guint        index);
char        *gr_json_path_key        (const char  *path,
                                      const char  *key);
const char  *gr_json_describe_node   (JsonNode    *node);
void         gr_json_set_error       (GError     **error,
                                      GrFileError  code,
                                      const char  *path,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (4, 5);
JsonObject  *gr_json_expect_object   (JsonNode    *node,
                                      const char  *path,
                                      GError     **error);
JsonArray   *gr_json_expect_array    (JsonNode    *node,
                                      const char  *path,
                                      GError     **error);
const char  *gr_json_expect_string   (JsonNode    *node,
                                      const char  *path,
                                      gboolean     allow_empty,
                                      GError     **error);
gboolean     gr_json_expect_int      (JsonNode    *node,
                                      const char  *path,
                                      gint64      *value,
                                      GError     **error);
JsonNode    *gr_json_require_member  (JsonObject  *object,
                                      const char  *path,
                                      const char  *member,
                                      GError     **error);
gboolean     gr_json_check_raw       (const char  *data,
                                      gsize        length,
                                      GError     **error);

G_END_DECLS
