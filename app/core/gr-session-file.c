/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Session files (.grille): checked loading that says what is wrong and where, and atomic saving
 * that never leaves a damaged file behind. */
#define G_LOG_DOMAIN "gr-session-file"

#include "config.h"

#include "gr-atomic-file.h"
#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-json-private.h"
#include "gr-session-file.h"
#include "gr-session-private.h"

/* An optional string member of the object at @path: absent is "", anything but a string is an
 * error, and so is a text longer than @max_length characters (0: no limit). */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *path,
                     const char  *member,
                     glong        max_length,
                     const char **value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = NULL;
  glong length;

  *value = "";
  if (node == NULL)
    return TRUE;

  where = gr_json_path_member (path, member);
  if (!(*value = gr_json_expect_string (node, where, TRUE, error)))
    return FALSE;

  if (max_length > 0 && (length = g_utf8_strlen (*value, -1)) > max_length)
    {
      gr_json_set_error (error, GR_FILE_ERROR_RANGE, where,
                         _("le texte compte %ld caractères, au plus %ld sont permis"),
                         length, max_length);
      return FALSE;
    }
  return TRUE;
}

/* An optional date member: absent or "" is none, otherwise a real day as YYYY-MM-DD. */
static gboolean
get_optional_date (JsonObject  *object,
                   const char  *path,
                   const char  *member,
                   const char **value,
                   GError     **error)
{
  if (!get_optional_string (object, path, member, 0, value, error))
    return FALSE;

  if (**value != '\0' && !gr_is_valid_date (*value))
    {
      g_autofree char *where = gr_json_path_member (path, member);

      gr_json_set_error (error, GR_FILE_ERROR_TYPE, where,
                         _("« %s » n’est pas une date de la forme AAAA-MM-JJ"), *value);
      return FALSE;
    }
  return TRUE;
}

/* A level or a target: null (not assessed) or a whole number within the scale. */
static gboolean
get_level (JsonNode    *node,
           const char  *path,
           GrGrid      *grid,
           int         *level,
           GError     **error)
{
  gint64 value;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      *level = GR_LEVEL_NONE;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      gr_json_set_error (error, GR_FILE_ERROR_RANGE, path,
                         _("le niveau %g n’est pas un nombre entier de l’échelle (de 0 à %d)"),
                         json_node_get_double (node), gr_grid_get_max_level (grid));
      return FALSE;
    }

  if (!gr_json_expect_int (node, path, &value, error))
    return FALSE;

  if (value < 0 || value > gr_grid_get_max_level (grid))
    {
      gr_json_set_error (error, GR_FILE_ERROR_RANGE, path,
                         _("le niveau %lld est hors de l’échelle (de 0 à %d)"),
                         (long long) value, gr_grid_get_max_level (grid));
      return FALSE;
    }

  *level = value;
  return TRUE;
}

/* Iterates a map member ("scores", "notes", "targets") in file order. */
typedef gboolean (*MapFunc) (GrParticipant  *participant,
                             const char     *key,
                             JsonNode       *value,
                             const char     *path,
                             GError        **error);

static gboolean
read_map (JsonObject     *object,
          const char     *path,
          const char     *member,
          GrParticipant  *participant,
          MapFunc         func,
          GError        **error)
{
  g_autofree char *map_path = gr_json_path_member (path, member);
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *map;
  GList *members;
  gboolean ok = TRUE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!(map = gr_json_expect_object (node, map_path, error)))
    return FALSE;

  members = json_object_get_members (map);
  for (GList *l = members; l && ok; l = l->next)
    {
      g_autofree char *where = gr_json_path_key (map_path, l->data);

      if (!g_utf8_validate (l->data, -1, NULL))
        {
          gr_json_set_error (error, GR_FILE_ERROR_ENCODING, map_path,
                             _("un identifiant n’est pas de l’UTF-8 valide"));
          ok = FALSE;
        }
      else
        ok = func (participant, l->data, json_object_get_member (map, l->data), where, error);
    }
  g_list_free (members);

  return ok;
}

static gboolean
read_score (GrParticipant  *participant,
            const char     *key,
            JsonNode       *value,
            const char     *path,
            GError        **error)
{
  GrGrid *grid = gr_participant_get_grid (participant);
  guint item;
  int level;

  if (!gr_grid_find_item (grid, key, &item))
    {
      gr_json_set_error (error, GR_FILE_ERROR_UNKNOWN_ID, path,
                         _("la grille « %s » n’a pas de savoir-faire « %s »"),
                         gr_grid_get_id (grid), key);
      return FALSE;
    }
  if (!get_level (value, path, grid, &level, error))
    return FALSE;

  gr_participant_set_level (participant, item, level);
  return TRUE;
}

static gboolean
read_note (GrParticipant  *participant,
           const char     *key,
           JsonNode       *value,
           const char     *path,
           GError        **error)
{
  GrGrid *grid = gr_participant_get_grid (participant);
  const char *note;
  guint item;

  if (!gr_grid_find_item (grid, key, &item))
    {
      gr_json_set_error (error, GR_FILE_ERROR_UNKNOWN_ID, path,
                         _("la grille « %s » n’a pas de savoir-faire « %s »"),
                         gr_grid_get_id (grid), key);
      return FALSE;
    }
  if (!(note = gr_json_expect_string (value, path, TRUE, error)))
    return FALSE;

  gr_participant_set_note (participant, item, note);
  return TRUE;
}

static gboolean
read_target (GrParticipant  *participant,
             const char     *key,
             JsonNode       *value,
             const char     *path,
             GError        **error)
{
  GrGrid *grid = gr_participant_get_grid (participant);
  guint competency;
  int level;

  if (!gr_grid_find_competency (grid, key, &competency))
    {
      gr_json_set_error (error, GR_FILE_ERROR_UNKNOWN_ID, path,
                         _("la grille « %s » n’a pas de compétence « %s »"),
                         gr_grid_get_id (grid), key);
      return FALSE;
    }
  if (!get_level (value, path, grid, &level, error))
    return FALSE;

  gr_participant_set_target (participant, competency, level);
  return TRUE;
}

static gboolean
read_participants (GrSession   *session,
                   JsonObject  *root,
                   GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *node = json_object_get_member (root, "participants");
  JsonArray *list;

  if (node == NULL)
    return TRUE;
  if (!(list = gr_json_expect_array (node, "participants", error)))
    return FALSE;

  if (json_array_get_length (list) > GR_SESSION_MAX_PARTICIPANTS)
    {
      gr_json_set_error (error, GR_FILE_ERROR_NAME, "participants",
                         _("une session compte au plus %d participants, celle-ci en a %u"),
                         GR_SESSION_MAX_PARTICIPANTS, json_array_get_length (list));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *path = gr_json_path_index ("participants", i);
      g_autofree char *name_path = gr_json_path_member (path, "name");
      g_autoptr(GrParticipant) participant = NULL;
      g_autoptr(GError) name_error = NULL;
      JsonObject *object;
      JsonNode *name_node;
      g_autofree char *clean_name = NULL;
      const char *name, *role;

      if (!(object = gr_json_expect_object (json_array_get_element (list, i), path, error)) ||
          !(name_node = gr_json_require_member (object, path, "name", error)) ||
          !(name = gr_json_expect_string (name_node, name_path, TRUE, error)))
        return FALSE;
      /* Without direction controls, as the participant will keep it: two names that differ
       * only by them are the same name. */
      name = clean_name = gr_format_strip_bidi (name);

      /* The names seen so far are in a table: a long list is checked in linear time. */
      if (!gr_session_check_name (session, name, NULL, &name_error))
        {
          gr_json_set_error (error, GR_FILE_ERROR_NAME, name_path, "%s", name_error->message);
          return FALSE;
        }
      if (!g_hash_table_add (names, g_steal_pointer (&clean_name)))
        {
          gr_json_set_error (error, GR_FILE_ERROR_NAME, name_path,
                             _("le nom « %s » est déjà celui d’un autre participant"), name);
          return FALSE;
        }

      participant = gr_participant_new (gr_session_get_grid (session), name);
      if (!get_optional_string (object, path, "role", GR_SESSION_MAX_ROLE, &role, error))
        return FALSE;
      gr_participant_set_role (participant, role);
      if (!read_map (object, path, "scores", participant, read_score, error) ||
          !read_map (object, path, "notes", participant, read_note, error) ||
          !read_map (object, path, "targets", participant, read_target, error))
        return FALSE;

      g_ptr_array_add (participants, g_steal_pointer (&participant));
    }

  gr_session_append_checked (session, participants);
  return TRUE;
}

static gboolean
read_action (GrSession   *session,
             JsonNode    *node,
             const char  *path,
             GError     **error)
{
  GrGrid *grid = gr_session_get_grid (session);
  g_autoptr(GrAction) action = gr_action_new ();
  g_autofree char *competency_path = gr_json_path_member (path, "competency");
  g_autofree char *done_path = gr_json_path_member (path, "done");
  const char *id, *text, *owner, *due;
  JsonObject *object;
  JsonNode *member;
  guint competency;

  if (!(object = gr_json_expect_object (node, path, error)) ||
      !(member = gr_json_require_member (object, path, "competency", error)) ||
      !(id = gr_json_expect_string (member, competency_path, FALSE, error)))
    return FALSE;

  if (!gr_grid_find_competency (grid, id, &competency))
    {
      gr_json_set_error (error, GR_FILE_ERROR_UNKNOWN_ID, competency_path,
                         _("la grille « %s » n’a pas de compétence « %s »"),
                         gr_grid_get_id (grid), id);
      return FALSE;
    }

  if (!get_optional_string (object, path, "text", GR_SESSION_MAX_ACTION_TEXT, &text, error) ||
      !get_optional_string (object, path, "owner", GR_SESSION_MAX_OWNER, &owner, error) ||
      !get_optional_date (object, path, "due", &due, error))
    return FALSE;

  member = json_object_get_member (object, "done");
  if (member != NULL &&
      (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN))
    {
      gr_json_set_error (error, GR_FILE_ERROR_TYPE, done_path,
                         _("vrai ou faux (true ou false) est attendu, pas %s"), gr_json_describe_node (member));
      return FALSE;
    }

  gr_action_set_text (action, text);
  gr_action_set_owner (action, owner);
  gr_action_set_due (action, due);
  gr_action_set_done (action, member != NULL && json_node_get_boolean (member));

  return gr_session_insert_action (session, competency, G_MAXUINT, action, error);
}

static gboolean
read_actions (GrSession   *session,
              JsonObject  *root,
              GError     **error)
{
  JsonNode *node = json_object_get_member (root, "actions");
  JsonArray *list;

  if (node == NULL)
    return TRUE;
  if (!(list = gr_json_expect_array (node, "actions", error)))
    return FALSE;

  if (json_array_get_length (list) > GR_SESSION_MAX_ACTIONS)
    {
      gr_json_set_error (error, GR_FILE_ERROR_RANGE, "actions",
                         _("une session compte au plus %d actions, celle-ci en a %u"),
                         GR_SESSION_MAX_ACTIONS, json_array_get_length (list));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *path = gr_json_path_index ("actions", i);

      if (!read_action (session, json_array_get_element (list, i), path, error))
        return FALSE;
    }

  return TRUE;
}

static GrGrid *
read_grid (JsonObject  *root,
           GError     **error)
{
  JsonNode *node = gr_json_require_member (root, "", "grid", error);
  const char *id;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return gr_grid_new_from_json (node, "grid", error);

  if (!(id = gr_json_expect_string (node, "grid", FALSE, error)))
    return NULL;

  return gr_grid_load_builtin (id, error);
}

/**
 * gr_session_load_from_data:
 * @data: the file's bytes
 * @length: their count
 *
 * Reads a session, checking everything: the raw bytes (size, encoding, depth), the format and
 * version, each member's type, ids against the grid, levels against its scale, participant names,
 * the lengths of the free texts, dates, and the number of actions. Version 1 files (without
 * organisation, roles and actions) read as version 2 files without them.
 */
GrSession *
gr_session_load_from_data (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GrGrid) grid = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *format, *title, *date, *language, *organisation;
  gint64 version;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Some editors start UTF-8 files with a byte order mark: it is not part of the JSON. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!gr_json_check_raw (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (length == 0 || !json_parser_load_from_data (parser, data, length, &parse_error))
    {
      gr_json_set_error (error, GR_FILE_ERROR_SYNTAX, NULL,
                         _("ce n’est pas du JSON valide, ou le fichier est tronqué (%s)"),
                         parse_error ? parse_error->message : _("le fichier est vide"));
      return NULL;
    }

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
           ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL ||
      !(node = json_object_get_member (root, "format")) ||
      !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      gr_json_set_error (error, GR_FILE_ERROR_FORMAT, NULL,
                         _("ce n’est pas une session Grille (le champ « format » manque)"));
      return NULL;
    }

  format = json_node_get_string (node);
  if (g_strcmp0 (format, GR_SESSION_FORMAT) != 0)
    {
      gr_json_set_error (error, GR_FILE_ERROR_FORMAT, "format",
                         _("ce n’est pas une session Grille (format « %s » au lieu de « %s »)"),
                         g_utf8_validate (format, -1, NULL) ? format : "?", GR_SESSION_FORMAT);
      return NULL;
    }

  if (!(node = gr_json_require_member (root, "", "version", error)) ||
      !gr_json_expect_int (node, "version", &version, error))
    return NULL;
  if (version > GR_SESSION_FORMAT_VERSION)
    {
      gr_json_set_error (error, GR_FILE_ERROR_VERSION, "version",
                         _("ce fichier a été écrit par une version plus récente de Grille "
                           "(format %lld) ; cette version lit le format %d : "
                           "mettez Grille à jour pour l’ouvrir"),
                         (long long) version, GR_SESSION_FORMAT_VERSION);
      return NULL;
    }
  if (version < 1)
    {
      gr_json_set_error (error, GR_FILE_ERROR_FORMAT, "version",
                         _("la version %lld du format n’existe pas"), (long long) version);
      return NULL;
    }

  if (!(grid = read_grid (root, error)))
    return NULL;

  if (!get_optional_string (root, "", "title", 0, &title, error) ||
      !get_optional_date (root, "", "date", &date, error) ||
      !get_optional_string (root, "", "language", 0, &language, error) ||
      !get_optional_string (root, "", "organisation", GR_SESSION_MAX_ORGANISATION, &organisation,
                            error))
    return NULL;

  session = gr_session_new (grid);
  gr_session_set_title (session, title);
  gr_session_set_date (session, date);
  gr_session_set_language (session, *language ? language : "fr");
  gr_session_set_organisation (session, organisation);

  if (!read_participants (session, root, error) ||
      !read_actions (session, root, error))
    return NULL;

  return g_steal_pointer (&session);
}

/**
 * gr_session_load:
 *
 * Reads a session file. A file over GR_FILE_MAX_SIZE is refused before it is read.
 */
GrSession *
gr_session_load (GFile   *file,
                 GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize capacity, length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                             _("ce fichier n’existe pas"));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                             _("vous n’avez pas le droit de lire ce fichier"));
      else
        g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                     _("impossible de lire le fichier : %s"), gr_file_error_from_io (local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                           _("c’est un dossier, pas un fichier de session"));
      return NULL;
    }
  /* A device or a pipe reports no size and may never end: only plain files are sessions. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                           _("ce n’est pas un fichier ordinaire (un périphérique ou un tube, par "
                             "exemple), pas un fichier de session"));
      return NULL;
    }
  if (g_file_info_get_size (info) > GR_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *max = g_format_size (GR_FILE_MAX_SIZE);

      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_TOO_LARGE,
                   _("le fichier est trop volumineux (%s ; un fichier de session fait au plus %s)"),
                   size, max);
      return NULL;
    }

  /* Read at most one byte past the limit, in case the file grew since its size was asked. */
  capacity = MIN ((gsize)g_file_info_get_size (info), GR_FILE_MAX_SIZE) + 1;
  data = g_malloc (capacity);
  if (!(stream = g_file_read (file, NULL, &local_error)) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), data, capacity, &length, NULL,
                                &local_error))
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                   _("impossible de lire le fichier : %s"), gr_file_error_from_io (local_error));
      return NULL;
    }

  return gr_session_load_from_data (data, length, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/**
 * gr_session_serialize:
 *
 * Returns: (transfer full): the session file's bytes: pretty-printed UTF-8 JSON, members and
 * entries in a fixed order (grid order for ids), so that saving twice gives the same bytes.
 */
GBytes *
gr_session_serialize (GrSession *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GrGrid *grid;
  GString *out;

  g_return_val_if_fail (GR_IS_SESSION (self), NULL);

  grid = gr_session_get_grid (self);

  json_builder_begin_object (builder);
  add_string (builder, "format", GR_SESSION_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, GR_SESSION_FORMAT_VERSION);
  json_builder_set_member_name (builder, "grid");
  if (gr_grid_is_builtin (grid))
    json_builder_add_string_value (builder, gr_grid_get_id (grid));
  else
    json_builder_add_value (builder, gr_grid_to_json (grid));
  add_string (builder, "title", gr_session_get_title (self));
  add_string (builder, "date", gr_session_get_date (self));
  add_string (builder, "language", gr_session_get_language (self));
  add_string (builder, "organisation", gr_session_get_organisation (self));

  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint p = 0; p < gr_session_get_n_participants (self); p++)
    {
      GrParticipant *participant = gr_session_get_participant (self, p);

      json_builder_begin_object (builder);
      add_string (builder, "name", gr_participant_get_name (participant));
      if (*gr_participant_get_role (participant) != '\0')
        add_string (builder, "role", gr_participant_get_role (participant));

      json_builder_set_member_name (builder, "scores");
      json_builder_begin_object (builder);
      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        {
          int level = gr_participant_get_level (participant, i);

          if (level == GR_LEVEL_NONE)
            continue;
          json_builder_set_member_name (builder, gr_item_get_id (gr_grid_get_item (grid, i)));
          json_builder_add_int_value (builder, level);
        }
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "notes");
      json_builder_begin_object (builder);
      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        {
          const char *note = gr_participant_get_note (participant, i);

          if (*note != '\0')
            add_string (builder, gr_item_get_id (gr_grid_get_item (grid, i)), note);
        }
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "targets");
      json_builder_begin_object (builder);
      for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
        {
          int target = gr_participant_get_target (participant, c);

          if (target == GR_LEVEL_NONE)
            continue;
          json_builder_set_member_name (builder,
                                        gr_competency_get_id (gr_grid_get_competency (grid, c)));
          json_builder_add_int_value (builder, target);
        }
      json_builder_end_object (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* One list in the grid's order of competencies, each plan in the user's order. */
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GListModel *actions = gr_session_get_actions (self, c);

      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(GrAction) action = g_list_model_get_item (actions, i);

          json_builder_begin_object (builder);
          add_string (builder, "competency",
                      gr_competency_get_id (gr_grid_get_competency (grid, c)));
          add_string (builder, "text", gr_action_get_text (action));
          add_string (builder, "owner", gr_action_get_owner (action));
          add_string (builder, "due", gr_action_get_due (action));
          json_builder_set_member_name (builder, "done");
          json_builder_add_boolean_value (builder, gr_action_get_done (action));
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  out = g_string_new (NULL);
  json_generator_to_gstring (generator, out);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* Reads @file as gr_session_load() does. Returns: (transfer full): @file, and its session or
 * why not. */
GrSessionLoaded *
gr_session_loaded_read (GFile *file)
{
  GrSessionLoaded *loaded = g_new0 (GrSessionLoaded, 1);

  loaded->file = g_object_ref (file);
  loaded->session = gr_session_load (file, &loaded->error);
  return loaded;
}

void
gr_session_loaded_free (GrSessionLoaded *loaded)
{
  g_object_unref (loaded->file);
  g_clear_object (&loaded->session);
  g_clear_error (&loaded->error);
  g_free (loaded);
}

static void
load_files_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) gr_session_loaded_free);

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (results, gr_session_loaded_read (g_ptr_array_index (files, i)));
  g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * gr_session_load_files_async:
 * @files: (element-type GFile): session files
 *
 * Reads @files one after the other as gr_session_load() does, in one thread: the caller's
 * thread goes on.
 */
void
gr_session_load_files_async (GPtrArray           *files,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy;

  g_return_if_fail (files != NULL);

  copy = g_ptr_array_new_full (files->len, g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (files, i)));
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gr_session_load_files_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, load_files_in_thread);
}

/* Returns: (transfer full) (element-type GrSessionLoaded): one for each file, in their order. */
GPtrArray *
gr_session_load_files_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/**
 * gr_session_save:
 *
 * Writes the session to @file atomically: the new content goes to a temporary file beside it,
 * flushed to disk, which then replaces @file in one rename; the previous version is kept as
 * "FILE~". A crash or a full disk in the middle leaves the previous file whole, and no partial
 * file behind.
 */
gboolean
gr_session_save (GrSession  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = gr_session_serialize (self);
  if (!gr_atomic_file_write (file, bytes, TRUE, 0644, &local_error))
    {
      g_set_error (error, GR_FILE_ERROR, local_error->code,
                   _("impossible d’enregistrer le fichier : %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}
