/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Plan d'action": a competency's actions as rows bound to the session's list, and a button that
 * adds one and puts the cursor in it. */
#define G_LOG_DOMAIN "gr-action-plan"

#include "config.h"

#include "gr-action-plan.h"
#include "gr-action-row.h"
#include "gr-i18n.h"
#include "gr-ui.h"

struct _GrActionPlan
{
  GtkWidget   parent_instance;

  GtkWidget  *top;
  GrSession  *session;
  guint       competency;

  GtkLabel   *heading;
  GtkButton  *add_button;
  GtkListBox *list;
  GtkLabel   *placeholder;
};

G_DEFINE_FINAL_TYPE (GrActionPlan, gr_action_plan, GTK_TYPE_WIDGET)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GrActionPlan *self = user_data;

  return gr_action_row_new (self->session, item);
}

static void
update_add (GrActionPlan *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            self->session != NULL &&
                            gr_session_get_n_actions (self->session) < GR_SESSION_MAX_ACTIONS);
}

void
gr_action_plan_add (GrActionPlan *self)
{
  g_autoptr(GrAction) action = gr_action_new ();
  g_autoptr(GError) error = NULL;
  GListModel *actions;
  GtkListBoxRow *row;

  g_return_if_fail (GR_IS_ACTION_PLAN (self));

  if (self->session == NULL ||
      !gr_session_insert_action (self->session, self->competency, G_MAXUINT, action, &error))
    return;

  actions = gr_session_get_actions (self->session, self->competency);
  row = gtk_list_box_get_row_at_index (self->list, g_list_model_get_n_items (actions) - 1);
  if (row != NULL)
    gr_action_row_focus_text (GR_ACTION_ROW (row));
}

void
gr_action_plan_relabel (GrActionPlan *self)
{
  g_return_if_fail (GR_IS_ACTION_PLAN (self));

  gtk_label_set_text (self->heading, _("Plan d’action"));
  gr_ui_set_button_label (self->add_button, _("_Ajouter une action"));
  gtk_label_set_text (self->placeholder, _("Aucune action pour l’instant"));
  gr_ui_set_label (GTK_WIDGET (self->list), _("Plan d’action"));
}

void
gr_action_plan_set_session (GrActionPlan *self,
                            GrSession    *session,
                            guint         competency)
{
  g_return_if_fail (GR_IS_ACTION_PLAN (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, update_add, self);
  g_set_object (&self->session, session);
  self->competency = competency;
  gtk_list_box_bind_model (self->list,
                           session ? gr_session_get_actions (session, competency) : NULL,
                           create_row, self, NULL);
  if (session != NULL)
    g_signal_connect_object (session, "changed", G_CALLBACK (update_add), self,
                             G_CONNECT_SWAPPED);
  update_add (self);
}

/* Returns: (transfer none): the list of the plan's rows. */
GtkListBox *
gr_action_plan_get_list (GrActionPlan *self)
{
  g_return_val_if_fail (GR_IS_ACTION_PLAN (self), NULL);
  return self->list;
}

static void
gr_action_plan_dispose (GObject *object)
{
  GrActionPlan *self = GR_ACTION_PLAN (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_ACTION_PLAN);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gr_action_plan_parent_class)->dispose (object);
}

static void
gr_action_plan_class_init (GrActionPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_action_plan_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/grille/Grille/gr-action-plan.ui");
  gtk_widget_class_bind_template_child (widget_class, GrActionPlan, top);
  gtk_widget_class_bind_template_child (widget_class, GrActionPlan, heading);
  gtk_widget_class_bind_template_child (widget_class, GrActionPlan, add_button);
  gtk_widget_class_bind_template_child (widget_class, GrActionPlan, list);
  gtk_widget_class_bind_template_child (widget_class, GrActionPlan, placeholder);
}

static void
gr_action_plan_init (GrActionPlan *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (gr_action_plan_add), self,
                           G_CONNECT_SWAPPED);
  gr_action_plan_relabel (self);
}
