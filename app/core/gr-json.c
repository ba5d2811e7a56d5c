/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checked reading of JSON: the raw bytes are vetted before json-glib sees them (size, encoding,
 * depth), then every member is read through a typed accessor that names its place on failure. */
#define G_LOG_DOMAIN "gr-json"

#include "config.h"

#include "gr-i18n.h"
#include "gr-json-private.h"

char *
gr_json_path_member (const char *path,
                     const char *member)
{
  if (path == NULL || *path == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", path, member);
}

char *
gr_json_path_index (const char *path,
                    guint       index)
{
  return g_strdup_printf ("%s[%u]", path ? path : "", index);
}

char *
gr_json_path_key (const char *path,
                  const char *key)
{
  GString *s = g_string_new (path);

  g_string_append (s, "[\"");
  for (const char *p = key; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append (s, "\"]");

  return g_string_free (s, FALSE);
}

/* What the user wrote instead of what was expected, in words. */
const char *
gr_json_describe_node (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("un objet");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("une liste");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("un texte");
    case G_TYPE_BOOLEAN:
      return _("vrai ou faux");
    case G_TYPE_INT64:
      return _("un nombre entier");
    case G_TYPE_DOUBLE:
      return _("un nombre décimal");
    default:
      return _("une valeur de type inconnu");
    }
}

void
gr_json_set_error (GError      **error,
                   GrFileError   code,
                   const char   *path,
                   const char   *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL && *path != '\0')
    /* Translators: a place in the file, then what is wrong there. */
    g_set_error (error, GR_FILE_ERROR, code, _("%s : %s"), path, message);
  else
    g_set_error_literal (error, GR_FILE_ERROR, code, message);
}

JsonObject *
gr_json_expect_object (JsonNode    *node,
                       const char  *path,
                       GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      gr_json_set_error (error, GR_FILE_ERROR_TYPE, path,
                         _("un objet { … } est attendu, pas %s"), gr_json_describe_node (node));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
gr_json_expect_array (JsonNode    *node,
                      const char  *path,
                      GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      gr_json_set_error (error, GR_FILE_ERROR_TYPE, path,
                         _("une liste [ … ] est attendue, pas %s"), gr_json_describe_node (node));
      return NULL;
    }
  return json_node_get_array (node);
}

const char *
gr_json_expect_string (JsonNode    *node,
                       const char  *path,
                       gboolean     allow_empty,
                       GError     **error)
{
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      gr_json_set_error (error, GR_FILE_ERROR_TYPE, path,
                         _("un texte entre guillemets est attendu, pas %s"), gr_json_describe_node (node));
      return NULL;
    }

  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL))
    {
      gr_json_set_error (error, GR_FILE_ERROR_ENCODING, path,
                         _("le texte n’est pas de l’UTF-8 valide"));
      return NULL;
    }
  for (const char *p = value; *p; p++)
    if ((guchar)*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      {
        gr_json_set_error (error, GR_FILE_ERROR_ENCODING, path,
                           _("le texte contient un caractère de contrôle invisible (U+%04X)"),
                           (guint)(guchar)*p);
        return NULL;
      }
  if (!allow_empty && *value == '\0')
    {
      gr_json_set_error (error, GR_FILE_ERROR_TYPE, path, _("le texte est vide"));
      return NULL;
    }

  return value;
}

gboolean
gr_json_expect_int (JsonNode    *node,
                    const char  *path,
                    gint64      *value,
                    GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      gr_json_set_error (error, GR_FILE_ERROR_TYPE, path,
                         _("un nombre entier est attendu, pas %s"), gr_json_describe_node (node));
      return FALSE;
    }

  *value = json_node_get_int (node);
  return TRUE;
}

JsonNode *
gr_json_require_member (JsonObject  *object,
                        const char  *path,
                        const char  *member,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      g_autofree char *where = gr_json_path_member (path, member);
      gr_json_set_error (error, GR_FILE_ERROR_TYPE, where, _("ce champ manque"));
    }

  return node;
}

static void
line_and_column (const char *data,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar)data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/* What may stand outside strings in strict JSON: structure, numbers, true, false and null. */
#define STRICT_JSON_BYTES " \t\n\r{}[],:-+.0123456789eEtrufalsn"

/* Refuses, before any parser sees them, the inputs that json-glib 1.6 handles badly or that can
 * only be mistakes: a file too large, bytes that are not UTF-8, a NUL (raw or escaped as \u0000),
 * anything but strict JSON outside strings, and nesting deeper than GR_FILE_MAX_DEPTH (json-glib
 * recurses and overflows its stack). */
gboolean
gr_json_check_raw (const char  *data,
                   gsize        length,
                   GError     **error)
{
  const char *end = NULL;
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line, column;

  if (length > GR_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (GR_FILE_MAX_SIZE);

      gr_json_set_error (error, GR_FILE_ERROR_TOO_LARGE, NULL,
                         _("le fichier est trop volumineux (%s ; un fichier de session fait au plus %s)"),
                         size, max);
      return FALSE;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      line_and_column (data, end - data, &line, &column);
      if (*end == '\0' && (gsize)(end - data) < length)
        gr_json_set_error (error, GR_FILE_ERROR_ENCODING, NULL,
                           _("ligne %u, colonne %u : le fichier contient un caractère NUL"),
                           line, column);
      else
        gr_json_set_error (error, GR_FILE_ERROR_ENCODING, NULL,
                           _("ligne %u, colonne %u : le texte n’est pas de l’UTF-8 valide"), line, column);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            {
              if (data[i + 1] == 'u' && i + 5 < length &&
                  strncmp (data + i + 2, "0000", 4) == 0)
                {
                  line_and_column (data, i, &line, &column);
                  gr_json_set_error (error, GR_FILE_ERROR_ENCODING, NULL,
                                     _("ligne %u, colonne %u : un texte contient un caractère NUL (\\u0000)"),
                                     line, column);
                  return FALSE;
                }
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (!strchr (STRICT_JSON_BYTES, c))
        {
          /* json-glib also reads single-quoted strings and comments: they would make this scan
           * lose track of where strings are, and so of the depth. Strict JSON has neither. */
          line_and_column (data, i, &line, &column);
          if ((guchar)c < 0x20 || (guchar)c >= 0x7f)
            gr_json_set_error (error, GR_FILE_ERROR_SYNTAX, NULL,
                               _("ligne %u, colonne %u : ce n’est pas du JSON valide "
                                 "(caractère inattendu hors d’un texte)"), line, column);
          else
            gr_json_set_error (error, GR_FILE_ERROR_SYNTAX, NULL,
                               _("ligne %u, colonne %u : ce n’est pas du JSON valide "
                                 "(caractère « %c » inattendu)"), line, column, c);
          return FALSE;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > GR_FILE_MAX_DEPTH)
            {
              line_and_column (data, i, &line, &column);
              gr_json_set_error (error, GR_FILE_ERROR_TOO_DEEP, NULL,
                                 _("ligne %u, colonne %u : les données sont imbriquées sur plus de %d niveaux"),
                                 line, column, GR_FILE_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}
