/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzzes a session whose "grid" is a whole grid definition: the input is that definition, put
 * into a session file; a grid that loads is scored by two participants and drawn. */
#define G_LOG_DOMAIN "gr-fuzz-grid"

#include "config.h"

#include <stdlib.h>

#include "gr-session-file.h"

#include "fuzz-common.h"

static void
add_participant (GrSession  *session,
                 const char *name,
                 guint       shift)
{
  GrGrid *grid = gr_session_get_grid (session);
  g_autoptr(GrParticipant) participant = gr_participant_new (grid, name);
  guint n_levels = gr_grid_get_n_levels (grid);

  for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
    if ((i + shift) % 3 != 0)
      gr_participant_set_level (participant, i,
                                gr_level_get_value (gr_grid_get_level (grid, (i + shift) % n_levels)));
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    if (c % 2 == shift % 2)
      gr_participant_set_target (participant, c,
                                 gr_level_get_value (gr_grid_get_level (grid, n_levels - 1)));

  if (!gr_session_add_participant (session, participant, NULL))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char head[] = "{ \"format\": \"grille-session\", \"version\": 1, \"grid\": ";
  static const char tail[] = " }";
  g_autoptr(GByteArray) file = g_byte_array_sized_new (sizeof head + size + sizeof tail);
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GError) error = NULL;

  gr_fuzz_init ();

  g_byte_array_append (file, (const guint8 *) head, sizeof head - 1);
  g_byte_array_append (file, data, size);
  g_byte_array_append (file, (const guint8 *) tail, sizeof tail - 1);

  session = gr_session_load_from_data ((const char *) file->data, file->len, &error);
  if (session == NULL && (error == NULL || error->message == NULL || *error->message == '\0'))
    abort ();
  if (session == NULL)
    return 0;

  add_participant (session, "Service jeunesse", 0);
  add_participant (session, "Direction", 1);
  gr_fuzz_check_session (session);

  return 0;
}
