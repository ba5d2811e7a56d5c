/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a file all at once: sessions, drafts and exports are never left half-written. */
#define G_LOG_DOMAIN "gr-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gr-i18n.h"
#include <glib/gstdio.h>

#include "gr-atomic-file.h"
#include "gr-error.h"

static gboolean
set_errno_error (GError **error,
                 int      errno_value)
{
  g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                       gr_file_error_from_errno (errno_value));
  return FALSE;
}

/* write() until all is written: a short write is retried, a failure (ENOSPC, EFBIG once
 * SIGXFSZ is ignored, EIO) reported. */
static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size,
           int          *errno_value)
{
  while (size > 0)
    {
      gssize n = write (fd, data, MIN (size, G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *errno_value = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      data += n;
      size -= n;
    }
  return TRUE;
}

/* Writes @data to a temporary file beside @path, flushes it to disk (when @durable) and renames
 * it over @path.
 * An existing @path gives its permissions and, where allowed, its owner to the new file; a new
 * one gets @mode (less the umask). On any failure the temporary file is removed and @path is
 * left as it was. Errors name neither file: the caller names @path. */
static gboolean
replace_local (const char    *path,
               const guint8  *data,
               gsize          size,
               int            mode,
               const GStatBuf *existing,
               gboolean       durable,
               GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *temporary = g_build_filename (dir, name, NULL);
  int fd, saved = 0;

  if ((fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, mode)) < 0)
    return set_errno_error (error, errno);

  if (existing != NULL)
    {
      /* Root saving someone's file leaves it theirs; otherwise this fails, harmlessly. */
      if (fchown (fd, existing->st_uid, existing->st_gid) != 0)
        g_debug ("the new file keeps the user as its owner: %s", g_strerror (errno));
      if (fchmod (fd, existing->st_mode & 07777) != 0)
        saved = errno;
    }

  if (saved == 0 && write_all (fd, data, size, &saved) && durable && fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0 && rename (temporary, path) != 0)
    saved = errno;

  if (saved != 0)
    {
      g_unlink (temporary);
      return set_errno_error (error, saved);
    }
  return TRUE;
}

/* Keeps the file about to be replaced as "FILE~": a hard link where the file system allows it,
 * else a copy. The original stays in place throughout. */
static gboolean
make_backup (const char      *path,
             const GStatBuf  *existing,
             GError         **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize length;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return set_errno_error (error, errno);
  if (link (path, backup) == 0)
    return TRUE;

  if (!g_file_get_contents (path, &contents, &length, &read_error))
    {
      g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                           gr_file_error_from_io (read_error));
      return FALSE;
    }
  return replace_local (backup, (const guint8 *) contents, length, 0600, existing, TRUE, error);
}

/* The file to replace must be one the user may write: a write-protected file keeps its
 * content and its protection. Root may write anything, so the mode bits are checked too. */
static gboolean
check_writable (const char      *path,
                const GStatBuf  *st,
                GError         **error)
{
  if (S_ISDIR (st->st_mode))
    return set_errno_error (error, EISDIR);
  if ((st->st_mode & 0222) == 0 || access (path, W_OK) != 0)
    {
      g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_READ_ONLY,
                           _("le fichier est protégé en écriture : enregistrez sous un autre "
                             "nom, ou enlevez d’abord sa protection"));
      return FALSE;
    }
  return TRUE;
}

static gboolean write_atomically (GFile     *file,
                                  GBytes    *bytes,
                                  gboolean   keep_backup,
                                  gboolean   durable,
                                  int        mode,
                                  GError   **error);

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
 * the partial temporary file over the original.) A symbolic link is followed: the file it points
 * to is replaced. A write-protected file is refused (%GR_FILE_ERROR_READ_ONLY).
 *
 * Errors are in the %GR_FILE_ERROR domain, in the user's language, and name no file.
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
  g_autoptr(GError) local_error = NULL;
  gsize written;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if ((path = g_file_get_path (file)))
    {
      g_autofree char *target = realpath (path, NULL);
      const guint8 *data;
      gsize size;
      GStatBuf st;

      /* Through a symbolic link, the file it points to is the one replaced; and the new file
       * keeps the old one's permissions (a private session stays private). */
      if (target != NULL)
        {
          g_free (path);
          path = g_steal_pointer (&target);
        }
      data = g_bytes_get_data (bytes, &size);
      if (g_stat (path, &st) != 0)
        return replace_local (path, data, size, mode, NULL, durable, error);

      return check_writable (path, &st, error) &&
             (!keep_backup || make_backup (path, &st, error)) &&
             replace_local (path, data, size, mode, &st, durable, error);
    }

  /* A file with no local path (a network mount): closing the stream after cancelling it
   * discards the temporary file instead of renaming it. */
  if (!(stream = g_file_replace (file, NULL, keep_backup, G_FILE_CREATE_NONE, NULL, &local_error)))
    goto failed;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, NULL, &local_error))
    {
      abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      goto failed;
    }
  if (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    return TRUE;

failed:
  g_set_error_literal (error, GR_FILE_ERROR,
                       g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)
                         ? GR_FILE_ERROR_READ_ONLY : GR_FILE_ERROR_IO,
                       gr_file_error_from_io (local_error));
  return FALSE;
}
