/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The overview page: the session's title, the radar chart large (one participant or the
 * group), what its lines mean, and the same scores as a table for those who read text. */
#define G_LOG_DOMAIN "gr-overview-page"

#include "config.h"

#include "gr-competency.h"
#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-item.h"
#include "gr-overview-page.h"
#include "gr-progress-table.h"
#include "gr-roles.h"
#include "gr-ui.h"

struct _GrOverviewPage
{
  GtkWidget       parent_instance;

  GtkWidget       *top;      /* bound so that dispose_template() unparents it */

  GrSession      *session;
  GrParticipant  *participant;
  gboolean        group;
  gboolean        by_role;
  gboolean        updating;

  GtkLabel       *heading_label;
  GtkToggleButton *participant_button;
  GtkToggleButton *group_button;
  GtkWidget      *role_box;
  GtkGrid        *role_table;
  GtkEntry       *title_entry;
  GtkEntry       *organisation_entry;
  GtkMenuButton  *date_button;
  GtkCalendar    *date_calendar;
  GrChartView    *chart;
  GtkWidget      *series_row;
  GtkLabel       *series_caption;
  GtkFlowBox     *series_box;
  GtkCheckButton *mean_check;
  GtkCheckButton *band_check;
  GPtrArray      *hidden;     /* the GrParticipants whose line the group view leaves out */
  GtkLabel       *legend_label;
  GtkLabel       *table_heading;
  GtkScrolledWindow *table_scroller;
  GtkGrid        *table;
  GrProgressTable *progress_table;
  guint           n_table_participants;  /* the shape the table's cells were made for */
  guint           n_table_competencies;
};

G_DEFINE_FINAL_TYPE (GrOverviewPage, gr_overview_page, GTK_TYPE_WIDGET)

static void update_role_table (GrOverviewPage *self);
static void update_legend     (GrOverviewPage *self);

/* The table of scores is a GtkGrid read as a table: a header row (the participants, the
 * group's figures), a header column (the competencies), each cell described by its two
 * headers. Its cells are made once for a session's shape and then only have their text
 * changed, cell by cell, as scores change: typing a note changes no cell at all. */

enum
{
  COLUMN_MEAN,     /* after the participants' columns */
  COLUMN_BAND,
  COLUMN_TARGET,
  COLUMN_ACTIONS,  /* how many actions the competency's plan has, how many are overdue */
  N_GROUP_COLUMNS
};

static GtkWidget *
table_cell (GrOverviewPage *self,
            int             column,
            int             row)
{
  return gtk_grid_get_child_at (self->table, column, row);
}

static void
add_cell (GrOverviewPage *self,
          int             column,
          int             row)
{
  GtkWidget *label = gr_ui_table_cell (self->table, column, row, "", NULL);

  /* A screen reader that reads cell after cell says which competency and whose score. */
  if (row > 0 && column > 0)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    table_cell (self, 0, row), table_cell (self, column, 0),
                                    NULL, -1);
}

static void
set_cell (GrOverviewPage *self,
          int             column,
          int             row,
          const char     *text,
          gboolean        is_current)
{
  GtkWidget *cell = table_cell (self, column, row);

  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (cell)), text) != 0)
    gtk_label_set_text (GTK_LABEL (cell), text);
  if (is_current)
    gtk_widget_add_css_class (cell, "table-current");
  else
    gtk_widget_remove_css_class (cell, "table-current");
}

static int
table_group_column (GrOverviewPage *self)
{
  return 1 + (int) self->n_table_participants;
}

/* Makes the cells for the session's participants and competencies, when they changed. */
static void
shape_table (GrOverviewPage *self)
{
  guint n_participants = self->session ? gr_session_get_n_participants (self->session) : 0;
  guint n_competencies = self->session
    ? gr_grid_get_n_competencies (gr_session_get_grid (self->session)) : 0;
  GtkWidget *child;
  int columns, rows;

  if (table_cell (self, 0, 0) != NULL && n_participants == self->n_table_participants &&
      n_competencies == self->n_table_competencies)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))))
    gtk_grid_remove (self->table, child);
  self->n_table_participants = n_participants;
  self->n_table_competencies = n_competencies;
  if (self->session == NULL)
    return;

  columns = table_group_column (self) + N_GROUP_COLUMNS;
  rows = 1 + (int) n_competencies;
  /* Headers first: the cells refer to them. */
  for (int column = 0; column < columns; column++)
    add_cell (self, column, 0);
  for (int row = 1; row < rows; row++)
    for (int column = 0; column < columns; column++)
      add_cell (self, column, row);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, rows,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, columns,
                                  -1);
}

static void
update_participant_cell (GrOverviewPage *self,
                         guint           p,
                         guint           competency)
{
  GrParticipant *participant = gr_session_get_participant (self->session, p);
  g_autofree char *score = NULL;
  GrStats stats;

  gr_participant_get_competency_stats (participant, competency, &stats);
  score = gr_ui_format_score (&stats, gr_session_get_grid (self->session));
  set_cell (self, 1 + p, 1 + competency, score, participant == self->participant);
}

static void
update_group_cells (GrOverviewPage *self,
                    guint           competency)
{
  int column = table_group_column (self);
  g_autofree char *mean = NULL;
  g_autofree char *band = NULL;
  GrStats stats;

  gr_session_get_competency_stats (self->session, competency, &stats);
  mean = gr_ui_format_score (&stats, gr_session_get_grid (self->session));
  if (gr_stats_has_score (&stats))
    {
      g_autofree char *min = gr_ui_format_number (stats.min);
      g_autofree char *max = gr_ui_format_number (stats.max);

      /* Translators: the group's band, from the lowest score to the highest. */
      band = g_strdup_printf (_("%s à %s"), min, max);
    }
  else
    band = g_strdup (_("non évalué"));

  set_cell (self, column + COLUMN_MEAN, 1 + competency, mean, FALSE);
  set_cell (self, column + COLUMN_BAND, 1 + competency, band, FALSE);
}

static void
update_target_cell (GrOverviewPage *self,
                    guint           competency)
{
  g_autofree char *target = NULL;

  if (self->participant != NULL &&
      gr_participant_get_target (self->participant, competency) != GR_LEVEL_NONE)
    target = g_strdup_printf ("%d", gr_participant_get_target (self->participant, competency));
  else
    target = g_strdup (_("aucun"));
  set_cell (self, table_group_column (self) + COLUMN_TARGET, 1 + competency, target, FALSE);
}

static void
update_actions_cell (GrOverviewPage *self,
                     guint           competency)
{
  GListModel *actions = gr_session_get_actions (self->session, competency);
  guint n = g_list_model_get_n_items (actions), late = 0;
  g_autofree char *today = gr_today_iso ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GrAction) action = g_list_model_get_item (actions, i);
      late += gr_action_is_overdue (action, today);
    }
  if (late > 0)
    /* Translators: the actions of a competency's plan, and how many are overdue. */
    text = g_strdup_printf (gr_translator_ngettext (gr_translator_get (NULL),
                                                    "%u (dont %u en retard)",
                                                    "%u (dont %u en retard)", late),
                            n, late);
  else
    text = g_strdup_printf ("%u", n);
  set_cell (self, table_group_column (self) + COLUMN_ACTIONS, 1 + competency, text, FALSE);
}

static void
update_actions_cells (GrOverviewPage *self)
{
  if (self->session == NULL || self->n_table_competencies == 0)
    return;
  for (guint c = 0; c < self->n_table_competencies; c++)
    update_actions_cell (self, c);
}

static void
update_headers (GrOverviewPage *self)
{
  GrGrid *grid = gr_session_get_grid (self->session);
  int column = table_group_column (self);
  g_autofree char *target = NULL;

  set_cell (self, 0, 0, _("Compétence"), FALSE);
  for (guint p = 0; p < self->n_table_participants; p++)
    {
      GrParticipant *participant = gr_session_get_participant (self->session, p);
      /* Isolated: a name in another direction keeps its order and leaves its column alone. */
      g_autofree char *name = gr_format_name (gr_participant_get_name (participant));

      set_cell (self, 1 + p, 0, name, participant == self->participant);
    }
  set_cell (self, column + COLUMN_MEAN, 0, _("Moyenne du groupe"), FALSE);
  set_cell (self, column + COLUMN_BAND, 0, _("Étendue"), FALSE);
  /* The targets are one participant's, beside the group's figures: say whose. */
  if (self->participant != NULL)
    /* Translators: heading of the targets column of the overview: whose targets. */
    target = gr_ui_with_name (_("Objectif de %s"), gr_participant_get_name (self->participant));
  else
    target = g_strdup (_("Objectif"));
  set_cell (self, column + COLUMN_TARGET, 0, target, FALSE);
  set_cell (self, column + COLUMN_ACTIONS, 0, _("Actions"), FALSE);

  for (guint c = 0; c < self->n_table_competencies; c++)
    set_cell (self, 0, 1 + c,
              gr_ui_grid_text (gr_competency_get_title (gr_grid_get_competency (grid, c))),
              FALSE);

  /* GTK 4.8 does not turn the cells' "described by" into a description: each cell states
   * its competency and its column itself, for a screen reader going from cell to cell. */
  for (int row = 1; row <= (int) self->n_table_competencies; row++)
    for (int col = 1; col < column + N_GROUP_COLUMNS; col++)
      {
        /* Translators: a cell of the scores table, described for a screen reader: its
         * competency, then its column ("Coopérer, Moyenne du groupe"). */
        g_autofree char *where = g_strdup_printf (_("%s, %s"),
          gtk_label_get_text (GTK_LABEL (table_cell (self, 0, row))),
          gtk_label_get_text (GTK_LABEL (table_cell (self, col, 0))));

        gtk_accessible_update_property (GTK_ACCESSIBLE (table_cell (self, col, row)),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where,
                                        -1);
      }
}

/* Brings every cell up to date (a new session, language or participant shown). */
static void
update_table (GrOverviewPage *self)
{
  update_role_table (self);
  shape_table (self);
  if (self->session == NULL)
    return;

  update_headers (self);
  for (guint c = 0; c < self->n_table_competencies; c++)
    {
      for (guint p = 0; p < self->n_table_participants; p++)
        update_participant_cell (self, p, c);
      update_group_cells (self, c);
      update_target_cell (self, c);
      update_actions_cell (self, c);
    }
}

/* Only the cells a change touches: a level changes a participant's score of one competency and
 * the group's figures there; a target, one cell; a note, none. */
static void
on_participant_changed (GrOverviewPage *self,
                        GrParticipant  *participant,
                        int             kind,
                        guint           index)
{
  guint p;

  /* A level or a role moves a role's mean: the small table by role is made again. */
  if (self->by_role && (kind == GR_PARTICIPANT_CHANGE_LEVEL || kind == GR_PARTICIPANT_CHANGE_ROLE))
    update_role_table (self);

  if (!g_list_store_find (G_LIST_STORE (gr_session_get_participants (self->session)),
                          participant, &p) || p >= self->n_table_participants)
    return;

  switch (kind)
    {
    case GR_PARTICIPANT_CHANGE_LEVEL:
      {
        GrItem *item = gr_grid_get_item (gr_session_get_grid (self->session), index);
        guint competency = gr_item_get_competency_index (item);

        update_participant_cell (self, p, competency);
        update_group_cells (self, competency);
      }
      break;
    case GR_PARTICIPANT_CHANGE_TARGET:
      if (participant == self->participant)
        update_target_cell (self, index);
      break;
    case GR_PARTICIPANT_CHANGE_NAME:
      update_headers (self);
      break;
    default:
      break;
    }
}

/* Left and Right scroll a table wider than the page: a keyboard reaches every column. */
static gboolean
on_table_key_pressed (GrOverviewPage        *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->table_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double step = MAX (40, gtk_adjustment_get_page_size (adjustment) / 4);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      value -= step;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      value += step;
      break;
    case GDK_KEY_Home:
      value = gtk_adjustment_get_lower (adjustment);
      break;
    case GDK_KEY_End:
      value = gtk_adjustment_get_upper (adjustment);
      break;
    default:
      return FALSE;
    }
  gtk_adjustment_set_value (adjustment, value);
  return TRUE;
}

/* The chart hides lines by name: names follow renames, the participants stay the same. */
static void
push_hidden (GrOverviewPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < self->hidden->len; i++)
    g_strv_builder_add (builder, gr_participant_get_name (g_ptr_array_index (self->hidden, i)));
  names = g_strv_builder_end (builder);
  gr_chart_view_set_hidden_participants (self->chart, (const char * const *) names);
}

static void
on_participant_check_toggled (GtkCheckButton *check,
                              GrOverviewPage *self)
{
  GrParticipant *participant = g_object_get_data (G_OBJECT (check), "participant");
  gboolean shown = gtk_check_button_get_active (check);
  guint position;

  if (g_ptr_array_find (self->hidden, participant, &position))
    {
      if (shown)
        g_ptr_array_remove_index (self->hidden, position);
    }
  else if (!shown)
    g_ptr_array_add (self->hidden, g_object_ref (participant));

  push_hidden (self);
}

static void
on_participant_renamed (GrParticipant  *participant,
                        GParamSpec     *pspec,
                        GtkCheckButton *check)
{
  GrOverviewPage *self = GR_OVERVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (check),
                                                                    GR_TYPE_OVERVIEW_PAGE));

  gtk_check_button_set_label (check, gr_participant_get_name (participant));
  if (self != NULL && g_ptr_array_find (self->hidden, participant, NULL))
    push_hidden (self);
}

static void
update_series_row (GrOverviewPage *self)
{
  gboolean several = self->session != NULL &&
                     gr_session_get_n_participants (self->session) > 1;

  /* With one participant the group view is that participant's chart: nothing to choose. */
  gtk_widget_set_visible (self->series_row, self->group && several && !self->by_role);
}

/* One check button per participant after the mean's and the band's, in the session's order;
 * a participant taken out of the session is forgotten. */
static void
rebuild_series_checks (GrOverviewPage *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->series_box));
  guint n = self->session ? gr_session_get_n_participants (self->session) : 0;

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      gtk_widget_set_focusable (child, FALSE);
      if (check != GTK_WIDGET (self->mean_check) && check != GTK_WIDGET (self->band_check))
        gtk_flow_box_remove (self->series_box, child);
      child = next;
    }

  for (guint i = self->hidden->len; i > 0; i--)
    {
      GrParticipant *participant = g_ptr_array_index (self->hidden, i - 1);

      if (self->session == NULL ||
          gr_session_find_participant (self->session, gr_participant_get_name (participant),
                                       NULL) != participant)
        g_ptr_array_remove_index (self->hidden, i - 1);
    }

  for (guint p = 0; p < n; p++)
    {
      GrParticipant *participant = gr_session_get_participant (self->session, p);
      GtkWidget *check = gtk_check_button_new_with_label (gr_participant_get_name (participant));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !g_ptr_array_find (self->hidden, participant, NULL));
      g_object_set_data_full (G_OBJECT (check), "participant", g_object_ref (participant),
                              g_object_unref);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_participant_check_toggled),
                               self, 0);
      g_signal_connect_object (participant, "notify::name",
                               G_CALLBACK (on_participant_renamed), check, 0);
      gtk_flow_box_append (self->series_box, check);
      /* Tab goes from check to check, not to the flow box's cells around them. */
      gtk_widget_set_focusable (gtk_widget_get_parent (check), FALSE);
    }

  push_hidden (self);
  update_series_row (self);
}

static void
set_entry (GrOverviewPage *self,
           GtkEntry       *entry,
           const char     *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  self->updating = FALSE;
}

static void
update_title_entry (GrOverviewPage *self)
{
  set_entry (self, self->title_entry, self->session ? gr_session_get_title (self->session) : "");
  set_entry (self, self->organisation_entry,
             self->session ? gr_session_get_organisation (self->session) : "");
}

static void
on_title_changed (GrOverviewPage *self)
{
  if (self->updating || self->session == NULL)
    return;

  gr_session_set_title (self->session, gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
}

/* The session's date in words in the interface's language, and chosen on the calendar. */
static void
update_date_button (GrOverviewPage *self)
{
  const char *iso = self->session ? gr_session_get_date (self->session) : "";
  g_autofree char *words = gr_format_date_long (gr_ui_translator (), iso);
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *name = NULL;
  int year, month, mday;

  gtk_menu_button_set_label (self->date_button, words ? words : _("Sans date"));
  /* What the button is for, then the date: a GtkMenuButton is not named by its label. */
  name = g_strdup_printf (_("%s : %s"), C_("overview", "Date de la session"),
                          words ? words : _("Sans date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (words == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &mday) != 3
      || !(day = g_date_time_new_local (year, month, mday, 0, 0, 0)))
    return;

  self->updating = TRUE;
  gtk_calendar_select_day (self->date_calendar, day);
  self->updating = FALSE;
}

static void
on_day_selected (GrOverviewPage *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  if (self->updating || self->session == NULL)
    return;

  gr_session_set_date (self->session, iso);
  gtk_menu_button_popdown (self->date_button);
}

/* Each competency's score per role and the largest gap between roles, as the chart shows
 * them; made again whenever a score changes while it is shown. */
static void
update_role_table (GrOverviewPage *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  GtkWidget *child;
  GrTranslator *translator = gr_ui_translator ();
  GrGrid *grid;
  guint n_groups;

  gtk_widget_set_visible (self->role_box, self->by_role && self->session != NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->role_table))))
    gtk_grid_remove (self->role_table, child);
  if (!self->by_role || self->session == NULL)
    return;

  grid = gr_session_get_grid (self->session);
  groups = gr_roles_group_session (self->session);
  n_groups = groups->len;

  gr_ui_table_cell (self->role_table, 0, 0, _("Compétence"), NULL);
  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *label = gr_role_group_get_label (groups->pdata[g], translator);
      gr_ui_table_cell (self->role_table, 1 + g, 0, label, NULL);
    }
  gr_ui_table_cell (self->role_table, 1 + n_groups, 0, _("Écart le plus grand"), NULL);

  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      const char *title = gr_ui_grid_text (gr_competency_get_title (gr_grid_get_competency (grid,
                                                                                            c)));
      g_autofree char *gap_text = NULL;
      g_autofree char *gap_description = NULL;
      GrRoleGap gap;

      gr_ui_table_cell (self->role_table, 0, 1 + c, title, NULL);
      for (guint g = 0; g < n_groups; g++)
        {
          GrRoleGroup *group = groups->pdata[g];
          g_autofree char *label = gr_role_group_get_label (group, translator);
          g_autofree char *score = gr_ui_format_score (&group->stats[c], grid);
          /* Translators: a cell of the table by role: a competency, a role, its score. */
          g_autofree char *description = g_strdup_printf (_("%s, %s : %s"), title, label,
                                                          score);

          gr_ui_table_cell (self->role_table, 1 + g, 1 + c, score, description);
        }

      if (gr_roles_get_largest_gap (groups, c, &gap))
        {
          g_autofree char *high = gr_role_group_get_label (groups->pdata[gap.highest], translator);
          g_autofree char *low = gr_role_group_get_label (groups->pdata[gap.lowest], translator);

          gap_text = gr_ui_format_number (gap.gap);
          /* Translators: the largest gap between roles for a competency: its title, the
           * gap, the role with the highest score, the one with the lowest. */
          gap_description = g_strdup_printf (_("%s : écart de %s entre %s et %s"), title,
                                             gap_text, high, low);
        }
      else
        {
          gap_text = g_strdup ("–");
          /* Translators: fewer than two roles have a score for this competency. */
          gap_description = g_strdup_printf (_("%s : pas d’écart à mesurer"), title);
        }
      gr_ui_table_cell (self->role_table, 1 + n_groups, 1 + c, gap_text, gap_description);
    }
}

/* The scores per session follow the chart: the participant shown, or the group (by role too). */
static void
update_progress_participant (GrOverviewPage *self)
{
  gr_progress_table_set_participant (self->progress_table,
                                     self->group || self->by_role ? NULL : self->participant);
}

/**
 * gr_overview_page_set_references:
 * @references: (nullable) (element-type GrSession): the earlier sessions, oldest first
 *
 * Draws the earlier sessions on the chart and shows each competency's score in each of them,
 * and the change since the first, in a table of their own.
 */
void
gr_overview_page_set_references (GrOverviewPage *self,
                                 GPtrArray      *references)
{
  g_return_if_fail (GR_IS_OVERVIEW_PAGE (self));

  gr_chart_view_set_references (self->chart, references);
  gr_progress_table_set_references (self->progress_table, references);
}

/**
 * gr_overview_page_set_by_role:
 *
 * Shows the group as one line per role, with each role's scores and the largest gap between
 * roles in a table, instead of the group's mean and its participants.
 */
void
gr_overview_page_set_by_role (GrOverviewPage *self,
                              gboolean        by_role)
{
  g_return_if_fail (GR_IS_OVERVIEW_PAGE (self));

  self->by_role = !!by_role;
  gr_chart_view_set_by_role (self->chart, self->by_role);
  update_progress_participant (self);
  gtk_widget_set_visible (self->series_row, !self->by_role && self->group);
  update_role_table (self);
  update_legend (self);
}

static void
on_organisation_changed (GrOverviewPage *self)
{
  if (self->updating || self->session == NULL)
    return;

  gr_session_set_organisation (self->session,
                               gtk_editable_get_text (GTK_EDITABLE (self->organisation_entry)));
}

static void
update_legend (GrOverviewPage *self)
{
  g_autofree char *legend = NULL;

  if (self->by_role)
    legend = g_strdup (_("Chaque ligne est un rôle : la moyenne des scores de ses "
                         "participants. À chaque compétence est écrit l’écart le plus grand "
                         "entre deux rôles. Un rôle qui n’a rien évalué n’a pas de point, "
                         "jamais 0."));
  else if (self->group)
    legend = g_strdup (_("La ligne épaisse est la moyenne du groupe ; la bande va du score le "
                         "plus bas au plus haut ; chaque ligne fine est un participant. Une "
                         "compétence que personne n’a évaluée interrompt le contour."));
  else if (self->participant != NULL)
    legend = gr_ui_with_name (_("Le contour plein montre les scores de %s, le contour en "
                                "pointillés ses objectifs. Une compétence non évaluée "
                                "interrompt le contour : elle ne compte jamais pour 0."),
                              gr_participant_get_name (self->participant));
  else
    legend = g_strdup ("");

  gtk_label_set_text (self->legend_label, legend);
}

#define TEMPLATE "/io/github/grille/Grille/gr-overview-page.ui"

/* After a switch of language: the template's texts, then the legend and the table. */
void
gr_overview_page_relabel (GrOverviewPage *self)
{
  g_return_if_fail (GR_IS_OVERVIEW_PAGE (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_OVERVIEW_PAGE, TEMPLATE);
  gr_progress_table_relabel (self->progress_table);
  update_legend (self);
  update_table (self);
  update_date_button (self);
}

static void
gr_overview_page_dispose (GObject *object)
{
  GrOverviewPage *self = GR_OVERVIEW_PAGE (object);

  gr_overview_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->participant);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);

  G_OBJECT_CLASS (gr_overview_page_parent_class)->dispose (object);
}

static void
gr_overview_page_class_init (GrOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_overview_page_dispose;

  g_type_ensure (GR_TYPE_CHART_VIEW);
  g_type_ensure (GR_TYPE_PROGRESS_TABLE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, top);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, participant_button);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, group_button);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, role_box);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, role_table);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, chart);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, series_row);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, series_caption);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, series_box);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, mean_check);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, band_check);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, table_heading);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, table);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, progress_table);
}

static void
gr_overview_page_init (GrOverviewPage *self)
{
  GtkEventController *keys;

  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  gr_chart_view_set_show_title (self->chart, TRUE);
  g_object_bind_property (self->mean_check, "active", self->chart, "show-mean",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->band_check, "active", self->chart, "show-band",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->date_calendar, "day-selected", G_CALLBACK (on_day_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_entry, "changed", G_CALLBACK (on_title_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->organisation_entry, "changed",
                           G_CALLBACK (on_organisation_changed), self, G_CONNECT_SWAPPED);
  update_legend (self);
  update_table (self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_table_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->table), keys);
}

GtkWidget *
gr_overview_page_new (void)
{
  return g_object_new (GR_TYPE_OVERVIEW_PAGE, NULL);
}

void
gr_overview_page_set_session (GrOverviewPage *self,
                              GrSession      *session)
{
  g_return_if_fail (GR_IS_OVERVIEW_PAGE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->session, on_participant_changed, self);
      g_signal_handlers_disconnect_by_func (gr_session_get_participants (self->session),
                                            update_table, self);
      g_signal_handlers_disconnect_by_func (self->session, update_title_entry, self);
      g_signal_handlers_disconnect_by_func (self->session, update_date_button, self);
      g_signal_handlers_disconnect_by_func (self->session, update_actions_cells, self);
      g_signal_handlers_disconnect_by_func (gr_session_get_participants (self->session),
                                            rebuild_series_checks, self);
    }
  g_set_object (&self->session, session);
  if (self->chart != NULL)
    gr_chart_view_set_session (self->chart, session);
  if (self->progress_table != NULL)
    gr_progress_table_set_session (self->progress_table, session);
  if (self->hidden != NULL)
    rebuild_series_checks (self);
  update_date_button (self);
  if (session == NULL)
    return;

  g_signal_connect_object (session, "notify::date", G_CALLBACK (update_date_button), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gr_session_get_participants (session), "items-changed",
                           G_CALLBACK (rebuild_series_checks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gr_session_get_participants (session), "items-changed",
                           G_CALLBACK (update_table), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "participant-changed", G_CALLBACK (on_participant_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::title", G_CALLBACK (update_title_entry), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::organisation", G_CALLBACK (update_title_entry), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed", G_CALLBACK (update_actions_cells), self,
                           G_CONNECT_SWAPPED);
  update_title_entry (self);
  update_table (self);
}

/* Shows @participant, or the group when @group is set (@participant then only marks whose
 * target the table shows). */
void
gr_overview_page_set_participant (GrOverviewPage *self,
                                  GrParticipant  *participant,
                                  gboolean        group)
{
  g_return_if_fail (GR_IS_OVERVIEW_PAGE (self));

  g_set_object (&self->participant, participant);
  self->group = group;
  gr_chart_view_set_participant (self->chart, group ? NULL : participant);
  gr_chart_view_set_show_participants (self->chart, group);
  update_progress_participant (self);
  update_series_row (self);
  update_legend (self);
  update_table (self);
}

/* Returns: (transfer none) */
GrChartView *
gr_overview_page_get_chart (GrOverviewPage *self)
{
  g_return_val_if_fail (GR_IS_OVERVIEW_PAGE (self), NULL);
  return self->chart;
}

/* Returns: (transfer full): the table's cells, a line per row and a tab between cells. */
char *
gr_overview_page_get_table_text (GrOverviewPage *self)
{
  g_return_val_if_fail (GR_IS_OVERVIEW_PAGE (self), NULL);
  return gr_ui_table_get_text (self->table);
}

/* Returns: (transfer full): the table of scores per session, as gr_overview_page_get_table_text()
 * gives the scores table; "" while no earlier session is compared. */
char *
gr_overview_page_get_progress_text (GrOverviewPage *self)
{
  g_return_val_if_fail (GR_IS_OVERVIEW_PAGE (self), NULL);
  return gr_progress_table_get_text (self->progress_table);
}
