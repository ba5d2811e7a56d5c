/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The overview's table of scores: a row per participant, a column per competency, then the
 * group's rows (mean, band, the current participant's targets, the actions of each plan).
 * Made when first shown, then kept up to date cell by cell. */
#define G_LOG_DOMAIN "gr-scores-table"

#include "config.h"

#include "gr-competency.h"
#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-item.h"
#include "gr-scores-table.h"
#include "gr-ui.h"

/* The group's rows, after the participants'. */
typedef enum
{
  ROW_MEAN,
  ROW_BAND,
  ROW_TARGET,
  ROW_ACTIONS,  /* how many actions the competency's plan has, how many are overdue */
  N_GROUP_ROWS
} GroupRow;

/* Columns keep their width between the group's table and the list above it. */
#define NAME_WIDTH  220
#define SCORE_WIDTH 120
/* The list of participants shows this many pixels, and scrolls. */
#define LIST_HEIGHT 360

struct _GrScoresTable
{
  GtkWidget          parent_instance;

  GrSession         *session;
  GrParticipant     *participant;
  gboolean           built;      /* the cells are made the first time the table is shown */
  gboolean           after_first_frame;  /* shown with the window: made right after its */
  guint              build_id;           /* first frame */

  /* The GtkGrid: every row for a small group, only the header and the group's rows for a
   * large one. Its cells by row and column (row * n_columns + column). */
  GtkScrolledWindow *grid_scroller;
  GtkGrid           *grid;
  GPtrArray         *cells;
  guint              n_columns;
  guint              n_grid_participants;  /* participants' rows in the grid */

  /* A large group: the participants' rows, made only while in sight. */
  gboolean           virtual;
  GtkScrolledWindow *list_scroller;
  GtkColumnView     *view;
  GtkSliceListModel *list_shown;   /* the participants given to the list so far */
  guint              fill_id;
  GPtrArray         *bound;      /* the labels the view has bound to a participant */
};

G_DEFINE_FINAL_TYPE (GrScoresTable, gr_scores_table, GTK_TYPE_WIDGET)

static guint
n_competencies (GrScoresTable *self)
{
  return gr_grid_get_n_competencies (gr_session_get_grid (self->session));
}

/* Texts of the cells, the same in the grid and the list */

static char *
participant_score (GrScoresTable *self,
                   GrParticipant *participant,
                   guint          competency)
{
  GrStats stats;

  gr_participant_get_competency_stats (participant, competency, &stats);
  return gr_ui_format_score (&stats, gr_session_get_grid (self->session));
}

static char *
group_row_title (GrScoresTable *self,
                 GroupRow       row)
{
  switch (row)
    {
    case ROW_MEAN:
      return g_strdup (_("Moyenne du groupe"));
    case ROW_BAND:
      return g_strdup (_("Étendue"));
    case ROW_TARGET:
      /* The targets are one participant's, beside the group's figures: say whose. */
      if (self->participant != NULL)
        /* Translators: heading of the targets row of the overview: whose targets. */
        return gr_ui_with_name (_("Objectif de %s"),
                                gr_participant_get_name (self->participant));
      return g_strdup (_("Objectif"));
    case ROW_ACTIONS:
    case N_GROUP_ROWS:
    default:
      return g_strdup (_("Actions"));
    }
}

static char *
actions_text (GrScoresTable *self,
              guint          competency)
{
  GListModel *actions = gr_session_get_actions (self->session, competency);
  guint n = g_list_model_get_n_items (actions), late = 0;
  g_autofree char *today = gr_today_iso ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GrAction) action = g_list_model_get_item (actions, i);
      late += gr_action_is_overdue (action, today);
    }
  if (late > 0)
    /* Translators: the actions of a competency's plan, and how many are overdue. */
    return g_strdup_printf (gr_translator_ngettext (gr_translator_get (NULL),
                                                    "%u (dont %u en retard)",
                                                    "%u (dont %u en retard)", late),
                            n, late);
  return g_strdup_printf ("%u", n);
}

static char *
group_text (GrScoresTable *self,
            GroupRow       row,
            guint          competency)
{
  GrStats stats;
  int target;

  switch (row)
    {
    case ROW_MEAN:
      gr_session_get_competency_stats (self->session, competency, &stats);
      return gr_ui_format_score (&stats, gr_session_get_grid (self->session));
    case ROW_BAND:
      if (gr_session_get_competency_stats (self->session, competency, &stats) &&
          gr_stats_has_score (&stats))
        {
          g_autofree char *min = gr_ui_format_number (stats.min);
          g_autofree char *max = gr_ui_format_number (stats.max);

          /* Translators: the group's band, from the lowest score to the highest. */
          return g_strdup_printf (_("%s à %s"), min, max);
        }
      return g_strdup (_("non évalué"));
    case ROW_TARGET:
      target = self->participant != NULL
        ? gr_participant_get_target (self->participant, competency) : GR_LEVEL_NONE;
      return target != GR_LEVEL_NONE ? g_strdup_printf ("%d", target) : g_strdup (_("aucun"));
    case ROW_ACTIONS:
    case N_GROUP_ROWS:
    default:
      return actions_text (self, competency);
    }
}

static const char *
competency_title (GrScoresTable *self,
                  guint          competency)
{
  GrGrid *grid = gr_session_get_grid (self->session);

  return gr_ui_grid_text (gr_competency_get_title (gr_grid_get_competency (grid, competency)));
}

static void
set_text (GtkWidget  *label,
          const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
set_current (GtkWidget *label,
             gboolean   current)
{
  if (current)
    gtk_widget_add_css_class (label, "table-current");
  else
    gtk_widget_remove_css_class (label, "table-current");
}

/* GTK 4.8 does not turn "described by" into a description: a cell states its row and its
 * column itself, for a screen reader going from cell to cell. */
static void
describe_cell (GtkWidget  *label,
               const char *row,
               const char *column)
{
  /* Translators: a cell of the scores table, described for a screen reader: its row (a
   * participant, or one of the group's figures), then its competency ("Léa, Coopérer"). */
  g_autofree char *where = g_strdup_printf (_("%s, %s"), row, column);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where, -1);
}

/* The grid: headers, the participants of a small group, the group's rows */

static GtkWidget *
grid_cell (GrScoresTable *self,
           guint          column,
           guint          row)
{
  return g_ptr_array_index (self->cells, row * self->n_columns + column);
}

static guint
group_grid_row (GrScoresTable *self,
                GroupRow       row)
{
  return 1 + self->n_grid_participants + row;
}

/* A cell of the list's rows. */
static GtkWidget *
new_label (GtkAccessibleRole role,
           gboolean          header_column)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), header_column ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (label), header_column);
  gtk_label_set_max_width_chars (GTK_LABEL (label), header_column ? 28 : 16);
  gtk_widget_set_size_request (label, header_column ? NAME_WIDTH : SCORE_WIDTH, -1);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
add_grid_cell (GrScoresTable *self,
               guint          column,
               guint          row)
{
  GtkWidget *label = gr_ui_table_cell (self->grid, column, row, "", NULL);

  gtk_widget_set_size_request (label, column == 0 ? NAME_WIDTH : SCORE_WIDTH, -1);
  g_ptr_array_add (self->cells, label);
  if (row > 0 && column > 0)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    grid_cell (self, 0, row), grid_cell (self, column, 0),
                                    NULL, -1);
}

static void
update_participant_cell (GrScoresTable *self,
                         guint          p,
                         guint          competency)
{
  GrParticipant *participant = gr_session_get_participant (self->session, p);
  g_autofree char *score = participant_score (self, participant, competency);
  GtkWidget *cell = grid_cell (self, 1 + competency, 1 + p);

  set_text (cell, score);
  set_current (cell, participant == self->participant);
}

static void
update_group_cell (GrScoresTable *self,
                   GroupRow       row,
                   guint          competency)
{
  g_autofree char *text = group_text (self, row, competency);

  set_text (grid_cell (self, 1 + competency, group_grid_row (self, row)), text);
}

/* The headers of rows and columns, and what each cell says it is. */
static void
update_headers (GrScoresTable *self)
{
  guint rows = group_grid_row (self, N_GROUP_ROWS);

  set_text (grid_cell (self, 0, 0),
            self->virtual ? C_("overview", "Groupe") : C_("overview", "Participant"));
  for (guint c = 0; c + 1 < self->n_columns; c++)
    set_text (grid_cell (self, 1 + c, 0), competency_title (self, c));
  for (guint p = 0; p < self->n_grid_participants; p++)
    {
      GrParticipant *participant = gr_session_get_participant (self->session, p);
      /* Isolated: a name in another direction keeps its order and leaves its row alone. */
      g_autofree char *name = gr_format_name (gr_participant_get_name (participant));

      set_text (grid_cell (self, 0, 1 + p), name);
      set_current (grid_cell (self, 0, 1 + p), participant == self->participant);
    }
  for (GroupRow row = 0; row < N_GROUP_ROWS; row++)
    {
      g_autofree char *title = group_row_title (self, row);

      set_text (grid_cell (self, 0, group_grid_row (self, row)), title);
    }

  for (guint row = 1; row < rows; row++)
    for (guint col = 1; col < self->n_columns; col++)
      describe_cell (grid_cell (self, col, row),
                     gtk_label_get_text (GTK_LABEL (grid_cell (self, 0, row))),
                     gtk_label_get_text (GTK_LABEL (grid_cell (self, col, 0))));
}

static void
update_grid (GrScoresTable *self)
{
  update_headers (self);
  for (guint c = 0; c + 1 < self->n_columns; c++)
    {
      for (guint p = 0; p < self->n_grid_participants; p++)
        update_participant_cell (self, p, c);
      for (GroupRow row = 0; row < N_GROUP_ROWS; row++)
        update_group_cell (self, row, c);
    }
}

static void
update_group_column (GrScoresTable *self,
                     guint          competency)
{
  update_group_cell (self, ROW_MEAN, competency);
  update_group_cell (self, ROW_BAND, competency);
}

/* The list: each participant of a large group, a row made only while in sight */

static void
update_bound_label (GrScoresTable *self,
                    GtkWidget     *label)
{
  GrParticipant *participant = g_object_get_data (G_OBJECT (label), "participant");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  g_autofree char *name = gr_format_name (gr_participant_get_name (participant));

  if (column == 0)
    {
      GtkWidget *row = gtk_widget_get_parent (label);

      set_text (label, name);
      /* The row itself is read by its participant's name. */
      if (row != NULL && (row = gtk_widget_get_parent (row)) != NULL)
        gr_ui_set_label (row, gr_participant_get_name (participant));
    }
  else
    {
      g_autofree char *score = participant_score (self, participant, column - 1);

      set_text (label, score);
      describe_cell (label, name, competency_title (self, column - 1));
    }
  set_current (label, participant == self->participant);
}

static void
on_bound_participant_changed (GrParticipant *participant,
                              int            kind,
                              guint          index,
                              GtkWidget     *label)
{
  GrScoresTable *self = g_object_get_data (G_OBJECT (label), "table");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  GrItem *item;

  /* A level changes one cell of the row; a name, the row's header and its cells' words. */
  if (kind == GR_PARTICIPANT_CHANGE_LEVEL)
    {
      item = gr_grid_get_item (gr_session_get_grid (self->session), index);
      if (column != 1 + gr_item_get_competency_index (item))
        return;
    }
  else if (kind != GR_PARTICIPANT_CHANGE_NAME)
    return;
  update_bound_label (self, label);
}

static void
setup_list_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 GrScoresTable            *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = new_label (column == 0 ? GTK_ACCESSIBLE_ROLE_ROW_HEADER
                                            : GTK_ACCESSIBLE_ROLE_CELL, column == 0);

  gtk_widget_add_css_class (label, "table-cell");
  g_object_set_data (G_OBJECT (label), "column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (label), "table", self);
  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_list_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GrScoresTable            *self)
{
  GrParticipant *participant = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (label), "participant", participant);
  g_signal_connect_object (participant, "changed", G_CALLBACK (on_bound_participant_changed),
                           label, 0);
  g_ptr_array_add (self->bound, label);
  update_bound_label (self, label);
}

static void
unbind_list_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GrScoresTable            *self)
{
  GrParticipant *participant = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (participant != NULL)
    g_signal_handlers_disconnect_by_func (participant, on_bound_participant_changed, label);
  g_object_set_data (G_OBJECT (label), "participant", NULL);
  g_ptr_array_remove_fast (self->bound, label);
}

static GtkColumnViewColumn *
new_list_column (GrScoresTable *self,
                 guint          column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_list_cell), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_list_cell), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_list_cell), self);
  view_column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));
  gtk_column_view_column_set_fixed_width (view_column, column == 0 ? NAME_WIDTH : SCORE_WIDTH);
  return view_column;
}

static void
label_list_columns (GrScoresTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      gtk_column_view_column_set_title (column, c == 0 ? C_("overview", "Participant")
                                                       : competency_title (self, c - 1));
    }
}

/* GTK 4.8's list views make a row for each of the first two hundred items at once, in sight or
 * not (with seven columns, 1,400 cells: a stall of some 70 ms): the list is given the
 * participants a few at a time, when GTK has nothing else to do. */
#define LIST_ROWS_FIRST    16   /* more than LIST_HEIGHT shows */
#define LIST_ROWS_PER_TURN 8

static gboolean
fill_list (gpointer user_data)
{
  GrScoresTable *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->list_shown);
  guint n = g_list_model_get_n_items (gtk_slice_list_model_get_model (self->list_shown));

  if (size + LIST_ROWS_PER_TURN < n)
    {
      gtk_slice_list_model_set_size (self->list_shown, size + LIST_ROWS_PER_TURN);
      return G_SOURCE_CONTINUE;
    }
  gtk_slice_list_model_set_size (self->list_shown, G_MAXUINT);
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
build_list (GrScoresTable *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "score-table");
  gr_ui_set_label (GTK_WIDGET (self->view), C_("overview", "Scores par compétence"));
  for (guint c = 0; c <= n_competencies (self); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = new_list_column (self, c);

      gtk_column_view_append_column (self->view, column);
    }
  label_list_columns (self);
  self->list_shown = gtk_slice_list_model_new (g_object_ref (gr_session_get_participants (self->session)),
                                               0, LIST_ROWS_FIRST);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list_shown)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  gtk_scrolled_window_set_child (self->list_scroller, GTK_WIDGET (self->view));
  self->fill_id = g_idle_add_full (G_PRIORITY_LOW, fill_list, self, NULL);
}

/* Making the table */

static void
clear (GrScoresTable *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))))
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->cells, 0);
  if (self->view != NULL)
    {
      gtk_scrolled_window_set_child (self->list_scroller, NULL);
      self->view = NULL;
    }
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_object (&self->list_shown);
  g_ptr_array_set_size (self->bound, 0);
  self->n_columns = 0;
  self->n_grid_participants = 0;
}

/* Makes the cells for the session's participants and competencies. */
static void
build (GrScoresTable *self)
{
  guint n_participants, rows;

  clear (self);
  self->built = TRUE;
  self->after_first_frame = FALSE;
  if (self->session == NULL)
    return;

  n_participants = gr_session_get_n_participants (self->session);
  self->virtual = n_participants > GR_SCORES_TABLE_MAX_GRID_ROWS;
  self->n_grid_participants = self->virtual ? 0 : n_participants;
  self->n_columns = 1 + n_competencies (self);
  rows = group_grid_row (self, N_GROUP_ROWS);
  /* Headers first: the cells refer to them. */
  for (guint column = 0; column < self->n_columns; column++)
    add_grid_cell (self, column, 0);
  for (guint row = 1; row < rows; row++)
    for (guint column = 0; column < self->n_columns; column++)
      add_grid_cell (self, column, row);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, rows,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, self->n_columns,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->list_scroller), self->virtual);
  if (self->virtual)
    build_list (self);
  update_grid (self);
}

static void
ensure_built (GrScoresTable *self)
{
  if (!self->built)
    build (self);
}

static gboolean
build_after_first_frame (gpointer user_data)
{
  GrScoresTable *self = user_data;

  self->build_id = 0;
  self->after_first_frame = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_built (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_first_frame (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GrScoresTable *self = GR_SCORES_TABLE (widget);

  /* After the frame that runs this callback has been drawn. */
  if (self->build_id == 0)
    self->build_id = g_idle_add_full (G_PRIORITY_LOW, build_after_first_frame, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Made when first shown, before its children are mapped: a small group's grid, or a large
 * group's list, which makes only the rows in sight when it is laid out. Shown with the
 * window, the table is below the overview's fold: made right after the window's first frame,
 * which comes sooner without its cells (a dozen participants: a hundred labels). */
static void
gr_scores_table_map (GtkWidget *widget)
{
  GrScoresTable *self = GR_SCORES_TABLE (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  /* No clock yet, or no frame drawn (GDK's counter starts at -1, 0 during the first frame):
   * the window is being shown. */
  if (!self->built && (clock == NULL || gdk_frame_clock_get_frame_counter (clock) <= 0))
    {
      if (!self->after_first_frame)
        gtk_widget_add_tick_callback (widget, on_first_frame, NULL, NULL);
      self->after_first_frame = TRUE;
    }
  else
    ensure_built (self);
  GTK_WIDGET_CLASS (gr_scores_table_parent_class)->map (widget);
}

/* Following the session */

static void
on_participants_changed (GrScoresTable *self)
{
  if (!self->built)
    return;
  /* A small group's grid is made again; a large group's list follows its model itself. */
  if (self->virtual && gr_session_get_n_participants (self->session)
                       > GR_SCORES_TABLE_MAX_GRID_ROWS)
    update_grid (self);
  else
    build (self);
}

/* Only the cells a change touches: a level changes a participant's score of one competency and
 * the group's figures there; a target, one cell; a note, none. */
static void
on_participant_changed (GrScoresTable *self,
                        GrParticipant *participant,
                        int            kind,
                        guint          index)
{
  guint p;

  if (!self->built)
    return;

  switch (kind)
    {
    case GR_PARTICIPANT_CHANGE_LEVEL:
      {
        GrItem *item = gr_grid_get_item (gr_session_get_grid (self->session), index);
        guint competency = gr_item_get_competency_index (item);

        /* A large group's row updates itself (on_bound_participant_changed). */
        if (!self->virtual &&
            g_list_store_find (G_LIST_STORE (gr_session_get_participants (self->session)),
                               participant, &p) && p < self->n_grid_participants)
          update_participant_cell (self, p, competency);
        update_group_column (self, competency);
      }
      break;
    case GR_PARTICIPANT_CHANGE_TARGET:
      if (participant == self->participant)
        update_group_cell (self, ROW_TARGET, index);
      break;
    case GR_PARTICIPANT_CHANGE_NAME:
      update_headers (self);
      break;
    default:
      break;
    }
}

static void
on_session_changed (GrScoresTable *self)
{
  /* The actions' counts (an action added, done, its date passed). */
  if (self->built)
    for (guint c = 0; c + 1 < self->n_columns; c++)
      update_group_cell (self, ROW_ACTIONS, c);
}

/* Left and Right scroll a table wider than the page: a keyboard reaches every column. */
static gboolean
on_key_pressed (GrScoresTable   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->grid_scroller);
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

static void
gr_scores_table_dispose (GObject *object)
{
  GrScoresTable *self = GR_SCORES_TABLE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->build_id, g_source_remove);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  gr_scores_table_set_session (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->participant);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->bound, g_ptr_array_unref);
  g_clear_object (&self->list_shown);

  G_OBJECT_CLASS (gr_scores_table_parent_class)->dispose (object);
}

static void
gr_scores_table_class_init (GrScoresTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_scores_table_dispose;
  widget_class->map = gr_scores_table_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static GtkScrolledWindow *
new_scroller (GrScoresTable *self)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());

  /* Its scrollbar stays in sight: no column is out of reach without showing how. */
  gtk_scrolled_window_set_overlay_scrolling (scroller, FALSE);
  gtk_scrolled_window_set_propagate_natural_height (scroller, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (scroller), GTK_WIDGET (self));
  return scroller;
}

static void
gr_scores_table_init (GrScoresTable *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (
                                                    GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->cells = g_ptr_array_new ();
  self->bound = g_ptr_array_new ();

  /* A large group's participants, in a list of its own height that scrolls. */
  self->list_scroller = new_scroller (self);
  gtk_scrolled_window_set_min_content_height (self->list_scroller, LIST_HEIGHT);
  gtk_scrolled_window_set_max_content_height (self->list_scroller, LIST_HEIGHT);
  gtk_widget_set_visible (GTK_WIDGET (self->list_scroller), FALSE);

  self->grid_scroller = new_scroller (self);
  gtk_scrolled_window_set_policy (self->grid_scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  self->grid = GTK_GRID (g_object_new (GTK_TYPE_GRID, "accessible-role",
                                       GTK_ACCESSIBLE_ROLE_TABLE, NULL));
  gtk_widget_set_focusable (GTK_WIDGET (self->grid), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "score-table");
  gr_ui_set_label (GTK_WIDGET (self->grid), C_("overview", "Scores par compétence"));
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->grid));
  gtk_scrolled_window_set_child (self->grid_scroller, frame);

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), keys);
}

GtkWidget *
gr_scores_table_new (void)
{
  return g_object_new (GR_TYPE_SCORES_TABLE, NULL);
}

void
gr_scores_table_set_session (GrScoresTable *self,
                             GrSession     *session)
{
  g_return_if_fail (GR_IS_SCORES_TABLE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (gr_session_get_participants (self->session), self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (gr_session_get_participants (session), "items-changed",
                               G_CALLBACK (on_participants_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "participant-changed",
                               G_CALLBACK (on_participant_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self,
                               G_CONNECT_SWAPPED);
    }

  /* Made again at once if it is in sight, else when next shown (or after the first frame). */
  clear (self);
  self->built = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->after_first_frame)
    build (self);
}

/* Marks whose row is the current participant's, and whose targets the table shows. */
void
gr_scores_table_set_participant (GrScoresTable *self,
                                 GrParticipant *participant)
{
  g_return_if_fail (GR_IS_SCORES_TABLE (self));

  if (!g_set_object (&self->participant, participant) || !self->built ||
      self->session == NULL)
    return;

  update_headers (self);
  for (guint c = 0; c + 1 < self->n_columns; c++)
    {
      for (guint p = 0; p < self->n_grid_participants; p++)
        update_participant_cell (self, p, c);
      update_group_cell (self, ROW_TARGET, c);
    }
  for (guint i = 0; i < self->bound->len; i++)
    update_bound_label (self, g_ptr_array_index (self->bound, i));
}

/* After a switch of language. */
void
gr_scores_table_relabel (GrScoresTable *self)
{
  g_return_if_fail (GR_IS_SCORES_TABLE (self));

  if (!self->built || self->session == NULL)
    return;

  update_grid (self);
  if (self->view != NULL)
    {
      label_list_columns (self);
      gr_ui_set_label (GTK_WIDGET (self->view), C_("overview", "Scores par compétence"));
      for (guint i = 0; i < self->bound->len; i++)
        update_bound_label (self, g_ptr_array_index (self->bound, i));
    }
  gr_ui_set_label (GTK_WIDGET (self->grid), C_("overview", "Scores par compétence"));
}

/* Whether the participants' rows are a list made only in sight (a large group). */
gboolean
gr_scores_table_is_virtual (GrScoresTable *self)
{
  g_return_val_if_fail (GR_IS_SCORES_TABLE (self), FALSE);

  ensure_built (self);
  return self->virtual;
}

/* Returns: (transfer none) (nullable): the list of a large group's participants. */
GtkColumnView *
gr_scores_table_get_column_view (GrScoresTable *self)
{
  g_return_val_if_fail (GR_IS_SCORES_TABLE (self), NULL);

  ensure_built (self);
  return self->view;
}

/* Returns: (transfer full): the grid's cells as shown, a line per row and a tab between
 * cells (a large group's list is not in it: its rows exist only in sight). */
char *
gr_scores_table_get_text (GrScoresTable *self)
{
  g_return_val_if_fail (GR_IS_SCORES_TABLE (self), NULL);

  ensure_built (self);
  return gr_ui_table_get_text (self->grid);
}
