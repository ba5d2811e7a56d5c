/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window from the keyboard and for screen readers: the sidebar as one Tab stop,
 * Enter into a page, the focus given back after a dialog or a file chooser, the pages in the
 * sidebar's order, and names GTK 4.8 does not give. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include "gr-competency.h"
#include "gr-competency-page.h"
#include "gr-ui.h"
#include "gr-window-private.h"

/* Moves the focus to the first control of the page shown (the first savoir-faire of a
 * competency page). Returns whether a control took it. */
gboolean
_gr_window_focus_page (GrWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  GrGrid *grid = gr_session_get_grid (self->session);
  guint competency;

  if (page == NULL)
    return FALSE;
  if (gr_grid_find_competency (grid, gr_window_get_page (self), &competency) &&
      competency < self->competency_pages->len)
    {
      GrCompetencyPage *competency_page = g_ptr_array_index (self->competency_pages, competency);
      GrItemRow *row = competency_page ? gr_competency_page_get_row (competency_page, 0) : NULL;

      if (row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row)))
        return TRUE;
    }

  return gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* Tab leaves the sidebar for the page, Shift+Tab for the participant chooser above it: the
 * list is one Tab stop, its rows are reached with the arrows, as in every GTK sidebar. Without
 * this, Tab went from row to row, opening each page on the way. */
static gboolean
on_sidebar_key_pressed (GrWindow        *self,
                        guint            keyval,
                        guint            keycode,
                        GdkModifierType  state)
{
  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK))
    return gtk_widget_grab_focus (GTK_WIDGET (self->participant_dropdown));

  return gtk_widget_child_focus (GTK_WIDGET (self->adaptive_box), GTK_DIR_TAB_FORWARD);
}

/* Enter on a row: its page is shown already (the arrows select), the focus goes into it. */
static void
on_sidebar_row_activated (GrWindow      *self,
                          GtkListBoxRow *row)
{
  gtk_list_box_select_row (self->sidebar, row);
  _gr_window_focus_page (self);
}

static void
on_focus_widget_changed (GrWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (focus != NULL)
    g_set_weak_pointer (&self->last_focus, focus);
}

/**
 * _gr_window_return_focus:
 *
 * Brings the window back to the front with the focus on the control that had it before a
 * dialog or a file chooser opened: the keyboard goes on where it was, and the window's
 * shortcuts (Ctrl+S…) work at once, without a click to make the window active again.
 */
void
_gr_window_return_focus (GrWindow *self)
{
  GtkWidget *focus = self->last_focus;

  /* The window going with its dialogs (closed, or the application quitting) has nothing to
   * give back: presenting it then crashed. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  gtk_window_present (GTK_WINDOW (self));
  if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self) &&
      gtk_widget_is_drawable (focus) && gtk_widget_is_sensitive (focus))
    gtk_widget_grab_focus (focus);
}

/* A dialog over the window gives the focus back when it goes. */
void
_gr_window_return_focus_after (GrWindow  *self,
                               GtkWindow *dialog)
{
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (_gr_window_return_focus), self,
                           G_CONNECT_SWAPPED);
}

/* Projector mode keeps where the focus was while editing (@projector: it starts) and gives
 * it back when it ends: on that control if it is still on the page shown, else on the page's
 * first control. Without this the focus stayed in the projector view, now hidden. */
void
_gr_window_keep_edit_focus (GrWindow *self,
                            gboolean  projector)
{
  GtkWidget *focus = self->edit_focus;
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (projector)
    {
      g_set_weak_pointer (&self->edit_focus, gtk_window_get_focus (GTK_WINDOW (self)));
      return;
    }

  g_clear_weak_pointer (&self->edit_focus);
  if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (self) &&
      (!gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)) ||
       (page != NULL && gtk_widget_is_ancestor (focus, page))) &&
      gtk_widget_grab_focus (focus))
    return;
  _gr_window_focus_page (self);
}

/* The page before or after the one shown, in the sidebar's order (the overview, the
 * competencies, the participants), without going round: Ctrl+Page Up from the first
 * competency goes to the overview. In projector mode, which shows competencies only, the
 * arrows go round them. */
void
_gr_window_step_page (GrWindow *self,
                      int       step)
{
  GrGrid *grid = gr_session_get_grid (self->session);
  guint n = gr_grid_get_n_competencies (grid);
  const char *page = gr_window_get_page (self);
  guint current = 0;
  gboolean on_competency = gr_grid_find_competency (grid, page, &current);

  if (self->projector)
    {
      if (!on_competency)
        current = step > 0 ? n - 1 : 0;
      current = (current + n + step) % n;
      gr_window_show_page (self, gr_competency_get_id (gr_grid_get_competency (grid, current)));
      return;
    }

  if (on_competency)
    {
      if (step < 0 && current == 0)
        gr_window_show_page (self, PAGE_OVERVIEW);
      else if (step > 0 && current == n - 1)
        gr_window_show_page (self, PAGE_PARTICIPANTS);
      else
        gr_window_show_page (self,
                             gr_competency_get_id (gr_grid_get_competency (grid,
                                                                           current + step)));
    }
  else if (g_strcmp0 (page, PAGE_OVERVIEW) == 0 && step > 0)
    gr_window_show_page (self, gr_competency_get_id (gr_grid_get_competency (grid, 0)));
  else if (g_strcmp0 (page, PAGE_PARTICIPANTS) == 0 && step < 0)
    gr_window_show_page (self, gr_competency_get_id (gr_grid_get_competency (grid, n - 1)));
}

/* Names for screen readers that the template cannot give (see gr_ui_name_drop_down()). */
void
_gr_window_name_controls (GrWindow *self)
{
  gr_ui_fix_button_name (self->open_button);
  gr_ui_fix_button_name (self->save_button);
  gr_ui_name_drop_down (self->participant_dropdown,
                        gtk_label_get_text (self->participant_caption));
}

void
_gr_window_keyboard_init (GrWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_sidebar_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), keys);
  g_signal_connect_object (self->sidebar, "row-activated", G_CALLBACK (on_sidebar_row_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_widget_changed), NULL);
  gr_ui_focus_shown_page_only (self->stack);
  gr_ui_focus_shown_page_only (self->mode_stack);
}
