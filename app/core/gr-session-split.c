/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preparing one session file per participant, to be sent out, filled anywhere and merged back:
 * each holds one participant (with its role) and the session's title, date and organisation, on
 * the same grid. */
#define G_LOG_DOMAIN "gr-session-split"

#include "config.h"

#include "gr-error.h"
#include "gr-i18n.h"
#include "gr-session-file.h"
#include "gr-session-split.h"

/**
 * gr_session_new_like:
 *
 * Returns: (transfer full): an empty session on the same grid, with the same title, date,
 * language and organisation, and no action plan.
 */
GrSession *
gr_session_new_like (GrSession *self)
{
  GrSession *session;

  g_return_val_if_fail (GR_IS_SESSION (self), NULL);

  session = gr_session_new (gr_session_get_grid (self));
  gr_session_set_title (session, gr_session_get_title (self));
  gr_session_set_date (session, gr_session_get_date (self));
  gr_session_set_language (session, gr_session_get_language (self));
  gr_session_set_organisation (session, gr_session_get_organisation (self));
  return session;
}

/**
 * gr_session_extract:
 * @name: a participant's name
 *
 * Returns: (transfer full): a session like @self holding only the participant called @name: a
 * copy of it when @self has one, else a new participant with nothing assessed.
 */
GrSession *
gr_session_extract (GrSession  *self,
                    const char *name)
{
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GrParticipant) participant = NULL;
  GrParticipant *existing;

  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  session = gr_session_new_like (self);
  existing = gr_session_find_participant (self, name, NULL);
  participant = existing ? gr_participant_copy (existing)
                         : gr_participant_new (gr_session_get_grid (self), name);
  if (!gr_session_add_participant (session, participant, NULL))
    return NULL;

  return g_steal_pointer (&session);
}

/**
 * gr_session_split_file_name:
 *
 * Returns: (transfer full): a file name for a participant's file: its name, without the
 * characters that a file system or a mail attachment would refuse, and the extension.
 */
char *
gr_session_split_file_name (const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || strchr ("/\\:*?\"<>|", c) != NULL)
        g_string_append_c (out, '-');
      else
        g_string_append_unichar (out, c);
    }

  /* No hidden file, and nothing that Windows would trim from the end. */
  stripped = g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
  while (*stripped == '.')
    memmove (stripped, stripped + 1, strlen (stripped));
  while (*stripped && stripped[strlen (stripped) - 1] == '.')
    stripped[strlen (stripped) - 1] = '\0';
  if (*stripped == '\0')
    return g_strdup ("participant" GR_SESSION_EXTENSION);

  return g_strconcat (stripped, GR_SESSION_EXTENSION, NULL);
}

/* Two names may give the same file name, or differ only by case, which some file systems
 * do not tell apart: the later ones get " (2)", " (3)"… */
static char *
unique_file_name (GHashTable *taken,
                  const char *name)
{
  g_autofree char *base = gr_session_split_file_name (name);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (GR_SESSION_EXTENSION));
  char *candidate = g_strdup (base);

  for (guint n = 2; ; n++)
    {
      char *folded = g_utf8_casefold (candidate, -1);

      if (g_hash_table_add (taken, folded))
        break;
      g_free (candidate);
      candidate = g_strdup_printf ("%s (%u)%s", stem, n, GR_SESSION_EXTENSION);
    }

  return candidate;
}

static void
delete_files (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
}

/**
 * gr_session_split:
 * @names: (nullable): the participants to prepare a file for, existing or new; %NULL for every
 *   participant of @self
 * @directory: where to write them; it is created when missing
 *
 * Writes one session file per participant into @directory. No file there is replaced: when one
 * of the names is taken, nothing is written. When a write fails, the files already written are
 * removed.
 *
 * Returns: (transfer full): the GFiles written, in the order of the participants.
 */
GPtrArray *
gr_session_split (GrSession   *self,
                  const char **names,
                  GFile       *directory,
                  GError     **error)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  if (names != NULL)
    {
      for (guint i = 0; names[i]; i++)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (names[i]));

          /* Blank lines of a typed list are not names; the same name twice is one file. */
          if (*stripped == '\0' || g_hash_table_contains (seen, names[i]))
            continue;
          g_hash_table_add (seen, (gpointer)names[i]);
          g_ptr_array_add (wanted, (gpointer)names[i]);
        }
    }
  else
    for (guint i = 0; i < gr_session_get_n_participants (self); i++)
      g_ptr_array_add (wanted,
                       (gpointer)gr_participant_get_name (gr_session_get_participant (self, i)));

  if (wanted->len == 0)
    {
      g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME,
                           _("la session n’a aucun participant pour qui préparer un fichier"));
      return NULL;
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      g_autofree char *name = unique_file_name (taken, g_ptr_array_index (wanted, i));
      GFile *file = g_file_get_child (directory, name);

      g_ptr_array_add (files, file);
      if (g_file_query_exists (file, NULL))
        {
          g_autofree char *path = g_file_get_parse_name (file);

          g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                       _("le fichier %s existe déjà : choisissez un dossier vide, rien n’a été "
                         "écrit"), path);
          return NULL;
        }
    }

  if (!g_file_make_directory_with_parents (directory, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                   _("impossible de créer le dossier : %s"),
                   gr_file_error_from_io (local_error));
      return NULL;
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      g_autoptr(GrSession) one = gr_session_extract (self, g_ptr_array_index (wanted, i));
      GFile *file = g_ptr_array_index (files, i);

      if (one == NULL || !gr_session_save (one, file, error))
        {
          delete_files (written);
          return NULL;
        }
      g_ptr_array_add (written, g_object_ref (file));
    }

  return g_steal_pointer (&written);
}
