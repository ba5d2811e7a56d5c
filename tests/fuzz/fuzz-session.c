/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzzes the session loader with whole files, then what a loaded session goes through. */
#define G_LOG_DOMAIN "gr-fuzz-session"

#include "config.h"

#include <stdlib.h>

#include "gr-session-file.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GError) error = NULL;

  gr_fuzz_init ();

  session = gr_session_load_from_data ((const char *) data, size, &error);
  /* A refusal always says why, in words. */
  if (session == NULL && (error == NULL || error->message == NULL || *error->message == '\0'))
    abort ();
  if (session != NULL)
    gr_fuzz_check_session (session);

  return 0;
}
