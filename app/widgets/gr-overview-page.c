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
#include "gr-scores-table.h"
#include "gr-ui.h"

struct _GrOverviewPage
{
  GtkWidget       parent_instance;

  GtkWidget       *top;      /* bound so that dispose_template() unparents it */
  GtkBox          *content;

  GrSession      *session;
  GrParticipant  *participant;
  gboolean        group;
  gboolean        by_role;
  gboolean        updating;

  GtkLabel       *heading_label;
  GtkToggleButton *participant_button;
  GtkToggleButton *group_button;
  GtkToggleButton *role_button;
  GtkWidget      *role_box;       /* with the series row: NULL until built (group parts) */
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
  GPtrArray      *shown;      /* a large group: the GrParticipants whose line it draws */
  GtkMenuButton  *lines_button;
  GtkListView    *lines_list;
  GtkButton      *lines_clear;
  gboolean        binding_line;
  GtkLabel       *legend_label;
  GtkLabel       *table_heading;
  GrScoresTable  *table;
  GrProgressTable *progress_table;  /* NULL until earlier sessions are compared */
};

G_DEFINE_FINAL_TYPE (GrOverviewPage, gr_overview_page, GTK_TYPE_WIDGET)

static void update_role_table (GrOverviewPage *self);
static void update_legend     (GrOverviewPage *self);

/* A level or a role moves a role's mean: the small table by role is made again. */
static void
on_participant_changed (GrOverviewPage *self,
                        GrParticipant  *participant,
                        int             kind,
                        guint           index)
{
  if (self->by_role && (kind == GR_PARTICIPANT_CHANGE_LEVEL || kind == GR_PARTICIPANT_CHANGE_ROLE))
    update_role_table (self);
}

/* The chart hides (or, in a large group, draws) lines by name: names follow renames, the
 * participants stay the same. */
static GStrv
names_of (GPtrArray *participants)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < participants->len; i++)
    g_strv_builder_add (builder, gr_participant_get_name (g_ptr_array_index (participants, i)));
  return g_strv_builder_end (builder);
}

static void
push_hidden (GrOverviewPage *self)
{
  g_auto(GStrv) hidden = names_of (self->hidden);
  g_auto(GStrv) shown = names_of (self->shown);

  gr_chart_view_set_hidden_participants (self->chart, (const char * const *) hidden);
  gr_chart_view_set_shown_participants (self->chart, (const char * const *) shown);
}

/* Puts @participant in @list or takes them out of it. */
static void
set_in_list (GPtrArray     *list,
             GrParticipant *participant,
             gboolean       in)
{
  guint position;

  if (g_ptr_array_find (list, participant, &position))
    {
      if (!in)
        g_ptr_array_remove_index (list, position);
    }
  else if (in)
    g_ptr_array_add (list, g_object_ref (participant));
}

static void
on_participant_check_toggled (GtkCheckButton *check,
                              GrOverviewPage *self)
{
  GrParticipant *participant = g_object_get_data (G_OBJECT (check), "participant");

  set_in_list (self->hidden, participant, !gtk_check_button_get_active (check));
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

static gboolean
is_large_group (GrOverviewPage *self)
{
  return self->session != NULL &&
         gr_session_get_n_participants (self->session) > GR_CHART_MAX_PARTICIPANT_LINES;
}

static void ensure_group_parts (GrOverviewPage *self);

static void
update_series_row (GrOverviewPage *self)
{
  gboolean several = self->session != NULL &&
                     gr_session_get_n_participants (self->session) > 1;
  /* With one participant the group view is that participant's chart: nothing to choose. */
  gboolean visible = self->group && several && !self->by_role;

  if (self->series_row == NULL && !visible)
    return;
  ensure_group_parts (self);
  gtk_widget_set_visible (self->series_row, visible);
}

/* A large group: its lines drawn on demand, chosen in a list that makes only the rows in
 * sight. The button says how many are drawn. */

static void
update_lines_button (GrOverviewPage *self)
{
  guint n = self->session ? gr_session_get_n_participants (self->session) : 0;
  g_autofree char *label = NULL;

  /* Translators: the button that chooses which participants' lines a large group's chart
   * draws: how many are drawn, out of how many. */
  label = g_strdup_printf (gr_translator_ngettext (gr_ui_translator (),
                                                   "Lignes des participants : %u sur %u",
                                                   "Lignes des participants : %u sur %u", n),
                           self->shown->len, n);
  gtk_menu_button_set_label (self->lines_button, label);
  gr_ui_set_label (GTK_WIDGET (self->lines_button), label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lines_clear), self->shown->len > 0);
}

static void
on_line_check_toggled (GtkCheckButton *check,
                       GrOverviewPage *self)
{
  GrParticipant *participant = g_object_get_data (G_OBJECT (check), "participant");

  if (participant == NULL || self->binding_line)
    return;
  set_in_list (self->shown, participant, gtk_check_button_get_active (check));
  push_hidden (self);
  update_lines_button (self);
}

static void
setup_line (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            GrOverviewPage           *self)
{
  GtkWidget *check = gtk_check_button_new ();

  g_signal_connect_object (check, "toggled", G_CALLBACK (on_line_check_toggled), self, 0);
  gtk_list_item_set_child (item, check);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_line (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           GrOverviewPage           *self)
{
  GrParticipant *participant = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);
  GtkWidget *row = gtk_widget_get_parent (check);

  self->binding_line = TRUE;
  g_object_set_data (G_OBJECT (check), "participant", participant);
  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), gr_participant_get_name (participant));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_ptr_array_find (self->shown, participant, NULL));
  self->binding_line = FALSE;
  if (row != NULL)
    gr_ui_set_label (row, gr_participant_get_name (participant));
}

static void
unbind_line (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             GrOverviewPage           *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "participant", NULL);
}

static void
on_lines_clear (GrOverviewPage *self)
{
  g_ptr_array_set_size (self->shown, 0);
  push_hidden (self);
  update_lines_button (self);
  /* The rows in sight untick themselves. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->lines_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_widget_get_first_child (row);

      if (GTK_IS_CHECK_BUTTON (check))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    }
}

/* Forgets those taken out of the session. */
static void
forget_removed (GrOverviewPage *self,
                GPtrArray      *list)
{
  for (guint i = list->len; i > 0; i--)
    {
      GrParticipant *participant = g_ptr_array_index (list, i - 1);

      if (self->session == NULL ||
          gr_session_find_participant (self->session, gr_participant_get_name (participant),
                                       NULL) != participant)
        g_ptr_array_remove_index (list, i - 1);
    }
}

/* The list of a large group's lines gets its participants when it is first shown: a list view
 * given 1,000 of them takes 10 ms, which showing the group need not wait for. */
static void
ensure_lines_model (GrOverviewPage *self)
{
  g_autoptr(GtkNoSelection) model = NULL;

  if (!is_large_group (self) || gtk_list_view_get_model (self->lines_list) != NULL)
    return;
  model = gtk_no_selection_new (g_object_ref (gr_session_get_participants (self->session)));
  gtk_list_view_set_model (self->lines_list, GTK_SELECTION_MODEL (model));
}

/* A dozen participants or fewer: one check button each after the mean's and the band's, in the
 * session's order. More: the button that opens the list of lines. A participant taken out of
 * the session is forgotten. */
static void
rebuild_series_checks (GrOverviewPage *self)
{
  GtkWidget *child;
  gboolean large = is_large_group (self);
  guint n = self->session && !large ? gr_session_get_n_participants (self->session) : 0;

  /* Not built yet: no line was left out or chosen; the group, when shown, builds it. */
  if (self->series_row == NULL)
    {
      update_series_row (self);
      return;
    }

  child = gtk_widget_get_first_child (GTK_WIDGET (self->series_box));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      gtk_widget_set_focusable (child, FALSE);
      if (check != GTK_WIDGET (self->mean_check) && check != GTK_WIDGET (self->band_check))
        gtk_flow_box_remove (self->series_box, child);
      child = next;
    }

  forget_removed (self, self->hidden);
  forget_removed (self, self->shown);

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

  gtk_widget_set_visible (GTK_WIDGET (self->lines_button), large);
  if (!large)
    gtk_list_view_set_model (self->lines_list, NULL);
  else if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->lines_button))))
    ensure_lines_model (self);
  update_lines_button (self);
  push_hidden (self);
  update_series_row (self);
  update_legend (self);
}

/* A participant drawn in a large group keeps their line under a new name. */
static void
on_series_participant_changed (GrOverviewPage *self,
                               GrParticipant  *participant,
                               int             kind)
{
  if (kind == GR_PARTICIPANT_CHANGE_NAME && g_ptr_array_find (self->shown, participant, NULL))
    push_hidden (self);
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
  if (self->date_calendar == NULL
      || words == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &mday) != 3
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

/* The calendar (80 widgets) is made when the date button is first opened, on the session's
 * date. */
static void
create_date_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  GrOverviewPage *self = user_data;
  GtkWidget *popover;

  if (self->date_calendar != NULL)
    return;

  popover = gtk_popover_new ();
  self->date_calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->date_calendar));
  gtk_menu_button_set_popover (button, popover);
  update_date_button (self);
  g_signal_connect_object (self->date_calendar, "day-selected", G_CALLBACK (on_day_selected),
                           self, G_CONNECT_SWAPPED);
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

  if (self->role_box == NULL && !(self->by_role && self->session != NULL))
    return;
  ensure_group_parts (self);
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
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->role_table),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT,
                                  1 + (int) gr_grid_get_n_competencies (grid),
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, 2 + (int) n_groups,
                                  -1);
}

/* The scores per session follow the chart: the participant shown, or the group (by role too). */
static void
update_progress_participant (GrOverviewPage *self)
{
  if (self->progress_table != NULL)
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
  if (self->progress_table == NULL && (references == NULL || references->len == 0))
    return;
  if (self->progress_table == NULL)
    {
      /* Last in the page, under the scores (by role too). */
      self->progress_table = GR_PROGRESS_TABLE (gr_progress_table_new ());
      gtk_box_append (self->content, GTK_WIDGET (self->progress_table));
      gr_progress_table_set_session (self->progress_table, self->session);
      update_progress_participant (self);
    }
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
  update_series_row (self);
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
  else if (self->group && is_large_group (self))
    legend = g_strdup (_("La ligne épaisse est la moyenne du groupe ; la bande va du score "
                         "le plus bas au plus haut. Au-delà de douze participants, seule est "
                         "tracée la ligne de ceux que vous cochez dans « Lignes des "
                         "participants »."));
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
#define GROUP_PARTS "/io/github/grille/Grille/gr-overview-group.ui"

/* Builds the parts that only a group shows: the lines its chart draws (under the chart) and its
 * scores by role (under the scores). The window's first frame, a participant's overview, makes
 * do without their 50 widgets: they are built after it (gr_overview_page_build_group_parts()),
 * or when first shown if that comes first. */
static void
ensure_group_parts (GrOverviewPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;

  if (self->series_row != NULL)
    return;

  builder = gtk_builder_new_from_resource (GROUP_PARTS);
  self->series_row = GTK_WIDGET (gtk_builder_get_object (builder, "series_row"));
  self->series_caption = GTK_LABEL (gtk_builder_get_object (builder, "series_caption"));
  self->series_box = GTK_FLOW_BOX (gtk_builder_get_object (builder, "series_box"));
  self->mean_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder, "mean_check"));
  self->band_check = GTK_CHECK_BUTTON (gtk_builder_get_object (builder, "band_check"));
  self->lines_button = GTK_MENU_BUTTON (gtk_builder_get_object (builder, "lines_button"));
  self->lines_list = GTK_LIST_VIEW (gtk_builder_get_object (builder, "lines_list"));
  self->lines_clear = GTK_BUTTON (gtk_builder_get_object (builder, "lines_clear"));
  self->role_box = GTK_WIDGET (gtk_builder_get_object (builder, "role_box"));
  self->role_table = GTK_GRID (gtk_builder_get_object (builder, "role_table"));
  gtk_widget_set_visible (self->series_row, FALSE);
  gtk_box_insert_child_after (self->content, self->series_row,
                              gtk_widget_get_parent (GTK_WIDGET (self->chart)));
  gtk_box_insert_child_after (self->content, self->role_box, GTK_WIDGET (self->table));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_line), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_line), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_line), self);
  gtk_list_view_set_factory (self->lines_list, factory);
  g_signal_connect_object (self->lines_clear, "clicked", G_CALLBACK (on_lines_clear), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_menu_button_get_popover (self->lines_button), "show",
                           G_CALLBACK (ensure_lines_model), self, G_CONNECT_SWAPPED);
  gr_ui_fix_button_name (self->lines_clear);
  g_object_bind_property (self->mean_check, "active", self->chart, "show-mean",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->band_check, "active", self->chart, "show-band",
                          G_BINDING_SYNC_CREATE);
  rebuild_series_checks (self);
}

/**
 * gr_overview_page_build_group_parts:
 *
 * Builds the parts of the page that only a group shows, hidden, if they are not built yet.
 *
 * Returns: whether they were built now.
 */
gboolean
gr_overview_page_build_group_parts (GrOverviewPage *self)
{
  g_return_val_if_fail (GR_IS_OVERVIEW_PAGE (self), FALSE);

  if (self->series_row != NULL)
    return FALSE;
  ensure_group_parts (self);
  return TRUE;
}

/* After a switch of language: the template's texts, then the legend and the table. */
void
gr_overview_page_relabel (GrOverviewPage *self)
{
  g_return_if_fail (GR_IS_OVERVIEW_PAGE (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_OVERVIEW_PAGE, TEMPLATE);
  if (self->series_row != NULL)
    gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_OVERVIEW_PAGE, GROUP_PARTS);
  if (self->progress_table != NULL)
    gr_progress_table_relabel (self->progress_table);
  update_legend (self);
  update_role_table (self);
  gr_scores_table_relabel (self->table);
  update_date_button (self);
}

static void
gr_overview_page_dispose (GObject *object)
{
  GrOverviewPage *self = GR_OVERVIEW_PAGE (object);

  gr_overview_page_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_OVERVIEW_PAGE);
  /* What was built on demand went with the template's box. */
  self->series_row = self->role_box = NULL;
  self->series_caption = NULL;
  self->series_box = NULL;
  self->mean_check = self->band_check = NULL;
  self->lines_button = NULL;
  self->lines_list = NULL;
  self->lines_clear = NULL;
  self->role_table = NULL;
  self->progress_table = NULL;
  g_clear_object (&self->participant);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (gr_overview_page_parent_class)->dispose (object);
}

static void
gr_overview_page_class_init (GrOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_overview_page_dispose;

  g_type_ensure (GR_TYPE_CHART_VIEW);
  g_type_ensure (GR_TYPE_SCORES_TABLE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, top);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, content);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, participant_button);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, group_button);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, role_button);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, organisation_entry);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, chart);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, table_heading);
  gtk_widget_class_bind_template_child (widget_class, GrOverviewPage, table);
}

static void
gr_overview_page_init (GrOverviewPage *self)
{

  self->hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  gr_ui_show_tooltipped (GTK_WIDGET (self->participant_button), GTK_WIDGET (self->group_button),
                         GTK_WIDGET (self->role_button), GTK_WIDGET (self->date_button), NULL);
  gr_chart_view_set_show_title (self->chart, TRUE);
  gtk_menu_button_set_create_popup_func (self->date_button, create_date_popup, self, NULL);
  g_signal_connect_object (self->title_entry, "changed", G_CALLBACK (on_title_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->organisation_entry, "changed",
                           G_CALLBACK (on_organisation_changed), self, G_CONNECT_SWAPPED);
  update_legend (self);
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
      g_signal_handlers_disconnect_by_func (self->session, on_series_participant_changed, self);
      g_signal_handlers_disconnect_by_func (gr_session_get_participants (self->session),
                                            update_role_table, self);
      g_signal_handlers_disconnect_by_func (self->session, update_title_entry, self);
      g_signal_handlers_disconnect_by_func (self->session, update_date_button, self);
      g_signal_handlers_disconnect_by_func (gr_session_get_participants (self->session),
                                            rebuild_series_checks, self);
    }
  g_set_object (&self->session, session);
  if (self->lines_list != NULL)
    gtk_list_view_set_model (self->lines_list, NULL);
  if (self->chart != NULL)
    gr_chart_view_set_session (self->chart, session);
  if (self->table != NULL)
    gr_scores_table_set_session (self->table, session);
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
                           G_CALLBACK (update_role_table), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "participant-changed", G_CALLBACK (on_participant_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "participant-changed",
                           G_CALLBACK (on_series_participant_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::title", G_CALLBACK (update_title_entry), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::organisation", G_CALLBACK (update_title_entry), self,
                           G_CONNECT_SWAPPED);
  update_title_entry (self);
  update_role_table (self);
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
  update_role_table (self);
  gr_scores_table_set_participant (self->table, participant);
}

/* Returns: (transfer none) */
GrChartView *
gr_overview_page_get_chart (GrOverviewPage *self)
{
  g_return_val_if_fail (GR_IS_OVERVIEW_PAGE (self), NULL);
  return self->chart;
}

/* Returns: (transfer none) */
GrScoresTable *
gr_overview_page_get_table (GrOverviewPage *self)
{
  g_return_val_if_fail (GR_IS_OVERVIEW_PAGE (self), NULL);
  return self->table;
}

/* Returns: (transfer full): the table's cells, a line per row and a tab between cells. */
char *
gr_overview_page_get_table_text (GrOverviewPage *self)
{
  g_return_val_if_fail (GR_IS_OVERVIEW_PAGE (self), NULL);
  return gr_scores_table_get_text (self->table);
}

/* Returns: (transfer full): the table of scores per session, as gr_overview_page_get_table_text()
 * gives the scores table; "" while no earlier session is compared. */
char *
gr_overview_page_get_progress_text (GrOverviewPage *self)
{
  g_return_val_if_fail (GR_IS_OVERVIEW_PAGE (self), NULL);
  if (self->progress_table == NULL)
    return g_strdup ("");
  return gr_progress_table_get_text (self->progress_table);
}
