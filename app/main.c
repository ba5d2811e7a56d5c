/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entry point: locale and gettext set-up, then either the display-less command line or the
 * GTK application. */
#define G_LOG_DOMAIN "grille"

#include "config.h"

#include <signal.h>

#include "gr-application.h"
#include "gr-cli.h"
#include "gr-translator.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GrApplication) app = NULL;

  /* Over a file-size limit (ulimit -f), write() fails with EFBIG and the save or export says
   * so, instead of the process being killed with no word and a temporary file left behind. */
  signal (SIGXFSZ, SIG_IGN);

  /* --summary, --export and friends run without a display, and without GTK at all. The only
   * change to the environment, before any thread starts: the language to start in. */
  if (gr_cli_wants_command_line (argc, argv))
    {
      gr_i18n_init (gr_cli_find_lang (argc, argv));
      return gr_cli_run (argc, argv);
    }

  gr_i18n_init (NULL);

  /* gr_i18n_init() chose the locale (C.UTF-8 instead of C): GTK must not choose it again. */
  gtk_disable_setlocale ();

  app = gr_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
