/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files read and written off the main thread: exports laid out, drawn and written in a thread
 * on a snapshot of the session (the same bytes as before, the window going on meanwhile, a
 * window closed during an export); saves written in a thread (typing goes on, the window stays
 * modified for what was typed meanwhile, a failed save keeps the file, a close waits); files
 * compared and imported read, and the files prepared per participant written, in a thread;
 * and their errors. */
#define G_LOG_DOMAIN "test-window-io"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "gr-application.h"
#include "gr-chart-export.h"
#include "gr-csv.h"
#include "gr-export-dialog.h"
#include "gr-item-row.h"
#include "gr-report.h"
#include "gr-session-file.h"
#include "gr-window.h"
#include "gr-window-test.h"

static const char session_json[] =
  "{ \"format\": \"grille-session\", \"version\": 2, \"grid\": \"engagement\",\n"
  "  \"title\": \"Atelier\", \"date\": \"2026-03-12\", \"language\": \"fr\",\n"
  "  \"participants\": [ { \"name\": \"Service jeunesse\" }, { \"name\": \"Élus\" },\n"
  "                     { \"name\": \"Centre social\" } ] }\n";

/* A window on a copy of tests/data/atelier-v2.grille (participants, roles, notes, actions). */
static GrWindow *
open_example (void)
{
  GrWindow *window = open_test_copy ("atelier-v2.grille", "io.grille");

  settle ();
  return window;
}

static GFile *
tmp_file (const char *name)
{
  g_autofree char *path = g_build_filename (window_test_tmp_dir (), name, NULL);

  return g_file_new_for_path (path);
}

/* What the export wrote before exports went to a thread: the core's bytes for the live
 * session with the dialog's defaults (1200 × 1200, the title, A4, the interface's language). */
static GBytes *
expected_bytes (GrSession    *session,
                GrExportKind  kind)
{
  GrTranslator *translator = gr_translator_get (NULL);
  GrChartExportOptions options;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (kind == GR_EXPORT_CSV || kind == GR_EXPORT_CSV_LONG)
    return gr_csv_write (session, kind == GR_EXPORT_CSV ? GR_CSV_TABLE_SCORES : GR_CSV_TABLE_LONG,
                         translator);
  if (kind == GR_EXPORT_REPORT)
    {
      g_autoptr(GrReport) report = NULL;
      GrReportOptions report_options;

      gr_report_options_init (&report_options);
      report_options.translator = translator;
      report_options.paper = GR_PAPER_A4;
      report = gr_report_new (session, &report_options, &error);
      g_assert_no_error (error);
      bytes = gr_report_to_pdf (report, &error);
      g_assert_no_error (error);
      return bytes;
    }

  gr_chart_export_options_init (&options);
  options.width = options.height = 1200;
  options.translator = translator;
  options.show_title = TRUE;
  options.on_paper = kind == GR_EXPORT_PDF;
  options.paper = GR_PAPER_A4;
  bytes = gr_chart_export_to_bytes (session, (GrChartFormat) kind, &options, &error);
  g_assert_no_error (error);
  return bytes;
}

/* A copy of a PDF with its dates (the moment it was made) blanked out. */
static GBytes *
without_dates (GBytes *bytes)
{
  static const char *keys[] = { "/CreationDate (", "/ModDate (" };
  gsize size;
  guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &size);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    for (gsize i = 0, n = strlen (keys[k]); i + n <= size; i++)
      if (memcmp (data + i, keys[k], n) == 0)
        for (i += n; i < size && data[i] != ')'; i++)
          data[i] = '-';
  return g_bytes_new_take (data, size);
}

static void
assert_same_export (GBytes       *expected,
                    GBytes       *written,
                    GrExportKind  kind)
{
  if (kind == GR_EXPORT_PDF || kind == GR_EXPORT_REPORT)
    {
      g_autoptr(GBytes) a = without_dates (expected);
      g_autoptr(GBytes) b = without_dates (written);

      g_assert_true (g_bytes_equal (a, b));
    }
  else
    g_assert_true (g_bytes_equal (expected, written));
}

/* Answers the confirmation "« NAME » a été enregistré dans FOLDER" and returns its text. */
static char *
close_confirmation (GrWindow *window)
{
  GtkMessageDialog *message;
  char *text = NULL;

  WAIT_UNTIL ((message = find_dialog (GTK_WINDOW (window))) != NULL);
  g_object_get (message, "text", &text, NULL);
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  WAIT_UNTIL (find_dialog (GTK_WINDOW (window)) == NULL);
  return text;
}

/* Each kind of export, written in a thread, is byte for byte what was written before on the
 * main thread (a PDF's creation date aside). */
static void
test_export_same_bytes (void)
{
  static const struct { GrExportKind kind; const char *name; } kinds[] = {
    { GR_EXPORT_PNG, "chart.png" },
    { GR_EXPORT_SVG, "chart.svg" },
    { GR_EXPORT_PDF, "chart.pdf" },
    { GR_EXPORT_CSV, "scores.csv" },
    { GR_EXPORT_CSV_LONG, "long.csv" },
    { GR_EXPORT_REPORT, "report.pdf" },
  };
  GrWindow *window = open_example ();
  GrSession *session = gr_window_get_session (window);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GFile) file = tmp_file (kinds[i].name);
      g_autoptr(GBytes) expected = expected_bytes (session, kinds[i].kind);
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *folder = g_path_get_basename (window_test_tmp_dir ());
      g_autofree char *wanted = g_strdup_printf ("«\u202F%s\u202F» a été enregistré dans %s",
                                                 kinds[i].name, folder);

      start_export (window, kinds[i].kind, file);
      text = close_confirmation (window);
      g_assert_cmpstr (text, ==, wanted);
      g_assert_null (find_toplevel (GR_TYPE_EXPORT_DIALOG));

      written = g_file_load_bytes (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", kinds[i].name, g_bytes_get_size (written));
      assert_same_export (expected, written, kinds[i].kind);
      g_file_delete (file, NULL, NULL);
    }

  destroy_window (window);
}

typedef struct
{
  GtkTextBuffer *buffer;
  guint          typed;
} Typing;

/* A keystroke in the note at each turn of the main loop. */
static gboolean
type_one (gpointer user_data)
{
  Typing *typing = user_data;

  gtk_text_buffer_insert_at_cursor (typing->buffer, "x", 1);
  typing->typed++;
  return G_SOURCE_CONTINUE;
}

/* The note of Coopérer's first practice, shown, where the tests type. */
static GtkTextBuffer *
note_buffer (GrWindow *window)
{
  GrItemRow *row;

  gr_window_show_page (window, "cooperer");
  settle ();
  row = gr_competency_page_get_row (gr_window_get_competency_page (window, 0), 0);
  return gtk_text_view_get_buffer (gr_item_row_get_note_view (row));
}

/* What that note holds for the participant shown, in @session (the window's, or one read). */
static const char *
note_in (GrWindow  *window,
         GrSession *session)
{
  GrItemRow *row = gr_competency_page_get_row (gr_window_get_competency_page (window, 0), 0);
  const char *name = gr_participant_get_name (gr_window_get_participant (window));

  return gr_participant_get_note (gr_session_find_participant (session, name, NULL),
                                  gr_item_get_index (gr_item_row_get_item (row)));
}

/* Fifty participants with every level set and notes of 2,000 characters: a report of about
 * ninety pages, long enough to lay out that the window is used meanwhile. */
static void
fill_large (GrSession *session)
{
  GrGrid *grid = gr_session_get_grid (session);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  while (note->len < 2000)
    g_string_append (note, "Le service observe que la pratique progresse, mais reste inégale. ");
  for (guint p = 0; p < 50; p++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %u", p + 1);
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, name);

      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        gr_participant_set_level (participant, i, (p + i) % 5);
      for (guint k = 0; k < 4; k++)
        gr_participant_set_note (participant, (p + k * 5) % gr_grid_get_n_items (grid), note->str);
      g_assert_true (gr_session_add_participant (session, participant, &error));
      g_assert_no_error (error);
    }
}

/* Exports @kind to @file and types in a note of @window until the confirmation comes.
 * Returns: how many keystrokes went in meanwhile. */
static guint
export_while_typing (GrWindow     *window,
                     GrExportKind  kind,
                     GFile        *file)
{
  Typing typing = { 0 };
  guint source;

  typing.buffer = note_buffer (window);

  start_export (window, kind, file);
  /* The dialog closes at once: it is modal, and would hold the window's input. */
  g_assert_null (find_toplevel (GR_TYPE_EXPORT_DIALOG));

  source = g_idle_add (type_one, &typing);
  WAIT_UNTIL (find_dialog (GTK_WINDOW (window)) != NULL);
  g_source_remove (source);
  g_free (close_confirmation (window));
  return typing.typed;
}

/* While a report of ninety pages is laid out, drawn and written, the window goes on: a note is
 * typed into. And an export holds the session as it was when it was asked for, not what was
 * typed meanwhile. */
static void
test_export_window_goes_on (void)
{
  GrWindow *window = open_example ();
  g_autoptr(GFile) report = tmp_file ("report-while-typing.pdf");
  g_autoptr(GFile) csv = tmp_file ("long-while-typing.csv");
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  guint typed;

  fill_large (gr_window_get_session (window));
  typed = export_while_typing (window, GR_EXPORT_REPORT, report);
  g_test_message ("%u keystrokes went in while the report was made", typed);
  g_assert_cmpuint (typed, >, 0);
  g_assert_true (g_file_query_exists (report, NULL));

  expected = expected_bytes (gr_window_get_session (window), GR_EXPORT_CSV_LONG);
  typed = export_while_typing (window, GR_EXPORT_CSV_LONG, csv);
  g_test_message ("%u keystrokes went in while the long table was written", typed);
  written = g_file_load_bytes (csv, NULL, NULL, NULL);
  g_assert_nonnull (written);
  g_assert_true (g_bytes_equal (expected, written));

  g_file_delete (report, NULL, NULL);
  g_file_delete (csv, NULL, NULL);
  destroy_window (window);
}

/* A window closed while its export runs: the export finishes (or not) with nobody to tell,
 * and nothing is touched that went with the window (the ASan build checks). */
static void
test_export_window_closed (void)
{
  GrWindow *window = open_example ();
  g_autoptr(GFile) file = tmp_file ("report-closed.pdf");
  g_autofree char *path = g_file_get_path (file);

  start_export (window, GR_EXPORT_REPORT, file);
  destroy_window (window);

  g_assert_null (find_toplevel (GR_TYPE_EXPORT_DIALOG));

  WAIT_UNTIL (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  settle ();
  g_assert_null (find_dialog (NULL));
  g_unlink (path);
}

/* @n participants more, with a note of a thousand characters on every practice. */
static void
fill_notes (GrSession *session,
            guint      n)
{
  GrGrid *grid = gr_session_get_grid (session);
  g_autofree char *note = g_strnfill (1000, 'n');

  for (guint p = 0; p < n; p++)
    {
      g_autofree char *name = g_strdup_printf ("Annoté %u", p + 1);
      g_autoptr(GrParticipant) participant = gr_participant_new (grid, name);

      for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
        gr_participant_set_note (participant, i, note);
      g_assert_true (gr_session_add_participant (session, participant, NULL));
    }
}

/* In a group beyond a dozen, the participants' lines ticked on the window's chart are the ones
 * the export draws: their names went to the export's thread as the dialog's, and the dialog
 * goes (and frees what it holds) as soon as the thread starts, long before the thread has
 * read its copy of a session of several megabytes. */
static void
test_export_shown_participants (void)
{
  GrWindow *window = open_example ();
  GrSession *session = gr_window_get_session (window);
  g_autoptr(GFile) file = tmp_file ("shown.svg");
  const char *shown[] = { "Participant 7", "Participant 31", NULL };
  GrChartVisibility visibility = { .shown_participants = shown };
  GrChartExportOptions options;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_text = NULL;
  GrExportDialog *dialog;

  fill_large (session);
  fill_notes (session, 400);
  gr_chart_export_options_init (&options);
  options.width = options.height = 1200;
  options.translator = gr_translator_get (NULL);
  options.show_title = TRUE;
  options.visibility = visibility;
  expected = gr_chart_export_to_bytes (session, GR_CHART_FORMAT_SVG, &options, &error);
  g_assert_no_error (error);
  expected_text = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_nonnull (strstr (expected_text, "Participant 31"));

  dialog = gr_export_dialog_new (GTK_WINDOW (window), session, NULL, gr_window_get_file (window));
  gr_export_dialog_set_kind (dialog, GR_EXPORT_SVG);
  gr_export_dialog_set_series (dialog, &visibility, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gr_export_dialog_export_to (dialog, file);
  g_free (close_confirmation (window));

  written = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (expected, written));

  g_file_delete (file, NULL, NULL);
  destroy_window (window);
}

/* An export that cannot be written says so over the window, naming the file. */
static void
test_export_error (void)
{
  GrWindow *window = open_example ();
  g_autofree char *path = g_build_filename (window_test_tmp_dir (), "no-such-folder", "chart.svg",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  GtkMessageDialog *message;

  start_export (window, GR_EXPORT_SVG, file);
  WAIT_UNTIL ((message = find_dialog (GTK_WINDOW (window))) != NULL);
  g_object_get (message, "text", &text, NULL);
  g_assert_true (g_str_has_prefix (text, "Impossible d’exporter vers "));
  g_assert_nonnull (strstr (text, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  WAIT_UNTIL (find_dialog (GTK_WINDOW (window)) == NULL);

  destroy_window (window);
}

/* What a window opening a file showed when it appeared. */
typedef struct
{
  gboolean shown;
  gboolean file_at_show;       /* the file's session */
  gboolean editable_at_show;   /* pages that take what is typed */
} Shown;

static void
on_window_shown (GtkWidget *widget,
                 Shown     *shown)
{
  GrWindow *window = GR_WINDOW (widget);

  shown->shown = TRUE;
  shown->file_at_show = gr_window_get_file (window) != NULL;
  shown->editable_at_show = gtk_widget_is_sensitive (GTK_WIDGET (gr_window_get_overview (window)));
}

/* Opens @file as from the command line; @shown records what its window showed when it
 * appeared. */
static GrWindow *
open_at_start (GFile *file,
               Shown *shown)
{
  GrWindow *window;

  g_application_open (G_APPLICATION (window_test_app ()), &file, 1, "");
  /* Nothing of the file was read on this thread yet: the main loop has not turned. */
  window = newest_window ();
  g_assert_nonnull (window);
  g_signal_connect (window, "show", G_CALLBACK (on_window_shown), shown);
  return window;
}

/* The window shows @file's session (three participants), ready to be typed into: its pages take
 * input and hold the focus, not the header bar. */
static void
assert_ready_to_type (GrWindow *window,
                      GFile    *file)
{
  GtkWidget *focus;

  WAIT_UNTIL (gr_window_get_file (window) != NULL);
  g_assert_true (g_file_equal (gr_window_get_file (window), file));
  g_assert_cmpuint (gr_session_get_n_participants (gr_window_get_session (window)), ==, 3);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (gr_window_get_overview (window))));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, gtk_window_get_titlebar (GTK_WINDOW (window))));
}

/* The window of a file opened from the command line (or the desktop) is made at once, with the
 * file's name, and shows when the file is read and parsed (in a thread): as a rule before it
 * could have drawn its first frame, so that it shows the session from that frame on. It never
 * shows the empty session ready to be typed into (what is typed would be lost). */
static void
test_open_at_once (void)
{
  g_autoptr(GFile) file = write_session_file ("at-once.grille");
  Shown shown = { FALSE };
  GrWindow *window = open_at_start (file, &shown);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "at-once.grille – Grille");
  g_assert_null (gr_window_get_file (window));
  g_assert_false (gr_window_is_pristine (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  WAIT_UNTIL (shown.shown);
  g_assert_cmpint (shown.file_at_show, ==, shown.editable_at_show);
  g_test_message ("the window showed %s", shown.file_at_show ? "its session" :
                  "before its file was read, greyed out");
  assert_ready_to_type (window, file);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "at-once.grille – Grille");
  g_assert_false (gr_window_is_modified (window));
  destroy_window (window);
}

/* A file read slower than the window waits for it (a network share, a busy disk, a large
 * session): the window shows anyway, its pages greyed out, and they take the session and the
 * focus once the file is read. Here a file larger than those read while the window is made
 * (its session padded with spaces) is read once the window is made; this thread sleeps past
 * the wait meanwhile. The wait, counted from before the reading began, is over first (when
 * the main loop turns again, it is handled first). */
static void
test_open_slow_file (void)
{
  g_autofree char *path = g_build_filename (window_test_tmp_dir (), "slow.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) padded = g_string_new (session_json);
  g_autofree char *spaces = g_strnfill (256 * 1024, ' ');
  Shown shown = { FALSE };
  GrWindow *window;

  g_string_insert (padded, strrchr (padded->str, '}') - padded->str, spaces);
  g_assert_true (g_file_set_contents (path, padded->str, padded->len, NULL));
  window = open_at_start (file, &shown);

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  WAIT_UNTIL (shown.shown);
  g_assert_false (shown.file_at_show);
  g_assert_false (shown.editable_at_show);
  assert_ready_to_type (window, file);
  destroy_window (window);
}

/* A file that cannot be read: the window that appeared for it says why, naming the file. */
static void
test_open_error (void)
{
  g_autofree char *path = g_build_filename (window_test_tmp_dir (), "broken.grille", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  GtkMessageDialog *message;
  GrWindow *window;

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"grille-session\"", -1, NULL));
  g_application_open (G_APPLICATION (window_test_app ()), &file, 1, "");
  window = newest_window ();
  g_assert_nonnull (window);
  WAIT_UNTIL ((message = find_dialog (GTK_WINDOW (window))) != NULL);
  g_object_get (message, "text", &text, NULL);
  g_assert_true (g_str_has_prefix (text, "Impossible d’ouvrir "));
  g_assert_nonnull (strstr (text, path));
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  WAIT_UNTIL (find_dialog (GTK_WINDOW (window)) == NULL);
  g_assert_null (gr_window_get_file (window));
  g_assert_true (gr_window_is_pristine (window));
  destroy_window (window);
  g_unlink (path);
}

/* Answers the message over @window and returns its title and text. */
static char *
close_error (GrWindow *window)
{
  GtkMessageDialog *message;
  g_autofree char *text = NULL;
  g_autofree char *secondary = NULL;

  WAIT_UNTIL ((message = find_dialog (GTK_WINDOW (window))) != NULL);
  g_object_get (message, "text", &text, "secondary-text", &secondary, NULL);
  /* Another may be open behind it (one summary for each try of type_while_busy()). */
  g_object_ref (message);
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (message)));
  g_object_unref (message);
  return g_strdup_printf ("%s\n%s", text, secondary);
}

typedef void (*StartFunc) (GrWindow *window,
                           gpointer  data);

/* Starts @start (a save, files read), which leaves a thread running for @window, and types in a
 * note at each turn of the main loop until it is done. Tried again, up to five times, should
 * the thread end before the main loop first turns (a loaded machine).
 * Returns: how many keystrokes went in meanwhile, on the last try. */
static guint
type_while_busy (GrWindow  *window,
                 StartFunc  start,
                 gpointer   data)
{
  Typing typing = { note_buffer (window), 0 };

  for (guint tries = 0; tries < 5 && typing.typed == 0; tries++)
    {
      guint source;

      start (window, data);
      /* Nothing of it happened on this thread yet: the main loop has not turned. */
      g_assert_true (gr_window_is_busy (window));
      /* At the priority of input events, as keystrokes come. */
      source = g_idle_add_full (G_PRIORITY_DEFAULT, type_one, &typing, NULL);
      wait_for_files (window);
      g_source_remove (source);
    }
  return typing.typed;
}

static void
save (GrWindow *window,
      gpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
}

static gboolean
title_says_modified (GrWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "*");
}

/* A save is written in a thread while the user types on. What was typed meanwhile is not in the
 * file, and the window says it is modified; saved again, all is in the file. */
static void
test_save_while_typing (void)
{
  GrWindow *window = open_example ();
  GFile *file = gr_window_get_file (window);
  g_autoptr(GrSession) saved = NULL;
  g_autofree char *snapshot = NULL;
  guint typed;

  fill_large (gr_window_get_session (window));
  typed = type_while_busy (window, save, NULL);
  g_test_message ("%u keystrokes went in while the session was written", typed);
  g_assert_cmpuint (typed, >, 0);
  g_assert_true (gr_window_is_modified (window));
  g_assert_true (title_says_modified (window));

  saved = gr_session_load (file, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpuint (gr_session_get_n_participants (saved), ==,
                    gr_session_get_n_participants (gr_window_get_session (window)));
  snapshot = g_strdup (note_in (window, saved));
  g_assert_cmpuint (strlen (note_in (window, gr_window_get_session (window))), ==,
                    strlen (snapshot) + typed);

  g_clear_object (&saved);
  save (window, NULL);
  wait_for_files (window);
  g_assert_false (gr_window_is_modified (window));
  g_assert_false (title_says_modified (window));
  saved = gr_session_load (file, NULL);
  g_assert_cmpstr (note_in (window, saved), ==, note_in (window, gr_window_get_session (window)));

  destroy_window (window);
}

/* Ctrl+S again while a save runs: the second comes after the first, never two writes at once,
 * and the file ends with everything typed. No temporary file is left beside it. */
static void
test_save_twice (void)
{
  GrWindow *window = open_example ();
  GtkTextBuffer *buffer = note_buffer (window);
  g_autofree char *path = g_file_get_path (gr_window_get_file (window));
  g_autoptr(GrSession) saved = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_text_buffer_insert_at_cursor (buffer, "a", 1);
  save (window, NULL);
  gtk_text_buffer_insert_at_cursor (buffer, "b", 1);
  save (window, NULL);
  g_assert_true (gr_window_is_busy (window));
  wait_for_files (window);
  g_assert_false (gr_window_is_modified (window));
  saved = gr_session_load (gr_window_get_file (window), NULL);
  g_assert_true (g_str_has_suffix (note_in (window, saved), "ab"));

  dir = g_dir_open (window_test_tmp_dir (), 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, ".io.grille."));

  destroy_window (window);
}

/* A file the user may not write, in a folder the user may not write to (root writes in any
 * folder: the file's own protection refuses it anyway). */
static GrWindow *
open_locked (char **path)
{
  g_autofree char *folder = g_build_filename (window_test_tmp_dir (), "locked", NULL);
  g_autoptr(GFile) file = NULL;
  GrWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  *path = g_build_filename (folder, "locked.grille", NULL);
  g_assert_true (g_file_set_contents (*path, session_json, -1, NULL));
  g_assert_cmpint (g_chmod (*path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  file = g_file_new_for_path (*path);
  window = new_window (1100, 800);
  g_assert_true (gr_window_open_file (window, file));
  click_level (window, 0, 0, 3);
  g_assert_true (gr_window_is_modified (window));
  return window;
}

static void
unlock (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

/* Answers the error that says why @path was not saved, naming it. */
static void
close_save_error (GrWindow   *window,
                  const char *path)
{
  g_autofree char *wanted = g_strdup_printf ("Impossible d’enregistrer «\u202f%s\u202f»", path);
  g_autofree char *text = NULL;
  GtkMessageDialog *message;

  WAIT_UNTIL ((message = find_dialog (GTK_WINDOW (window))) != NULL);
  g_object_get (message, "text", &text, NULL);
  g_assert_cmpstr (text, ==, wanted);
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  WAIT_UNTIL (find_dialog (GTK_WINDOW (window)) == NULL);
}

/* A save that fails leaves the previous file byte for byte, says why naming the file, and the
 * window keeps its changes as unsaved. */
static void
test_save_error (void)
{
  g_autofree char *path = NULL;
  GrWindow *window = open_locked (&path);

  save (window, NULL);
  close_save_error (window, path);
  wait_for_files (window);
  g_assert_true (gr_window_is_modified (window));
  g_assert_true (title_says_modified (window));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, session_json);
  }

  unlock (path);
  destroy_window (window);
}

/* Closed during a save (Ctrl+W just after Ctrl+S): nothing is asked, the window goes once the
 * file is written. */
static void
test_save_then_close (void)
{
  GrWindow *window = open_example ();
  GFile *file = g_object_ref (gr_window_get_file (window));
  g_autoptr(GrSession) saved = NULL;

  click_level (window, 0, 0, 4);
  save (window, NULL);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (window_is_open (window));
  settle ();
  WAIT_UNTIL (!window_is_open (window));
  g_assert_null (find_dialog (NULL));

  saved = gr_session_load (file, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (saved, 0), 0), ==, 4);
  g_object_unref (file);
}

/* Quit with unsaved work, "Enregistrer": the window goes once the file is written, with the
 * change in it. */
static void
test_quit_saves (void)
{
  GrWindow *window = open_example ();
  g_autoptr(GFile) file = g_object_ref (gr_window_get_file (window));
  g_autoptr(GrSession) saved = NULL;
  GtkMessageDialog *question;

  click_level (window, 0, 0, 2);
  g_action_group_activate_action (G_ACTION_GROUP (window_test_app ()), "quit", NULL);
  WAIT_UNTIL ((question = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  WAIT_UNTIL (!window_is_open (window));
  g_assert_null (find_dialog (NULL));

  saved = gr_session_load (file, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (gr_participant_get_level (gr_session_get_participant (saved, 0), 0), ==, 2);
}

/* Whether the window's own file changed elsewhere is asked of the disk in the save's thread:
 * changed since it was opened, the file is not written and the user is asked; « Annuler »
 * keeps the window, with its changes, and the other version on disk. */
static void
test_close_changed_elsewhere (void)
{
  GrWindow *window = open_example ();
  g_autofree char *path = g_file_get_path (gr_window_get_file (window));
  g_autofree char *text = NULL;
  g_autofree char *on_disk = NULL;
  GtkMessageDialog *question;

  click_level (window, 0, 0, 1);
  g_assert_true (g_file_set_contents (path, session_json, -1, NULL));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  WAIT_UNTIL ((question = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  text = close_error (window);
  g_assert_true (g_str_has_prefix (text, "Le fichier a été modifié par ailleurs\n"));
  settle ();
  g_assert_true (window_is_open (window));
  g_assert_true (gr_window_is_modified (window));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, session_json);

  destroy_window (window);
}

/* "Enregistrer" in the close question, then in the quit's, when the save fails: the window
 * stays with its changes, says why, and the quit stops; quitting again asks again. */
static void
test_close_save_fails (void)
{
  g_autofree char *path = NULL;
  GrWindow *window = open_locked (&path);
  GtkMessageDialog *question;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  WAIT_UNTIL ((question = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  close_save_error (window, path);
  g_assert_true (window_is_open (window));
  g_assert_true (gr_window_is_modified (window));

  g_action_group_activate_action (G_ACTION_GROUP (window_test_app ()), "quit", NULL);
  WAIT_UNTIL ((question = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  close_save_error (window, path);
  settle ();
  g_assert_true (window_is_open (window));
  g_assert_true (gr_window_is_modified (window));

  g_action_group_activate_action (G_ACTION_GROUP (window_test_app ()), "quit", NULL);
  WAIT_UNTIL ((question = find_dialog (GTK_WINDOW (window))) != NULL);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_REJECT);
  WAIT_UNTIL (!window_is_open (window));
  unlock (path);
}

/* A session of fifty participants with long notes, written as @name, dated @date. */
static GFile *
write_large (const char *name,
             const char *date)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "atelier-v2.grille", NULL);
  g_autoptr(GFile) file = tmp_file (name);
  g_autoptr(GFile) from = g_file_new_for_path (source);
  g_autoptr(GrSession) session = gr_session_load (from, NULL);

  g_assert_nonnull (session);
  fill_large (session);
  gr_session_set_date (session, date);
  g_assert_true (gr_session_save (session, file, NULL));
  return g_steal_pointer (&file);
}

static void
compare (GrWindow *window,
         gpointer  files)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-clear", NULL);
  gr_window_compare_with_files (window, files);
}

/* Earlier sessions are read in a thread while the user types; then they are on the charts. */
static void
test_compare_while_typing (void)
{
  GrWindow *window = open_example ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint typed;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("earlier-%u.grille", i);
      g_autofree char *date = g_strdup_printf ("202%u-03-10", i);

      g_ptr_array_add (files, write_large (name, date));
    }
  typed = type_while_busy (window, compare, files);
  g_test_message ("%u keystrokes went in while four sessions were read", typed);
  g_assert_cmpuint (typed, >, 0);
  g_assert_cmpuint (gr_window_get_references (window)->len, ==, 4);
  g_assert_cmpstr (gr_session_get_date (gr_window_get_reference (window)), ==, "2020-03-10");
  g_assert_null (find_dialog (NULL));

  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
  destroy_window (window);
}

/* A session file cut short, as @name. */
static GFile *
write_broken (const char *name)
{
  GFile *file = tmp_file (name);
  g_autofree char *path = g_file_get_path (file);

  g_assert_true (g_file_set_contents (path, "{ \"format\": \"grille-session\"", -1, NULL));
  return file;
}

/* A broken file among those chosen: the ones before it are compared, it is refused naming it,
 * and the ones after are left out. */
static void
test_compare_error (void)
{
  GrWindow *window = open_example ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) good = write_session_file ("earlier-good.grille");
  g_autoptr(GFile) broken = write_broken ("earlier-broken.grille");
  g_autofree char *path = g_file_get_path (broken);
  g_autofree char *text = NULL;

  g_ptr_array_add (files, g_object_ref (good));
  g_ptr_array_add (files, g_object_ref (broken));
  g_ptr_array_add (files, g_object_ref (good));
  gr_window_compare_with_files (window, files);
  text = close_error (window);
  g_assert_true (g_str_has_prefix (text, "Impossible de comparer avec "));
  g_assert_nonnull (strstr (text, path));
  g_assert_nonnull (strstr (text, "tronqué"));
  wait_for_files (window);
  g_assert_cmpuint (gr_window_get_references (window)->len, ==, 1);

  destroy_window (window);
}

static void
import (GrWindow *window,
        gpointer  files)
{
  gr_window_import_participants (window, files);
}

/* A returned file is read in a thread while the user types; then its participants are in the
 * session. */
static void
test_import_while_typing (void)
{
  GrWindow *window = open_example ();
  GrSession *session = gr_window_get_session (window);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean said = FALSE;
  guint typed;

  g_ptr_array_add (files, write_large ("returned.grille", "2026-03-12"));
  typed = type_while_busy (window, import, files);
  g_test_message ("%u keystrokes went in while a returned file was read", typed);
  g_assert_cmpuint (typed, >, 0);
  /* One summary for each try: the first says they came in. */
  while (find_dialog (GTK_WINDOW (window)) != NULL)
    {
      g_autofree char *text = close_error (window);

      said |= strstr (text, "returned.grille\u202f: «\u202fParticipant 50\u202f» importé") != NULL;
    }
  g_assert_true (said);
  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Participant %u", i);

      g_assert_nonnull (gr_session_find_participant (session, name, NULL));
    }

  g_file_delete (g_ptr_array_index (files, 0), NULL, NULL);
  destroy_window (window);
}

/* Files that cannot be read are each named in the summary with the reason; the others come in. */
static void
test_import_error (void)
{
  GrWindow *window = open_example ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;

  g_ptr_array_add (files, write_broken ("returned-broken.grille"));
  g_ptr_array_add (files, tmp_file ("returned-missing.grille"));
  g_ptr_array_add (files, write_session_file ("returned-good.grille"));
  gr_window_import_participants (window, files);
  text = close_error (window);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "3 participants importés, 2 fichiers refusés\n"));
  g_assert_nonnull (strstr (text, "returned-broken.grille\u202f: refusé, ce n’est pas du JSON"));
  g_assert_nonnull (strstr (text,
                            "returned-missing.grille\u202f: refusé, ce fichier n’existe pas"));

  destroy_window (window);
}

static void
prepare (GrWindow *window,
         gpointer  data)
{
  guint *tries = data;
  g_autofree char *name = g_strdup_printf ("to-send-%u", ++*tries);
  g_autoptr(GFile) folder = tmp_file (name);

  gr_window_prepare_files (window, NULL, folder);
}

/* A file per participant, fifty of them each flushed to disk, written in a thread while the
 * user types; then the dialog says so. A folder that already holds one of them: nothing is
 * written, and the dialog says which file. */
static void
test_prepare_while_typing (void)
{
  GrWindow *window = open_example ();
  guint n = gr_session_get_n_participants (gr_window_get_session (window)) + 50;
  g_autofree char *wanted = g_strdup_printf ("%u fichiers préparés\n", n);
  g_autofree char *text = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *taken = NULL;
  guint tries = 0;
  guint typed;

  fill_large (gr_window_get_session (window));
  typed = type_while_busy (window, prepare, &tries);
  g_test_message ("%u keystrokes went in while %u files were written", typed, n);
  g_assert_cmpuint (typed, >, 0);
  while (find_dialog (GTK_WINDOW (window)) != NULL)
    {
      g_free (text);
      text = close_error (window);
      g_assert_true (g_str_has_prefix (text, wanted));
    }

  /* The last folder again: its files are there. */
  tries--;
  prepare (window, &tries);
  g_clear_pointer (&text, g_free);
  text = close_error (window);
  folder = g_strdup_printf ("to-send-%u", tries);
  taken = g_build_filename (window_test_tmp_dir (), folder, "Service jeunesse.grille", NULL);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Les fichiers n’ont pas été préparés\n"));
  g_assert_nonnull (strstr (text, taken));
  g_assert_nonnull (strstr (text, "existe déjà"));

  destroy_window (window);
}

/* A window closed while its files are read: nothing is shown, nothing touched that went with
 * it (the ASan build checks). */
static void
test_read_window_closed (void)
{
  GrWindow *window = open_example ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, write_session_file ("closed-good.grille"));
  g_ptr_array_add (files, write_broken ("closed-broken.grille"));

  g_object_ref (window);
  gr_window_compare_with_files (window, files);
  gr_window_import_participants (window, files);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_for_files (window);
  settle ();
  g_assert_null (find_dialog (NULL));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  window_test_init (&argc, &argv, "grille-test-window-io-XXXXXX", session_json);

  g_test_add_func ("/window/io/export-same-bytes", test_export_same_bytes);
  g_test_add_func ("/window/io/export-window-goes-on", test_export_window_goes_on);
  g_test_add_func ("/window/io/export-window-closed", test_export_window_closed);
  g_test_add_func ("/window/io/export-shown-participants", test_export_shown_participants);
  g_test_add_func ("/window/io/export-error", test_export_error);
  g_test_add_func ("/window/io/open-at-once", test_open_at_once);
  g_test_add_func ("/window/io/open-slow-file", test_open_slow_file);
  g_test_add_func ("/window/io/open-error", test_open_error);
  g_test_add_func ("/window/io/save-while-typing", test_save_while_typing);
  g_test_add_func ("/window/io/save-twice", test_save_twice);
  g_test_add_func ("/window/io/save-error", test_save_error);
  g_test_add_func ("/window/io/save-then-close", test_save_then_close);
  g_test_add_func ("/window/io/quit-saves", test_quit_saves);
  g_test_add_func ("/window/io/close-save-fails", test_close_save_fails);
  g_test_add_func ("/window/io/close-changed-elsewhere", test_close_changed_elsewhere);
  g_test_add_func ("/window/io/compare-while-typing", test_compare_while_typing);
  g_test_add_func ("/window/io/compare-error", test_compare_error);
  g_test_add_func ("/window/io/import-while-typing", test_import_while_typing);
  g_test_add_func ("/window/io/import-error", test_import_error);
  g_test_add_func ("/window/io/prepare-while-typing", test_prepare_while_typing);
  g_test_add_func ("/window/io/read-window-closed", test_read_window_closed);

  status = g_test_run ();
  window_test_shutdown ();
  return status;
}
