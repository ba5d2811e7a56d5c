/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What saving, drafts, exports and reading files cost the main thread, before and after they
 * went to threads: the whole save (serialise, write, flush to disk, rename, keep FILE~) as
 * Ctrl+S did on the main thread; the serialisation that drafts and exports did there until
 * now; the copy of the session that is all the main thread does now; and the reading of a
 * file for Compare or Import, now in a thread. Sessions of 50 and 1,000 participants, every
 * level set, four notes of 2,000 characters each. Prints the median and the worst of REPEAT
 * runs.
 * Usage: save FOLDER [REPEAT]   (FOLDER, made if need be, on the disk to measure: not a tmpfs) */
#include "config.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "gr-session-file.h"

static GrSession *
make_session (guint n)
{
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  g_autoptr(GString) note = g_string_new (NULL);
  GrSession *session = gr_session_new (grid);

  while (note->len < 2000)
    g_string_append (note, "Le service observe que la pratique progresse, mais reste inégale. ");
  for (guint p = 0; p < n; p++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %u", p + 1);
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, name);

      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        gr_participant_set_level (participant, i, (p + i) % 5);
      for (guint k = 0; k < 4; k++)
        gr_participant_set_note (participant, (p + k * 5) % gr_grid_get_n_items (grid), note->str);
      if (!gr_session_add_participant (session, participant, NULL))
        g_error ("participant %u refused", p);
    }
  return session;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare_times);
  g_print ("  %-44s median %7.2f ms, worst %7.2f ms\n", what,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 50, 1000 };
  guint repeat = argc > 2 ? (guint) atoi (argv[2]) : 21;

  if (argc < 2)
    {
      g_printerr ("Usage: save FOLDER [REPEAT]\n");
      return 2;
    }
  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    g_error ("%s: %s", argv[1], g_strerror (errno));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GrSession) session = make_session (sizes[s]);
      g_autofree char *name = g_strdup_printf ("bench-save-%u.grille", sizes[s]);
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autofree char *backup = g_strconcat (path, "~", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GArray) serialise = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) copy = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (gint64));
      gsize size = 0;

      for (guint r = 0; r < repeat; r++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GrSession) read = NULL;
          g_autoptr(GrSession) snapshot = NULL;
          gint64 t0, t1, t2, t3;

          t0 = g_get_monotonic_time ();
          snapshot = gr_session_copy (session);
          t1 = g_get_monotonic_time ();
          g_array_append_val (copy, (gint64) { t1 - t0 });

          t0 = g_get_monotonic_time ();
          bytes = gr_session_serialize (session);
          t1 = g_get_monotonic_time ();
          if (!gr_session_save (session, file, &error))
            g_error ("%s", error->message);
          t2 = g_get_monotonic_time ();
          if (!(read = gr_session_load (file, &error)))
            g_error ("%s", error->message);
          t3 = g_get_monotonic_time ();

          size = g_bytes_get_size (bytes);
          g_array_append_val (serialise, (gint64) { t1 - t0 });
          g_array_append_val (save, (gint64) { t2 - t1 });
          g_array_append_val (load, (gint64) { t3 - t2 });
        }

      g_print ("%u participants, %" G_GSIZE_FORMAT " bytes, %u runs:\n", sizes[s], size, repeat);
      report ("Ctrl+S, before (serialise, write, fsync):", save);
      report ("drafts and exports, before (serialise):", serialise);
      report ("save, draft, export, prepare, now (copy):", copy);
      report ("Compare or Import, before (read a file):", load);
      g_unlink (path);
      g_unlink (backup);
    }
  return 0;
}
