/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line that needs no display: --summary, --export (CSV and charts), --report,
 * --export-dir.
 * Errors are one line on stderr, "grille: FILE: what is wrong", and exit status 1; no output
 * file is left behind, not even a partial one, and the input is never written. */
#define G_LOG_DOMAIN "gr-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>

#include "gr-atomic-file.h"
#include "gr-chart-export.h"
#include "gr-cli.h"
#include "gr-csv.h"
#include "gr-i18n.h"
#include "gr-paper.h"
#include "gr-report.h"
#include "gr-session-file.h"
#include "gr-session-merge.h"
#include "gr-session-split.h"
#include "gr-summary.h"
#include "gr-translator.h"

/* --scale's value before parsing, to tell "--scale=0" (refused) from no --scale at all. */
#define SCALE_NOT_GIVEN G_MININT

typedef struct
{
  gboolean  summary;
  char     *export_path;
  char     *export_dir;
  char     *report_path;
  char     *paper;
  char     *format;
  char     *table;
  char     *lang;
  char     *size;
  int       scale;
  char     *participant;
  char    **references;
  gboolean  by_role;
  char     *split_dir;
  char     *merge_path;
  gboolean  title;
  gboolean  version;
  char    **files;
} CliOptions;

static void
cli_options_clear (CliOptions *o)
{
  g_clear_pointer (&o->export_path, g_free);
  g_clear_pointer (&o->export_dir, g_free);
  g_clear_pointer (&o->report_path, g_free);
  g_clear_pointer (&o->paper, g_free);
  g_clear_pointer (&o->format, g_free);
  g_clear_pointer (&o->table, g_free);
  g_clear_pointer (&o->lang, g_free);
  g_clear_pointer (&o->size, g_free);
  g_clear_pointer (&o->participant, g_free);
  g_clear_pointer (&o->references, g_strfreev);
  g_clear_pointer (&o->split_dir, g_free);
  g_clear_pointer (&o->merge_path, g_free);
  g_clear_pointer (&o->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliOptions, cli_options_clear)

gboolean
gr_cli_wants_command_line (int    argc,
                           char **argv)
{
  static const char *commands[] = {
    "--summary", "--export", "--export-dir", "--report", "--split", "--merge", "--help", "-h",
    "-?", "--version", "--help-all",
    NULL
  };

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        break;
      for (guint c = 0; commands[c]; c++)
        if (g_str_equal (argv[i], commands[c]) ||
            (g_str_has_prefix (argv[i], commands[c]) && argv[i][strlen (commands[c])] == '='))
          return TRUE;
    }

  return FALSE;
}

G_GNUC_PRINTF (2, 3)
static int
fail (const char *where,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    g_printerr ("grille: %s: %s\n", where, message);
  else
    g_printerr ("grille: %s\n", message);

  return 1;
}

static GrSession *
load_session (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return gr_session_new (gr_grid_get_default ());

  file = g_file_new_for_commandline_arg (path);
  return gr_session_load (file, error);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) fa = g_file_new_for_commandline_arg (a);
  g_autoptr(GFile) fb = g_file_new_for_commandline_arg (b);
  GStatBuf sa, sb;

  if (g_file_equal (fa, fb))
    return TRUE;
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Writes @bytes to @path all at once, as Ctrl+S does: a temporary file beside it is renamed
 * over it, so that a failure leaves nothing, or the previous file, behind; a symbolic link is
 * followed, and a write-protected file refused. */
static int
write_output (const char *path,
              GBytes     *bytes)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  if (!gr_atomic_file_write (file, bytes, FALSE, 0666, &error))
    return fail (path, _("impossible d’écrire le fichier : %s"), error->message);

  return 0;
}

static int
run_summary (const CliOptions *o)
{
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *path = o->files ? o->files[0] : NULL;

  if (o->files && o->files[0] && o->files[1])
    return fail (NULL, _("--summary lit un seul fichier de session"));

  if (!(session = load_session (path, &error)))
    return fail (path, "%s", error->message);

  text = gr_summary_write (session, gr_translator_get (o->lang));
  g_print ("%s", text);
  return 0;
}

/* --paper, A4 when not given. */
static int
parse_paper (const CliOptions *o,
             GrPaper          *paper)
{
  *paper = GR_PAPER_A4;
  if (o->paper != NULL && !gr_paper_from_name (o->paper, paper))
    return fail (NULL, _("--paper attend a4 ou letter, pas « %s »"), o->paper);
  return 0;
}

/* --paper for a chart: a PDF only, and then on A4 unless --size asks for a page of the
 * chart's size. */
static int
parse_paper_option (const CliOptions     *o,
                    gboolean              pdf,
                    GrChartExportOptions *options)
{
  options->on_paper = pdf && (o->paper != NULL || o->size == NULL);
  if (o->paper == NULL)
    return parse_paper (o, &options->paper);
  if (!pdf)
    return fail (NULL, _("--paper ne s’applique qu’à un export PDF"));
  if (o->size != NULL)
    return fail (NULL, _("--paper et --size ne vont pas ensemble : sur papier, le graphique "
                         "prend toute la page"));
  return parse_paper (o, &options->paper);
}

/* --reference, up to five times: the earlier sessions, read once for every chart. */
static int
load_references (const CliOptions  *o,
                 GPtrArray        **references)
{
  *references = g_ptr_array_new_with_free_func (g_object_unref);
  if (o->references == NULL)
    return 0;

  if (g_strv_length (o->references) > GR_CHART_MAX_REFERENCES)
    return fail (NULL, _("--reference peut être donné au plus %d fois, pas %u"),
                 GR_CHART_MAX_REFERENCES, g_strv_length (o->references));

  for (guint i = 0; o->references[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      GrSession *reference;

      if (!(reference = load_session (o->references[i], &error)))
        return fail (o->references[i], "%s", error->message);
      g_ptr_array_add (*references, reference);
    }

  /* Oldest first, as the window orders them: the change is counted from the first. The file
   * names move with their sessions, so that an error still names the right file. */
  for (guint i = 1; i < (*references)->len; i++)
    for (guint j = i; j > 0 && gr_session_compare_dates ((*references)->pdata[j - 1],
                                                          (*references)->pdata[j]) > 0; j--)
      {
        gpointer session = (*references)->pdata[j];
        char *path = o->references[j];

        (*references)->pdata[j] = (*references)->pdata[j - 1];
        (*references)->pdata[j - 1] = session;
        o->references[j] = o->references[j - 1];
        o->references[j - 1] = path;
      }

  return 0;
}

/* An earlier session on another grid cannot be compared with @session: say which. */
static int
check_references (const CliOptions *o,
                  GPtrArray        *references,
                  GrSession        *session)
{
  for (guint i = 0; references != NULL && i < references->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!gr_session_check_comparable (session, g_ptr_array_index (references, i), &error))
        return fail (o->references[i], "%s", error->message);
    }

  return 0;
}

static int
parse_chart_options (const CliOptions      *o,
                     gboolean               pdf,
                     GrChartExportOptions  *options,
                     GPtrArray            **references)
{
  int status;

  gr_chart_export_options_init (options);
  options->translator = gr_translator_get (o->lang);
  options->participant = o->participant;
  options->show_title = o->title;
  options->by_role = o->by_role;

  if (o->by_role && o->participant != NULL)
    return fail (NULL, _("--by-role et --participant ne vont pas ensemble"));
  if ((status = load_references (o, references)))
    return status;
  options->references = *references;

  if (o->size != NULL)
    {
      int w = 0, h = 0;
      char extra;

      if (sscanf (o->size, "%dx%d%c", &w, &h, &extra) != 2 || w < 16 || h < 16 ||
          w > 20000 || h > 20000)
        return fail (NULL, _("--size attend une taille LARGEURxHAUTEUR en pixels, "
                             "de 16x16 à 20000x20000 (par exemple 1200x1200), pas « %s »"),
                     o->size);
      options->width = w;
      options->height = h;
    }

  if (o->scale != SCALE_NOT_GIVEN)
    {
      if (o->scale < 1 || o->scale > 8)
        return fail (NULL, _("--scale attend un facteur entier de 1 à 8, pas %d"), o->scale);
      options->scale = o->scale;
    }

  if ((status = parse_paper_option (o, pdf, options)))
    return status;

  return 0;
}

/* --table: which CSV table, only for a CSV. */
static int
parse_table_option (const CliOptions *o,
                    gboolean          csv,
                    GrCsvTable       *table)
{
  *table = GR_CSV_TABLE_SCORES;
  if (o->table == NULL)
    return 0;
  if (!csv)
    return fail (NULL, _("--table ne s’applique qu’à un export CSV"));
  if (!gr_csv_table_from_name (o->table, table))
    return fail (NULL, _("--table attend scores ou long, pas « %s »"), o->table);
  return 0;
}

/* What every export of one session starts with: an output that is not the session itself, the
 * session read, and the earlier sessions checked against its grid (@references may be NULL). */
static int
load_input (const CliOptions  *o,
            const char        *input,
            const char        *output,
            GPtrArray         *references,
            GrSession        **session)
{
  g_autoptr(GError) error = NULL;

  if (same_file (input, output))
    return fail (output, _("le fichier à écrire est le fichier de session lui-même : "
                           "choisissez un autre nom"));

  if (!(*session = load_session (input, &error)))
    return fail (input, "%s", error->message);
  if (references != NULL && check_references (o, references, *session) != 0)
    return 1;
  return 0;
}

static int
export_one (const CliOptions           *o,
            GPtrArray                  *references,
            const char                 *input,
            const char                 *output,
            GrChartFormat               chart_format,
            gboolean                    csv,
            GrCsvTable                  table,
            GrChartExporter            *exporter)
{
  GrTranslator *translator = gr_translator_get (o->lang);
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (load_input (o, input, output, csv ? NULL : references, &session) != 0)
    return 1;

  if (csv)
    bytes = gr_csv_write (session, table, translator);
  else if (!(bytes = gr_chart_exporter_export (exporter, session, chart_format, &error)))
    return fail (input, "%s", error->message);

  return write_output (output, bytes);
}

static int
run_export (const CliOptions *o)
{
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GrChartExporter) exporter = NULL;
  GrChartExportOptions chart_options;
  GrChartFormat chart_format = GR_CHART_FORMAT_PNG;
  GrCsvTable table = GR_CSV_TABLE_SCORES;
  gboolean csv = FALSE;
  int status;

  if (o->files == NULL || o->files[0] == NULL)
    return fail (NULL, _("--export demande un fichier de session à lire"));
  if (o->files[1] != NULL)
    return fail (NULL, _("--export lit un seul fichier de session ; pour en exporter plusieurs, "
                         "utilisez --export-dir"));

  if (g_str_has_suffix (o->export_path, ".csv") || g_str_has_suffix (o->export_path, ".CSV"))
    csv = TRUE;
  else if (!gr_chart_format_from_path (o->export_path, &chart_format))
    return fail (o->export_path, _("format de sortie inconnu : le nom doit finir par .csv, "
                                   ".png, .svg ou .pdf"));

  if ((status = parse_chart_options (o, !csv && chart_format == GR_CHART_FORMAT_PDF,
                                     &chart_options, &references)) ||
      (status = parse_table_option (o, csv, &table)))
    return status;
  exporter = gr_chart_exporter_new (&chart_options);

  return export_one (o, references, o->files[0], o->export_path, chart_format, csv, table,
                     exporter);
}

static int
parse_report_options (const CliOptions  *o,
                      GrReportOptions   *options,
                      GPtrArray        **references)
{
  int status;

  gr_report_options_init (options);
  options->translator = gr_translator_get (o->lang);
  options->participant = o->participant;

  if ((status = load_references (o, references)))
    return status;
  options->references = *references;

  return parse_paper (o, &options->paper);
}

static int
report_one (const CliOptions      *o,
            const char            *input,
            const char            *output,
            const GrReportOptions *options)
{
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GrReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (load_input (o, input, output, options->references, &session) != 0)
    return 1;

  if (!(report = gr_report_new (session, options, &error)) ||
      !(bytes = gr_report_to_pdf (report, &error)))
    return fail (input, "%s", error->message);

  return write_output (output, bytes);
}

static int
run_report (const CliOptions *o)
{
  g_autoptr(GPtrArray) references = NULL;
  GrReportOptions options;
  int status;

  if (o->files == NULL || o->files[0] == NULL)
    return fail (NULL, _("--report demande un fichier de session à lire"));
  if (o->files[1] != NULL)
    return fail (NULL, _("--report lit un seul fichier de session ; pour en traiter plusieurs, "
                         "utilisez --export-dir"));
  if (!g_str_has_suffix (o->report_path, ".pdf") && !g_str_has_suffix (o->report_path, ".PDF"))
    return fail (o->report_path, _("le rapport est un PDF : le nom doit finir par .pdf"));

  if ((status = parse_report_options (o, &options, &references)))
    return status;

  return report_one (o, o->files[0], o->report_path, &options);
}

/* One chart (or report) per session file, in one process: FILE.grille gives DIR/FILE.FORMAT
 * (DIR/FILE.pdf for a report). */
static int
run_export_dir (const CliOptions *o)
{
  g_autoptr(GPtrArray) references = NULL;
  g_autoptr(GrChartExporter) exporter = NULL;
  g_autoptr(GHashTable) outputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *extension = NULL;
  GrChartExportOptions chart_options;
  GrChartFormat chart_format = GR_CHART_FORMAT_PNG;
  GrCsvTable table = GR_CSV_TABLE_SCORES;
  GrReportOptions report_options;
  gboolean csv = FALSE, report = FALSE;
  int status = 0;

  if (o->files == NULL || o->files[0] == NULL)
    return fail (NULL, _("--export-dir demande au moins un fichier de session à lire"));

  if (o->format != NULL && g_ascii_strcasecmp (o->format, "csv") == 0)
    csv = TRUE;
  else if (o->format != NULL && g_ascii_strcasecmp (o->format, "report") == 0)
    report = TRUE;
  else if (o->format == NULL || !gr_chart_format_from_name (o->format, &chart_format))
    return fail (NULL, _("--export-dir demande --format=png, svg, pdf, csv ou report"));
  extension = report ? g_strdup ("pdf") : g_ascii_strdown (o->format, -1);

  if (report && (status = parse_report_options (o, &report_options, &references)))
    return status;
  if (!report && ((status = parse_chart_options (o, !csv && chart_format == GR_CHART_FORMAT_PDF,
                                                 &chart_options, &references)) ||
                  (status = parse_table_option (o, csv, &table))))
    return status;
  /* One exporter for the whole batch: charts of the same grid share their frame. */
  if (!report)
    exporter = gr_chart_exporter_new (&chart_options);

  if (g_mkdir_with_parents (o->export_dir, 0755) != 0)
    return fail (o->export_dir, _("impossible de créer le dossier : %s"),
                 gr_file_error_from_errno (errno));

  for (guint i = 0; o->files[i]; i++)
    {
      g_autofree char *base = g_path_get_basename (o->files[i]);
      g_autofree char *stem = NULL;
      g_autofree char *name = NULL;
      g_autofree char *output = NULL;
      const char *first;

      if (g_str_has_suffix (base, GR_SESSION_EXTENSION))
        base[strlen (base) - strlen (GR_SESSION_EXTENSION)] = '\0';
      stem = g_steal_pointer (&base);
      name = g_strdup_printf ("%s.%s", stem, extension);
      output = g_build_filename (o->export_dir, name, NULL);

      /* Two sessions of the same name from different folders would write the same file: the
       * second is reported rather than silently replacing the first. */
      if ((first = g_hash_table_lookup (outputs, name)))
        {
          fail (o->files[i], _("son export s’appellerait « %s », comme celui de %s : "
                               "renommez l’un des deux fichiers"), name, first);
          status = 1;
          continue;
        }
      g_hash_table_insert (outputs, g_strdup (name), o->files[i]);

      /* A bad file is reported and skipped; the others are still written. */
      if (report ? report_one (o, o->files[i], output, &report_options) != 0
                 : export_one (o, references, o->files[i], output, chart_format, csv, table,
                               exporter) != 0)
        status = 1;
    }

  return status;
}

/* One file per participant in DIR, to send out and fill anywhere. */
static int
run_split (const CliOptions *o)
{
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;

  if (o->files == NULL || o->files[0] == NULL || o->files[1] != NULL)
    return fail (NULL, _("--split lit un seul fichier de session"));

  if (!(session = load_session (o->files[0], &error)))
    return fail (o->files[0], "%s", error->message);

  directory = g_file_new_for_commandline_arg (o->split_dir);
  if (!(written = gr_session_split (session, NULL, directory, &error)))
    return fail (o->split_dir, "%s", error->message);

  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *path = g_file_get_parse_name (g_ptr_array_index (written, i));
      g_print ("%s\n", path);
    }
  return 0;
}

/* The participants of every FILE in one session, written to OUT: the first file gives the
 * title, date and grid. Any file refused (unreadable, another grid) fails the whole merge, so
 * that no one's answers go missing unnoticed; what came in from where is printed. */
static int
run_merge (const CliOptions *o)
{
  g_autoptr(GrSession) first = NULL;
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GrSessionMerge) merge = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (o->files == NULL || o->files[0] == NULL)
    return fail (NULL, _("--merge demande au moins un fichier de session à lire"));

  if (!(first = load_session (o->files[0], &error)))
    return fail (o->files[0], "%s", error->message);

  /* The first file's participants are merged like the others', so the summary lists them. */
  session = gr_session_new_like (first);
  merge = gr_session_merge_new (session);
  for (guint i = 0; o->files[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->files[i]);

      if (!gr_session_merge_add_file (merge, file, &error))
        return fail (o->files[i], "%s", error->message);
    }

  output = g_file_new_for_commandline_arg (o->merge_path);
  if (!gr_session_save (session, output, &error))
    return fail (o->merge_path, "%s", error->message);

  summary = gr_session_merge_get_summary (merge);
  g_print ("%s", summary);
  return 0;
}

/**
 * gr_cli_find_lang:
 *
 * --help is written while the options are parsed: main() starts in the language of --lang,
 * so that the help and the error messages follow it too. An unknown code is refused after
 * parsing.
 *
 * Returns: (nullable): the argument of --lang, or %NULL.
 */
const char *
gr_cli_find_lang (int    argc,
                  char **argv)
{
  const char *lang = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
      else if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        lang = argv[i + 1];
    }

  return lang;
}

/* GOption's descriptions, through the interface's translator like every other string. */
static const char *
translate_option (const char *msgid,
                  gpointer    data)
{
  return _(msgid);
}

int
gr_cli_run (int    argc,
            char **argv)
{
  g_auto(CliOptions) o = { .scale = SCALE_NOT_GIVEN };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *lang_help = NULL;
  g_autoptr(GrGrid) grid = gr_grid_get_default ();
  const GOptionEntry entries[] = {
    { "summary", 0, 0, G_OPTION_ARG_NONE, &o.summary,
      N_("Afficher la grille et les scores d’une session en texte"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &o.export_path,
      N_("Exporter les scores (.csv) ou le graphique (.png, .svg, .pdf)"), N_("SORTIE") },
    { "export-dir", 0, 0, G_OPTION_ARG_FILENAME, &o.export_dir,
      N_("Exporter un graphique par session dans DOSSIER"), N_("DOSSIER") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &o.report_path,
      N_("Écrire le rapport de la session (PDF) pour le conseil"), N_("SORTIE.pdf") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format,
      N_("Format de --export-dir : png, svg, pdf, csv ou report"), N_("FORMAT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o.paper,
      N_("Format du papier : a4 (par défaut) ou letter"), N_("PAPIER") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &o.table,
      /* Translators: keep "scores" and "long", the option's values. */
      N_("Tableau du CSV : scores (par défaut) ou long (une ligne par participant et "
         "savoir-faire, avec les notes)"), N_("TABLEAU") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
      lang_help, N_("LL") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size,
      N_("Taille du graphique en pixels (1200x1200 par défaut)"), N_("LxH") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &o.scale,
      N_("Facteur d’échelle pour les écrans haute densité (1 par défaut)"), N_("N") },
    { "participant", 0, 0, G_OPTION_ARG_STRING, &o.participant,
      N_("Tracer ce participant plutôt que le groupe"), N_("NOM") },
    { "reference", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.references,
      N_("Tracer aussi une session antérieure, pour comparer (cinq au plus)"), N_("FICHIER") },
    { "by-role", 0, 0, G_OPTION_ARG_NONE, &o.by_role,
      N_("Tracer une courbe par rôle : la moyenne de ses participants"), NULL },
    { "split", 0, 0, G_OPTION_ARG_FILENAME, &o.split_dir,
      N_("Écrire dans DOSSIER un fichier de session par participant"), N_("DOSSIER") },
    { "merge", 0, 0, G_OPTION_ARG_FILENAME, &o.merge_path,
      N_("Réunir les participants de plusieurs sessions dans SORTIE"), N_("SORTIE") },
    { "title", 0, 0, G_OPTION_ARG_NONE, &o.title,
      N_("Mettre le titre et la date de la session en tête du graphique"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version,
      N_("Afficher la version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.files, NULL, NULL },
    { NULL }
  };

  languages = g_strjoinv (", ", (char **) gr_translator_list_languages ());
  lang_help = g_strdup_printf (_("Langue de la sortie (%s)"), languages);

  context = g_option_context_new (_("[FICHIER…]"));
  /* The grid's own title (one string for the translators), then what the options do. */
  summary = g_strdup_printf ("%s.\n\n%s",
                             gr_translator_grid (gr_translator_get (NULL), gr_grid_get_title (grid)),
                             _("Sans option, ouvre la fenêtre ; les options ci-dessous "
                               "fonctionnent sans écran."));
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_translate_func (context, translate_option, NULL, NULL);
  g_option_group_set_translate_func (g_option_context_get_main_group (context),
                                     translate_option, NULL, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (NULL, "%s", error->message);

  if (o.version)
    {
      g_print ("grille %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (o.lang != NULL && !g_strv_contains (gr_translator_list_languages (), o.lang))
    return fail (NULL, _("langue inconnue « %s » (langues : %s)"), o.lang, languages);

  if ((o.summary ? 1 : 0) + (o.export_path ? 1 : 0) + (o.export_dir ? 1 : 0) +
      (o.report_path ? 1 : 0) > 1)
    return fail (NULL, _("--summary, --export, --report et --export-dir ne vont pas ensemble"));
  if ((o.split_dir || o.merge_path) &&
      (o.summary || o.export_path || o.export_dir || o.report_path ||
       (o.split_dir && o.merge_path)))
    return fail (NULL, _("--split et --merge ne vont avec aucune autre commande"));

  if (o.summary)
    return run_summary (&o);
  if (o.export_path)
    return run_export (&o);
  if (o.report_path)
    return run_report (&o);
  if (o.export_dir)
    return run_export_dir (&o);
  if (o.split_dir)
    return run_split (&o);
  if (o.merge_path)
    return run_merge (&o);

  return fail (NULL, _("rien à faire : voyez grille --help"));
}
