/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One savoir-faire of a competency page: its text, a level selector and a note, all editing
 * the current participant; digits set the level when the row has the focus. */
#define G_LOG_DOMAIN "gr-item-row"

#include "config.h"

#include "gr-i18n.h"
#include "gr-item-row.h"
#include "gr-item.h"
#include "gr-level.h"
#include "gr-ui.h"

struct _GrItemRow
{
  GtkListBoxRow  parent_instance;

  GrGrid        *grid;
  GrItem        *item;
  GrParticipant *participant;
  GPtrArray     *buttons;       /* GtkToggleButton: [0] "not assessed", [1 + level] */
  char          *second_language;
  gboolean       updating;

  GtkLabel      *text_label;
  GtkLabel      *text_second;
  GtkBox        *level_box;
  GtkLabel      *level_label;
  GtkTextView   *note_view;
  GtkLabel      *note_placeholder;
};

G_DEFINE_FINAL_TYPE (GrItemRow, gr_item_row, GTK_TYPE_LIST_BOX_ROW)

static GtkToggleButton *
button_for_level (GrItemRow *self,
                  int        level)
{
  return g_ptr_array_index (self->buttons, level + 1);
}

static void
update_level (GrItemRow *self)
{
  guint index = gr_item_get_index (self->item);
  int level = self->participant ? gr_participant_get_level (self->participant, index)
                                : GR_LEVEL_NONE;
  g_autofree char *text = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean focus_on_level = focus != NULL &&
                            gtk_widget_get_parent (focus) == GTK_WIDGET (self->level_box);

  self->updating = TRUE;
  gtk_toggle_button_set_active (button_for_level (self, level), TRUE);
  self->updating = FALSE;
  /* The buttons are read as radio buttons: say which one is checked. As in any radio group,
   * the checked one is the group's one Tab stop, and the arrows move the choice. */
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->buttons, i);

      gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                                   GTK_ACCESSIBLE_STATE_CHECKED, (int) i == level + 1,
                                   -1);
      gtk_widget_set_focusable (button, (int) i == level + 1);
    }
  /* A digit typed on the selector, or an undo: the focus stays on the selector. */
  if (focus_on_level)
    gtk_widget_grab_focus (GTK_WIDGET (button_for_level (self, level)));

  if (level == GR_LEVEL_NONE)
    text = g_strdup (_("Non évalué"));
  else
    {
      GrLevel *scale_level = gr_grid_get_level (self->grid, level);

      text = g_strdup_printf ("%s — %s", gr_ui_grid_text (gr_level_get_name (scale_level)),
                              gr_ui_grid_text (gr_level_get_description (scale_level)));
    }
  gtk_label_set_text (self->level_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->participant != NULL);
}

static void
update_placeholder (GrItemRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  gtk_widget_set_visible (GTK_WIDGET (self->note_placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
update_note (GrItemRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  const char *note = self->participant
    ? gr_participant_get_note (self->participant, gr_item_get_index (self->item)) : "";
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, note) == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, note, -1);
  self->updating = FALSE;
  update_placeholder (self);
}

static void
on_participant_changed (GrItemRow     *self,
                        int            kind,
                        guint          index,
                        GrParticipant *participant)
{
  if (index != gr_item_get_index (self->item))
    return;

  if (kind == GR_PARTICIPANT_CHANGE_LEVEL)
    update_level (self);
  else if (kind == GR_PARTICIPANT_CHANGE_NOTE)
    update_note (self);
}

static void
set_level (GrItemRow *self,
           int        level)
{
  if (self->participant != NULL && level <= gr_grid_get_max_level (self->grid))
    gr_participant_set_level (self->participant, gr_item_get_index (self->item), level);
}

static void
on_button_toggled (GrItemRow       *self,
                   GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;

  set_level (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "level")));
}

static void
on_buffer_changed (GrItemRow     *self,
                   GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  update_placeholder (self);
  if (self->updating || self->participant == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gr_participant_set_note (self->participant, gr_item_get_index (self->item), text);
}

/* The digit printed on the key @keycode in the layout @group, or -1. On a French (AZERTY)
 * keyboard the top row gives & é " ' ( without Shift: the key, not the character, carries the
 * digit there. */
int
gr_item_row_digit_for_keycode (GdkDisplay *display,
                               guint       keycode,
                               int         group)
{
  g_autofree GdkKeymapKey *keys = NULL;
  g_autofree guint *keyvals = NULL;
  int n_entries = 0;
  int digit = -1;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), -1);

  if (!gdk_display_map_keycode (display, keycode, &keys, &keyvals, &n_entries))
    return -1;

  for (int i = 0; i < n_entries && digit < 0; i++)
    if (keys[i].group == group && keyvals[i] >= GDK_KEY_0 && keyvals[i] <= GDK_KEY_9)
      digit = keyvals[i] - GDK_KEY_0;

  return digit;
}

/* Left and Right on the level selector choose the level before or after (mirrored in a
 * right-to-left language), and the focus follows the choice. */
static gboolean
step_level (GrItemRow *self,
            guint      keyval)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  int step, level;

  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    step = -1;
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    step = 1;
  else
    return FALSE;

  if (focus == NULL || gtk_widget_get_parent (focus) != GTK_WIDGET (self->level_box) ||
      self->participant == NULL)
    return FALSE;

  if (gtk_widget_get_direction (GTK_WIDGET (self->level_box)) == GTK_TEXT_DIR_RTL)
    step = -step;
  level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "level")) + step;
  if (level >= GR_LEVEL_NONE && level <= gr_grid_get_max_level (self->grid))
    set_level (self, level);
  return TRUE;
}

/* Digits set the level and Backspace or Delete clears it, when the focus is on the row or
 * its level buttons; in the note they are typed as text, since the note sees them first. */
static gboolean
on_key_pressed (GrItemRow       *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state,
                GtkEventControllerKey *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  int level;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  if (step_level (self, keyval))
    return TRUE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    level = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    level = keyval - GDK_KEY_KP_0;
  else if (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete || keyval == GDK_KEY_minus ||
           keyval == GDK_KEY_KP_Subtract)
    level = GR_LEVEL_NONE;
  else
    {
      int group = event != NULL && gdk_event_get_event_type (event) == GDK_KEY_PRESS
                  ? (int) gdk_key_event_get_layout (event) : 0;

      level = gr_item_row_digit_for_keycode (gtk_widget_get_display (GTK_WIDGET (self)),
                                             keycode, group);
      if (level < 0)
        return FALSE;
    }

  if (level > gr_grid_get_max_level (self->grid))
    return FALSE;

  set_level (self, level);
  return TRUE;
}

static void
build_buttons (GrItemRow *self)
{
  GtkToggleButton *first = NULL;

  for (int level = GR_LEVEL_NONE; level <= gr_grid_get_max_level (self->grid); level++)
    {
      g_autofree char *label = level == GR_LEVEL_NONE ? g_strdup ("–")
                                                      : g_strdup_printf ("%d", level);
      /* One choice among the scale's levels: a radio button for assistive technologies. */
      GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "label", label,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        NULL);

      g_object_set_data (G_OBJECT (button), "level", GINT_TO_POINTER (level));
      gtk_widget_add_css_class (button, "level-button");
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_button_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->level_box, button);
      g_ptr_array_add (self->buttons, button);
    }
}

static void
update_second_text (GrItemRow *self)
{
  gr_ui_set_second_text (self->text_second, gr_ui_second_translator (self->second_language),
                         gr_item_get_text (self->item));
}

/* The texts made from the grid, in the interface's language. */
static void
show_texts (GrItemRow *self)
{
  const char *text;

  text = gr_ui_grid_text (gr_item_get_text (self->item));
  gtk_label_set_text (self->text_label, text);
  gr_ui_set_label (GTK_WIDGET (self), text);
  {
    /* Translators: the name of a savoir-faire's level selector, read by screen readers;
     * %s is the savoir-faire. */
    g_autofree char *group = g_strdup_printf (_("Niveau pour « %s »"), text);

    gr_ui_set_label (GTK_WIDGET (self->level_box), group);
  }

  for (int level = GR_LEVEL_NONE; level <= gr_grid_get_max_level (self->grid); level++)
    {
      GtkWidget *button = GTK_WIDGET (button_for_level (self, level));
      g_autofree char *tooltip = NULL;
      g_autofree char *name = gr_ui_format_level (self->grid, level);

      if (level == GR_LEVEL_NONE)
        tooltip = g_strdup (_("Non évalué (touche Retour arrière)"));
      else
        tooltip = g_strdup_printf ("%s — %s", name,
                                   gr_ui_grid_text (gr_level_get_description (
                                     gr_grid_get_level (self->grid, level))));
      gr_ui_set_tooltip (button, tooltip);
      gr_ui_set_label (button, name);
    }

  {
    g_autofree char *note_label = g_strdup_printf (_("Note : %s"), text);

    gr_ui_set_label (GTK_WIDGET (self->note_view), note_label);
  }
  update_second_text (self);
  update_level (self);
}

#define TEMPLATE "/io/github/grille/Grille/gr-item-row.ui"

/* After a switch of language: the template's texts and the grid's. */
void
gr_item_row_relabel (GrItemRow *self)
{
  g_return_if_fail (GR_IS_ITEM_ROW (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_ITEM_ROW, TEMPLATE);
  show_texts (self);
}

static void
gr_item_row_dispose (GObject *object)
{
  GrItemRow *self = GR_ITEM_ROW (object);

  gr_item_row_set_participant (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_ITEM_ROW);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->grid);

  G_OBJECT_CLASS (gr_item_row_parent_class)->dispose (object);
}

static void
gr_item_row_finalize (GObject *object)
{
  g_free (GR_ITEM_ROW (object)->second_language);
  G_OBJECT_CLASS (gr_item_row_parent_class)->finalize (object);
}

static void
gr_item_row_class_init (GrItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_item_row_dispose;
  object_class->finalize = gr_item_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrItemRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, GrItemRow, text_second);
  gtk_widget_class_bind_template_child (widget_class, GrItemRow, level_box);
  gtk_widget_class_bind_template_child (widget_class, GrItemRow, level_label);
  gtk_widget_class_bind_template_child (widget_class, GrItemRow, note_view);
  gtk_widget_class_bind_template_child (widget_class, GrItemRow, note_placeholder);
}

static void
gr_item_row_init (GrItemRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons = g_ptr_array_new ();

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gr_item_row_new (GrGrid *grid,
                 GrItem *item)
{
  GrItemRow *self;

  g_return_val_if_fail (GR_IS_GRID (grid), NULL);
  g_return_val_if_fail (GR_IS_ITEM (item), NULL);

  self = g_object_new (GR_TYPE_ITEM_ROW, NULL);
  self->grid = g_object_ref (grid);
  self->item = g_object_ref (item);
  gtk_widget_set_name (GTK_WIDGET (self), gr_item_get_id (item));
  build_buttons (self);
  show_texts (self);

  return GTK_WIDGET (self);
}

GrItem *
gr_item_row_get_item (GrItemRow *self)
{
  g_return_val_if_fail (GR_IS_ITEM_ROW (self), NULL);
  return self->item;
}

GrParticipant *
gr_item_row_get_participant (GrItemRow *self)
{
  g_return_val_if_fail (GR_IS_ITEM_ROW (self), NULL);
  return self->participant;
}

/* The row edits @participant's level and note for its item, and follows their changes. */
void
gr_item_row_set_participant (GrItemRow     *self,
                             GrParticipant *participant)
{
  g_return_if_fail (GR_IS_ITEM_ROW (self));

  if (self->participant == participant)
    return;

  if (self->participant != NULL)
    g_signal_handlers_disconnect_by_func (self->participant, on_participant_changed, self);
  g_set_object (&self->participant, participant);
  if (participant != NULL)
    g_signal_connect_object (participant, "changed", G_CALLBACK (on_participant_changed), self,
                             G_CONNECT_SWAPPED);

  if (self->buttons != NULL && self->buttons->len > 0)
    {
      update_level (self);
      update_note (self);
    }
}

/* Returns: (transfer none): the button that sets @level (GR_LEVEL_NONE: "not assessed"). */
GtkToggleButton *
gr_item_row_get_level_button (GrItemRow *self,
                              int        level)
{
  g_return_val_if_fail (GR_IS_ITEM_ROW (self), NULL);
  g_return_val_if_fail (level >= GR_LEVEL_NONE && level <= gr_grid_get_max_level (self->grid),
                        NULL);
  return button_for_level (self, level);
}

/* Returns: (transfer none): the note's text view. */
GtkTextView *
gr_item_row_get_note_view (GrItemRow *self)
{
  g_return_val_if_fail (GR_IS_ITEM_ROW (self), NULL);
  return self->note_view;
}

/* Shows the savoir-faire's text in @code too, under the interface's; "" or %NULL: not. */
void
gr_item_row_set_second_language (GrItemRow  *self,
                                 const char *code)
{
  g_return_if_fail (GR_IS_ITEM_ROW (self));

  if (!gr_set_str (&self->second_language, code))
    return;
  update_second_text (self);
}
