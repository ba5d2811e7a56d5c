/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's participant: the drop-down that chooses whom the pages edit, everything
 * that follows that choice, and the question asked before a participant is removed. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include "gr-i18n.h"
#include "gr-ui.h"
#include "gr-window-private.h"

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
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (label));

  gtk_label_set_text (label, gr_participant_get_name (participant));
  /* A screen reader reads the choice by its name, not its widget type. */
  if (cell != NULL)
    gr_ui_set_label (cell, gr_participant_get_name (participant));
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
on_participant_selected (GrWindow *self)
{
  GrParticipant *participant = gtk_drop_down_get_selected_item (self->participant_dropdown);

  if (self->updating || participant == NULL)
    return;

  gr_window_set_participant (self, participant);
}

void
_gr_window_participants_init (GrWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_participant_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_participant_item), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_participant_item), NULL);
  /* It names each choice for screen readers itself (see gr_ui_name_drop_down()). */
  g_object_set_data (G_OBJECT (factory), "gr-ui-names-items", GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_factory (self->participant_dropdown, factory);
  gr_ui_defer_drop_down_rows (self->participant_dropdown);
  g_signal_connect_object (self->participant_dropdown, "notify::selected-item",
                           G_CALLBACK (on_participant_selected), self, G_CONNECT_SWAPPED);
}

void
_gr_window_update_chart_caption (GrWindow *self)
{
  g_autofree char *caption = NULL;

  if (_gr_window_is_group (self))
    caption = g_strdup (_("Groupe : moyenne, bande et participants"));
  else if (self->participant != NULL)
    /* Translators: above the live chart: whose scores it shows. */
    caption = gr_ui_with_name (_("Scores de %s"), gr_participant_get_name (self->participant));
  else
    caption = g_strdup ("");

  gtk_label_set_text (self->chart_caption, caption);
}

/* Everything that shows the current participant or the group follows them. */
void
_gr_window_update_views (GrWindow *self)
{
  gboolean group = _gr_window_is_group (self);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  self->by_role = g_strcmp0 (self->chart_view, "role") == 0;

  /* Only the competency page on screen follows at once: the others take the participant when
   * they are shown (or built), and a switch costs one page, not one per page seen. */
  if (GR_IS_COMPETENCY_PAGE (page))
    {
      gr_competency_page_set_participant (GR_COMPETENCY_PAGE (page), self->participant);
      gr_competency_page_set_group (GR_COMPETENCY_PAGE (page), group);
    }
  gr_chart_view_set_participant (self->chart, group ? NULL : self->participant);
  gr_chart_view_set_show_participants (self->chart, group);
  gr_chart_view_set_by_role (self->chart, self->by_role);
  /* The overview's scores table and the participants page follow when shown: a switch costs
   * what the page on screen shows. */
  self->overview_stale = TRUE;
  self->participants_stale = TRUE;
  if (page == GTK_WIDGET (self->overview) || page == GTK_WIDGET (self->participants_page))
    _gr_window_update_hidden_pages (self);
  if (self->projector_view != NULL)
    {
      gr_projector_view_set_participant (self->projector_view, self->participant, group);
      gr_projector_view_set_by_role (self->projector_view, self->by_role);
    }
  _gr_window_update_scores (self);
  _gr_window_update_chart_caption (self);
}

/* Brings the participants page up to date with the participant, if they changed while it was
 * hidden. */
void
_gr_window_update_participants_page (GrWindow *self)
{
  if (self->participants_stale && self->participants_page != NULL)
    {
      self->participants_stale = FALSE;
      gr_participants_page_set_current (self->participants_page, self->participant);
    }
}

/* Brings the overview and the participants page up to date with the participant and the view,
 * if they changed while these pages were hidden. */
void
_gr_window_update_hidden_pages (GrWindow *self)
{
  if (self->overview_stale && self->overview != NULL)
    {
      self->overview_stale = FALSE;
      gr_overview_page_set_participant (self->overview, self->participant,
                                        _gr_window_is_group (self));
      gr_overview_page_set_by_role (self->overview, self->by_role);
    }
  _gr_window_update_participants_page (self);
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
      _gr_window_update_chart_caption (self);
      return;
    }

  if (self->participant != NULL)
    g_signal_handlers_disconnect_by_func (self->participant, _gr_window_update_chart_caption,
                                          self);
  g_set_object (&self->participant, participant);
  if (participant != NULL)
    g_signal_connect_object (participant, "notify::name",
                             G_CALLBACK (_gr_window_update_chart_caption), self,
                             G_CONNECT_SWAPPED);
  _gr_window_update_views (self);
}

/* A participant taken out of the session (removed, or an addition undone) cannot stay the
 * one being edited: the neighbour takes over. */
void
_gr_window_on_participants_changed (GrWindow   *self,
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
  if (data->window != NULL)
    _gr_window_return_focus (data->window);
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

/* Asks before @name is removed: their scores, notes and goals go with them. */
void
_gr_window_ask_remove_participant (GrWindow   *self,
                                   const char *name)
{
  GrParticipant *participant = gr_session_find_participant (self->session, name, NULL);
  RemoveData *data;
  GtkWidget *dialog;

  if (participant == NULL || gr_session_get_n_participants (self->session) < 2)
    return;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Supprimer « %s » de la session ?"), name);
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
