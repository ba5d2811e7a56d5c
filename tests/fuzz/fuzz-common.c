/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the fuzz harnesses share: everything Grille does with a session once it has loaded. */
#define G_LOG_DOMAIN "gr-fuzz"

#include "config.h"

#include <stdlib.h>

#include "gr-chart-export.h"
#include "gr-csv.h"
#include "gr-session-file.h"
#include "gr-summary.h"
#include "gr-translator.h"

#include "fuzz-common.h"

/* Quiet, and the same in every run: the core logs nothing a harness needs to see. */
void
gr_fuzz_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
      g_once_init_leave (&done, 1);
    }
}

static void
export_chart (GrSession     *session,
              GrChartFormat  format,
              const char    *participant)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GrChartExportOptions options;

  gr_chart_export_options_init (&options);
  options.width = 320;
  options.height = 240;
  options.translator = gr_translator_get ("de");
  options.participant = participant;
  options.show_title = TRUE;

  /* Refusing (a size too large, say) is fine; crashing or lying about it is not. */
  bytes = gr_chart_export_to_bytes (session, format, &options, &error);
  if ((bytes == NULL) == (error == NULL))
    abort ();
}

/**
 * gr_fuzz_check_session:
 *
 * Runs what a loaded session goes through: the CSV, the summary, a save and reload (which must
 * give back the same bytes), the chart's layout and its SVG and PDF, for the group and for one
 * participant.
 */
void
gr_fuzz_check_session (GrSession *session)
{
  g_autoptr(GBytes) csv = gr_csv_write_session (session, gr_translator_get ("fr"));
  g_autofree char *summary = gr_summary_write (session, gr_translator_get ("en"));
  g_autoptr(GBytes) saved = gr_session_serialize (session);
  g_autoptr(GrSession) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  guint n = gr_session_get_n_participants (session);

  if (csv == NULL || summary == NULL)
    abort ();

  /* What Grille writes, Grille reads back to the same session. */
  again = gr_session_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                     &error);
  if (again == NULL)
    {
      g_printerr ("a saved session does not load again: %s\n", error->message);
      abort ();
    }
  saved_again = gr_session_serialize (again);
  if (!g_bytes_equal (saved, saved_again))
    {
      g_printerr ("a session saved, loaded and saved again changed\n");
      abort ();
    }

  export_chart (session, GR_CHART_FORMAT_SVG, NULL);
  export_chart (session, GR_CHART_FORMAT_PDF, NULL);
  if (n > 0)
    export_chart (session, GR_CHART_FORMAT_SVG,
                  gr_participant_get_name (gr_session_get_participant (session, n - 1)));
}
