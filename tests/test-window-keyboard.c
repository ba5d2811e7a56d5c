/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A workshop recorded with the keyboard alone, from real key presses: the keys go through the X
 * server (XTEST) into the window that has the X input focus, as a user's keyboard would, so
 * what GTK does with them (focus moves, shortcuts, the window's handlers) is what a user gets.
 * Each step waits for its key to reach the window, then checks where the focus is and what
 * changed, as a user would see it. */
#define G_LOG_DOMAIN "test-window-keyboard"

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "gr-export-dialog.h"
#include "gr-participant-row.h"
#include "gr-session-file.h"
#include "gr-window-test.h"

/* Two participants; the first savoir-faire of Coopérer has no level and no note yet. */
static const char session_json[] =
  "{\"format\": \"grille-session\", \"version\": 1, \"grid\": \"engagement\","
  " \"title\": \"Atelier au clavier\", \"date\": \"2026-03-12\", \"language\": \"fr\","
  " \"participants\": [{\"name\": \"Service jeunesse\", \"scores\": {\"connecter.1\": 2}},"
  " {\"name\": \"Élus\", \"role\": \"Élu·e\", \"scores\": {\"cooperer.2\": 1}}]}";

#define NOTE_TEXT "Comite mensuel avec les associations"

static Display *xdisplay;
/* Key releases (modifiers aside) that reached the main window, counted before any of its
 * handlers sees them: once a key's release is in, the window has handled all the key did
 * (a button acts on the release). */
static guint releases_seen;

static void
on_key_released (GtkEventController *keys)
{
  GdkEvent *event = gtk_event_controller_get_current_event (keys);

  if (event == NULL || !gdk_key_event_is_modifier (event))
    releases_seen++;
}

static void
count_key_releases (GtkWidget *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-released", G_CALLBACK (on_key_released), NULL);
  gtk_widget_add_controller (window, keys);
}

/* Whether @keyval is on the shifted level of its key (capitals, punctuation). */
static gboolean
needs_shift (guint keyval)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);

  return XkbKeycodeToKeysym (xdisplay, code, 0, 0) != keyval &&
         XkbKeycodeToKeysym (xdisplay, code, 0, 1) == keyval;
}

/* Presses and releases the key of @keyval, with @modifier held (a modifier's keyval, or 0),
 * through the X server. Whether Shift is needed for @keyval itself is worked out from the
 * keyboard map. */
static void
send_key (guint keyval,
          guint modifier)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);
  KeyCode shift = XKeysymToKeycode (xdisplay, GDK_KEY_Shift_L);
  KeyCode held = modifier != 0 ? XKeysymToKeycode (xdisplay, modifier) : 0;
  gboolean shifted = needs_shift (keyval);

  g_assert_cmpuint (code, !=, 0);
  if (held != 0)
    XTestFakeKeyEvent (xdisplay, held, True, CurrentTime);
  if (shifted)
    XTestFakeKeyEvent (xdisplay, shift, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  if (shifted)
    XTestFakeKeyEvent (xdisplay, shift, False, CurrentTime);
  if (held != 0)
    XTestFakeKeyEvent (xdisplay, held, False, CurrentTime);
  XFlush (xdisplay);
}

/* A key for the main window: returns once the window has handled it. */
static void
press (guint keyval,
       guint modifier)
{
  guint before = releases_seen;

  send_key (keyval, modifier);
  WAIT_UNTIL (releases_seen > before);
}

static void
type_text (const char *text)
{
  for (const char *c = text; *c; c++)
    press (gdk_unicode_to_keyval ((guchar) *c), 0);
}

static GtkWidget *
focus_of (GrWindow *window)
{
  return gtk_window_get_focus (GTK_WINDOW (window));
}

/* Whether the focus is on @widget or a control inside it. */
static gboolean
focus_in (GrWindow  *window,
          GtkWidget *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static char *
describe_focus (GrWindow *window)
{
  GtkWidget *focus = focus_of (window);
  GString *where = g_string_new (NULL);

  for (GtkWidget *w = focus; w != NULL && !GR_IS_WINDOW (w); w = gtk_widget_get_parent (w))
    g_string_append_printf (where, "%s%s", where->len ? " in " : "",
                            gtk_widget_get_name (w));
  return g_string_free (where, FALSE);
}

/* Presses @keyval (with @modifier) until the focus is inside @target, at most @most times,
 * each key leaving the focus inside @within (the way there: no stop outside it). */
static void
press_until_focus_in (GrWindow  *window,
                      guint      keyval,
                      guint      modifier,
                      GtkWidget *target,
                      GtkWidget *within,
                      guint      most)
{
  guint presses = 0;

  while (!focus_in (window, target))
    {
      g_autofree char *where = NULL;

      g_assert_cmpuint (presses, <, most);
      press (keyval, modifier);
      presses++;
      where = describe_focus (window);
      g_test_message ("key %u: focus on %s", presses, where);
      if (!focus_in (window, target) && !focus_in (window, within))
        g_error ("the focus left the way at key %u: it is on %s", presses, where);
    }
}

static gboolean
is_drop_down (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget);
}

static gboolean
is_table (GtkWidget     *widget,
          gconstpointer  data)
{
  return gtk_widget_get_visible (widget) &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) ==
         GTK_ACCESSIBLE_ROLE_TABLE;
}

static GrParticipant *
first_participant (GrSession *session)
{
  return gr_session_get_participant (session, 0);
}

/* From start: the application opens the session file as from the command line, and the
 * window gets the keyboard. NULL when there is no X server to send keys through. */
static GrWindow *
open_window (const char *name)
{
  g_autoptr(GFile) file = write_session_file (name);
  GrWindow *window = NULL;

  g_application_open (G_APPLICATION (window_test_app ()), &file, 1, "");
  WAIT_UNTIL ((window = (GrWindow *) find_toplevel (GR_TYPE_WINDOW)) != NULL &&
              gtk_widget_get_mapped (GTK_WIDGET (window)));
  if (!GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window))))
    {
      g_test_skip ("real key events need an X server (XTEST): run under Xvfb");
      destroy_window (window);
      return NULL;
    }
  xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  count_key_releases (GTK_WIDGET (window));
  /* Xvfb has no window manager to give the new window the keyboard: the test does. */
  XSetInputFocus (xdisplay,
                  gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  WAIT_UNTIL (gtk_window_is_active (GTK_WINDOW (window)));
  /* The window opens with the focus on the participant chooser, at the top of the sidebar. */
  WAIT_UNTIL (focus_in (window, find_widget (GTK_WIDGET (window), is_drop_down, NULL)));
  return window;
}

static void
test_workshop (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GrSession) saved = NULL;
  g_autoptr(GError) error = NULL;
  GrWindow *window = NULL;
  GtkWindow *dialog = NULL;
  GtkWidget *stack, *table, *note;
  GrItemRow *row;
  GrParticipant *participant;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if ((window = open_window ("atelier.grille")) == NULL)
    return;
  file = g_object_ref (gr_window_get_file (window));

  participant = gr_window_get_participant (window);
  g_assert_cmpstr (gr_participant_get_name (participant), ==, "Service jeunesse");
  stack = gtk_widget_get_parent (GTK_WIDGET (gr_window_get_overview (window)));

  /* Tab: the sidebar, on the page shown (the overview); Down: Coopérer, whose page opens. */
  press (GDK_KEY_Tab, 0);
  g_assert_true (focus_of (window) ==
                 GTK_WIDGET (gr_window_get_sidebar_row (window, "overview")));
  press (GDK_KEY_Down, 0);
  g_assert_true (focus_of (window) ==
                 GTK_WIDGET (gr_window_get_sidebar_row (window, "cooperer")));
  g_assert_cmpstr (gr_window_get_page (window), ==, "cooperer");

  /* Enter: the focus goes to the page's first savoir-faire; 3 sets its level. */
  press (GDK_KEY_Return, 0);
  row = item_row (window, 0, 0);
  g_assert_true (focus_of (window) == GTK_WIDGET (row));
  g_assert_cmpint (gr_participant_get_level (participant, 0), ==, GR_LEVEL_NONE);
  press (GDK_KEY_3, 0);
  g_assert_cmpint (gr_participant_get_level (participant, 0), ==, 3);
  g_assert_true (gtk_toggle_button_get_active (gr_item_row_get_level_button (row, 3)));

  /* The level selector is one Tab stop, on the level chosen; Right and Left choose the next
   * and the previous level, as in any radio group. */
  press (GDK_KEY_Tab, 0);
  g_assert_true (focus_of (window) == GTK_WIDGET (gr_item_row_get_level_button (row, 3)));
  press (GDK_KEY_Right, 0);
  g_assert_cmpint (gr_participant_get_level (participant, 0), ==, 4);
  g_assert_true (focus_of (window) == GTK_WIDGET (gr_item_row_get_level_button (row, 4)));
  press (GDK_KEY_Left, 0);
  press (GDK_KEY_Left, 0);
  g_assert_cmpint (gr_participant_get_level (participant, 0), ==, 2);
  press (GDK_KEY_3, 0);
  g_assert_cmpint (gr_participant_get_level (participant, 0), ==, 3);
  g_assert_true (focus_of (window) == GTK_WIDGET (gr_item_row_get_level_button (row, 3)));

  /* Tab: the note. */
  note = GTK_WIDGET (gr_item_row_get_note_view (row));
  press (GDK_KEY_Tab, 0);
  g_assert_true (focus_of (window) == note);
  type_text (NOTE_TEXT);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (note)), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (text, ==, NOTE_TEXT);
  g_assert_cmpstr (gr_participant_get_note (participant, 0), ==, NOTE_TEXT);

  /* Back with Shift+Tab to the sidebar, through this page only; Up: the overview. */
  press_until_focus_in (window, GDK_KEY_Tab, GDK_KEY_Shift_L,
                        GTK_WIDGET (gr_window_get_sidebar_row (window, "cooperer")),
                        gtk_stack_get_visible_child (GTK_STACK (stack)), 12);
  press (GDK_KEY_Up, 0);
  g_assert_true (focus_of (window) ==
                 GTK_WIDGET (gr_window_get_sidebar_row (window, "overview")));
  g_assert_cmpstr (gr_window_get_page (window), ==, "overview");

  /* Tab into the overview, control by control, to the scores table. */
  table = find_widget (GTK_WIDGET (gr_window_get_overview (window)), is_table, NULL);
  g_assert_nonnull (table);
  press_until_focus_in (window, GDK_KEY_Tab, 0, table,
                        GTK_WIDGET (gr_window_get_overview (window)), 12);

  /* Ctrl+E opens the export dialog, which takes the keyboard; Escape closes it and the
   * focus is back on the table, in the window, which is active again. */
  send_key (GDK_KEY_e, GDK_KEY_Control_L);
  WAIT_UNTIL ((dialog = find_toplevel (GR_TYPE_EXPORT_DIALOG)) != NULL &&
              gtk_window_is_active (dialog));
  g_assert_nonnull (gtk_window_get_focus (dialog));
  g_assert_true (gtk_widget_get_root (gtk_window_get_focus (dialog)) == GTK_ROOT (dialog));
  send_key (GDK_KEY_Escape, 0);
  WAIT_UNTIL (find_toplevel (GR_TYPE_EXPORT_DIALOG) == NULL &&
              gtk_window_is_active (GTK_WINDOW (window)));
  g_assert_true (focus_in (window, table));

  /* Ctrl+S at once, without a click: the file holds the level and the note. */
  g_assert_true (gr_window_is_modified (window));
  send_key (GDK_KEY_s, GDK_KEY_Control_L);
  WAIT_UNTIL (!gr_window_is_modified (window));
  saved = gr_session_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gr_participant_get_level (first_participant (saved), 0), ==, 3);
  g_assert_cmpstr (gr_participant_get_note (first_participant (saved), 0), ==, NOTE_TEXT);
  g_assert_true (focus_in (window, table));

  /* The window closed under an open dialog (as when the application quits) goes quietly. */
  send_key (GDK_KEY_e, GDK_KEY_Control_L);
  WAIT_UNTIL ((dialog = find_toplevel (GR_TYPE_EXPORT_DIALOG)) != NULL &&
              gtk_window_is_active (dialog));
  settle ();
  destroy_window (window);
  g_assert_null (find_toplevel (GR_TYPE_EXPORT_DIALOG));
}

static gboolean
is_select_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "win.select-participant") == 0;
}

static const char *
focused_participant (GrWindow *window)
{
  GtkWidget *row = gtk_widget_get_ancestor (focus_of (window), GR_TYPE_PARTICIPANT_ROW);

  return row != NULL
    ? gr_participant_get_name (gr_participant_row_get_participant (GR_PARTICIPANT_ROW (row)))
    : NULL;
}

/* The participants page from the keyboard: a row is one Tab stop, the arrows reach every
 * control of a row (the role field does not stop them), « Saisir ses scores » goes to the
 * first savoir-faire, and names are added one after the other from the name field. */
static void
test_participants (void)
{
  GrWindow *window;
  GrSession *session;
  GtkWidget *row, *select;

  if ((window = open_window ("participants.grille")) == NULL)
    return;
  session = gr_window_get_session (window);

  press (GDK_KEY_Tab, 0);
  press_until_focus_in (window, GDK_KEY_Down, 0,
                        GTK_WIDGET (gr_window_get_sidebar_row (window, "participants")),
                        gtk_widget_get_parent (GTK_WIDGET (gr_window_get_sidebar_row (
                          window, "participants"))), 6);
  g_assert_cmpstr (gr_window_get_page (window), ==, "participants");
  press (GDK_KEY_Return, 0);
  g_assert_true (GR_IS_PARTICIPANT_ROW (focus_of (window)));
  g_assert_cmpstr (focused_participant (window), ==, "Service jeunesse");

  /* Down: the next participant; Right, control after control, to « Saisir ses scores ». */
  press (GDK_KEY_Down, 0);
  g_assert_cmpstr (focused_participant (window), ==, "Élus");
  row = gtk_widget_get_ancestor (focus_of (window), GR_TYPE_PARTICIPANT_ROW);
  select = find_widget (row, is_select_button, NULL);
  press_until_focus_in (window, GDK_KEY_Right, 0, select, row, 5);

  /* Enter: Élus is the one scored, on the first savoir-faire of the competency page last
   * shown (S’ouvrir: the arrows went through every page on their way down). */
  press (GDK_KEY_Return, 0);
  g_assert_cmpstr (gr_participant_get_name (gr_window_get_participant (window)), ==, "Élus");
  g_assert_cmpstr (gr_window_get_page (window), ==, "ouvrir");
  g_assert_true (focus_of (window) == GTK_WIDGET (item_row (window, 4, 0)));

  /* Back to the participants page: Shift+Tab to the sidebar, Down, Enter. */
  press_until_focus_in (window, GDK_KEY_Tab, GDK_KEY_Shift_L,
                        GTK_WIDGET (gr_window_get_sidebar_row (window, "ouvrir")),
                        GTK_WIDGET (gr_window_get_competency_page (window, 4)), 4);
  press (GDK_KEY_Down, 0);
  press (GDK_KEY_Return, 0);
  /* The list (a GtkListView) gives the focus back to the row it had last: Élus, the one
   * scored. */
  g_assert_cmpstr (focused_participant (window), ==, "Élus");

  /* Tab: the name field. Two names, each followed by Enter: the page stays, the field keeps
   * the focus for the next one. */
  press (GDK_KEY_Tab, 0);
  g_assert_true (GTK_IS_ENTRY (gtk_widget_get_ancestor (focus_of (window), GTK_TYPE_ENTRY)));
  type_text ("Equipe B");
  press (GDK_KEY_Return, 0);
  type_text ("Equipe C");
  press (GDK_KEY_Return, 0);
  g_assert_cmpuint (gr_session_get_n_participants (session), ==, 4);
  g_assert_cmpstr (gr_window_get_page (window), ==, "participants");
  g_assert_cmpstr (gr_participant_get_name (gr_window_get_participant (window)), ==,
                   "Equipe C");
  g_assert_true (GTK_IS_ENTRY (gtk_widget_get_ancestor (focus_of (window), GTK_TYPE_ENTRY)));
  g_assert_null (focused_participant (window));

  /* Shift+Tab: back in the list, on the current participant's row. */
  press (GDK_KEY_Tab, GDK_KEY_Shift_L);
  g_assert_true (GR_IS_PARTICIPANT_ROW (focus_of (window)));
  g_assert_cmpstr (focused_participant (window), ==, "Equipe C");

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("grille-test-keyboard-home-XXXXXX", NULL);
  int status;

  /* A fresh home, as on a first start: no settings, recent files or drafts of earlier runs. */
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const dirs[][2] = {
        { "XDG_CONFIG_HOME", ".config" },
        { "XDG_CACHE_HOME", ".cache" },
        { "XDG_STATE_HOME", ".local/state" },
      };
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      g_setenv (dirs[i][0], dir, TRUE);
    }
  window_test_init (&argc, &argv, "grille-test-keyboard-XXXXXX", session_json);

  g_test_add_func ("/keyboard/workshop", test_workshop);
  g_test_add_func ("/keyboard/participants", test_participants);
  status = g_test_run ();
  window_test_shutdown ();
  return status;
}
