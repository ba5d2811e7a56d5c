/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Progress over time, under the overview's chart: each competency's score in each earlier
 * session compared (oldest first, named by its month), then in this one, and the change since
 * the first; the same figures as the chart's thin dated lines, an earlier session on another
 * scale brought to this one. Shown only while earlier sessions are compared; made again when a
 * level changes or a session is added or taken away. */
#define G_LOG_DOMAIN "gr-progress-table"

#include "config.h"

#include <math.h>

#include "gr-chart-data.h"
#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-progress-table.h"
#include "gr-ui.h"

struct _GrProgressTable
{
  GtkWidget      parent_instance;

  GtkWidget     *top;
  GtkLabel      *caption;
  GtkGrid       *table;

  GrSession     *session;
  GrParticipant *participant;   /* whose scores; NULL: the group's */
  GPtrArray     *references;    /* GrSession, oldest first */
};

G_DEFINE_FINAL_TYPE (GrProgressTable, gr_progress_table, GTK_TYPE_WIDGET)

#define TEMPLATE "/io/github/grille/Grille/gr-progress-table.ui"

static char *
format_value (double  value,
              GrGrid *grid)
{
  return isnan (value) ? g_strdup ("—") : gr_ui_format_mean (value, grid);
}

static void
add_cell (GrProgressTable *self,
          int              column,
          int              row,
          const char      *text)
{
  g_autofree char *where = NULL;

  /* Each data cell says its competency and its column, as the scores table's do. */
  if (row > 0 && column > 0)
    /* Translators: a cell of the scores table, described for a screen reader: its
     * competency, then its column ("Coopérer, Moyenne du groupe"). */
    where = g_strdup_printf (_("%s, %s"),
                             gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (self->table,
                                                                                   0, row))),
                             gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (self->table,
                                                                                   column, 0))));
  gr_ui_table_cell (self->table, column, row, text, where);
}

static void
update (GrProgressTable *self)
{
  g_autoptr(GrChartData) data = NULL;
  g_autoptr(GPtrArray) earlier = g_ptr_array_new ();
  g_autofree char *first = NULL;
  g_autofree char *caption = NULL;
  GrTranslator *translator = gr_ui_translator ();
  GrChartSeries *now = NULL;
  GtkWidget *child;
  GrGrid *grid;
  int n_columns;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))))
    gtk_grid_remove (self->table, child);
  gtk_widget_set_visible (GTK_WIDGET (self), self->session != NULL && self->references != NULL &&
                                             self->references->len > 0);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  /* The chart's own figures: the same rescaling, the same names as its lines. */
  grid = gr_session_get_grid (self->session);
  data = gr_chart_data_new_from_sessions (self->session, translator, self->participant, FALSE,
                                          FALSE, self->references);
  for (guint s = 0; s < data->series->len; s++)
    {
      GrChartSeries *series = g_ptr_array_index (data->series, s);

      if (series->kind == GR_CHART_SERIES_REFERENCE)
        g_ptr_array_add (earlier, series);
      else if (now == NULL && (series->kind == GR_CHART_SERIES_MEAN ||
                               series->kind == GR_CHART_SERIES_PARTICIPANT))
        now = series;
    }

  first = gr_chart_data_get_reference_name (translator, self->references, 0);
  /* Translators: under the title of the overview's table of scores per session; %d is the
   * top of the scale, %s the first earlier session ("mars 2024"). */
  caption = g_strdup_printf (_("Les scores de 0 à %d de chaque session, de la plus ancienne à "
                               "celle-ci ; l’évolution est comptée depuis la première (%s). "
                               "« — » : non évalué."), gr_grid_get_max_level (grid), first);
  gtk_label_set_text (self->caption, caption);

  n_columns = 3 + (int) earlier->len;
  add_cell (self, 0, 0, _("Compétence"));
  for (guint k = 0; k < earlier->len; k++)
    add_cell (self, 1 + k, 0, ((GrChartSeries *) g_ptr_array_index (earlier, k))->label);
  add_cell (self, n_columns - 2, 0, _("Cette session"));
  add_cell (self, n_columns - 1, 0, _("Évolution"));

  for (guint c = 0; c < data->n_axes; c++)
    {
      double then = ((GrChartSeries *) g_ptr_array_index (earlier, 0))->values[c];
      double value = now ? now->values[c] : NAN;
      g_autofree char *score = format_value (value, grid);
      g_autofree char *change = NULL;
      g_autofree char *figure = NULL;

      add_cell (self, 0, 1 + c, data->titles[c]);
      for (guint k = 0; k < earlier->len; k++)
        {
          g_autofree char *text =
            format_value (((GrChartSeries *) g_ptr_array_index (earlier, k))->values[c], grid);
          add_cell (self, 1 + k, 1 + c, text);
        }
      add_cell (self, n_columns - 2, 1 + c, score);

      /* A change needs a score then and now: "—" otherwise, never a change from 0. */
      if (isnan (then) || isnan (value))
        change = g_strdup ("—");
      else
        {
          /* "+1,3" keeps its sign in front in right-to-left text, as "2,5 / 4" keeps its order. */
          figure = gr_format_change (value - then, 1, gr_format_uses_decimal_comma (translator));
          change = gr_format_isolate (figure, gtk_widget_get_default_direction () ==
                                              GTK_TEXT_DIR_RTL);
        }
      add_cell (self, n_columns - 1, 1 + c, change);
    }

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, 1 + (int) data->n_axes,
                                  GTK_ACCESSIBLE_RELATION_COL_COUNT, n_columns,
                                  -1);
}

static void
on_participant_changed (GrProgressTable *self,
                        GrParticipant   *participant,
                        int              kind,
                        guint            index)
{
  /* A level moves a score; a name, which earlier participant this one is. */
  if (kind == GR_PARTICIPANT_CHANGE_LEVEL || kind == GR_PARTICIPANT_CHANGE_NAME)
    update (self);
}

static void
gr_progress_table_dispose (GObject *object)
{
  GrProgressTable *self = GR_PROGRESS_TABLE (object);

  gr_progress_table_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_PROGRESS_TABLE);
  g_clear_object (&self->participant);
  g_clear_pointer (&self->references, g_ptr_array_unref);

  G_OBJECT_CLASS (gr_progress_table_parent_class)->dispose (object);
}

static void
gr_progress_table_class_init (GrProgressTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_progress_table_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrProgressTable, top);
  gtk_widget_class_bind_template_child (widget_class, GrProgressTable, caption);
  gtk_widget_class_bind_template_child (widget_class, GrProgressTable, table);
}

static void
gr_progress_table_init (GrProgressTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gr_progress_table_new (void)
{
  return g_object_new (GR_TYPE_PROGRESS_TABLE, NULL);
}

void
gr_progress_table_set_session (GrProgressTable *self,
                               GrSession       *session)
{
  g_return_if_fail (GR_IS_PROGRESS_TABLE (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->session, on_participant_changed, self);
      g_signal_handlers_disconnect_by_func (gr_session_get_participants (self->session), update,
                                            self);
    }
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "participant-changed",
                               G_CALLBACK (on_participant_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gr_session_get_participants (session), "items-changed",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
    }
  update (self);
}

/* Whose scores: @participant's, or the group's when NULL, as the overview's chart shows. */
void
gr_progress_table_set_participant (GrProgressTable *self,
                                   GrParticipant   *participant)
{
  g_return_if_fail (GR_IS_PROGRESS_TABLE (self));

  if (self->participant == participant)
    return;
  g_set_object (&self->participant, participant);
  update (self);
}

/**
 * gr_progress_table_set_references:
 * @references: (nullable) (element-type GrSession): the earlier sessions, oldest first
 */
void
gr_progress_table_set_references (GrProgressTable *self,
                                  GPtrArray       *references)
{
  g_return_if_fail (GR_IS_PROGRESS_TABLE (self));

  if (references != NULL)
    g_ptr_array_ref (references);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  self->references = references;
  update (self);
}

/* After a switch of language: the template's texts, the months' names and the competencies'. */
void
gr_progress_table_relabel (GrProgressTable *self)
{
  g_return_if_fail (GR_IS_PROGRESS_TABLE (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_PROGRESS_TABLE, TEMPLATE);
  update (self);
}

/* Returns: (transfer full): the table's cells, a line per row and a tab between cells. */
char *
gr_progress_table_get_text (GrProgressTable *self)
{
  g_return_val_if_fail (GR_IS_PROGRESS_TABLE (self), NULL);
  return gr_ui_table_get_text (self->table);
}
