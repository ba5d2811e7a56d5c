/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The error domain of file reading and writing, and why a system call failed, in the user's
 * words: neither GLib's messages (English where the C library has no catalog, and naming
 * temporary files) nor strerror() reach the user. */
#define G_LOG_DOMAIN "gr-error"

#include "config.h"

#include <errno.h>
#include "gr-i18n.h"
#include <gio/gio.h>

#include "gr-error.h"

G_DEFINE_QUARK (gr-file-error-quark, gr_file_error)

/**
 * gr_file_error_from_errno:
 * @errno_value: what a system call left in errno
 *
 * Returns: why reading or writing a file failed, as the end of a sentence in the user's
 * language ("le disque est plein"), without any file name.
 */
const char *
gr_file_error_from_errno (int errno_value)
{
  switch (errno_value)
    {
    case ENOSPC:
      return _("le disque est plein");
#ifdef EDQUOT
    case EDQUOT:
      return _("votre quota d’espace disque est atteint");
#endif
    case EFBIG:
      return _("le fichier dépasserait la taille maximale permise (ulimit -f)");
    case EACCES:
    case EPERM:
      return _("vous n’avez pas le droit d’écrire ici");
    case EROFS:
      return _("le disque est en lecture seule");
    case ENOENT:
    case ENOTDIR:
      return _("le dossier n’existe pas");
    case EISDIR:
      return _("c’est un dossier");
    case EEXIST:
      return _("un fichier de ce nom existe déjà");
    case ENAMETOOLONG:
      return _("le nom du fichier est trop long");
    case EIO:
      return _("le disque a signalé une erreur de lecture ou d’écriture");
    default:
      return _("le système a refusé l’opération");
    }
}

/**
 * gr_file_error_from_io:
 * @error: an error of GIO or of GLib's file functions
 *
 * Returns: the same as gr_file_error_from_errno(), for an error that GIO reported.
 */
const char *
gr_file_error_from_io (const GError *error)
{
  g_return_val_if_fail (error != NULL, "");

  if (error->domain == G_FILE_ERROR)
    {
      static const int codes[][2] = {
        { G_FILE_ERROR_NOSPC, ENOSPC }, { G_FILE_ERROR_FAILED, 0 },
        { G_FILE_ERROR_ACCES, EACCES }, { G_FILE_ERROR_PERM, EPERM },
        { G_FILE_ERROR_ROFS, EROFS }, { G_FILE_ERROR_NOENT, ENOENT },
        { G_FILE_ERROR_NOTDIR, ENOTDIR }, { G_FILE_ERROR_ISDIR, EISDIR },
        { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG }, { G_FILE_ERROR_IO, EIO },
      };

      for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
        if (error->code == codes[i][0])
          return gr_file_error_from_errno (codes[i][1]);
    }
  else if (error->domain == G_IO_ERROR)
    {
      static const int codes[][2] = {
        { G_IO_ERROR_NO_SPACE, ENOSPC }, { G_IO_ERROR_PERMISSION_DENIED, EACCES },
        { G_IO_ERROR_READ_ONLY, EROFS }, { G_IO_ERROR_NOT_FOUND, ENOENT },
        { G_IO_ERROR_NOT_DIRECTORY, ENOTDIR }, { G_IO_ERROR_IS_DIRECTORY, EISDIR },
        { G_IO_ERROR_FILENAME_TOO_LONG, ENAMETOOLONG },
      };

      for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
        if (error->code == codes[i][0])
          return gr_file_error_from_errno (codes[i][1]);
    }

  return gr_file_error_from_errno (0);
}
