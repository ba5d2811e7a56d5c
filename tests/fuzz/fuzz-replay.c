/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays a fuzz corpus without libFuzzer: each file given, or each file in each folder given,
 * goes once through the harness's LLVMFuzzerTestOneInput. Built with any compiler; the fuzz
 * suite runs it on the committed corpus, and it replays a crash file found by a campaign. */
#define G_LOG_DOMAIN "gr-fuzz-replay"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz-common.h"

static gboolean
replay_file (const char *path,
             guint      *count)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  (*count)++;
  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
replay_dir (const char *path,
            guint      *count)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;
  gboolean ok = TRUE;

  if (!(dir = g_dir_open (path, 0, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* In a stable order, so that a failure is the same in every run. */
  g_ptr_array_sort (names, compare_paths);

  for (guint i = 0; i < names->len; i++)
    ok = replay_file (g_ptr_array_index (names, i), count) && ok;
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;
  gboolean ok = TRUE;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE|FOLDER…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    ok = (g_file_test (argv[i], G_FILE_TEST_IS_DIR) ? replay_dir (argv[i], &count)
                                                    : replay_file (argv[i], &count)) && ok;

  printf ("%u inputs replayed\n", count);
  return ok ? 0 : 1;
}
