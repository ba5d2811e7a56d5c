/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files read and written off the main thread: exports laid out, drawn and written in a thread
 * on a snapshot of the session (the same bytes as before, the window going on meanwhile, a
 * window closed during an export), and their errors. */
#define G_LOG_DOMAIN "test-window-io"

#include "config.h"

#include <glib/gstdio.h>

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
      GrExportDialog *dialog = gr_export_dialog_new (GTK_WINDOW (window), session, NULL,
                                                     gr_window_get_file (window));

      gr_export_dialog_set_kind (dialog, kinds[i].kind);
      gtk_window_present (GTK_WINDOW (dialog));
      gr_export_dialog_export_to (dialog, file);
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
  GrExportDialog *dialog;
  GrItemRow *row;
  Typing typing = { 0 };
  guint source;

  gr_window_show_page (window, "cooperer");
  settle ();
  row = gr_competency_page_get_row (gr_window_get_competency_page (window, 0), 0);
  typing.buffer = gtk_text_view_get_buffer (gr_item_row_get_note_view (row));

  dialog = gr_export_dialog_new (GTK_WINDOW (window), gr_window_get_session (window), NULL,
                                 gr_window_get_file (window));
  gr_export_dialog_set_kind (dialog, kind);
  gtk_window_present (GTK_WINDOW (dialog));
  gr_export_dialog_export_to (dialog, file);
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
  GrExportDialog *dialog;

  dialog = gr_export_dialog_new (GTK_WINDOW (window), gr_window_get_session (window), NULL,
                                 gr_window_get_file (window));
  gr_export_dialog_set_kind (dialog, GR_EXPORT_REPORT);
  gtk_window_present (GTK_WINDOW (dialog));
  gr_export_dialog_export_to (dialog, file);
  destroy_window (window);

  g_assert_null (find_toplevel (GR_TYPE_EXPORT_DIALOG));

  WAIT_UNTIL (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  settle ();
  g_assert_null (find_dialog (NULL));
  g_unlink (path);
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
  GrExportDialog *dialog;
  GtkMessageDialog *message;

  dialog = gr_export_dialog_new (GTK_WINDOW (window), gr_window_get_session (window), NULL,
                                 gr_window_get_file (window));
  gr_export_dialog_set_kind (dialog, GR_EXPORT_SVG);
  gtk_window_present (GTK_WINDOW (dialog));
  gr_export_dialog_export_to (dialog, file);
  WAIT_UNTIL ((message = find_dialog (GTK_WINDOW (window))) != NULL);
  g_object_get (message, "text", &text, NULL);
  g_assert_true (g_str_has_prefix (text, "Impossible d’exporter vers "));
  g_assert_nonnull (strstr (text, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CLOSE);
  WAIT_UNTIL (find_dialog (GTK_WINDOW (window)) == NULL);

  destroy_window (window);
}

/* The window of a file opened from the command line (or the desktop) is there at once, with the
 * file's name; the session, read and parsed in a thread, shows when it is read. */
static void
test_open_at_once (void)
{
  g_autoptr(GFile) file = write_session_file ("at-once.grille");
  GrWindow *window;

  g_application_open (G_APPLICATION (window_test_app ()), &file, 1, "");
  /* Nothing of the file was read on this thread yet: the main loop has not turned. */
  window = (GrWindow *) find_toplevel (GR_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "at-once.grille – Grille");
  g_assert_null (gr_window_get_file (window));
  g_assert_false (gr_window_is_pristine (window));

  WAIT_UNTIL (gr_window_get_file (window) != NULL);
  g_assert_true (g_file_equal (gr_window_get_file (window), file));
  g_assert_cmpuint (gr_session_get_n_participants (gr_window_get_session (window)), ==, 3);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "at-once.grille – Grille");
  g_assert_false (gr_window_is_modified (window));
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
  window = (GrWindow *) find_toplevel (GR_TYPE_WINDOW);
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

int
main (int   argc,
      char *argv[])
{
  int status;

  window_test_init (&argc, &argv, "grille-test-window-io-XXXXXX", session_json);

  g_test_add_func ("/window/io/export-same-bytes", test_export_same_bytes);
  g_test_add_func ("/window/io/export-window-goes-on", test_export_window_goes_on);
  g_test_add_func ("/window/io/export-window-closed", test_export_window_closed);
  g_test_add_func ("/window/io/export-error", test_export_error);
  g_test_add_func ("/window/io/open-at-once", test_open_at_once);
  g_test_add_func ("/window/io/open-error", test_open_error);

  status = g_test_run ();
  window_test_shutdown ();
  return status;
}
