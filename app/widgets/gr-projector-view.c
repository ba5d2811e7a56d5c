/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Projector mode: the chart and one competency in large type, read from across a room, with
 * its texts in a second language too if chosen; the participants' names can be hidden when
 * the group's scores are shown to others. */
#define G_LOG_DOMAIN "gr-projector-view"

#include "config.h"

#include "gr-competency.h"
#include "gr-i18n.h"
#include "gr-item.h"
#include "gr-level.h"
#include "gr-projector-view.h"
#include "gr-roles.h"
#include "gr-ui.h"

struct _GrProjectorView
{
  GtkWidget        parent_instance;

  GtkWidget       *top;      /* bound so that dispose_template() unparents it */

  GrSession       *session;
  GrParticipant   *participant;
  gboolean         group;
  gboolean         by_role;
  gboolean         show_names;
  guint            competency;
  char            *second_language;

  GrChartView     *chart;
  GtkLabel        *name_label;
  GtkLabel        *title_label;
  GtkLabel        *title_second;
  GtkLabel        *subtitle_label;
  GtkLabel        *subtitle_second;
  GtkScrolledWindow *items_scroller;
  GtkBox          *items_box;
  GtkLabel        *more_label;
  GtkButton       *previous_button;
  GtkButton       *next_button;
  GtkToggleButton *names_button;
  GtkImage        *names_icon;
  GtkButton       *exit_button;
};

G_DEFINE_FINAL_TYPE (GrProjectorView, gr_projector_view, GTK_TYPE_WIDGET)

/* By role: each role's mean level, "Élu·e·s (3) : 3,0 · Agent·e·s (3) : 2,0", then the largest
 * gap between them, as the chart writes it at each competency. */
static char *
describe_item_by_role (GPtrArray *roles,
                       guint      item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GrRoleGap gap;

  for (guint g = 0; g < roles->len; g++)
    {
      GrRoleGroup *group = g_ptr_array_index (roles, g);
      g_autofree char *label = gr_role_group_get_label (group, gr_ui_translator ());
      g_autofree char *mean = gr_stats_has_score (&group->item_stats[item])
                              ? gr_ui_format_number (group->item_stats[item].mean)
                              : g_strdup (_("non évalué"));

      if (g > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("%s : %s"), label, mean);
    }
  if (gr_roles_get_largest_item_gap (roles, item, &gap))
    {
      g_autofree char *number = gr_ui_format_number (gap.gap);

      g_string_append (text, " · ");
      g_string_append_printf (text, _("écart %s"), number);
    }
  return g_strdup (text->str);
}

static char *
describe_item (GrProjectorView *self,
               GrGrid          *grid,
               GPtrArray       *roles,
               guint            item)
{
  GrStats stats;

  if (roles != NULL)
    return describe_item_by_role (roles, item);
  if (!self->group)
    {
      int level = self->participant ? gr_participant_get_level (self->participant, item)
                                    : GR_LEVEL_NONE;
      return gr_ui_format_level (grid, level);
    }

  if (!gr_session_get_item_stats (self->session, item, &stats))
    return g_strdup (_("Non évalué"));

  {
    g_autofree char *mean = gr_ui_format_number (stats.mean);
    g_autofree char *min = gr_ui_format_number (stats.min);
    g_autofree char *max = gr_ui_format_number (stats.max);

    /* Translators: the group's mean for a savoir-faire, then its lowest and highest level. */
    return g_strdup_printf (_("Moyenne %s (de %s à %s)"), mean, min, max);
  }
}

static void
refresh (GrProjectorView *self)
{
  GrGrid *grid;
  GrCompetency *competency;
  GrTranslator *second = gr_ui_second_translator (self->second_language);
  GtkWidget *child;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) roles = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))))
    gtk_box_remove (self->items_box, child);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->items_scroller), 0);

  if (self->session == NULL)
    return;

  grid = gr_session_get_grid (self->session);
  self->competency = MIN (self->competency, gr_grid_get_n_competencies (grid) - 1);
  competency = gr_grid_get_competency (grid, self->competency);

  if (self->by_role)
    {
      roles = gr_roles_group_session (self->session);
      name = g_strdup (C_("overview", "Par rôle"));
    }
  else if (self->group)
    name = g_strdup (_("Groupe"));
  else if (self->participant != NULL)
    name = g_strdup (gr_participant_get_name (self->participant));
  gtk_label_set_text (self->name_label, name ? name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_label),
                          self->show_names || self->group || self->by_role);

  gtk_label_set_text (self->title_label, gr_ui_grid_text (gr_competency_get_title (competency)));
  gtk_label_set_text (self->subtitle_label,
                      gr_ui_grid_text (gr_competency_get_subtitle (competency)));
  gr_ui_set_second_text (self->title_second, second, gr_competency_get_title (competency));
  gr_ui_set_second_text (self->subtitle_second, second, gr_competency_get_subtitle (competency));

  for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
    {
      GrItem *item = gr_competency_get_item (competency, i);
      g_autofree char *level = describe_item (self, grid, roles, gr_item_get_index (item));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *text = gtk_label_new (gr_ui_grid_text (gr_item_get_text (item)));
      GtkWidget *text_second = gtk_label_new (NULL);
      GtkWidget *value = gtk_label_new (level);

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text_second), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text_second), 0);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_widget_add_css_class (text, "projector-item");
      gtk_widget_add_css_class (text_second, "second-language");
      gtk_widget_add_css_class (value, "projector-level");
      gr_ui_set_second_text (GTK_LABEL (text_second), second, gr_item_get_text (item));
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), text_second);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (self->items_box, box);
    }
}

#define TEMPLATE "/io/github/grille/Grille/gr-projector-view.ui"

/* After a switch of language: the template's texts, then those made from the session. */
void
gr_projector_view_relabel (GrProjectorView *self)
{
  g_return_if_fail (GR_IS_PROJECTOR_VIEW (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_PROJECTOR_VIEW, TEMPLATE);
  refresh (self);
}

/* The names toggle shows its state by more than a shade: an open eye while the names are
 * shown, a closed one while they are hidden. Screen readers read it "pressed" or not. */
static void
update_names_icon (GrProjectorView *self)
{
  /* dispose_template() lets the toggle go before the view. */
  if (self->names_button == NULL || self->names_icon == NULL)
    return;
  gtk_image_set_from_icon_name (self->names_icon,
                                gtk_toggle_button_get_active (self->names_button)
                                ? "view-reveal-symbolic" : "view-conceal-symbolic");
}

/* The cue under the list, while savoir-faire are hidden below its end. */
static void
update_more (GrProjectorView *self)
{
  GtkAdjustment *adjustment;

  if (self->items_scroller == NULL || self->more_label == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (self->items_scroller);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label),
                          gtk_adjustment_get_value (adjustment) +
                          gtk_adjustment_get_page_size (adjustment) <
                          gtk_adjustment_get_upper (adjustment) - 1);
}

static void
gr_projector_view_dispose (GObject *object)
{
  GrProjectorView *self = GR_PROJECTOR_VIEW (object);

  gr_projector_view_set_session (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_PROJECTOR_VIEW);
  g_clear_object (&self->participant);

  G_OBJECT_CLASS (gr_projector_view_parent_class)->dispose (object);
}

static void
gr_projector_view_finalize (GObject *object)
{
  g_free (GR_PROJECTOR_VIEW (object)->second_language);
  G_OBJECT_CLASS (gr_projector_view_parent_class)->finalize (object);
}

static void
gr_projector_view_class_init (GrProjectorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_projector_view_dispose;
  object_class->finalize = gr_projector_view_finalize;

  g_type_ensure (GR_TYPE_CHART_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, top);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, chart);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, name_label);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, title_second);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, subtitle_second);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, items_scroller);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, items_box);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, more_label);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, next_button);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, names_button);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, names_icon);
  gtk_widget_class_bind_template_child (widget_class, GrProjectorView, exit_button);
}

static void
gr_projector_view_init (GrProjectorView *self)
{
  GtkAdjustment *adjustment;

  self->show_names = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gr_chart_view_set_show_title (self->chart, TRUE);

  g_signal_connect_object (self->names_button, "notify::active",
                           G_CALLBACK (update_names_icon), self, G_CONNECT_SWAPPED);
  update_names_icon (self);
  adjustment = gtk_scrolled_window_get_vadjustment (self->items_scroller);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (update_more), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (update_more), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

GtkWidget *
gr_projector_view_new (void)
{
  return g_object_new (GR_TYPE_PROJECTOR_VIEW, NULL);
}

void
gr_projector_view_set_session (GrProjectorView *self,
                               GrSession       *session)
{
  g_return_if_fail (GR_IS_PROJECTOR_VIEW (self));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, refresh, self);
  g_set_object (&self->session, session);
  if (self->chart != NULL)
    gr_chart_view_set_session (self->chart, session);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
update_chart (GrProjectorView *self)
{
  gr_chart_view_set_participant (self->chart, self->group ? NULL : self->participant);
  /* Each participant's line carries their name in the legend. */
  gr_chart_view_set_show_participants (self->chart, self->group && self->show_names);
}

void
gr_projector_view_set_participant (GrProjectorView *self,
                                   GrParticipant   *participant,
                                   gboolean         group)
{
  g_return_if_fail (GR_IS_PROJECTOR_VIEW (self));

  g_set_object (&self->participant, participant);
  self->group = group;
  update_chart (self);
  refresh (self);
}

/* One line per role on the chart, and each savoir-faire's mean per role beside it. */
void
gr_projector_view_set_by_role (GrProjectorView *self,
                               gboolean         by_role)
{
  g_return_if_fail (GR_IS_PROJECTOR_VIEW (self));

  self->by_role = !!by_role;
  gr_chart_view_set_by_role (self->chart, self->by_role);
  refresh (self);
}

void
gr_projector_view_set_competency (GrProjectorView *self,
                                  guint            competency)
{
  g_return_if_fail (GR_IS_PROJECTOR_VIEW (self));

  self->competency = competency;
  refresh (self);
}

void
gr_projector_view_set_show_names (GrProjectorView *self,
                                  gboolean         show)
{
  g_return_if_fail (GR_IS_PROJECTOR_VIEW (self));

  self->show_names = show;
  update_chart (self);
  refresh (self);
}

/* Shows the competency's texts in @code too, under the interface's; "" or %NULL: not. */
void
gr_projector_view_set_second_language (GrProjectorView *self,
                                       const char      *code)
{
  g_return_if_fail (GR_IS_PROJECTOR_VIEW (self));

  if (gr_set_str (&self->second_language, code))
    refresh (self);
}

/* Scrolls the list of savoir-faire most of a screen down (@direction 1) or up (-1), for the
 * arrow keys. */
void
gr_projector_view_scroll (GrProjectorView *self,
                          int              direction)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GR_IS_PROJECTOR_VIEW (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->items_scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        direction * gtk_adjustment_get_page_size (adjustment) *
                                        0.8);
}

/* Returns: (transfer none): the cue under the list that more savoir-faire are below. */
GtkWidget *
gr_projector_view_get_more_cue (GrProjectorView *self)
{
  g_return_val_if_fail (GR_IS_PROJECTOR_VIEW (self), NULL);
  return GTK_WIDGET (self->more_label);
}

/* Returns: (transfer none): the toggle that shows or hides the participants' names. */
GtkToggleButton *
gr_projector_view_get_names_toggle (GrProjectorView *self)
{
  g_return_val_if_fail (GR_IS_PROJECTOR_VIEW (self), NULL);
  return self->names_button;
}

/* Returns: (transfer none) */
GrChartView *
gr_projector_view_get_chart (GrProjectorView *self)
{
  g_return_val_if_fail (GR_IS_PROJECTOR_VIEW (self), NULL);
  return self->chart;
}
