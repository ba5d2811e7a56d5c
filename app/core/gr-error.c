/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The error domain of file reading and writing. */
#define G_LOG_DOMAIN "gr-error"

#include "config.h"

#include "gr-error.h"

G_DEFINE_QUARK (gr-file-error-quark, gr_file_error)
