/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a large session, as a user meets it (run by bench/large-window; never installed):
 *
 *   window-open FILE    Grille exactly as main.c starts it, opening FILE; at the window's first
 *       frame it clicks in the window through the X server (XTest), as someone would who sees
 *       the window, and prints, as real times in microseconds:
 *         title T        the first frame: the window shows, with its title
 *         input T        the end of the first frame drawn after the click was handled
 *         stall MS CPU   the longest the main loop then went without turning, in the 3 s
 *                        after the click was answered (work left for later, in slices or not),
 *                        and the main thread's CPU time in that gap (less: it was not running)
 *         group MS       then the group's chart chosen (win.chart-view): to the end of its frame
 *         level MS       then a level of the first participant changed (the overview's chart
 *                        and table follow): to the end of its frame
 *         participants MS  then the participants page shown: to the end of its frame
 *       then exits. The caller subtracts the time it started the process.
 *
 * The click goes through the X server and GDK's event queue like a real one, so that it waits
 * for whatever the main thread is doing; a capture-phase gesture on the window sees it before
 * any widget does. */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "gr-application.h"
#include "gr-translator.h"
#include "gr-window.h"

#define STALL_WINDOW_US (3 * G_USEC_PER_SEC)
#define TICK_MS         5

typedef enum { STEP_OPEN, STEP_GROUP, STEP_LEVEL, STEP_PARTICIPANTS, STEP_DONE } Step;

typedef struct
{
  GtkWidget *window;
  Step       step;
  gint64     step_start;
  gboolean   clicked;     /* the click was handled: the next frame answers it */
  gboolean   answered;
  gint64     answered_at;
  gint64     last_tick;
  gint64     last_tick_cpu;
  gint64     worst_stall;
  gint64     worst_stall_cpu;
} Open;

static void
click_in_window (GtkWidget *window)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *xdisplay;
  Window child;
  int x, y;

  if (!GDK_IS_X11_DISPLAY (display))
    g_error ("window-open needs an X server (run it through bench/large-window)");
  xdisplay = gdk_x11_display_get_xdisplay (display);
  XTranslateCoordinates (xdisplay,
                         gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                         DefaultRootWindow (xdisplay),
                         gtk_widget_get_width (window) / 2, gtk_widget_get_height (window) / 2,
                         &x, &y, &child);
  XTestFakeMotionEvent (xdisplay, -1, x, y, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick (gpointer user_data)
{
  Open *o = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (o->answered && now - o->last_tick - TICK_MS * 1000 > o->worst_stall)
    {
      o->worst_stall = now - o->last_tick - TICK_MS * 1000;
      o->worst_stall_cpu = cpu - o->last_tick_cpu;
    }
  o->last_tick = now;
  o->last_tick_cpu = cpu;
  if (o->answered && now - o->answered_at > STALL_WINDOW_US)
    {
      printf ("stall %.1f %.1f\n", o->worst_stall / 1000.0, o->worst_stall_cpu / 1000.0);
      fflush (stdout);
      /* One change at a time, each timed to the end of the frame that shows it. */
      o->step = STEP_GROUP;
      o->step_start = g_get_monotonic_time ();
      gtk_widget_activate_action (o->window, "win.chart-view", "s", "group");
      gtk_widget_queue_draw (o->window);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
step_painted (Open *o)
{
  static const char *names[] = { NULL, "group", "level", "participants" };
  GrSession *session = gr_window_get_session (GR_WINDOW (o->window));
  GrParticipant *first = gr_session_get_participant (session, 0);

  printf ("%s %.1f\n", names[o->step], (g_get_monotonic_time () - o->step_start) / 1000.0);
  fflush (stdout);
  if (++o->step == STEP_DONE)
    _exit (0);
  o->step_start = g_get_monotonic_time ();
  if (o->step == STEP_LEVEL)
    gr_participant_set_level (first, 1, (gr_participant_get_level (first, 1) + 2) % 5);
  else
    gr_window_show_page (GR_WINDOW (o->window), "participants");
  gtk_widget_queue_draw (o->window);
}

static void
on_after_paint (GdkFrameClock *clock,
                Open          *o)
{
  if (o->step != STEP_OPEN)
    {
      step_painted (o);
      return;
    }
  if (o->answered)
    return;
  if (!o->clicked && o->last_tick == 0)
    {
      printf ("title %" G_GINT64_FORMAT "\n", g_get_real_time ());
      fflush (stdout);
      o->last_tick = g_get_monotonic_time ();
      g_timeout_add (TICK_MS, tick, o);
      click_in_window (o->window);
      return;
    }
  if (o->clicked)
    {
      printf ("input %" G_GINT64_FORMAT "\n", g_get_real_time ());
      fflush (stdout);
      o->answered = TRUE;
      o->answered_at = o->last_tick = g_get_monotonic_time ();
    }
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            Open            *o)
{
  o->clicked = TRUE;
  gtk_widget_queue_draw (o->window);
}

static void
on_realize (GtkWidget *window,
            Open      *o)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), o);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Open           *o)
{
  GtkGesture *click = gtk_gesture_click_new ();

  if (o->window != NULL)
    return;
  o->window = GTK_WIDGET (window);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), o);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), o);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  Open o = { 0 };

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }

  /* As main.c does. */
  gr_i18n_init (NULL);
  gtk_disable_setlocale ();
  app = GTK_APPLICATION (gr_application_new ());
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &o);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
