/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's benchmark program (run by bench/window; never installed). One process per
 * measurement:
 *
 *   window-frame bare             a bare GtkApplication window with one drawing area
 *   window-frame grille [FILE]    Grille exactly as main.c starts it (the same library)
 *       both print, at the window's first frame, "frame REAL_US VMHWM_KB CPU_US" and exit:
 *       the caller subtracts the time it started the process; CPU_US is the process's CPU
 *       time until then, all threads, user and system;
 *   window-frame typing FILE      Grille with FILE; 200 characters typed in the first note,
 *       then participants and pages switched; prints, for each, the main thread's CPU time
 *       and the wall time from the change to the end of the frame that shows it. With
 *       BENCH_WINDOW_SAMPLES set, each change on stderr too: its CPU time, that of its own call
 *       (before the frame), and when it started (CLOCK_MONOTONIC, to find it in a profile
 *       taken with `perf record -k CLOCK_MONOTONIC`).
 *
 * Typing goes through the text buffer as GtkTextView does with a character from the input
 * method (gtk_text_buffer_insert_interactive_at_cursor in a user action); the key event's own
 * dispatch, a few microseconds, is not included. */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "gr-application.h"
#include "gr-competency.h"
#include "gr-translator.h"
#include "gr-window.h"

#define N_KEYSTROKES 200
#define N_SWITCHES   50
#define PAUSE_MS     30   /* between two changes: the idle work of one does not count for the next */

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

/* The process's CPU time, user and system, all its threads. */
static gint64
process_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Start-up: the first frame */

static void
on_first_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  printf ("frame %" G_GINT64_FORMAT " %ld %" G_GINT64_FORMAT "\n", g_get_real_time (),
          peak_rss_kb (), process_cpu_us ());
  fflush (stdout);
  _exit (0);
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_paint), NULL);
}

static void
watch_first_frame (GtkWindow *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static void
draw_bare (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 3.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
bare_activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *area = gtk_drawing_area_new ();

  /* Grille's default size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_bare, NULL, NULL);
  gtk_window_set_child (GTK_WINDOW (window), area);
  watch_first_frame (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

/* Typing and switching */

typedef enum { STEP_TYPE, STEP_PARTICIPANT, STEP_PAGE, STEP_DONE } Step;

typedef struct
{
  GrWindow      *window;
  GtkTextBuffer *buffer;
  Step           step;
  guint          n;
  gint64         cpu_start;
  gint64         cpu_sync;    /* the change's own call, before its frame */
  gint64         wall_start;
  gboolean       waiting;   /* a change was made, its frame is not painted yet */
  GArray        *cpu[3];
  GArray        *wall[3];
} Typing;

static const char *step_names[] = { "typing", "participant", "page" };

static gboolean change (gpointer user_data);

static void
on_paint (GdkFrameClock *clock,
          Typing        *t)
{
  gint64 cpu, wall;

  if (!t->waiting)
    return;
  cpu = thread_cpu_us () - t->cpu_start;
  wall = g_get_monotonic_time () - t->wall_start;
  t->waiting = FALSE;
  g_array_append_val (t->cpu[t->step], cpu);
  g_array_append_val (t->wall[t->step], wall);
  if (g_getenv ("BENCH_WINDOW_SAMPLES") != NULL)
    fprintf (stderr, "sample %s %u cpu_us=%" G_GINT64_FORMAT " call_us=%" G_GINT64_FORMAT
             " wall_us=%" G_GINT64_FORMAT " at_us=%" G_GINT64_FORMAT "\n", step_names[t->step],
             t->n - 1, cpu, t->cpu_sync, wall, t->wall_start);
  g_timeout_add (PAUSE_MS, change, t);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
report (Typing *t)
{
  for (guint s = 0; s < G_N_ELEMENTS (step_names); s++)
    {
      GArray *arrays[] = { t->cpu[s], t->wall[s] };
      const char *kinds[] = { "cpu", "wall" };

      for (guint k = 0; k < 2; k++)
        {
          GArray *a = arrays[k];

          g_array_sort (a, compare_gint64);
          printf ("%s %s n=%u median_ms=%.2f worst_ms=%.2f\n", step_names[s], kinds[k], a->len,
                  g_array_index (a, gint64, a->len / 2) / 1000.0,
                  g_array_index (a, gint64, a->len - 1) / 1000.0);
        }
    }
  fflush (stdout);
  _exit (0);
}

static gboolean
change (gpointer user_data)
{
  Typing *t = user_data;
  GrSession *session = gr_window_get_session (t->window);
  GrGrid *grid = gr_session_get_grid (session);

  if (t->n == (t->step == STEP_TYPE ? N_KEYSTROKES : N_SWITCHES))
    {
      t->step++;
      t->n = 0;
      if (t->step == STEP_DONE)
        report (t);
    }

  t->waiting = TRUE;
  t->cpu_start = thread_cpu_us ();
  t->wall_start = g_get_monotonic_time ();
  switch (t->step)
    {
    case STEP_TYPE:
      gtk_text_buffer_begin_user_action (t->buffer);
      gtk_text_buffer_insert_interactive_at_cursor (t->buffer, t->n % 7 == 6 ? " " : "e", 1,
                                                    TRUE);
      gtk_text_buffer_end_user_action (t->buffer);
      break;
    case STEP_PARTICIPANT:
      {
        guint n_participants = gr_session_get_n_participants (session);

        gr_window_set_participant (t->window,
                                   gr_session_get_participant (session,
                                                               (t->n + 1) % n_participants));
      }
      break;
    case STEP_PAGE:
      {
        guint n_pages = gr_grid_get_n_competencies (grid) + 2;
        guint page = (t->n + 2) % n_pages;   /* from the first competency's, shown */

        gr_window_show_page (t->window,
                             page == 0 ? "overview" :
                             page == n_pages - 1 ? "participants" :
                             gr_competency_get_id (gr_grid_get_competency (grid, page - 1)));
      }
      break;
    case STEP_DONE:
      g_assert_not_reached ();
    }
  t->n++;
  t->cpu_sync = thread_cpu_us () - t->cpu_start;
  /* A frame even if nothing had to be drawn again, so that the change's time is taken. */
  gdk_frame_clock_request_phase (gtk_widget_get_frame_clock (GTK_WIDGET (t->window)),
                                 GDK_FRAME_CLOCK_PHASE_PAINT);
  return G_SOURCE_REMOVE;
}

static gboolean
start_typing (gpointer user_data)
{
  Typing *t = user_data;
  GrGrid *grid = gr_session_get_grid (gr_window_get_session (t->window));
  GrCompetencyPage *page;
  GtkTextView *view;
  GtkTextIter end;

  gr_window_show_page (t->window, gr_competency_get_id (gr_grid_get_competency (grid, 0)));
  page = gr_window_get_competency_page (t->window, 0);
  view = gr_item_row_get_note_view (gr_competency_page_get_row (page, 0));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  t->buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_end_iter (t->buffer, &end);
  gtk_text_buffer_place_cursor (t->buffer, &end);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (t->window)), "after-paint",
                    G_CALLBACK (on_paint), t);
  g_timeout_add (200, change, t);
  return G_SOURCE_REMOVE;
}

static void
on_typing_window_mapped (GtkWidget *window,
                         Typing    *t)
{
  t->window = GR_WINDOW (window);
  /* Once the session is open and the window has settled. */
  g_timeout_add (500, start_typing, t);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 const char     *mode)
{
  if (g_str_equal (mode, "typing"))
    {
      Typing *t = g_new0 (Typing, 1);

      for (guint s = 0; s < 3; s++)
        {
          t->cpu[s] = g_array_new (FALSE, FALSE, sizeof (gint64));
          t->wall[s] = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
      g_signal_connect (window, "map", G_CALLBACK (on_typing_window_mapped), t);
    }
  else
    watch_first_frame (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  const char *mode = argc > 1 ? argv[1] : "";

  if (g_str_equal (mode, "bare"))
    {
      app = gtk_application_new ("io.github.grille.BenchBare", G_APPLICATION_DEFAULT_FLAGS);
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate), NULL);
      return g_application_run (G_APPLICATION (app), 1, argv);
    }

  if (!g_str_equal (mode, "grille") && !g_str_equal (mode, "typing"))
    {
      fprintf (stderr, "usage: %s bare | grille [FILE] | typing FILE\n", argv[0]);
      return 2;
    }

  /* As main.c does. */
  gr_i18n_init (NULL);
  gtk_disable_setlocale ();
  app = GTK_APPLICATION (gr_application_new ());
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), (gpointer) mode);
  argv[1] = argv[0];
  return g_application_run (G_APPLICATION (app), argc - 1, argv + 1);
}
