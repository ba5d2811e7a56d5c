/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a file all at once: sessions, drafts and exports are never left half-written. */
#define G_LOG_DOMAIN "gr-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gr-atomic-file.h"

static gboolean
set_error_from_errno (GError **error)
{
  int saved = errno;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s", g_strerror (saved));
  return FALSE;
}

/* Keeps the file about to be replaced as "FILE~": a hard link where the file system allows it,
 * else a copy. The original stays in place throughout. */
static gboolean
make_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return set_error_from_errno (error);
  if (link (path, backup) == 0)
    return TRUE;

  return g_file_get_contents (path, &contents, &length, error) &&
         g_file_set_contents (backup, contents, length, error);
}

static gboolean
write_atomically (GFile     *file,
                  GBytes    *bytes,
                  gboolean   keep_backup,
                  gboolean   durable,
                  int        mode,
                  GError   **error);

/* A temporary file beside @path, written, then renamed over it: never a partial file, and no
 * fsync. (GLib's G_FILE_SET_CONTENTS_CONSISTENT flushes the data to disk each time.) */
static gboolean
write_then_rename (const char  *path,
                   const char  *data,
                   gsize        length,
                   int          mode,
                   GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, mode);

  if (fd < 0)
    return set_error_from_errno (error);
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_error_from_errno (error);
          close (fd);
          g_unlink (tmp);
          return FALSE;
        }
      data += n;
      length -= n;
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    {
      set_error_from_errno (error);
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

/**
 * gr_atomic_file_write:
 * @file: where to write
 * @bytes: the whole content
 * @keep_backup: keep the file being replaced as "FILE~"
 * @mode: the permissions of a new file (an existing file keeps its own), before the umask
 *
 * The content goes to a temporary file beside @file, is flushed to disk, then replaces @file in
 * one rename: a crash, a full disk or a write error leaves the previous file whole and no partial
 * file behind. (GIO's g_file_replace_contents() is not enough: on a write error it still renames
 * the partial temporary file over the original.)
 */
gboolean
gr_atomic_file_write (GFile     *file,
                      GBytes    *bytes,
                      gboolean   keep_backup,
                      int        mode,
                      GError   **error)
{
  return write_atomically (file, bytes, keep_backup, TRUE, mode, error);
}

/**
 * gr_atomic_file_write_unsynced:
 *
 * As gr_atomic_file_write() without a backup, and without waiting for the disk: the file is
 * always whole (the previous content or the new), but a power cut may lose the last write. For
 * drafts, rewritten every few seconds, where a flush each time would stall an office PC's disk.
 */
gboolean
gr_atomic_file_write_unsynced (GFile     *file,
                               GBytes    *bytes,
                               int        mode,
                               GError   **error)
{
  return write_atomically (file, bytes, FALSE, FALSE, mode, error);
}

static gboolean
write_atomically (GFile     *file,
                  GBytes    *bytes,
                  gboolean   keep_backup,
                  gboolean   durable,
                  int        mode,
                  GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  gsize written;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if ((path = g_file_get_path (file)))
    {
      g_autofree char *target = realpath (path, NULL);
      GStatBuf st;

      /* Through a symbolic link, the file it points to is the one replaced; and the new file
       * keeps the old one's permissions (a private session stays private). */
      if (target != NULL)
        {
          g_free (path);
          path = g_steal_pointer (&target);
        }
      if (g_stat (path, &st) == 0)
        mode = st.st_mode & 0777;

      if (!durable)
        return write_then_rename (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  mode, error);
      return (!keep_backup || make_backup (path, error)) &&
             g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes),
                                       G_FILE_SET_CONTENTS_CONSISTENT |
                                       (durable ? G_FILE_SET_CONTENTS_DURABLE : 0),
                                       mode, error);
    }

  /* A file with no local path (a network mount): closing the stream after cancelling it
   * discards the temporary file instead of renaming it. */
  if (!(stream = g_file_replace (file, NULL, keep_backup, G_FILE_CREATE_NONE, NULL, error)))
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, NULL, error))
    {
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
