/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: one session, its competencies in a sidebar, a page per competency with the
 * live chart beside or below it, the overview, the participants and projector mode; files,
 * drafts, undo and the question asked before unsaved work is closed. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include "gr-i18n.h"

#include "gr-adaptive-box.h"
#include "gr-competency.h"
#include "gr-export-dialog.h"
#include "gr-session-file.h"
#include "gr-translator.h"
#include "gr-ui.h"
#include "gr-window.h"

#define PAGE_OVERVIEW     "overview"
#define PAGE_PARTICIPANTS "participants"
#define MAX_RECENT        10

struct _GrWindow
{
  GtkApplicationWindow  parent_instance;

  GrSession            *session;
  GFile                *file;
  GrHistory            *history;
  GrParticipant        *participant;
  GrSession            *reference;        /* an earlier session on the charts, not saved */
  char                 *chart_view;       /* "participant" or "group" */
  char                 *second_language;  /* "" or the code of a language shown under each text */
  gboolean              projector;
  gboolean              show_names;
  gboolean              close_confirmed;
  gboolean              closing;            /* the close question is open or being answered */
  gboolean              close_after_save;   /* the chooser saves, then the window closes */
  gboolean              updating;
  GtkWidget            *close_prompt;
  GtkFileChooserNative *chooser;            /* Open, Save as or Compare, while it is shown */

  GrDraft              *draft;
  guint                 draft_delay_id;     /* GR_DRAFT_DELAY_MS after the last change */
  guint                 draft_deadline_id;  /* GR_DRAFT_MAX_DELAY_MS after the first one */
  gboolean              draft_error_shown;

  GSettings            *settings;
  GPtrArray            *competency_pages;
  GrOverviewPage       *overview;
  GrParticipantsPage   *participants_page;

  GtkHeaderBar         *header_bar;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkButton            *open_button;
  GtkMenuButton        *recent_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkMenuButton        *menu_button;
  GtkButton            *projector_button;
  GtkButton            *export_button;
  GtkButton            *save_button;
  GtkStack             *mode_stack;
  GtkLabel             *participant_caption;
  GtkDropDown          *participant_dropdown;
  GtkLabel             *sidebar_caption;
  GtkListBox           *sidebar;
  GrAdaptiveBox        *adaptive_box;
  GtkStack             *stack;
  GtkBox               *chart_panel;
  GtkLabel             *chart_caption;
  GrChartView          *chart;
  GrProjectorView      *projector_view;
};

G_DEFINE_FINAL_TYPE (GrWindow, gr_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CHART_VIEW,
  PROP_PROJECTOR,
  PROP_SHOW_NAMES,
  PROP_SECOND_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLOSE_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_draft   (GrWindow *self);
static void save_then        (GrWindow *self,
                              gboolean  close_after);

static gboolean
is_group (GrWindow *self)
{
  return g_strcmp0 (self->chart_view, "group") == 0;
}

/* The file's name, or "Nouvelle session" when it has none yet. */
static char *
get_display_name (GrWindow *self)
{
  g_autoptr(GFileInfo) info = NULL;

  if (self->file == NULL)
    return g_strdup (_("Nouvelle session"));

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (self->file);
}

static void
update_title (GrWindow *self)
{
  g_autofree char *name = get_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = gr_window_is_modified (self);

  /* The star is the usual GNOME mark of unsaved changes; it is also read out with the title. */
  title = modified ? g_strconcat ("*", name, NULL) : g_strdup (name);
  gtk_label_set_text (self->title_label, title);

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (path != NULL && g_str_has_prefix (path, home) &&
          (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
        subtitle = g_strconcat ("~", path + strlen (home), NULL);
      else
        subtitle = parent ? g_file_get_parse_name (parent) : g_strdup ("");
    }
  else
    subtitle = g_strdup (_("Pas encore enregistrée"));
  if (modified)
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);
      /* Translators: the header bar's subtitle: the folder, then that changes are unsaved. */
      subtitle = g_strdup_printf (_("%s — modifications non enregistrées"), plain);
    }
  gtk_label_set_text (self->subtitle_label, subtitle);

  window_title = g_strdup_printf ("%s – Grille", title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_actions (GrWindow *self)
{
  gboolean has_session = self->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history && gr_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history && gr_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-participant",
                                 has_session && gr_session_get_n_participants (self->session) > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-clear", self->reference != NULL);
}

/* The three charts are one chart shown in three places: the same reference on each. */
static void
apply_reference (GrWindow *self)
{
  gr_chart_view_set_reference (self->chart, self->reference);
  gr_chart_view_set_reference (gr_projector_view_get_chart (self->projector_view),
                               self->reference);
  if (self->overview != NULL)
    gr_chart_view_set_reference (gr_overview_page_get_chart (self->overview), self->reference);
  update_actions (self);
}

/* The overview's check buttons choose the group's lines; the live chart and the projector's
 * show the same ones. */
static void
follow_overview_series (GrWindow *self)
{
  static const char *names[] = { "show-mean", "show-band", "hidden-participants" };
  GrChartView *source = gr_overview_page_get_chart (self->overview);
  GrChartView *targets[] = { self->chart, gr_projector_view_get_chart (self->projector_view) };

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint n = 0; n < G_N_ELEMENTS (names); n++)
      g_object_bind_property (source, names[n], targets[t], names[n], G_BINDING_SYNC_CREATE);
}

static void
update_scores (GrWindow *self)
{
  GrGrid *grid;

  if (self->session == NULL)
    return;

  grid = gr_session_get_grid (self->session);
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      GrSidebarRow *row = gr_window_get_sidebar_row (self, gr_competency_get_id (competency));
      GrStats stats = { 0 };

      if (is_group (self))
        gr_session_get_competency_stats (self->session, c, &stats);
      else if (self->participant != NULL)
        gr_participant_get_competency_stats (self->participant, c, &stats);

      if (row != NULL)
        gr_sidebar_row_set_score (row, &stats, grid);
    }

  /* The page beside edits one participant: say that these scores are the group's. */
  gtk_label_set_text (self->sidebar_caption, _("Scores du groupe"));
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_caption), is_group (self));
}

static void
update_chart_caption (GrWindow *self)
{
  g_autofree char *caption = NULL;

  if (is_group (self))
    caption = g_strdup (_("Groupe : moyenne, bande et participants"));
  else if (self->participant != NULL)
    /* Translators: above the live chart: whose scores it shows. */
    caption = g_strdup_printf (_("Scores de %s"), gr_participant_get_name (self->participant));
  else
    caption = g_strdup ("");

  gtk_label_set_text (self->chart_caption, caption);
}

/* Everything that shows the current participant or the group follows them. */
static void
update_views (GrWindow *self)
{
  gboolean group = is_group (self);

  for (guint i = 0; i < self->competency_pages->len; i++)
    gr_competency_page_set_participant (g_ptr_array_index (self->competency_pages, i),
                                        self->participant);
  gr_chart_view_set_participant (self->chart, group ? NULL : self->participant);
  gr_chart_view_set_show_participants (self->chart, group);
  gr_overview_page_set_participant (self->overview, self->participant, group);
  gr_participants_page_set_current (self->participants_page, self->participant);
  gr_projector_view_set_participant (self->projector_view, self->participant, group);
  update_scores (self);
  update_chart_caption (self);
}

/* The history may learn of a change after the session's "changed" (a participant added or
 * removed, a redo): the draft is scheduled from here too. */
static void
on_history_notify (GrWindow *self)
{
  update_title (self);
  update_actions (self);
  schedule_draft (self);
}

static void
on_session_changed (GrWindow *self)
{
  update_scores (self);
  update_chart_caption (self);
  update_actions (self);
  schedule_draft (self);
}

/* A participant taken out of the session (removed, or an addition undone) cannot stay the
 * one being edited: the neighbour takes over. */
static void
on_participants_changed (GrWindow   *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  if (self->participant != NULL &&
      gr_session_find_participant (self->session,
                                   gr_participant_get_name (self->participant), NULL)
        == self->participant)
    {
      /* Still there: keep the drop-down on them, their position may have moved. */
      gr_window_set_participant (self, self->participant);
      return;
    }

  if (n > 0)
    gr_window_set_participant (self, gr_session_get_participant (self->session,
                                                                 MIN (position, n - 1)));
  else
    gr_window_set_participant (self, NULL);
}

static void
on_participant_selected (GrWindow *self)
{
  GrParticipant *participant = gtk_drop_down_get_selected_item (self->participant_dropdown);

  if (self->updating || participant == NULL)
    return;

  gr_window_set_participant (self, participant);
}

static void
on_row_selected (GrWindow      *self,
                 GtkListBoxRow *row)
{
  const char *page;

  if (row == NULL)
    return;

  page = gr_sidebar_row_get_page (GR_SIDEBAR_ROW (row));
  gtk_stack_set_visible_child_name (self->stack, page);
  /* The overview has the chart large already; the participants page needs the room. */
  gtk_widget_set_visible (GTK_WIDGET (self->chart_panel),
                          !g_str_equal (page, PAGE_OVERVIEW) &&
                          !g_str_equal (page, PAGE_PARTICIPANTS));

  for (guint i = 0; i < self->competency_pages->len; i++)
    {
      GrCompetencyPage *competency_page = g_ptr_array_index (self->competency_pages, i);

      if (g_strcmp0 (gr_competency_get_id (gr_competency_page_get_competency (competency_page)),
                     page) == 0)
        gr_projector_view_set_competency (self->projector_view, i);
    }
}

static void
rebuild_pages (GrWindow *self)
{
  GrGrid *grid = gr_session_get_grid (self->session);
  GtkWidget *child;
  GtkWidget *row;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))))
    gtk_list_box_remove (self->sidebar, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))))
    gtk_stack_remove (self->stack, child);
  g_ptr_array_set_size (self->competency_pages, 0);

  self->overview = GR_OVERVIEW_PAGE (gr_overview_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->overview), PAGE_OVERVIEW);
  gtk_list_box_append (self->sidebar, gr_sidebar_row_new (PAGE_OVERVIEW,
                                                          "view-grid-symbolic"));

  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      GtkWidget *page = gr_competency_page_new (grid, competency);

      g_ptr_array_add (self->competency_pages, page);
      gr_competency_page_set_second_language (GR_COMPETENCY_PAGE (page), self->second_language);
      gtk_stack_add_named (self->stack, page, gr_competency_get_id (competency));
      gtk_list_box_append (self->sidebar,
                           gr_sidebar_row_new (gr_competency_get_id (competency), NULL));
    }

  self->participants_page = GR_PARTICIPANTS_PAGE (gr_participants_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->participants_page), PAGE_PARTICIPANTS);
  row = gr_sidebar_row_new (PAGE_PARTICIPANTS, "system-users-symbolic");
  gtk_widget_add_css_class (row, "sidebar-last");
  gtk_list_box_append (self->sidebar, row);

  gr_overview_page_set_session (self->overview, self->session);
  gr_participants_page_set_session (self->participants_page, self->session);
  follow_overview_series (self);
  apply_reference (self);
}

/* Sets every text of the window again, in the language gettext now uses: called once at start
 * and whenever the interface language changes. */
void
gr_window_relabel (GrWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *overlay = NULL;
  GrGrid *grid;

  g_return_if_fail (GR_IS_WINDOW (self));

  /* Menus and the shortcuts window are translated when they are built: build them again. */
  builder = gtk_builder_new_from_resource ("/io/github/grille/Grille/gr-menus.ui");
  gtk_menu_button_set_menu_model (self->menu_button,
                                  G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
  {
    g_autoptr(GtkBuilder) help = gtk_builder_new_from_resource (
      "/io/github/grille/Grille/gtk/help-overlay.ui");

    overlay = GTK_WIDGET (gtk_builder_get_object (help, "help_overlay"));
    gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                             GTK_SHORTCUTS_WINDOW (overlay));
  }

  gtk_button_set_label (self->open_button, _("_Ouvrir"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), _("Ouvrir une session (Ctrl+O)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->recent_button), _("Sessions récentes"));
  gr_ui_set_label (GTK_WIDGET (self->recent_button), _("Sessions récentes"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), _("Annuler (Ctrl+Z)"));
  gr_ui_set_label (GTK_WIDGET (self->undo_button), _("Annuler"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), _("Rétablir (Ctrl+Maj+Z)"));
  gr_ui_set_label (GTK_WIDGET (self->redo_button), _("Rétablir"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Menu principal"));
  gr_ui_set_label (GTK_WIDGET (self->menu_button), _("Menu principal"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->projector_button), _("Mode projection (F11)"));
  gr_ui_set_label (GTK_WIDGET (self->projector_button), _("Mode projection"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button),
                               _("Exporter le graphique ou les scores (Ctrl+E)"));
  gr_ui_set_label (GTK_WIDGET (self->export_button), _("Exporter"));
  gtk_button_set_label (self->save_button, _("_Enregistrer"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               _("Enregistrer la session (Ctrl+S)"));
  gtk_label_set_text_with_mnemonic (self->participant_caption, _("_Participant"));
  gr_ui_set_label (GTK_WIDGET (self->sidebar), _("Pages"));
  /* The three charts are one chart shown in three places: one name. */
  gr_ui_set_label (GTK_WIDGET (self->chart), _("Graphique radar"));
  gr_ui_set_label (GTK_WIDGET (gr_projector_view_get_chart (self->projector_view)),
                   _("Graphique radar"));

  if (self->session != NULL)
    {
      grid = gr_session_get_grid (self->session);
      gr_sidebar_row_set_title (gr_window_get_sidebar_row (self, PAGE_OVERVIEW),
                                _("Vue d’ensemble"));
      gr_sidebar_row_set_title (gr_window_get_sidebar_row (self, PAGE_PARTICIPANTS),
                                _("Participants"));
      for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
        {
          GrCompetency *competency = gr_grid_get_competency (grid, c);

          gr_sidebar_row_set_title (gr_window_get_sidebar_row (self,
                                                               gr_competency_get_id (competency)),
                                    gr_ui_grid_text (gr_competency_get_title (competency)));
        }
      for (guint i = 0; i < self->competency_pages->len; i++)
        gr_competency_page_relabel (g_ptr_array_index (self->competency_pages, i));
      gr_overview_page_relabel (self->overview);
      gr_ui_set_label (GTK_WIDGET (gr_overview_page_get_chart (self->overview)),
                       _("Graphique radar"));
      gr_participants_page_relabel (self->participants_page);
    }
  gr_projector_view_relabel (self->projector_view);

  update_title (self);
  update_scores (self);
  update_chart_caption (self);
  /* The chart's labels are the grid's texts: draw them again in the new language. */
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

/* Drafts */

static gboolean
write_draft (gpointer user_data)
{
  GrWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_delay_id, g_source_remove);
  g_clear_handle_id (&self->draft_deadline_id, g_source_remove);

  if (self->session == NULL)
    return G_SOURCE_REMOVE;

  /* Back to the saved state (undone, or saved meanwhile): nothing to keep. */
  if (!gr_window_is_modified (self))
    {
      if (self->draft != NULL)
        gr_draft_discard (self->draft);
      return G_SOURCE_REMOVE;
    }

  if (self->draft == NULL)
    self->draft = gr_draft_new ();

  if (!gr_draft_write (self->draft, self->session, self->file, &error))
    {
      g_warning ("%s", error->message);
      /* Said once: the user may save by hand; repeating it at each keystroke would stop work. */
      if (!self->draft_error_shown)
        gr_ui_show_error (GTK_WIDGET (self),
                          _("La copie de secours automatique ne peut pas être écrite"),
                          error->message);
      self->draft_error_shown = TRUE;
    }

  return G_SOURCE_REMOVE;
}

static void
discard_draft (GrWindow *self)
{
  g_clear_handle_id (&self->draft_delay_id, g_source_remove);
  g_clear_handle_id (&self->draft_deadline_id, g_source_remove);
  if (self->draft != NULL)
    gr_draft_discard (self->draft);
}

/* Written a moment after the user stops, and at the latest GR_DRAFT_MAX_DELAY_MS after the
 * first change, so that even continuous typing is never more than that behind. Whether the
 * session is modified is decided when the draft is written: the session says "changed"
 * before the history has recorded some changes. */
static void
schedule_draft (GrWindow *self)
{
  g_clear_handle_id (&self->draft_delay_id, g_source_remove);
  self->draft_delay_id = g_timeout_add (GR_DRAFT_DELAY_MS, write_draft, self);
  if (self->draft_deadline_id == 0)
    self->draft_deadline_id = g_timeout_add (GR_DRAFT_MAX_DELAY_MS, write_draft, self);
}

/* Files */

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) GR_MIME_TYPE,
    .app_name = (char *) "Grille",
    .app_exec = (char *) "grille %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Writes the session to @file (atomically, keeping the previous file as a backup) and makes
 * it the window's file. */
gboolean
gr_window_save_to_file (GrWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!gr_session_save (self->session, file, error))
    return FALSE;

  g_set_object (&self->file, file);
  gr_history_mark_saved (self->history);
  discard_draft (self);
  add_recent (file);
  update_title (self);
  return TRUE;
}

static gboolean
save_or_explain (GrWindow *self,
                 GFile    *file)
{
  g_autoptr(GError) error = NULL;

  if (!gr_window_save_to_file (self, file, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *primary = g_strdup_printf (_("Impossible d’enregistrer « %s »"), name);

      gr_ui_show_error (GTK_WIDGET (self), primary, error->message);
      return FALSE;
    }
  return TRUE;
}

static GtkFileFilter *
new_session_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Sessions Grille"));
  gtk_file_filter_add_pattern (filter, "*" GR_SESSION_EXTENSION);
  gtk_file_filter_add_mime_type (filter, GR_MIME_TYPE);
  return filter;
}

/* A close that was asked for does not happen (cancelled, or the save failed): whoever waits
 * for the window to go (quitting) stops. */
static void
cancel_close (GrWindow *self)
{
  if (!self->closing)
    return;
  self->closing = FALSE;
  g_signal_emit (self, signals[CLOSE_CANCELLED], 0);
}

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     GrWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  gboolean close_after = self->close_after_save;
  gboolean saved = FALSE;

  g_signal_handlers_disconnect_by_data (chooser, self);
  self->close_after_save = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      /* Without its extension the file would not open with a double click. */
      if (g_str_has_suffix (basename, GR_SESSION_EXTENSION))
        file = g_object_ref (chosen);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *name = g_strconcat (basename, GR_SESSION_EXTENSION, NULL);
          file = g_file_get_child (parent, name);
        }

      saved = save_or_explain (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));

  if (!close_after)
    return;
  if (saved)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    cancel_close (self);
}

static void
save_as (GrWindow *self,
         gboolean  close_after)
{
  g_autoptr(GtkFileFilter) filter = new_session_filter ();
  const char *title = gr_session_get_title (self->session);
  g_autofree char *name = NULL;

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Enregistrer la session"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Enregistrer"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), self->file, NULL);
  else
    {
      name = g_strconcat (*title ? title : _("Session"), GR_SESSION_EXTENSION, NULL);
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  self->close_after_save = close_after;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_as_response), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_then (GrWindow *self,
           gboolean  close_after)
{
  if (self->file == NULL)
    {
      save_as (self, close_after);
      return;
    }

  if (save_or_explain (self, self->file))
    {
      if (close_after)
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }
  else if (close_after)
    cancel_close (self);
}

/* A window that shows an untouched new session: opening a file replaces it. */
gboolean
gr_window_is_pristine (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);

  return self->file == NULL && self->draft == NULL && !gr_window_is_modified (self) &&
         !gr_history_can_undo (self->history) && !gr_history_can_redo (self->history);
}

static GrWindow *
window_for_file (GrWindow *self,
                 GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* A session already open is brought forward rather than opened twice. */
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (GR_IS_WINDOW (l->data) && GR_WINDOW (l->data)->file != NULL &&
        g_file_equal (GR_WINDOW (l->data)->file, file))
      return l->data;

  if (gr_window_is_pristine (self))
    return self;

  return gr_window_new (GR_APPLICATION (app));
}

static void
open_in_window (GrWindow *self,
                GFile    *file)
{
  GrWindow *target = window_for_file (self, file);

  gtk_window_present (GTK_WINDOW (target));
  if (target->file == NULL || !g_file_equal (target->file, file))
    {
      if (!gr_window_open_file (target, file) && target != self && gr_window_is_pristine (target))
        gtk_window_destroy (GTK_WINDOW (target));
    }
}

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  GrWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  g_signal_handlers_disconnect_by_data (chooser, self);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          open_in_window (self, file);
        }
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

/**
 * gr_window_compare_with_file:
 * @file: an earlier session
 *
 * Draws @file's session on the window's charts (and in its exports) for comparison. It is
 * not part of this session: nothing to save, nothing to undo. On failure the charts keep what
 * they had and a dialog says why.
 *
 * Returns: whether @file was read.
 */
gboolean
gr_window_compare_with_file (GrWindow *self,
                             GFile    *file)
{
  g_autoptr(GrSession) reference = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(reference = gr_session_load (file, &error)))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: %s is the file chosen as the earlier session. */
      g_autofree char *primary = g_strdup_printf (_("Impossible de comparer avec « %s »"), name);

      gr_ui_show_error (GTK_WIDGET (self), primary, error->message);
      return FALSE;
    }

  g_set_object (&self->reference, reference);
  apply_reference (self);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the earlier session the charts are compared with. */
GrSession *
gr_window_get_reference (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->reference;
}

static void
on_compare_response (GtkNativeDialog *native,
                     int              response,
                     GrWindow        *self)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);

  g_signal_handlers_disconnect_by_data (chooser, self);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gr_window_compare_with_file (self, file);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = new_session_filter ();

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Comparer avec une session antérieure"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Comparer"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* The earlier session is most likely beside this one. */
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_compare_response), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
compare_clear_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (self->reference == NULL)
    return;

  g_clear_object (&self->reference);
  apply_reference (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = new_session_filter ();

  gr_ui_clear_chooser (&self->chooser, self);
  self->chooser = gtk_file_chooser_native_new (_("Ouvrir une session"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Ouvrir"),
                                               _("_Annuler"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_in_window (GR_WINDOW (widget), file);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

/* The recent sessions, newest first, for the menu beside Open. */
static void
update_recent_menu (GrWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  items = g_list_sort (items, compare_newest_first);

  for (GList *l = items; l && n < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_str_has_suffix (uri, GR_SESSION_EXTENSION) || !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (uri));
      g_menu_append_item (section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Aucune session récente"), "win.none");
      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, _("Sessions récentes"), G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->recent_button, G_MENU_MODEL (menu));
}

/* Opens @file in this window; on failure the window keeps its session and says why. */
gboolean
gr_window_open_file (GrWindow *self,
                     GFile    *file)
{
  g_autoptr(GrSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(session = gr_session_load (file, &error)))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *primary = g_strdup_printf (_("Impossible d’ouvrir « %s »"), name);

      gr_ui_show_error (GTK_WIDGET (self), primary, error->message);
      return FALSE;
    }

  discard_draft (self);
  g_clear_object (&self->draft);
  gr_window_set_session (self, session, file);
  add_recent (file);
  return TRUE;
}

/* Puts a draft found after a crash back in this window, as unsaved changes to its file. */
gboolean
gr_window_restore_draft (GrWindow  *self,
                         GrDraft   *draft,
                         GError   **error)
{
  g_autoptr(GrSession) session = NULL;

  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (GR_IS_DRAFT (draft), FALSE);

  if (!(session = gr_draft_load (draft, error)))
    return FALSE;

  gr_window_set_session (self, session, gr_draft_get_origin (draft));
  g_set_object (&self->draft, draft);
  gr_history_mark_modified (self->history);
  update_title (self);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the window's draft, once one was written. */
GrDraft *
gr_window_get_draft (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->draft;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GrWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  gboolean opened = FALSE;

  for (GSList *l = files; l; l = l->next)
    {
      open_in_window (self, l->data);
      opened = TRUE;
    }

  return opened;
}

/* Closing */

static void
save_window_state (GrWindow *self)
{
  int width, height;

  if (self->projector)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

typedef struct
{
  GrWindow *window;
  int       response;
} CloseData;

static gboolean
finish_close (gpointer user_data)
{
  CloseData *data = user_data;
  GrWindow *self = data->window;

  switch (data->response)
    {
    case GTK_RESPONSE_ACCEPT:
      save_then (self, TRUE);
      break;

    case GTK_RESPONSE_REJECT:
      /* The user chose to lose the changes: the draft must not offer them again. */
      discard_draft (self);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    default:
      cancel_close (self);
      break;
    }

  g_object_unref (data->window);
  g_free (data);
  return G_SOURCE_REMOVE;
}

/* The window may go away as a result: that happens once the dialog, which points to it as its
 * parent, is gone, hence the idle. */
static void
on_close_response (GtkDialog *dialog,
                   int        response,
                   GrWindow  *self)
{
  CloseData *data = g_new0 (CloseData, 1);

  data->window = g_object_ref (self);
  data->response = response;
  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_prompt);
  self->close_prompt = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_idle_add (finish_close, data);
}

static gboolean
gr_window_close_request (GtkWindow *window)
{
  GrWindow *self = GR_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  save_window_state (self);

  if (self->close_confirmed || !gr_window_is_modified (self))
    {
      discard_draft (self);
      return GTK_WINDOW_CLASS (gr_window_parent_class)->close_request (window);
    }

  /* Asked again (Ctrl+W or Ctrl+Q twice): the question already open comes forward. */
  if (self->close_prompt != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_prompt));
      return TRUE;
    }
  /* The answer is being carried out (the save chooser may be open). */
  if (self->closing)
    return TRUE;

  self->closing = TRUE;
  gtk_window_present (window);
  name = get_display_name (self);
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Enregistrer les modifications de « %s » avant de fermer ?"),
                                   name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Si vous n’enregistrez pas, les modifications "
                                              "faites depuis le dernier enregistrement seront "
                                              "perdues."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Annuler"), GTK_RESPONSE_CANCEL,
                          _("_Ne pas enregistrer"), GTK_RESPONSE_REJECT,
                          _("_Enregistrer"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gr_ui_style_question (GTK_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  self->close_prompt = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_prompt);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_then (GR_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (GR_WINDOW (widget), FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GrExportDialog *dialog = gr_export_dialog_new (GTK_WINDOW (self), self->session,
                                                 is_group (self) ? NULL : self->participant,
                                                 self->file);
  GrChartVisibility visibility;

  /* The export draws what the window's charts show. */
  gr_chart_view_get_visibility (gr_overview_page_get_chart (self->overview), &visibility);
  gr_export_dialog_set_series (dialog, &visibility, self->reference);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);

  if (g_str_equal (action_name, "win.undo"))
    gr_history_undo (self->history);
  else
    gr_history_redo (self->history);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
select_participant_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GrParticipant *participant =
    gr_session_find_participant (self->session, g_variant_get_string (parameter, NULL), NULL);

  if (participant != NULL)
    gr_window_set_participant (self, participant);
}

/* The question holds the window weakly: a strong reference would keep a window closed while
 * it asks alive, and with it the question, which goes only with its window. */
typedef struct
{
  GrWindow      *window;
  GrParticipant *participant;
} RemoveData;

static void
on_remove_response (GtkDialog *dialog,
                    int        response,
                    gpointer   user_data)
{
  RemoveData *data = user_data;
  guint position;

  if (response == GTK_RESPONSE_ACCEPT && data->window != NULL &&
      gr_session_find_participant (data->window->session,
                                   gr_participant_get_name (data->participant), &position)
        == data->participant)
    gr_session_remove_participant (data->window->session, position);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
remove_data_free (gpointer  user_data,
                  GClosure *closure)
{
  RemoveData *data = user_data;

  g_clear_weak_pointer (&data->window);
  g_object_unref (data->participant);
  g_free (data);
}

static void
remove_participant_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GrParticipant *participant = gr_session_find_participant (self->session, name, NULL);
  RemoveData *data;
  GtkWidget *dialog;

  if (participant == NULL || gr_session_get_n_participants (self->session) < 2)
    return;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Supprimer « %s » de la session ?"), name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Ses scores, ses notes et ses objectifs seront "
                                              "retirés. Vous pourrez encore annuler avec "
                                              "Ctrl+Z."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Annuler"), GTK_RESPONSE_CANCEL,
                          _("_Supprimer"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                GTK_RESPONSE_ACCEPT),
                            "destructive-action");
  data = g_new0 (RemoveData, 1);
  g_set_weak_pointer (&data->window, self);
  data->participant = g_object_ref (participant);
  /* Freed with the dialog, however it goes: answered, or with the window it belongs to. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_remove_response), data,
                         remove_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gr_window_show_page (GR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
step_competency_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GrWindow *self = GR_WINDOW (widget);
  GrGrid *grid = gr_session_get_grid (self->session);
  guint n = gr_grid_get_n_competencies (grid);
  const char *page = gr_window_get_page (self);
  guint current = 0;
  int step = g_str_equal (action_name, "win.next-competency") ? 1 : -1;
  gboolean on_competency = gr_grid_find_competency (grid, page, &current);

  if (!on_competency)
    current = step > 0 ? n - 1 : 0;
  current = (current + n + step) % n;
  gr_window_show_page (self, gr_competency_get_id (gr_grid_get_competency (grid, current)));
}

/* Properties */

static void
set_projector (GrWindow *self,
               gboolean  projector)
{
  if (self->projector == projector)
    return;

  self->projector = projector;
  if (projector)
    {
      const char *page = gr_window_get_page (self);
      guint position = 0;

      save_window_state (self);
      if (gr_grid_find_competency (gr_session_get_grid (self->session), page, &position))
        gr_projector_view_set_competency (self->projector_view, position);
      gtk_stack_set_visible_child_name (self->mode_stack, "projector");
      gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_set_visible (GTK_WIDGET (self->header_bar), TRUE);
      gtk_stack_set_visible_child_name (self->mode_stack, "edit");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTOR]);
}

static void
set_chart_view (GrWindow   *self,
                const char *view)
{
  if (!g_str_equal (view, "group"))
    view = "participant";
  if (!gr_set_str (&self->chart_view, view))
    return;

  update_views (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_VIEW]);
}

static void
set_second_language (GrWindow   *self,
                     const char *code)
{
  if (code == NULL)
    code = "";
  if (!gr_set_str (&self->second_language, code))
    return;

  for (guint i = 0; i < self->competency_pages->len; i++)
    gr_competency_page_set_second_language (g_ptr_array_index (self->competency_pages, i), code);
  gr_projector_view_set_second_language (self->projector_view, code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECOND_LANGUAGE]);
}

static void
gr_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GrWindow *self = GR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHART_VIEW:
      g_value_set_string (value, self->chart_view);
      break;
    case PROP_PROJECTOR:
      g_value_set_boolean (value, self->projector);
      break;
    case PROP_SHOW_NAMES:
      g_value_set_boolean (value, self->show_names);
      break;
    case PROP_SECOND_LANGUAGE:
      g_value_set_string (value, self->second_language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GrWindow *self = GR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHART_VIEW:
      set_chart_view (self, g_value_get_string (value));
      break;
    case PROP_PROJECTOR:
      set_projector (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_NAMES:
      if (self->show_names != g_value_get_boolean (value))
        {
          self->show_names = g_value_get_boolean (value);
          gr_projector_view_set_show_names (self->projector_view, self->show_names);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SECOND_LANGUAGE:
      set_second_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_focus_changed (GrWindow *self)
{
  /* A new undo step starts when the user moves to another field. */
  if (self->history != NULL)
    gr_history_seal (self->history);
}

static gboolean
on_key_pressed (GrWindow        *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (!self->projector)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      set_projector (self, FALSE);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.next-competency", NULL);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.previous-competency", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
gr_window_dispose (GObject *object)
{
  GrWindow *self = (GrWindow *)object;

  /* A window closed by the user removed its draft; one destroyed otherwise (the process
   * ending without a close) keeps it, like a crash would. Write what is pending now. */
  if (self->draft_delay_id != 0 || self->draft_deadline_id != 0)
    write_draft (self);
  gr_ui_clear_chooser (&self->chooser, self);
  if (self->close_prompt != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->close_prompt),
                                    (gpointer *) &self->close_prompt);
      self->close_prompt = NULL;
    }

  /* The pages the binding updates are about to go. */
  if (self->settings != NULL)
    g_settings_unbind (self, "second-language");
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_WINDOW);
  g_clear_pointer (&self->competency_pages, g_ptr_array_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_object (&self->participant);
  g_clear_object (&self->reference);
  g_clear_object (&self->file);
  g_clear_object (&self->draft);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gr_window_parent_class)->dispose (object);
}

static void
gr_window_finalize (GObject *object)
{
  g_free (GR_WINDOW (object)->chart_view);
  g_free (GR_WINDOW (object)->second_language);
  G_OBJECT_CLASS (gr_window_parent_class)->finalize (object);
}

static void
gr_window_class_init (GrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gr_window_dispose;
  object_class->finalize = gr_window_finalize;
  object_class->get_property = gr_window_get_property;
  object_class->set_property = gr_window_set_property;
  window_class->close_request = gr_window_close_request;

  properties[PROP_CHART_VIEW] =
    g_param_spec_string ("chart-view", NULL, NULL, "participant",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECTOR] =
    g_param_spec_boolean ("projector", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NAMES] =
    g_param_spec_boolean ("show-names", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The language shown under each text of the grid, for multilingual workshops ("" none). */
  properties[PROP_SECOND_LANGUAGE] =
    g_param_spec_string ("second-language", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A close that was asked for will not happen: the user cancelled, or the save failed. */
  signals[CLOSE_CANCELLED] =
    g_signal_new ("close-cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GR_TYPE_ADAPTIVE_BOX);
  g_type_ensure (GR_TYPE_CHART_VIEW);
  g_type_ensure (GR_TYPE_PROJECTOR_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/grille/Grille/gr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GrWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, projector_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, participant_caption);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, participant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, sidebar_caption);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, adaptive_box);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, chart_panel);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, chart);
  gtk_widget_class_bind_template_child_full (widget_class, "projector", FALSE,
                                             G_STRUCT_OFFSET (GrWindow, projector_view));

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-clear", NULL,
                                   compare_clear_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.select-participant", "s",
                                   select_participant_action);
  gtk_widget_class_install_action (widget_class, "win.remove-participant", "s",
                                   remove_participant_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.next-competency", NULL,
                                   step_competency_action);
  gtk_widget_class_install_action (widget_class, "win.previous-competency", NULL,
                                   step_competency_action);
  gtk_widget_class_install_property_action (widget_class, "win.projector", "projector");
  gtk_widget_class_install_property_action (widget_class, "win.chart-view", "chart-view");
  gtk_widget_class_install_property_action (widget_class, "win.show-names", "show-names");
}

/* The participant drop-down shows the name and follows a rename: GTK 4.8 evaluates an
 * expression once, when the item is bound. */
static void
setup_participant_item (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
update_participant_label (GrParticipant *participant,
                          GParamSpec    *pspec,
                          GtkLabel      *label)
{
  gtk_label_set_text (label, gr_participant_get_name (participant));
}

static void
bind_participant_item (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item)
{
  GrParticipant *participant = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  update_participant_label (participant, NULL, GTK_LABEL (label));
  g_signal_connect_object (participant, "notify::name", G_CALLBACK (update_participant_label),
                           label, 0);
}

static void
unbind_participant_item (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item)
{
  GrParticipant *participant = gtk_list_item_get_item (list_item);

  if (participant != NULL)
    g_signal_handlers_disconnect_by_func (participant, update_participant_label,
                                          gtk_list_item_get_child (list_item));
}

static void
gr_window_init (GrWindow *self)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkDropTarget *drop;
  GtkEventController *keys;

  self->chart_view = g_strdup ("participant");
  self->second_language = g_strdup ("");
  self->show_names = TRUE;
  self->competency_pages = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not bound as template children: dispose_template() would unparent them behind
   * GtkWindow's back, and GtkWindow unparents its title bar and child itself. */
  self->header_bar = GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (self)));
  self->mode_stack = GTK_STACK (gtk_window_get_child (GTK_WINDOW (self)));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_participant_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_participant_item), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_participant_item), NULL);
  gtk_drop_down_set_factory (self->participant_dropdown, factory);
  g_signal_connect_object (self->participant_dropdown, "notify::selected-item",
                           G_CALLBACK (on_participant_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "row-selected", G_CALLBACK (on_row_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recent_button, "notify::active",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_changed), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* Every window follows the choice at once, wherever it is made. */
  g_settings_bind (self->settings, "second-language", self, "second-language",
                   G_SETTINGS_BIND_GET);

  update_recent_menu (self);
  gr_window_set_session (self, session, NULL);
}

GrWindow *
gr_window_new (GrApplication *application)
{
  return g_object_new (GR_TYPE_WINDOW, "application", application, NULL);
}

GrSession *
gr_window_get_session (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->session;
}

/* Returns: (transfer none) (nullable): the file the session is saved in. */
GFile *
gr_window_get_file (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->file;
}

/* Shows @session, read from @file (NULL for a new one); its state counts as saved. */
void
gr_window_set_session (GrWindow  *self,
                       GrSession *session,
                       GFile     *file)
{
  g_autofree char *page = NULL;

  g_return_if_fail (GR_IS_WINDOW (self));
  g_return_if_fail (GR_IS_SESSION (session));

  page = g_strdup (self->session ? gr_window_get_page (self) : PAGE_OVERVIEW);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (gr_session_get_participants (self->session), self);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  /* The pages need someone to edit: a session always has a participant. */
  if (gr_session_get_n_participants (session) == 0)
    {
      g_autoptr(GrParticipant) participant =
        gr_participant_new (gr_session_get_grid (session), _("Participant 1"));
      gr_session_add_participant (session, participant, NULL);
    }

  g_set_object (&self->session, session);
  g_set_object (&self->file, file);
  g_clear_object (&self->participant);
  g_clear_object (&self->history);
  self->history = gr_history_new (session);
  self->close_confirmed = FALSE;

  rebuild_pages (self);
  gr_chart_view_set_session (self->chart, session);
  gr_projector_view_set_session (self->projector_view, session);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->participant_dropdown, gr_session_get_participants (session));
  self->updating = FALSE;

  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gr_session_get_participants (session), "items-changed",
                           G_CALLBACK (on_participants_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->history, "notify::modified", G_CALLBACK (on_history_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (on_history_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (on_history_notify),
                           self, G_CONNECT_SWAPPED);

  gr_window_relabel (self);
  gr_window_set_participant (self, gr_session_get_participant (session, 0));
  if (gr_window_get_sidebar_row (self, page) == NULL)
    gr_set_str (&page, PAGE_OVERVIEW);
  gr_window_show_page (self, page);
  update_actions (self);
}

gboolean
gr_window_is_modified (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  return self->history != NULL && gr_history_is_modified (self->history);
}

/* Returns: (transfer none) */
GrHistory *
gr_window_get_history (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->history;
}

/* Returns: (transfer none) (nullable): whose scores the pages edit. */
GrParticipant *
gr_window_get_participant (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->participant;
}

void
gr_window_set_participant (GrWindow      *self,
                           GrParticipant *participant)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (GR_IS_WINDOW (self));

  if (participant != NULL)
    gr_session_find_participant (self->session, gr_participant_get_name (participant), &position);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->participant_dropdown, position);
  self->updating = FALSE;

  if (self->participant == participant)
    {
      update_chart_caption (self);
      return;
    }

  if (self->participant != NULL)
    g_signal_handlers_disconnect_by_func (self->participant, update_chart_caption, self);
  g_set_object (&self->participant, participant);
  if (participant != NULL)
    g_signal_connect_object (participant, "notify::name", G_CALLBACK (update_chart_caption),
                             self, G_CONNECT_SWAPPED);
  update_views (self);
}

/* Shows a page: "overview", "participants" or a competency's id. */
void
gr_window_show_page (GrWindow   *self,
                     const char *page)
{
  GrSidebarRow *row;

  g_return_if_fail (GR_IS_WINDOW (self));

  if ((row = gr_window_get_sidebar_row (self, page)))
    gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
}

const char *
gr_window_get_page (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none) */
GrCompetencyPage *
gr_window_get_competency_page (GrWindow *self,
                               guint     competency)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (competency < self->competency_pages->len, NULL);
  return g_ptr_array_index (self->competency_pages, competency);
}

/* Returns: (transfer none) (nullable): the sidebar's row for @page. */
GrSidebarRow *
gr_window_get_sidebar_row (GrWindow   *self,
                           const char *page)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GR_IS_SIDEBAR_ROW (row) && g_strcmp0 (gr_sidebar_row_get_page (GR_SIDEBAR_ROW (row)),
                                              page) == 0)
      return GR_SIDEBAR_ROW (row);

  return NULL;
}

/* Returns: (transfer none): the live chart beside (or below) the pages. */
GrChartView *
gr_window_get_chart (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->chart;
}

/* Returns: (transfer none) */
GrOverviewPage *
gr_window_get_overview (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->overview;
}

/* Returns: (transfer none) */
GrParticipantsPage *
gr_window_get_participants_page (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->participants_page;
}

/* Returns: (transfer none) */
GrProjectorView *
gr_window_get_projector (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->projector_view;
}

/* Whether the live chart is beside the pages (TRUE) or below them. */
gboolean
gr_window_is_wide (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  return gr_adaptive_box_is_wide (self->adaptive_box);
}
