/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One participant in the participants page: the name, edited in place, how far their grid is
 * filled, and buttons to edit their scores, rename or remove them. The page's list makes rows
 * only for the participants in sight, and binds each to one participant after another. */
#define G_LOG_DOMAIN "gr-participant-row"

#include "config.h"

#include "gr-i18n.h"
#include "gr-participant-row.h"
#include "gr-roles.h"
#include "gr-ui.h"

struct _GrParticipantRow
{
  GtkWidget         parent_instance;

  GrSession        *session;
  GrParticipant    *participant;
  gboolean          current;

  GtkImage         *current_icon;
  GtkEditableLabel *name_label;
  GtkLabel         *progress_label;
  GtkButton        *select_button;
  GtkButton        *rename_button;
  GtkButton        *remove_button;
  GtkEntry         *role_entry;
  GtkMenuButton    *role_button;
  GtkBox           *role_suggestions;
  gboolean          updating_role;
};

G_DEFINE_FINAL_TYPE (GrParticipantRow, gr_participant_row, GTK_TYPE_WIDGET)

/* The roles offered in the interface's language (gr-roles.c); any other can be typed. */
static void
label_suggestions (GrParticipantRow *self)
{
  guint i = 0;

  for (GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->role_suggestions));
       button != NULL; button = gtk_widget_get_next_sibling (button), i++)
    {
      g_autofree char *suggestion = gr_roles_get_suggestion (gr_ui_translator (), i);
      gtk_button_set_label (GTK_BUTTON (button), suggestion);
    }
}

/* A button's name for screen readers, which its tooltip shows too (and says again to them, as
 * a tooltip set on it would). The tooltip is made when it is shown: GTK 4.8 asks the X server
 * where the pointer is each time the tooltip of a shown widget is set, four round trips for
 * each row the list binds. */
static void
set_button_text (GtkWidget  *button,
                 const char *text)
{
  gr_ui_set_label (button, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "gr-tooltip", g_strdup (text), g_free);
}

static gboolean
on_query_tooltip (GtkWidget  *button,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (button), "gr-tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
gr_participant_row_relabel (GrParticipantRow *self)
{
  const char *name;
  GrGrid *grid;
  guint n_items;
  guint assessed;
  g_autofree char *progress = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GVariant) target = NULL;
  GtkWidget *item;

  if (self->participant == NULL)
    return;

  name = gr_participant_get_name (self->participant);
  grid = gr_participant_get_grid (self->participant);
  n_items = gr_grid_get_n_items (grid);
  assessed = gr_participant_count_assessed (self->participant);
  target = g_variant_ref_sink (g_variant_new_string (name));

  if (!gtk_editable_label_get_editing (self->name_label))
    gtk_editable_set_text (GTK_EDITABLE (self->name_label), name);

  progress = g_strdup_printf (gr_translator_ngettext (gr_translator_get (NULL),
                                                      "%u savoir-faire évalué sur %u",
                                                      "%u savoir-faire évalués sur %u",
                                                      assessed),
                              assessed, n_items);
  gtk_label_set_text (self->progress_label, progress);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->role_entry)),
                 gr_participant_get_role (self->participant)) != 0)
    {
      /* A copy: setting the text emits "changed" twice (emptied, then filled), and neither may
       * reach the participant. */
      g_autofree char *role = g_strdup (gr_participant_get_role (self->participant));

      self->updating_role = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->role_entry), role);
      self->updating_role = FALSE;
    }
  gtk_entry_set_placeholder_text (self->role_entry, _("Rôle"));
  label = g_strdup_printf (_("Rôle de %s"), name);
  gr_ui_set_label (GTK_WIDGET (self->role_entry), label);
  g_clear_pointer (&label, g_free);
  set_button_text (GTK_WIDGET (self->role_button), _("Rôles proposés"));
  label_suggestions (self);

  gtk_button_set_label (self->select_button,
                        self->current ? _("En cours de saisie") : _("Saisir ses scores"));
  /* Translators: read by a screen reader on the "Saisir ses scores" button of a participant. */
  label = gr_ui_with_name (_("Saisir les scores de %s"), name);
  gr_ui_set_label (GTK_WIDGET (self->select_button), label);
  g_clear_pointer (&label, g_free);
  /* The row says whom it is about, how far they are, and whether they are the one edited. */
  label = g_strdup_printf (self->current
                           /* Translators: a participant's row read by a screen reader: the
                            * name, then how many savoir-faire are assessed. */
                           ? _("%s, %s, en cours de saisie")
                           : C_("participant row", "%s, %s"),
                           name, progress);
  /* The row, which takes the focus, and the list's item round it read as the participant. */
  gr_ui_set_label (GTK_WIDGET (self), label);
  if ((item = gtk_widget_get_parent (GTK_WIDGET (self))) != NULL)
    gr_ui_set_label (item, label);
  g_clear_pointer (&label, g_free);
  /* The target first: an action name without its target is a mismatch. The current
   * participant's button has no action: GTK's action helper makes a button as sensitive as its
   * action, when the row it was bound in joins the window, after this. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->select_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->select_button),
                                  self->current ? NULL : "win.select-participant");
  gtk_widget_set_sensitive (GTK_WIDGET (self->select_button), !self->current);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button),
                                  "win.remove-participant");
  /* The mark keeps its room when hidden, so that the names stay aligned; a screen reader
   * hears it only on the current participant. */
  gtk_widget_set_opacity (GTK_WIDGET (self->current_icon), self->current ? 1 : 0);
  gr_ui_set_label (GTK_WIDGET (self->current_icon), _("En cours de saisie"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->current_icon),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !self->current,
                               -1);

  /* Icon-only buttons: the label names the participant, since every row has the same ones. */
  label = g_strdup_printf (_("Renommer %s"), name);
  set_button_text (GTK_WIDGET (self->rename_button), label);
  g_clear_pointer (&label, g_free);
  label = g_strdup_printf (_("Supprimer %s"), name);
  set_button_text (GTK_WIDGET (self->remove_button), label);
  gr_ui_set_label (GTK_WIDGET (self->name_label), _("Nom du participant"));
}

/* Renames the participant, or says why not and puts the old name back. */
gboolean
gr_participant_row_rename (GrParticipantRow *self,
                           const char       *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  g_return_val_if_fail (GR_IS_PARTICIPANT_ROW (self), FALSE);

  if (g_strcmp0 (stripped, gr_participant_get_name (self->participant)) == 0)
    return TRUE;

  if (!gr_session_rename_participant (self->session, self->participant, stripped, &error))
    {
      gr_ui_show_error (GTK_WIDGET (self), _("Impossible de renommer le participant"),
                        error->message);
      gr_participant_row_relabel (self);
      return FALSE;
    }

  return TRUE;
}

/* The row shows the name, the role and how many savoir-faire are assessed: a keystroke in a
 * note changes none of them. */
static void
on_participant_changed (GrParticipantRow *self,
                        int               kind)
{
  if (kind != GR_PARTICIPANT_CHANGE_NOTE)
    gr_participant_row_relabel (self);
}

static void
on_editing_changed (GrParticipantRow *self)
{
  if (self->participant != NULL && !gtk_editable_label_get_editing (self->name_label))
    gr_participant_row_rename (self,
                               gtk_editable_get_text (GTK_EDITABLE (self->name_label)));
}

/* Starts editing the name in place (F2, Enter on the row, or the rename button). */
void
gr_participant_row_start_rename (GrParticipantRow *self)
{
  g_return_if_fail (GR_IS_PARTICIPANT_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_label));
  gtk_editable_label_start_editing (self->name_label);
  /* The field that now has the focus says what it is for. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->name_label)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_STACK (child) || GTK_IS_TEXT (child))
      {
        GtkWidget *text = GTK_IS_TEXT (child) ? child
          : gtk_stack_get_child_by_name (GTK_STACK (child), "editing");
        /* Translators: the name field of a participant being renamed, read by a screen
         * reader; %s is the name before. */
        g_autofree char *label = gr_ui_with_name (_("Nouveau nom de %s (Entrée pour valider, "
                                                    "Échap pour annuler)"),
                                                  gr_participant_get_name (self->participant));

        if (text != NULL)
          gr_ui_set_label (text, label);
      }
}

/* F2, or Enter on the row itself, renames; the arrows move between the row's controls and
 * between rows, so that a row costs a single Tab stop (see gr_ui_make_single_tab_stop()). */
static gboolean
on_key_pressed (GrParticipantRow *self,
                guint             keyval,
                guint             keycode,
                GdkModifierType   state)
{
  gboolean on_row = gtk_widget_has_focus (GTK_WIDGET (self));

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;
  if (keyval == GDK_KEY_F2 ||
      (on_row && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)))
    {
      gr_participant_row_start_rename (self);
      return TRUE;
    }
  /* Left and Right move between the row's controls here: the list would take them for its
   * own moves (which a vertical list does not make). A field keeps them for its cursor. */
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_LEFT) || TRUE;
  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_RIGHT) || TRUE;
  return FALSE;
}

/* Left at the start of the role field, or Right at its end, goes on to the row's next
 * control: without this the arrows stopped in the field, and the buttons after it (« Saisir
 * ses scores », rename, remove) could not be reached from the keyboard. */
static gboolean
on_role_keynav_failed (GrParticipantRow *self,
                       GtkDirectionType  direction)
{
  if (direction != GTK_DIR_LEFT && direction != GTK_DIR_RIGHT)
    return FALSE;
  if (gtk_widget_child_focus (gtk_widget_get_first_child (GTK_WIDGET (self)), direction))
    return TRUE;
  /* Left from the first control: the row itself, where F2 and Enter rename. */
  return direction == GTK_DIR_LEFT && gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* The focus moves as in a GtkListBoxRow: on the row, Right (or Tab) enters its controls; from
 * a control, Left past the first comes back to the row; from outside, the row itself. */
static gboolean
gr_participant_row_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);

  if (gtk_widget_is_focus (widget))
    return child != NULL && (direction == GTK_DIR_RIGHT || direction == GTK_DIR_TAB_FORWARD) &&
           gtk_widget_child_focus (child, direction);

  if (focus_child != NULL)
    {
      if (gtk_widget_child_focus (focus_child, direction))
        return TRUE;
      if (direction == GTK_DIR_LEFT || direction == GTK_DIR_TAB_BACKWARD)
        return gtk_widget_grab_focus (widget);
      return FALSE;
    }

  if (child != NULL && (direction == GTK_DIR_LEFT || direction == GTK_DIR_TAB_BACKWARD) &&
      gtk_widget_child_focus (child, direction))
    return TRUE;
  return gtk_widget_grab_focus (widget);
}

static void
on_role_changed (GrParticipantRow *self)
{
  if (self->participant != NULL && !self->updating_role)
    gr_participant_set_role (self->participant,
                             gtk_editable_get_text (GTK_EDITABLE (self->role_entry)));
}

static void
on_role_suggested (GrParticipantRow *self,
                   GtkButton        *button)
{
  gtk_editable_set_text (GTK_EDITABLE (self->role_entry), gtk_button_get_label (button));
  gtk_menu_button_popdown (self->role_button);
}

static gboolean
release_later (gpointer widget)
{
  g_object_unref (widget);
  return G_SOURCE_REMOVE;
}

/* The suggested roles are made the first time they are asked for: the list makes a row for each
 * participant in sight, and few rows ever have them shown. */
static void
add_suggestions (GrParticipantRow *self)
{
  if (gtk_widget_get_first_child (GTK_WIDGET (self->role_suggestions)) != NULL)
    return;
  for (guint i = 0; i < GR_ROLES_N_SUGGESTIONS; i++)
    {
      GtkWidget *button = gtk_button_new ();

      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_role_suggested), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->role_suggestions, button);
    }
  label_suggestions (self);
}

static void
gr_participant_row_dispose (GObject *object)
{
  GrParticipantRow *self = GR_PARTICIPANT_ROW (object);
  GtkWidget *child;

  gr_participant_row_bind (self, NULL, NULL);
  /* GTK 4.8's GtkEditableLabel stops editing 100 ms after it loses the focus, from a timeout
   * that holds a bare pointer to its focus controller: a row destroyed in between (a name
   * added or removed builds the list again, the window closes) had it read freed memory. The
   * name field outlives the row by a little more than that. */
  if (self->name_label != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->name_label, self);
      g_timeout_add (250, release_later, g_object_ref (self->name_label));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_PARTICIPANT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->participant);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gr_participant_row_parent_class)->dispose (object);
}

static void
gr_participant_row_class_init (GrParticipantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_participant_row_dispose;
  widget_class->focus = gr_participant_row_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/grille/Grille/gr-participant-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, current_icon);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, select_button);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, rename_button);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, role_entry);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, role_button);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantRow, role_suggestions);
}

static void
gr_participant_row_init (GrParticipantRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The row itself takes the focus (the list's own row passes it on): F2 and Enter rename
   * there, Left from the first control comes back to it. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (self->name_label, "notify::editing", G_CALLBACK (on_editing_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->role_entry)),
                           "keynav-failed", G_CALLBACK (on_role_keynav_failed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rename_button, "clicked",
                           G_CALLBACK (gr_participant_row_start_rename), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role_entry, "changed", G_CALLBACK (on_role_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role_button, "notify::active",
                           G_CALLBACK (add_suggestions), self, G_CONNECT_SWAPPED);
  {
    GtkWidget *buttons[] = {
      GTK_WIDGET (self->role_button), GTK_WIDGET (self->rename_button),
      GTK_WIDGET (self->remove_button),
    };

    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        gtk_widget_set_has_tooltip (buttons[i], TRUE);
        g_signal_connect (buttons[i], "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      }
  }
}

/* A row for no one yet: gr_participant_row_bind() gives it its participant. */
GtkWidget *
gr_participant_row_new (void)
{
  return g_object_new (GR_TYPE_PARTICIPANT_ROW, NULL);
}

/**
 * gr_participant_row_bind:
 * @session: (nullable): the session @participant is in
 * @participant: (nullable): whom the row shows, or %NULL when the list takes the row back
 *
 * Shows @participant in the row, which the list may have shown someone else in before (whether
 * they are the one being scored is set before, by gr_participant_row_set_current()). A name
 * being edited is kept for the one it was typed for.
 */
void
gr_participant_row_bind (GrParticipantRow *self,
                         GrSession        *session,
                         GrParticipant    *participant)
{
  g_return_if_fail (GR_IS_PARTICIPANT_ROW (self));

  if (self->participant != NULL)
    {
      if (gtk_editable_label_get_editing (self->name_label))
        gtk_editable_label_stop_editing (self->name_label, TRUE);
      g_signal_handlers_disconnect_by_func (self->participant, on_participant_changed, self);
    }
  g_set_object (&self->session, session);
  g_set_object (&self->participant, participant);
  if (participant == NULL)
    return;

  g_signal_connect_object (participant, "changed", G_CALLBACK (on_participant_changed), self,
                           G_CONNECT_SWAPPED);
  gr_participant_row_relabel (self);
}

GrParticipant *
gr_participant_row_get_participant (GrParticipantRow *self)
{
  g_return_val_if_fail (GR_IS_PARTICIPANT_ROW (self), NULL);
  return self->participant;
}

/* Marks the participant whose scores the competency pages edit. */
void
gr_participant_row_set_current (GrParticipantRow *self,
                                gboolean          current)
{
  g_return_if_fail (GR_IS_PARTICIPANT_ROW (self));

  current = !!current;
  if (self->current == current)
    return;
  self->current = current;
  gr_participant_row_relabel (self);
}
