/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A competency grid: its competencies and items in order, and its scale. Built from JSON (a
 * built-in grid from the resources, or a grid embedded in a session file) and checked whole. */
#define G_LOG_DOMAIN "gr-grid"

#include "config.h"

#include "gr-core-resources.h"
#include "gr-grid.h"
#include "gr-grid-private.h"
#include "gr-i18n.h"
#include "gr-json-private.h"

struct _GrGrid
{
  GObject     parent_instance;
  char       *id;
  char       *title;
  gboolean    builtin;
  GPtrArray  *competencies;  /* GrCompetency, in grid order */
  GPtrArray  *items;         /* GrItem, all of them in grid order */
  GPtrArray  *levels;        /* GrLevel, value == position */
};

G_DEFINE_FINAL_TYPE (GrGrid, gr_grid, G_TYPE_OBJECT)

static void
gr_grid_dispose (GObject *object)
{
  GrGrid *self = (GrGrid *)object;

  g_clear_pointer (&self->competencies, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_ptr_array_unref);

  G_OBJECT_CLASS (gr_grid_parent_class)->dispose (object);
}

static void
gr_grid_finalize (GObject *object)
{
  GrGrid *self = (GrGrid *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (gr_grid_parent_class)->finalize (object);
}

static void
gr_grid_class_init (GrGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gr_grid_dispose;
  object_class->finalize = gr_grid_finalize;
}

static void
gr_grid_init (GrGrid *self)
{
  self->competencies = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->levels = g_ptr_array_new_with_free_func (g_object_unref);
}

/* A text of at most @max_length characters. */
static const char *
get_string (JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     allow_empty,
            glong        max_length,
            GError     **error)
{
  g_autofree char *where = gr_json_path_member (path, member);
  JsonNode *node = gr_json_require_member (object, path, member, error);
  const char *value;
  glong length;

  if (node == NULL || !(value = gr_json_expect_string (node, where, allow_empty, error)))
    return NULL;
  if ((length = g_utf8_strlen (value, -1)) > max_length)
    {
      gr_json_set_error (error, GR_FILE_ERROR_RANGE, where,
                         _("le texte compte %ld caractères, au plus %ld sont permis"),
                         length, max_length);
      return NULL;
    }
  return value;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *path,
           const char  *member,
           guint        min,
           guint        max,
           const char  *what,
           GError     **error)
{
  g_autofree char *where = gr_json_path_member (path, member);
  JsonNode *node = gr_json_require_member (object, path, member, error);
  JsonArray *array;
  guint n;

  if (node == NULL || !(array = gr_json_expect_array (node, where, error)))
    return NULL;

  n = json_array_get_length (array);
  if (n < min || n > max)
    {
      /* Translators: the last %s is "compétences", "savoir-faire" or "niveaux". */
      gr_json_set_error (error, GR_FILE_ERROR_GRID, where,
                         _("une grille a de %u à %u %s, celle-ci en a %u"), min, max, what, n);
      return NULL;
    }

  return array;
}

static gboolean
is_valid_id (const char *id)
{
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;
  return *id != '\0';
}

static const char *
get_id (JsonObject  *object,
        const char  *path,
        GHashTable  *seen,
        GError     **error)
{
  g_autofree char *where = gr_json_path_member (path, "id");
  const char *id = get_string (object, path, "id", FALSE, GR_GRID_MAX_ID, error);

  if (id == NULL)
    return NULL;
  if (!is_valid_id (id))
    {
      gr_json_set_error (error, GR_FILE_ERROR_GRID, where,
                         _("l’identifiant « %s » ne peut contenir que des lettres sans accent, "
                           "des chiffres, des points, des tirets et des soulignés"), id);
      return NULL;
    }
  if (seen != NULL && !g_hash_table_add (seen, (gpointer)id))
    {
      gr_json_set_error (error, GR_FILE_ERROR_GRID, where,
                         _("l’identifiant « %s » est déjà utilisé"), id);
      return NULL;
    }

  return id;
}

static gboolean
load_scale (GrGrid      *self,
            JsonObject  *root,
            const char  *path,
            GError     **error)
{
  JsonArray *scale = get_array (root, path, "scale", GR_GRID_MIN_LEVELS, GR_GRID_MAX_LEVELS,
                                _("niveaux"), error);
  g_autofree char *scale_path = gr_json_path_member (path, "scale");

  if (scale == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (scale); i++)
    {
      g_autofree char *where = gr_json_path_index (scale_path, i);
      g_autofree char *level_path = gr_json_path_member (where, "level");
      JsonObject *object = gr_json_expect_object (json_array_get_element (scale, i), where, error);
      JsonNode *node;
      const char *name, *description;
      gint64 value;

      if (object == NULL ||
          !(node = gr_json_require_member (object, where, "level", error)) ||
          !gr_json_expect_int (node, level_path, &value, error) ||
          !(name = get_string (object, where, "name", FALSE, GR_GRID_MAX_TITLE, error)) ||
          !(description = get_string (object, where, "description", TRUE, GR_GRID_MAX_TEXT,
                                      error)))
        return FALSE;

      if (value != i)
        {
          gr_json_set_error (error, GR_FILE_ERROR_GRID, level_path,
                             _("les niveaux se suivent à partir de 0 : %u est attendu ici, "
                               "pas %lld"), i, (long long) value);
          return FALSE;
        }

      g_ptr_array_add (self->levels, gr_level_new (value, name, description));
    }

  return TRUE;
}

static gboolean
load_competencies (GrGrid      *self,
                   JsonObject  *root,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *list_path = gr_json_path_member (path, "competencies");
  JsonArray *list = get_array (root, path, "competencies",
                               GR_GRID_MIN_COMPETENCIES, GR_GRID_MAX_COMPETENCIES,
                               _("compétences"), error);

  if (list == NULL)
    return FALSE;

  for (guint c = 0; c < json_array_get_length (list); c++)
    {
      g_autofree char *where = gr_json_path_index (list_path, c);
      g_autofree char *items_path = gr_json_path_member (where, "items");
      g_autoptr(GrCompetency) competency = NULL;
      JsonObject *object = gr_json_expect_object (json_array_get_element (list, c), where, error);
      const char *id, *title, *subtitle, *introduction;
      JsonArray *items;

      if (object == NULL ||
          !(id = get_id (object, where, seen, error)) ||
          !(title = get_string (object, where, "title", FALSE, GR_GRID_MAX_TITLE, error)) ||
          !(subtitle = get_string (object, where, "subtitle", TRUE, GR_GRID_MAX_SUBTITLE,
                                   error)) ||
          !(introduction = get_string (object, where, "introduction", TRUE,
                                       GR_GRID_MAX_TEXT, error)) ||
          !(items = get_array (object, where, "items", GR_GRID_MIN_ITEMS, GR_GRID_MAX_ITEMS,
                               _("savoir-faire"), error)))
        return FALSE;

      competency = gr_competency_new (id, title, subtitle, introduction, c);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          g_autofree char *item_path = gr_json_path_index (items_path, i);
          g_autoptr(GrItem) item = NULL;
          JsonObject *item_object;
          const char *item_id, *text;

          item_object = gr_json_expect_object (json_array_get_element (items, i), item_path, error);
          if (item_object == NULL ||
              !(item_id = get_id (item_object, item_path, seen, error)) ||
              !(text = get_string (item_object, item_path, "text", FALSE,
                                   GR_GRID_MAX_TEXT, error)))
            return FALSE;

          item = gr_item_new (item_id, text, self->items->len, c);
          gr_competency_add_item (competency, item);
          g_ptr_array_add (self->items, g_steal_pointer (&item));
        }

      g_ptr_array_add (self->competencies, g_steal_pointer (&competency));
    }

  return TRUE;
}

/**
 * gr_grid_new_from_json:
 * @node: the grid definition
 * @path: where @node stands in its file, for error messages ("" at the root)
 *
 * Builds a grid and checks all of it: 3 to 12 competencies of 1 to 20 items, a scale of 2 to 10
 * levels numbered from 0, unique ids, non-empty titles and texts.
 */
GrGrid *
gr_grid_new_from_json (JsonNode    *node,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GrGrid) self = g_object_new (GR_TYPE_GRID, NULL);
  JsonObject *root;
  const char *id, *title;

  g_return_val_if_fail (node != NULL, NULL);

  if (!(root = gr_json_expect_object (node, path, error)) ||
      !(id = get_id (root, path, NULL, error)) ||
      !(title = get_string (root, path, "title", FALSE, GR_GRID_MAX_TITLE, error)) ||
      !load_scale (self, root, path, error) ||
      !load_competencies (self, root, path, error))
    return NULL;

  self->id = g_strdup (id);
  self->title = g_strdup (title);

  return g_steal_pointer (&self);
}

/* The built-in grids loaded so far, by id. Exports may one day run on worker threads: the
 * cache is shared, so it is locked. */
static GHashTable *builtin_cache;
G_LOCK_DEFINE_STATIC (builtin_cache);

static GrGrid *
load_builtin_locked (const char  *id,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *resource = NULL;
  GrGrid *grid;

  if (builtin_cache == NULL)
    {
      /* Referencing the resource keeps the linker from dropping it from the static core. */
      g_resources_register (gr_core_get_resource ());
      builtin_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }

  if ((grid = g_hash_table_lookup (builtin_cache, id)))
    return g_object_ref (grid);

  resource = g_strdup_printf ("/io/github/grille/Grille/grids/%s.json", id);
  if (!is_valid_id (id) ||
      !(bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL)))
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_UNKNOWN_ID,
                   _("grid : « %s » n’est pas une grille connue de Grille"), id);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    return NULL;

  if (!(grid = gr_grid_new_from_json (json_parser_get_root (parser), "", error)))
    return NULL;

  grid->builtin = TRUE;
  g_hash_table_insert (builtin_cache, g_strdup (id), grid);

  return g_object_ref (grid);
}

/**
 * gr_grid_load_builtin:
 * @id: a built-in grid's id, such as "engagement"
 *
 * Returns: (transfer full): the grid shipped in the application's resources. The same object is
 * returned each time.
 */
GrGrid *
gr_grid_load_builtin (const char  *id,
                      GError     **error)
{
  GrGrid *grid;

  g_return_val_if_fail (id != NULL, NULL);

  G_LOCK (builtin_cache);
  grid = load_builtin_locked (id, error);
  G_UNLOCK (builtin_cache);

  return grid;
}

/* The engagement grid. It ships with the program, so failing to load it is a bug. */
GrGrid *
gr_grid_get_default (void)
{
  g_autoptr(GError) error = NULL;
  GrGrid *grid = gr_grid_load_builtin (GR_GRID_DEFAULT_ID, &error);

  if (grid == NULL)
    g_error ("The built-in grid is broken: %s", error->message);

  return grid;
}

/* The definition in the format of data/grids, for embedding a custom grid in a session file. */
JsonNode *
gr_grid_to_json (GrGrid *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (GR_IS_GRID (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->title);

  json_builder_set_member_name (builder, "scale");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->levels->len; i++)
    {
      GrLevel *level = g_ptr_array_index (self->levels, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "level");
      json_builder_add_int_value (builder, gr_level_get_value (level));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, gr_level_get_name (level));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, gr_level_get_description (level));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "competencies");
  json_builder_begin_array (builder);
  for (guint c = 0; c < gr_grid_get_n_competencies (self); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (self, c);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, gr_competency_get_id (competency));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, gr_competency_get_title (competency));
      json_builder_set_member_name (builder, "subtitle");
      json_builder_add_string_value (builder, gr_competency_get_subtitle (competency));
      json_builder_set_member_name (builder, "introduction");
      json_builder_add_string_value (builder, gr_competency_get_introduction (competency));
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
        {
          GrItem *item = gr_competency_get_item (competency, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, gr_item_get_id (item));
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, gr_item_get_text (item));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Whether two grids have the same content: ids, texts, scale, competencies and items. A session
 * may only take participants recorded on the same grid. */
gboolean
gr_grid_equal (GrGrid *self,
               GrGrid *other)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  g_return_val_if_fail (GR_IS_GRID (self), FALSE);
  g_return_val_if_fail (GR_IS_GRID (other), FALSE);

  if (self == other)
    return TRUE;

  a = gr_grid_to_json (self);
  b = gr_grid_to_json (other);
  return json_node_equal (a, b);
}

gboolean
gr_grid_is_builtin (GrGrid *self)
{
  g_return_val_if_fail (GR_IS_GRID (self), FALSE);
  return self->builtin;
}

const char *
gr_grid_get_id (GrGrid *self)
{
  g_return_val_if_fail (GR_IS_GRID (self), NULL);
  return self->id;
}

const char *
gr_grid_get_title (GrGrid *self)
{
  g_return_val_if_fail (GR_IS_GRID (self), NULL);
  return self->title;
}

/* A grid is not changed once built, and is shared (the built-in ones) by the sessions of every
 * thread: reading it from several threads at once is safe. (A GListStore would not be: reading
 * an item moves its cache.) */
guint
gr_grid_get_n_competencies (GrGrid *self)
{
  g_return_val_if_fail (GR_IS_GRID (self), 0);
  return self->competencies->len;
}

/* Returns: (transfer none) */
GrCompetency *
gr_grid_get_competency (GrGrid *self,
                        guint   position)
{
  g_return_val_if_fail (GR_IS_GRID (self), NULL);
  g_return_val_if_fail (position < self->competencies->len, NULL);
  return g_ptr_array_index (self->competencies, position);
}

gboolean
gr_grid_find_competency (GrGrid     *self,
                         const char *id,
                         guint      *position)
{
  g_return_val_if_fail (GR_IS_GRID (self), FALSE);

  for (guint c = 0; c < gr_grid_get_n_competencies (self); c++)
    if (g_strcmp0 (gr_competency_get_id (gr_grid_get_competency (self, c)), id) == 0)
      {
        if (position)
          *position = c;
        return TRUE;
      }

  return FALSE;
}

guint
gr_grid_get_n_items (GrGrid *self)
{
  g_return_val_if_fail (GR_IS_GRID (self), 0);
  return self->items->len;
}

/* Returns: (transfer none): the item at @position among all the grid's items. */
GrItem *
gr_grid_get_item (GrGrid *self,
                  guint   position)
{
  g_return_val_if_fail (GR_IS_GRID (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

gboolean
gr_grid_find_item (GrGrid     *self,
                   const char *id,
                   guint      *position)
{
  g_return_val_if_fail (GR_IS_GRID (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (gr_item_get_id (g_ptr_array_index (self->items, i)), id) == 0)
      {
        if (position)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

guint
gr_grid_get_n_levels (GrGrid *self)
{
  g_return_val_if_fail (GR_IS_GRID (self), 0);
  return self->levels->len;
}

GrLevel *
gr_grid_get_level (GrGrid *self,
                   guint   position)
{
  g_return_val_if_fail (GR_IS_GRID (self), NULL);
  g_return_val_if_fail (position < self->levels->len, NULL);
  return g_ptr_array_index (self->levels, position);
}

/* The top of the scale; the bottom is always 0. */
int
gr_grid_get_max_level (GrGrid *self)
{
  g_return_val_if_fail (GR_IS_GRID (self), 0);
  return (int)self->levels->len - 1;
}

/**
 * gr_grid_collect_strings:
 *
 * Returns: (transfer container): every text of the grid a user reads, in file order (title,
 * then per level its name and description, then per competency its title, subtitle,
 * introduction and items). The strings belong to the grid.
 */
GPtrArray *
gr_grid_collect_strings (GrGrid *self)
{
  GPtrArray *strings = g_ptr_array_new ();

  g_return_val_if_fail (GR_IS_GRID (self), strings);

  g_ptr_array_add (strings, self->title);
  for (guint i = 0; i < self->levels->len; i++)
    {
      GrLevel *level = g_ptr_array_index (self->levels, i);
      g_ptr_array_add (strings, (char *)gr_level_get_name (level));
      g_ptr_array_add (strings, (char *)gr_level_get_description (level));
    }
  for (guint c = 0; c < gr_grid_get_n_competencies (self); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (self, c);

      g_ptr_array_add (strings, (char *)gr_competency_get_title (competency));
      g_ptr_array_add (strings, (char *)gr_competency_get_subtitle (competency));
      g_ptr_array_add (strings, (char *)gr_competency_get_introduction (competency));
      for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
        g_ptr_array_add (strings, (char *)gr_item_get_text (gr_competency_get_item (competency, i)));
    }

  return strings;
}
