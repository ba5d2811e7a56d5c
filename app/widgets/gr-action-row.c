/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One action of a competency's plan, edited in place: done, its text (which grows as it is
 * typed), its owner, its due date from a calendar; moved up or down with the buttons or
 * Alt+↑ / Alt+↓, removed with its button. Every change goes to the model, which the history
 * and the drafts watch. */
#define G_LOG_DOMAIN "gr-action-row"

#include "config.h"

#include <stdio.h>

#include "gr-action-row.h"
#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-ui.h"

struct _GrActionRow
{
  GtkListBoxRow   parent_instance;

  GrSession      *session;
  GrAction       *action;
  gboolean        updating;

  GtkCheckButton *done_check;
  GtkTextView    *text_view;
  GtkEntry       *owner_entry;
  GtkMenuButton  *due_button;
  GtkCalendar    *calendar;
  GtkButton      *clear_due_button;
  GtkButton      *up_button;
  GtkButton      *down_button;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (GrActionRow, gr_action_row, GTK_TYPE_LIST_BOX_ROW)

static gboolean
find (GrActionRow *self,
      guint       *competency,
      guint       *position)
{
  return self->session != NULL &&
         gr_session_find_action (self->session, self->action, competency, position);
}

static void
update_due (GrActionRow *self)
{
  const char *due = gr_action_get_due (self->action);
  g_autofree char *words = NULL;
  g_autofree char *today = gr_today_iso ();

  if (*due)
    words = gr_format_date_long (gr_translator_get (NULL), due);
  gtk_menu_button_set_label (self->due_button, words ? words : _("Échéance…"));
  if (gr_action_is_overdue (self->action, today))
    gtk_widget_add_css_class (GTK_WIDGET (self->due_button), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_button), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_due_button), *due != '\0');
}

static void
update (GrActionRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  self->updating = TRUE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, gr_action_get_text (self->action)) != 0)
    gtk_text_buffer_set_text (buffer, gr_action_get_text (self->action), -1);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->owner_entry)),
                 gr_action_get_owner (self->action)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->owner_entry), gr_action_get_owner (self->action));
  gtk_check_button_set_active (self->done_check, gr_action_get_done (self->action));
  update_due (self);
  self->updating = FALSE;
}

static void
on_text_changed (GrActionRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gr_action_set_text (self->action, text);
}

static void
on_owner_changed (GrActionRow *self)
{
  if (!self->updating)
    gr_action_set_owner (self->action, gtk_editable_get_text (GTK_EDITABLE (self->owner_entry)));
}

static void
on_done_toggled (GrActionRow *self)
{
  if (!self->updating)
    gr_action_set_done (self->action, gtk_check_button_get_active (self->done_check));
}

static void
on_day_selected (GrActionRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  if (self->updating)
    return;
  gr_action_set_due (self->action, iso);
  gtk_menu_button_popdown (self->due_button);
}

static void
on_clear_due (GrActionRow *self)
{
  gr_action_set_due (self->action, "");
  gtk_menu_button_popdown (self->due_button);
}

/* The calendar opens on the due date, or today. */
static void
on_due_activate (GrActionRow *self)
{
  const char *due = gr_action_get_due (self->action);
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (*due && sscanf (due, "%d-%d-%d", &y, &m, &d) == 3)
    date = g_date_time_new_local (y, m, d, 0, 0, 0);
  else
    date = g_date_time_new_now_local ();
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->updating = FALSE;
}

static void
move (GrActionRow *self,
      int          delta)
{
  guint competency, position, n;

  if (!find (self, &competency, &position))
    return;
  n = g_list_model_get_n_items (gr_session_get_actions (self->session, competency));
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  gr_session_move_action (self->session, competency, position, position + delta);
}

static void
on_up (GrActionRow *self)
{
  move (self, -1);
}

static void
on_down (GrActionRow *self)
{
  move (self, +1);
}

static void
on_remove (GrActionRow *self)
{
  guint competency, position;

  if (find (self, &competency, &position))
    gr_session_remove_action (self->session, competency, position);
}

/* From the keyboard: the moved action's new row takes the focus, so that Alt+↑ can be pressed
 * again. */
static void
move_keeping_focus (GrActionRow *self,
                    int          delta)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autoptr(GrAction) action = g_object_ref (self->action);

  move (self, delta);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    if (GR_IS_ACTION_ROW (row) && GR_ACTION_ROW (row)->action == action)
      gr_action_row_focus_text (GR_ACTION_ROW (row));
}

static void
move_up_activated (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  move_keeping_focus (GR_ACTION_ROW (widget), -1);
}

static void
move_down_activated (GtkWidget  *widget,
                     const char *name,
                     GVariant   *parameter)
{
  move_keeping_focus (GR_ACTION_ROW (widget), +1);
}

static void
relabel (GrActionRow *self)
{
  gtk_entry_set_placeholder_text (self->owner_entry, _("Responsable"));
  gr_ui_set_label (GTK_WIDGET (self->owner_entry), _("Responsable de l’action"));
  gr_ui_set_label (GTK_WIDGET (self->text_view), _("Action"));
  gr_ui_set_label (GTK_WIDGET (self->done_check), _("Action faite"));
  gr_ui_set_tooltip (GTK_WIDGET (self->done_check), _("Action faite"));
  gr_ui_set_tooltip (GTK_WIDGET (self->due_button), _("Échéance"));
  gtk_button_set_label (self->clear_due_button, _("Sans échéance"));
  gr_ui_set_tooltip (GTK_WIDGET (self->up_button), _("Monter (Alt+↑)"));
  gr_ui_set_label (GTK_WIDGET (self->up_button), _("Monter l’action"));
  gr_ui_set_tooltip (GTK_WIDGET (self->down_button), _("Descendre (Alt+↓)"));
  gr_ui_set_label (GTK_WIDGET (self->down_button), _("Descendre l’action"));
  gr_ui_set_tooltip (GTK_WIDGET (self->remove_button), _("Supprimer l’action"));
  gr_ui_set_label (GTK_WIDGET (self->remove_button), _("Supprimer l’action"));
}

static void
gr_action_row_dispose (GObject *object)
{
  GrActionRow *self = GR_ACTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_ACTION_ROW);
  g_clear_object (&self->action);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gr_action_row_parent_class)->dispose (object);
}

static void
gr_action_row_class_init (GrActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_action_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/grille/Grille/gr-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, done_check);
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, due_button);
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, clear_due_button);
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, GrActionRow, remove_button);

  gtk_widget_class_install_action (widget_class, "action.move-up", NULL, move_up_activated);
  gtk_widget_class_install_action (widget_class, "action.move-down", NULL, move_down_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "action.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "action.move-down", NULL);
}

static void
gr_action_row_init (GrActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gr_action_row_new (GrSession *session,
                   GrAction  *action)
{
  GrActionRow *self;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (GR_IS_ACTION (action), NULL);

  self = g_object_new (GR_TYPE_ACTION_ROW, NULL);
  self->session = g_object_ref (session);
  self->action = g_object_ref (action);
  relabel (self);
  update (self);

  g_signal_connect_object (action, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_entry, "changed", G_CALLBACK (on_owner_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->done_check, "toggled", G_CALLBACK (on_done_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clear_due_button, "clicked", G_CALLBACK (on_clear_due), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->due_button, "notify::active", G_CALLBACK (on_due_activate),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->up_button, "clicked", G_CALLBACK (on_up), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->down_button, "clicked", G_CALLBACK (on_down), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->remove_button, "clicked", G_CALLBACK (on_remove), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

GrAction *
gr_action_row_get_action (GrActionRow *self)
{
  g_return_val_if_fail (GR_IS_ACTION_ROW (self), NULL);
  return self->action;
}

void
gr_action_row_focus_text (GrActionRow *self)
{
  g_return_if_fail (GR_IS_ACTION_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
