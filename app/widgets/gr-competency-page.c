/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page of one competency: its texts (and under them, for multilingual workshops, the same
 * in a second language), the participant's score and target, and one row per savoir-faire. */
#define G_LOG_DOMAIN "gr-competency-page"

#include "config.h"

#include "gr-action-plan.h"
#include "gr-competency.h"
#include "gr-competency-page.h"
#include "gr-i18n.h"
#include "gr-level.h"
#include "gr-ui.h"

struct _GrCompetencyPage
{
  GtkWidget      parent_instance;

  GtkWidget       *top;      /* bound so that dispose_template() unparents it */

  GrGrid        *grid;
  GrCompetency  *competency;
  GrParticipant *participant;
  GPtrArray     *rows;
  char          *second_language;
  gboolean       group;     /* the chart and the sidebar show the group */
  gboolean       updating;

  GtkLabel      *title_label;
  GtkLabel      *title_second;
  GtkLabel      *subtitle_label;
  GtkLabel      *subtitle_second;
  GtkLabel      *introduction_label;
  GtkLabel      *introduction_second;
  GtkLabel      *score_label;
  GtkLabel      *target_caption;
  GtkDropDown   *target_dropdown;
  GtkWidget     *group_notice;
  GtkLabel      *group_notice_label;
  GtkListBox    *list;
  GrActionPlan  *plan;
};

G_DEFINE_FINAL_TYPE (GrCompetencyPage, gr_competency_page, GTK_TYPE_WIDGET)

static void
update_score (GrCompetencyPage *self)
{
  g_autofree char *score = NULL;
  g_autofree char *text = NULL;
  guint index = gr_competency_get_index (self->competency);
  GrStats stats = { 0 };

  if (self->participant != NULL)
    gr_participant_get_competency_stats (self->participant, index, &stats);
  score = gr_ui_format_score (&stats, self->grid);
  /* Translators: the participant's score for the competency, e.g. "Score : 2,5 / 4". */
  text = g_strdup_printf (_("Score : %s"), score);
  gtk_label_set_text (self->score_label, text);
}

static void
update_target (GrCompetencyPage *self)
{
  int target = GR_LEVEL_NONE;

  if (self->participant != NULL)
    target = gr_participant_get_target (self->participant,
                                        gr_competency_get_index (self->competency));
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->target_dropdown, target + 1);
  self->updating = FALSE;
}

static void
on_participant_changed (GrCompetencyPage *self,
                        int               kind,
                        guint             index,
                        GrParticipant    *participant)
{
  if (kind == GR_PARTICIPANT_CHANGE_TARGET && index == gr_competency_get_index (self->competency))
    update_target (self);
  else if (kind == GR_PARTICIPANT_CHANGE_LEVEL)
    update_score (self);
}

static void
on_target_selected (GrCompetencyPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->target_dropdown);

  if (self->updating || self->participant == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  gr_participant_set_target (self->participant, gr_competency_get_index (self->competency),
                             (int) selected - 1);
}

/* In the group view, the page says whose levels its selectors change, in sight above the list
 * and to a screen reader on each level selector: the chart beside it shows the group. */
static void
update_group_notice (GrCompetencyPage *self)
{
  gboolean shown = self->group && self->participant != NULL;
  g_autofree char *notice = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (self->group_notice, shown);
  if (shown)
    {
      const char *name = gr_participant_get_name (self->participant);

      notice = gr_ui_with_name (_("Le graphique et la barre latérale montrent le groupe. "
                                  "Les niveaux et les notes de cette page sont ceux de %s."),
                                name);
      /* Translators: read by screen readers on each savoir-faire's level selector while
       * the chart shows the group. */
      description = gr_ui_with_name (_("Niveaux de %s, pas ceux du groupe"), name);
      gtk_label_set_text (self->group_notice_label, notice);
    }

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      GtkWidget *selector =
        gtk_widget_get_parent (GTK_WIDGET (gr_item_row_get_level_button (
                                             g_ptr_array_index (self->rows, i), GR_LEVEL_NONE)));

      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (selector),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (selector),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, notice, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->list),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The texts in the second language, under the interface's. */
static void
update_second_texts (GrCompetencyPage *self)
{
  GrTranslator *second = gr_ui_second_translator (self->second_language);

  gr_ui_set_second_text (self->title_second, second, gr_competency_get_title (self->competency));
  gr_ui_set_second_text (self->subtitle_second, second,
                         gr_competency_get_subtitle (self->competency));
  gr_ui_set_second_text (self->introduction_second, second,
                         gr_competency_get_introduction (self->competency));
}

/* The texts made from the grid, in the interface's language. */
static void
show_texts (GrCompetencyPage *self)
{
  g_autoptr(GtkStringList) targets = gtk_string_list_new (NULL);
  g_autofree char *target_label = NULL;
  const char *title;

  title = gr_ui_grid_text (gr_competency_get_title (self->competency));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label,
                      gr_ui_grid_text (gr_competency_get_subtitle (self->competency)));
  gtk_label_set_text (self->introduction_label,
                      gr_ui_grid_text (gr_competency_get_introduction (self->competency)));
  gr_ui_set_label (GTK_WIDGET (self->list), title);

  gtk_string_list_append (targets, _("Aucun"));
  for (int level = 0; level <= gr_grid_get_max_level (self->grid); level++)
    {
      g_autofree char *name = gr_ui_format_level (self->grid, level);
      gtk_string_list_append (targets, name);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (targets));
  self->updating = FALSE;
  target_label = g_strdup_printf (_("Objectif pour « %s »"), title);
  gr_ui_name_drop_down (self->target_dropdown, target_label);


  gr_action_plan_relabel (self->plan);
  update_second_texts (self);
  update_score (self);
  update_target (self);
}

#define TEMPLATE "/io/github/grille/Grille/gr-competency-page.ui"

/* After a switch of language: the template's texts, the grid's, and each savoir-faire's. */
void
gr_competency_page_relabel (GrCompetencyPage *self)
{
  g_return_if_fail (GR_IS_COMPETENCY_PAGE (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_COMPETENCY_PAGE, TEMPLATE);
  show_texts (self);
  for (guint i = 0; i < self->rows->len; i++)
    gr_item_row_relabel (g_ptr_array_index (self->rows, i));
  update_group_notice (self);
}

static void
gr_competency_page_dispose (GObject *object)
{
  GrCompetencyPage *self = GR_COMPETENCY_PAGE (object);

  gr_competency_page_set_participant (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_COMPETENCY_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->competency);
  g_clear_object (&self->grid);

  G_OBJECT_CLASS (gr_competency_page_parent_class)->dispose (object);
}

static void
gr_competency_page_finalize (GObject *object)
{
  g_free (GR_COMPETENCY_PAGE (object)->second_language);
  G_OBJECT_CLASS (gr_competency_page_parent_class)->finalize (object);
}

static void
gr_competency_page_class_init (GrCompetencyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_competency_page_dispose;
  object_class->finalize = gr_competency_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, top);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, title_second);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, subtitle_second);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, introduction_label);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, introduction_second);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, target_caption);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, group_notice);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, group_notice_label);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, list);
  gtk_widget_class_bind_template_child (widget_class, GrCompetencyPage, plan);
}

static void
gr_competency_page_init (GrCompetencyPage *self)
{
  g_type_ensure (GR_TYPE_ACTION_PLAN);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  g_signal_connect_object (self->target_dropdown, "notify::selected",
                           G_CALLBACK (on_target_selected), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gr_competency_page_new (GrGrid       *grid,
                        GrCompetency *competency)
{
  GrCompetencyPage *self;

  g_return_val_if_fail (GR_IS_GRID (grid), NULL);
  g_return_val_if_fail (GR_IS_COMPETENCY (competency), NULL);

  self = g_object_new (GR_TYPE_COMPETENCY_PAGE, NULL);
  self->grid = g_object_ref (grid);
  self->competency = g_object_ref (competency);

  for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
    {
      GtkWidget *row = gr_item_row_new (grid, gr_competency_get_item (competency, i));

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }

  show_texts (self);
  return GTK_WIDGET (self);
}

GrCompetency *
gr_competency_page_get_competency (GrCompetencyPage *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY_PAGE (self), NULL);
  return self->competency;
}

void
gr_competency_page_set_participant (GrCompetencyPage *self,
                                    GrParticipant    *participant)
{
  g_return_if_fail (GR_IS_COMPETENCY_PAGE (self));

  if (self->participant == participant)
    return;

  if (self->participant != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->participant, on_participant_changed, self);
      g_signal_handlers_disconnect_by_func (self->participant, update_group_notice, self);
    }
  g_set_object (&self->participant, participant);
  if (participant != NULL)
    {
      g_signal_connect_object (participant, "changed", G_CALLBACK (on_participant_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (participant, "notify::name", G_CALLBACK (update_group_notice),
                               self, G_CONNECT_SWAPPED);
    }

  if (self->rows == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    gr_item_row_set_participant (g_ptr_array_index (self->rows, i), participant);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_dropdown), participant != NULL);
  update_score (self);
  update_target (self);
  update_group_notice (self);
}

/* Whether the chart and the sidebar show the group (or its roles) rather than the participant
 * whose levels the page changes. */
void
gr_competency_page_set_group (GrCompetencyPage *self,
                              gboolean          group)
{
  g_return_if_fail (GR_IS_COMPETENCY_PAGE (self));

  group = !!group;
  if (self->group == group)
    return;
  self->group = group;
  update_group_notice (self);
}

/* Returns: (transfer none): the row of the competency's @position-th savoir-faire. */
GrItemRow *
gr_competency_page_get_row (GrCompetencyPage *self,
                            guint             position)
{
  g_return_val_if_fail (GR_IS_COMPETENCY_PAGE (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, position);
}

/* Returns: (transfer none): the target selector; its item 0 is "none", n + 1 the level n. */
GtkDropDown *
gr_competency_page_get_target (GrCompetencyPage *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY_PAGE (self), NULL);
  return self->target_dropdown;
}

/* Shows the grid's texts in @code too, under the interface's: for a workshop where some read
 * another language better. "" or %NULL: only the interface's language. */
void
gr_competency_page_set_second_language (GrCompetencyPage *self,
                                        const char       *code)
{
  g_return_if_fail (GR_IS_COMPETENCY_PAGE (self));

  if (!gr_set_str (&self->second_language, code))
    return;

  for (guint i = 0; i < self->rows->len; i++)
    gr_item_row_set_second_language (g_ptr_array_index (self->rows, i), code);
  update_second_texts (self);
}

/* The session whose action plan for this competency the page shows under the savoir-faire. */
void
gr_competency_page_set_session (GrCompetencyPage *self,
                                GrSession        *session)
{
  g_return_if_fail (GR_IS_COMPETENCY_PAGE (self));

  gr_action_plan_set_session (self->plan, session, gr_competency_get_index (self->competency));
}

/* Returns: (transfer none): the competency's action plan. */
GrActionPlan *
gr_competency_page_get_plan (GrCompetencyPage *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY_PAGE (self), NULL);
  return self->plan;
}
