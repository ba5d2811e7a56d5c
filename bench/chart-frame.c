/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times drawing the radar chart into an 800×800 frame, the way the window does: laying it out
 * for the frame's size, then drawing it with the Cairo back end. */
#define G_LOG_DOMAIN "chart-frame"

#include "config.h"

#include <cairo.h>
#include <stdlib.h>

#include "gr-chart-cairo.h"
#include "gr-chart-data.h"
#include "gr-chart-layout.h"
#include "gr-session-file.h"

static void
draw_frame (GrChartData     *data,
            cairo_surface_t *surface,
            gboolean         layout_too,
            GrChartLayout  **layout)
{
  GrChartStyle style;
  cairo_t *cr;

  gr_chart_style_init_default (&style);
  if (layout_too || *layout == NULL)
    {
      g_clear_pointer (layout, gr_chart_layout_free);
      *layout = gr_chart_layout_new (data, &style, 800, 800);
    }

  cr = cairo_create (surface);
  gr_chart_cairo_draw (*layout, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

/* The frames measured, apart from the first: callgrind counts instructions in this function
 * alone (--toggle-collect='measured_frame*': GCC may name it measured_frame.constprop.0). */
G_GNUC_NO_INLINE static void
measured_frame (GrChartData     *data,
                cairo_surface_t *surface,
                gboolean         layout_too,
                GrChartLayout  **layout)
{
  draw_frame (data, surface, layout_too, layout);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GrChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  GrChartLayout *layout = NULL;
  cairo_surface_t *surface;
  int frames = argc > 2 ? atoi (argv[2]) : 200;
  gint64 start;
  double full, draw_only;

  if (argc < 2)
    {
      g_printerr ("usage: %s SESSION.grille [FRAMES]\n", argv[0]);
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(session = gr_session_load (file, &error)))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  data = gr_chart_data_new_from_session (session, gr_translator_get ("fr"), NULL, TRUE, FALSE,
                                         NULL);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 800);

  /* The first frame loads fonts and fills caches: it is not what a redraw costs. */
  draw_frame (data, surface, TRUE, &layout);

  start = g_get_monotonic_time ();
  for (int i = 0; i < frames; i++)
    measured_frame (data, surface, TRUE, &layout);
  full = (g_get_monotonic_time () - start) / 1000.0 / MAX (frames, 1);

  start = g_get_monotonic_time ();
  for (int i = 0; i < frames; i++)
    draw_frame (data, surface, FALSE, &layout);   /* not counted by callgrind */
  draw_only = (g_get_monotonic_time () - start) / 1000.0 / MAX (frames, 1);

  g_print ("frames %d\nlayout_and_draw_ms %.3f\ndraw_only_ms %.3f\n", frames, full, draw_only);

  gr_chart_layout_free (layout);
  cairo_surface_destroy (surface);
  return 0;
}
