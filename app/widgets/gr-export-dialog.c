/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export dialog: the chart as PNG, SVG or PDF (whose chart, what size, with the title or
 * not), the scores as CSV or the long table with the notes, in the interface's language or
 * another one, written through the same core functions as the command line. */
#define G_LOG_DOMAIN "gr-export-dialog"

#include "config.h"

#include "gr-atomic-file.h"
#include "gr-csv.h"
#include "gr-export-dialog.h"
#include "gr-i18n.h"
#include "gr-report.h"
#include "gr-session-file.h"
#include "gr-ui.h"

struct _GrExportDialog
{
  GtkWindow       parent_instance;

  GrSession      *session;
  GrParticipant  *participant;
  GFile          *session_file;
  GrSession      *reference;        /* drawn for comparison, as on the window's charts */
  GPtrArray      *references;       /* more of them, or NULL */
  gboolean        by_role;
  GrChartVisibility visibility;     /* the group's series hidden on the window's charts */
  char          **hidden_participants;
  char          **shown_participants;
  GtkFileChooserNative *chooser;  /* while it is shown; it goes with the dialog */

  GtkButton      *cancel_button;
  GtkButton      *export_button;
  GtkLabel       *format_caption;
  GtkDropDown    *format_dropdown;
  GtkLabel       *content_caption;
  GtkDropDown    *content_dropdown;
  GtkLabel       *size_caption;
  GtkSpinButton  *width_spin;
  GtkSpinButton  *height_spin;
  GtkLabel       *unit_label;
  GtkLabel       *paper_caption;
  GtkDropDown    *paper_dropdown;
  GtkLabel       *scale_caption;
  GtkDropDown    *scale_dropdown;
  GtkLabel       *language_caption;
  GtkDropDown    *language_dropdown;
  GtkCheckButton *title_check;
};

G_DEFINE_FINAL_TYPE (GrExportDialog, gr_export_dialog, GTK_TYPE_WINDOW)

static const char *extensions[] = { "png", "svg", "pdf", "csv", "csv", "pdf" };

static GrExportKind
get_kind (GrExportDialog *self)
{
  return MIN (gtk_drop_down_get_selected (self->format_dropdown), GR_EXPORT_REPORT);
}

void
gr_export_dialog_set_kind (GrExportDialog *self,
                           GrExportKind    kind)
{
  g_return_if_fail (GR_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->format_dropdown, kind);
}

/* The PDF's page: items A4, Letter, then the chart's own size (not on paper). */
static gboolean
get_paper (GrExportDialog *self,
           GrPaper        *paper)
{
  guint selected = gtk_drop_down_get_selected (self->paper_dropdown);

  *paper = selected == 1 ? GR_PAPER_LETTER : GR_PAPER_A4;
  return selected != 2;
}

/* Only what applies to the chosen format can be changed. */
static void
update_sensitivity (GrExportDialog *self)
{
  GrExportKind kind = get_kind (self);
  gboolean chart = kind < GR_EXPORT_CSV;
  /* On paper the chart takes the page: its size is the paper's. */
  GrPaper paper;
  gboolean sized = chart && !(kind == GR_EXPORT_PDF && get_paper (self, &paper));

  gtk_widget_set_sensitive (GTK_WIDGET (self->content_dropdown),
                            chart || kind == GR_EXPORT_REPORT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_spin), sized);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_spin), sized);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_dropdown),
                            kind == GR_EXPORT_PDF || kind == GR_EXPORT_REPORT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_check), chart);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_dropdown), kind == GR_EXPORT_PNG);
  gtk_label_set_text (self->unit_label, kind == GR_EXPORT_PNG ? _("pixels") : _("points"));
}

/* Returns: (transfer none): the translator of the language chosen for the export. Item 0 is
 * the interface's language, then Grille's languages in their order. */
static GrTranslator *
get_translator (GrExportDialog *self)
{
  const char **languages = gr_translator_list_languages ();
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > g_strv_length ((char **) languages))
    return gr_ui_translator ();
  return gr_translator_get (languages[selected - 1]);
}

/* Chooses the language of the export: a code of gr_translator_list_languages(), or %NULL or ""
 * for the interface's. */
void
gr_export_dialog_set_language (GrExportDialog *self,
                               const char     *code)
{
  const char **languages = gr_translator_list_languages ();
  guint selected = 0;

  g_return_if_fail (GR_IS_EXPORT_DIALOG (self));

  for (guint i = 0; code != NULL && languages[i]; i++)
    if (g_str_equal (code, languages[i]))
      selected = i + 1;
  gtk_drop_down_set_selected (self->language_dropdown, selected);
}

/* An export as the dialog was set when it was asked for: what the thread that lays it out,
 * draws it and writes it needs, and nothing of the dialog or the window. The session goes as
 * a copy (typing goes on meanwhile; copying costs the main thread a tenth of serialising); the
 * earlier sessions are shared, as nothing ever changes them once read. */
typedef struct
{
  GrExportKind       kind;
  GrSession         *session;        /* a copy, held by nothing else */
  GrTranslator      *translator;     /* translators live as long as the process */
  char              *participant;    /* NULL: the group */
  GrSession         *reference;
  GPtrArray         *references;
  GtkWindow         *parent;         /* weak, on the main thread: where to say how it went */
  gboolean           by_role;
  GrChartVisibility  visibility;
  char             **hidden_participants;
  char             **shown_participants;
  int                width;
  int                height;
  int                scale;
  gboolean           show_title;
  gboolean           on_paper;
  GrPaper            paper;
  GFile             *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->session);
  g_free (job->participant);
  g_clear_object (&job->reference);
  g_clear_pointer (&job->references, g_ptr_array_unref);
  g_strfreev (job->hidden_participants);
  g_strfreev (job->shown_participants);
  g_clear_object (&job->file);
  g_clear_weak_pointer (&job->parent);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* On the main thread: the export as the dialog is set, to be written to @file. */
static ExportJob *
export_job_new (GrExportDialog *self,
                GFile          *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  guint content = gtk_drop_down_get_selected (self->content_dropdown);

  job->kind = get_kind (self);
  job->session = gr_session_copy (self->session);
  job->translator = get_translator (self);
  /* Item 0 is the group, then the participants in order. */
  if (content > 0 && content != GTK_INVALID_LIST_POSITION &&
      content - 1 < gr_session_get_n_participants (self->session))
    job->participant = g_strdup (gr_participant_get_name (
                                   gr_session_get_participant (self->session, content - 1)));
  g_set_object (&job->reference, self->reference);
  if (self->references != NULL)
    job->references = g_ptr_array_ref (self->references);
  job->by_role = self->by_role;
  job->visibility = self->visibility;
  job->hidden_participants = g_strdupv (self->hidden_participants);
  job->visibility.hidden_participants = (const char * const *) job->hidden_participants;
  job->shown_participants = g_strdupv (self->shown_participants);
  job->visibility.shown_participants = (const char * const *) job->shown_participants;
  job->width = gtk_spin_button_get_value_as_int (self->width_spin);
  job->height = gtk_spin_button_get_value_as_int (self->height_spin);
  job->scale = 1 + MIN (gtk_drop_down_get_selected (self->scale_dropdown), 2);
  job->show_title = gtk_check_button_get_active (self->title_check);
  job->on_paper = get_paper (self, &job->paper);
  g_set_object (&job->file, file);
  g_set_weak_pointer (&job->parent, gtk_window_get_transient_for (GTK_WINDOW (self)));
  return job;
}

/* In any thread: lays the export out and draws it. Returns: (transfer full): its bytes. */
static GBytes *
export_job_draw (ExportJob  *job,
                 GError    **error)
{
  GrSession *session = job->session;
  GrChartExportOptions options;

  if (job->kind == GR_EXPORT_CSV || job->kind == GR_EXPORT_CSV_LONG)
    return gr_csv_write (session,
                         job->kind == GR_EXPORT_CSV ? GR_CSV_TABLE_SCORES : GR_CSV_TABLE_LONG,
                         job->translator);

  /* The report: on A4 unless Letter is chosen (it has no page of the chart's size). */
  if (job->kind == GR_EXPORT_REPORT)
    {
      g_autoptr(GPtrArray) references = g_ptr_array_new ();
      g_autoptr(GrReport) report = NULL;
      GrReportOptions report_options;

      gr_report_options_init (&report_options);
      report_options.translator = job->translator;
      report_options.participant = job->participant;
      report_options.paper = job->on_paper ? job->paper : GR_PAPER_A4;
      if (job->reference != NULL)
        g_ptr_array_add (references, job->reference);
      report_options.references = references;
      if (!(report = gr_report_new (session, &report_options, error)))
        return NULL;
      return gr_report_to_pdf (report, error);
    }

  gr_chart_export_options_init (&options);
  options.width = job->width;
  options.height = job->height;
  options.scale = job->scale;
  options.translator = job->translator;
  options.participant = job->participant;
  options.show_title = job->show_title;
  options.reference = job->reference;
  options.references = job->references;
  options.by_role = job->by_role && job->participant == NULL;
  options.visibility = job->visibility;
  if (job->kind == GR_EXPORT_PDF)
    {
      options.on_paper = job->on_paper;
      options.paper = job->paper;
    }

  /* With a single participant, "the group" is that participant: the export decides. */
  return gr_chart_export_to_bytes (session, (GrChartFormat) job->kind, &options, error);
}

/* In any thread: draws the export and writes it, atomically (an existing file is replaced
 * only once the new one is complete). */
static gboolean
export_job_run (ExportJob  *job,
                GError    **error)
{
  g_autoptr(GBytes) bytes = export_job_draw (job, error);

  return bytes != NULL && gr_atomic_file_write (job->file, bytes, FALSE, 0644, error);
}

/* Writes the export to @file before this returns, as the Export button does in a thread. */
gboolean
gr_export_dialog_write (GrExportDialog  *self,
                        GFile           *file,
                        GError         **error)
{
  g_autoptr(ExportJob) job = NULL;

  g_return_val_if_fail (GR_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  job = export_job_new (self, file);
  return export_job_run (job, error);
}

static void
show_export_error (GtkWidget    *parent,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *primary = g_strdup_printf (_("Impossible d’exporter vers « %s »"), name);

  gr_ui_show_error (parent, primary, error->message);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (export_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  gr_ui_release_application (user_data);

  /* The window may have gone meanwhile: the file is written or not, and nobody is left to
   * tell. The weak pointer is let go of here, on the main thread, where windows go. */
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (job->parent != NULL)
        gr_ui_show_saved (job->parent, job->file);
    }
  else if (job->parent != NULL)
    show_export_error (GTK_WIDGET (job->parent), job->file, error);
  else
    g_warning ("%s", error->message);
  g_clear_weak_pointer (&job->parent);
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     GrExportDialog  *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  g_signal_handlers_disconnect_by_data (chooser, self);
  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* Gone before the export: the dialog may be destroyed below. */
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));

  if (file != NULL)
    gr_export_dialog_export_to (self, file);
}

/* Writes the export to @file as the Export button does: laid out, drawn and written in a
 * thread on a snapshot of the session, the dialog closed at once (it is modal: the window goes
 * on meanwhile). When the thread is done, a confirmation over the window names the file, or an
 * error says why it could not be written. */
void
gr_export_dialog_export_to (GrExportDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, NULL, on_exported, gr_ui_hold_application ());
  g_task_set_source_tag (task, gr_export_dialog_export_to);
  g_task_set_task_data (task, export_job_new (self, file), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_thread);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_export_clicked (GrExportDialog *self)
{
  GrExportKind kind = get_kind (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", extensions[kind], NULL);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  const char *title = gr_session_get_title (self->session);

  if (self->session_file != NULL)
    {
      g_autofree char *file_name = g_file_get_basename (self->session_file);
      char *dot = strrchr (file_name, '.');

      if (dot != NULL)
        *dot = '\0';
      base = g_strdup (file_name);
    }
  else
    base = g_strdup (*title ? title : _("graphique"));
  g_strdelimit (base, "/\\", '-');
  name = g_strconcat (base, ".", extensions[kind], NULL);

  gtk_file_filter_set_name (filter, gtk_string_object_get_string (
                              gtk_drop_down_get_selected_item (self->format_dropdown)));
  gtk_file_filter_add_pattern (filter, pattern);

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Exporter"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Exporter"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The choices of the drop-downs, in the interface's language, keeping the ones made. */
static void
fill_choices (GrExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) contents = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) scales = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);
  const char **codes = gr_translator_list_languages ();
  guint format = gtk_drop_down_get_selected (self->format_dropdown);
  guint content = gtk_drop_down_get_selected (self->content_dropdown);
  guint scale = gtk_drop_down_get_selected (self->scale_dropdown);
  guint paper = gtk_drop_down_get_selected (self->paper_dropdown);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  guint language = gtk_drop_down_get_selected (self->language_dropdown);

  gtk_string_list_append (formats, _("Image PNG"));
  gtk_string_list_append (formats, _("Image vectorielle SVG"));
  gtk_string_list_append (formats, _("Document PDF"));
  gtk_string_list_append (formats, _("Tableau des scores CSV"));
  /* Translators: the CSV with one row per participant and savoir-faire, notes included. */
  gtk_string_list_append (formats, _("Tableau détaillé, avec les notes (CSV)"));
  gtk_string_list_append (formats, _("Rapport pour le conseil (PDF)"));
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (formats));
  gtk_drop_down_set_selected (self->format_dropdown,
                              format == GTK_INVALID_LIST_POSITION ? 0 : format);

  gtk_string_list_append (contents, _("Groupe"));
  for (guint i = 0; self->session && i < gr_session_get_n_participants (self->session); i++)
    gtk_string_list_append (contents,
                            gr_participant_get_name (gr_session_get_participant (self->session,
                                                                                 i)));
  gtk_drop_down_set_model (self->content_dropdown, G_LIST_MODEL (contents));
  if (content != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->content_dropdown, content);

  gtk_string_list_append (papers, _("A4"));
  /* Translators: the US paper size. */
  gtk_string_list_append (papers, _("Letter (US)"));
  gtk_string_list_append (papers, _("Taille du graphique, sans marges"));
  gtk_drop_down_set_model (self->paper_dropdown, G_LIST_MODEL (papers));
  gtk_drop_down_set_selected (self->paper_dropdown,
                              paper == GTK_INVALID_LIST_POSITION ? 0 : paper);

  /* Translators: PNG pixel density: normal, or twice as many pixels for sharp screens. */
  gtk_string_list_append (scales, _("Normale (×1)"));
  gtk_string_list_append (scales, _("Haute (×2)"));
  gtk_string_list_append (scales, _("Très haute (×3)"));
  gtk_drop_down_set_model (self->scale_dropdown, G_LIST_MODEL (scales));
  gtk_drop_down_set_selected (self->scale_dropdown,
                              scale == GTK_INVALID_LIST_POSITION ? 0 : scale);

  /* The other languages are named in themselves: a partner finds theirs whatever the
   * window's language. */
  gtk_string_list_append (languages, _("Langue de l’interface"));
  for (guint i = 0; codes[i]; i++)
    gtk_string_list_append (languages, gr_ui_language_name (codes[i]));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (languages));
  gtk_drop_down_set_selected (self->language_dropdown,
                              language == GTK_INVALID_LIST_POSITION ? 0 : language);

  /* Each drop-down is read as what its caption says it chooses. */
  gr_ui_name_drop_down (self->format_dropdown, gtk_label_get_text (self->format_caption));
  gr_ui_name_drop_down (self->content_dropdown, gtk_label_get_text (self->content_caption));
  gr_ui_name_drop_down (self->paper_dropdown, gtk_label_get_text (self->paper_caption));
  gr_ui_name_drop_down (self->scale_dropdown, gtk_label_get_text (self->scale_caption));
  gr_ui_name_drop_down (self->language_dropdown, gtk_label_get_text (self->language_caption));
  update_sensitivity (self);
}

#define TEMPLATE "/io/github/grille/Grille/gr-export-dialog.ui"

/* After a switch of language: the template's texts and the choices. */
void
gr_export_dialog_relabel (GrExportDialog *self)
{
  g_return_if_fail (GR_IS_EXPORT_DIALOG (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_EXPORT_DIALOG, TEMPLATE);
  fill_choices (self);
}

static void
gr_export_dialog_dispose (GObject *object)
{
  GrExportDialog *self = GR_EXPORT_DIALOG (object);

  gr_ui_clear_chooser (&self->chooser, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->participant);
  g_clear_object (&self->session_file);
  g_clear_object (&self->reference);
  g_clear_pointer (&self->references, g_ptr_array_unref);

  G_OBJECT_CLASS (gr_export_dialog_parent_class)->dispose (object);
}

static void
gr_export_dialog_finalize (GObject *object)
{
  GrExportDialog *self = GR_EXPORT_DIALOG (object);

  g_strfreev (self->hidden_participants);
  g_strfreev (self->shown_participants);

  G_OBJECT_CLASS (gr_export_dialog_parent_class)->finalize (object);
}

static void
gr_export_dialog_class_init (GrExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_export_dialog_dispose;
  object_class->finalize = gr_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, format_caption);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, content_caption);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, content_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, size_caption);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, paper_caption);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, scale_caption);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, language_caption);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrExportDialog, title_check);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gr_export_dialog_init (GrExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gr_ui_fix_button_name (self->cancel_button);
  gr_ui_fix_button_name (self->export_button);
  g_signal_connect_object (self->format_dropdown, "notify::selected",
                           G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paper_dropdown, "notify::selected",
                           G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cancel_button, "clicked", G_CALLBACK (gtk_window_destroy), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self,
                           G_CONNECT_SWAPPED);
}

/* @participant is the chart chosen first (NULL: the group); @session_file names the export. */
GrExportDialog *
gr_export_dialog_new (GtkWindow     *parent,
                      GrSession     *session,
                      GrParticipant *participant,
                      GFile         *session_file)
{
  GrExportDialog *self;
  guint position = 0;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);

  self = g_object_new (GR_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  g_set_object (&self->participant, participant);
  g_set_object (&self->session_file, session_file);
  fill_choices (self);

  if (participant != NULL && gr_session_find_participant (session,
                                                          gr_participant_get_name (participant),
                                                          &position))
    gtk_drop_down_set_selected (self->content_dropdown, position + 1);
  else
    gtk_drop_down_set_selected (self->content_dropdown, 0);

  return self;
}

/**
 * gr_export_dialog_set_comparison:
 * @references: (nullable) (element-type GrSession): earlier sessions drawn as on the window's
 *   charts
 * @by_role: the group drawn as one line per role, as on the overview
 */
void
gr_export_dialog_set_comparison (GrExportDialog *self,
                                 GPtrArray      *references,
                                 gboolean        by_role)
{
  g_return_if_fail (GR_IS_EXPORT_DIALOG (self));

  g_clear_pointer (&self->references, g_ptr_array_unref);
  if (references != NULL)
    self->references = g_ptr_array_ref (references);
  self->by_role = by_role;
}

/**
 * gr_export_dialog_set_series:
 * @visibility: (nullable): the group's series to leave out, as on the window's charts
 * @reference: (nullable): an earlier session to draw for comparison
 *
 * Makes the exported chart show what the window's chart shows.
 */
void
gr_export_dialog_set_series (GrExportDialog          *self,
                             const GrChartVisibility *visibility,
                             GrSession               *reference)
{
  g_return_if_fail (GR_IS_EXPORT_DIALOG (self));
  g_return_if_fail (reference == NULL || GR_IS_SESSION (reference));

  g_set_object (&self->reference, reference);
  g_strfreev (self->hidden_participants);
  self->hidden_participants = NULL;
  g_clear_pointer (&self->shown_participants, g_strfreev);
  self->visibility = (GrChartVisibility) { 0 };
  if (visibility == NULL)
    return;

  self->visibility = *visibility;
  self->hidden_participants = g_strdupv ((char **) visibility->hidden_participants);
  self->visibility.hidden_participants = (const char * const *) self->hidden_participants;
  self->shown_participants = g_strdupv ((char **) visibility->shown_participants);
  self->visibility.shown_participants = (const char * const *) self->shown_participants;
}
