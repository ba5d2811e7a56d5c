/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a session or grid file could not be read or written. The messages name the place in the
 * file (participants[2].scores["cooperer.3"]) but not the file itself: the caller knows which
 * file it opened and says so (CLI: "grille: FILE: message"; window: the dialog's title). */
#define GR_FILE_ERROR (gr_file_error_quark ())

typedef enum
{
  GR_FILE_ERROR_IO,          /* cannot read or write the file */
  GR_FILE_ERROR_TOO_LARGE,   /* over GR_FILE_MAX_SIZE */
  GR_FILE_ERROR_TOO_DEEP,    /* nesting deeper than GR_FILE_MAX_DEPTH */
  GR_FILE_ERROR_ENCODING,    /* not UTF-8, or holds a NUL */
  GR_FILE_ERROR_SYNTAX,      /* not JSON, or truncated */
  GR_FILE_ERROR_FORMAT,      /* not a Grille session ("format") */
  GR_FILE_ERROR_VERSION,     /* written by a newer Grille */
  GR_FILE_ERROR_TYPE,        /* a member of the wrong type, or missing */
  GR_FILE_ERROR_UNKNOWN_ID,  /* an id the grid does not have */
  GR_FILE_ERROR_RANGE,       /* a level outside the scale */
  GR_FILE_ERROR_NAME,        /* a participant name empty or repeated */
  GR_FILE_ERROR_GRID,        /* a grid definition that breaks the grid's rules */
  GR_FILE_ERROR_OTHER_GRID,  /* sessions on different grids cannot be put together */
  GR_FILE_ERROR_READ_ONLY,   /* the file to replace is write-protected */
} GrFileError;

#define GR_FILE_MAX_SIZE  (16 * 1024 * 1024)
#define GR_FILE_MAX_DEPTH 64

GQuark      gr_file_error_quark    (void);
const char *gr_file_error_from_errno (int            errno_value);
const char *gr_file_error_from_io    (const GError  *error);

G_END_DECLS
