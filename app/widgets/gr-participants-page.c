/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The participants page: the session's participants as a list that follows the model, and a
 * field to add one. The list makes rows only for the participants in sight (a session may hold
 * a thousand): one Tab stop, the arrows move between rows and within a row. */
#define G_LOG_DOMAIN "gr-participants-page"

#include "config.h"

#include "gr-i18n.h"
#include "gr-participant-row.h"
#include "gr-participants-page.h"
#include "gr-ui.h"

/* GTK 4.8's list view makes a row for each of the first two hundred items at once, in sight or
 * not, about a millisecond each: the list is given the participants a few at a time, when GTK
 * has nothing else to do, until it makes no more rows. */
#define ROWS_PER_TURN 4
/* Shown before the list was filled (at once after the window opened), the page gives it at once
 * the rows that may be in sight: a row is never less tall than this. */
#define ROW_MIN_HEIGHT 48

struct _GrParticipantsPage
{
  GtkWidget      parent_instance;

  GtkWidget       *top;      /* bound so that dispose_template() unparents it */

  GrSession         *session;
  GrParticipant     *current;
  GtkSliceListModel *shown;     /* the participants given to the list so far */
  guint              fill_id;

  GtkLabel      *heading_label;
  GtkLabel      *explanation_label;
  GtkListView   *list;
  GtkEntry      *name_entry;
  GtkButton     *add_button;
  GtkLabel      *name_error_label;
};

G_DEFINE_FINAL_TYPE (GrParticipantsPage, gr_participants_page, GTK_TYPE_WIDGET)

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           GrParticipantsPage       *self)
{
  gtk_list_item_set_child (item, gr_participant_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          GrParticipantsPage       *self)
{
  GrParticipantRow *row = GR_PARTICIPANT_ROW (gtk_list_item_get_child (item));
  GrParticipant *participant = gtk_list_item_get_item (item);

  /* Marked first: the row is labelled once, when bound. */
  gr_participant_row_set_current (row, participant == self->current);
  gr_participant_row_bind (row, self->session, participant);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            GrParticipantsPage       *self)
{
  gr_participant_row_bind (GR_PARTICIPANT_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* The rows the list has made, each bound to someone (or not, once taken back). */
static GrParticipantRow *
row_of (GtkWidget *list_child)
{
  GtkWidget *row = gtk_widget_get_first_child (list_child);

  return GR_IS_PARTICIPANT_ROW (row) && gr_participant_row_get_participant (
    GR_PARTICIPANT_ROW (row)) != NULL ? GR_PARTICIPANT_ROW (row) : NULL;
}

static void validate_name (GrParticipantsPage *self);

static void
update_rows (GrParticipantsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GrParticipantRow *row = row_of (child);

      if (row != NULL)
        gr_participant_row_set_current (row, gr_participant_row_get_participant (row)
                                             == self->current);
    }
  /* A participant added or removed takes or frees the name being typed. */
  validate_name (self);
}

/* Shows why the name cannot be added under the field (NULL: it can). */
static void
show_name_error (GrParticipantsPage *self,
                 const char         *message)
{
  gboolean invalid = message != NULL;

  gtk_label_set_text (self->name_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_error_label), invalid);
  gr_ui_set_tooltip (GTK_WIDGET (self->name_entry), message);
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->name_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* "Ajouter" is offered only for a name that can be added; a name already taken says so at
 * once, while it is typed. */
static void
validate_name (GrParticipantsPage *self)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (
                                            GTK_EDITABLE (self->name_entry))));
  gboolean taken = self->session != NULL && *stripped != '\0' &&
                   gr_session_find_participant (self->session, stripped, NULL) != NULL;
  g_autofree char *message = NULL;

  if (taken)
    /* Translators: under the field where a new participant's name is typed. */
    message = g_strdup_printf (_("« %s » participe déjà à la session."), stripped);
  show_name_error (self, message);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            self->session != NULL && *stripped != '\0' && !taken);
}

/* Adds a participant named @name; says why under the field when the name is empty or taken.
 * Returns: (transfer none) (nullable): the new participant. */
GrParticipant *
gr_participants_page_add (GrParticipantsPage *self,
                          const char         *name)
{
  g_autoptr(GrParticipant) participant = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (GR_IS_PARTICIPANTS_PAGE (self), NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  participant = gr_participant_new (gr_session_get_grid (self->session), stripped);
  if (!gr_session_add_participant (self->session, participant, &error))
    {
      g_autofree char *message = gr_ui_sentence (error->message);

      show_name_error (self, message);
      return NULL;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.current-participant", "s", stripped);
  /* The next name is typed at once: « Ajouter », which had the focus, is insensitive now. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->name_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  return participant;
}

static void
on_add (GrParticipantsPage *self)
{
  gr_participants_page_add (self, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

/* Shift+Tab from the name field goes back into the list on the current participant's row
 * (one Tab stop, as Tab from above enters it), not on the last row's « Supprimer » button. */
static gboolean
on_name_key_pressed (GrParticipantsPage *self,
                     guint               keyval,
                     guint               keycode,
                     GdkModifierType     state)
{
  GtkWidget *target = NULL;

  if (keyval != GDK_KEY_ISO_Left_Tab &&
      !((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK)))
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  /* The current participant's row when in sight, else the first row in sight. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GrParticipantRow *row = row_of (child);

      if (row != NULL &&
          (target == NULL || gr_participant_row_get_participant (row) == self->current))
        target = GTK_WIDGET (row);
    }
  return target != NULL && gtk_widget_grab_focus (target);
}

static guint
count_rows (GrParticipantsPage *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (row_of (child) != NULL)
      n++;
  return n;
}

/* A few more participants to the list, until it has them all or makes no more rows for them
 * (the others are made as the list scrolls to them): then it is given them all. */
static gboolean
fill_list (gpointer user_data)
{
  GrParticipantsPage *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->shown);
  guint n = g_list_model_get_n_items (gtk_slice_list_model_get_model (self->shown));

  if (size < n)
    {
      gtk_slice_list_model_set_size (self->shown, size + ROWS_PER_TURN);
      if (count_rows (self) == g_list_model_get_n_items (G_LIST_MODEL (self->shown)))
        return G_SOURCE_CONTINUE;
    }
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
gr_participants_page_map (GtkWidget *widget)
{
  GrParticipantsPage *self = GR_PARTICIPANTS_PAGE (widget);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  guint in_sight = root != NULL ? gtk_widget_get_height (root) / ROW_MIN_HEIGHT + 1 : 0;

  GTK_WIDGET_CLASS (gr_participants_page_parent_class)->map (widget);
  if (self->fill_id != 0 && gtk_slice_list_model_get_size (self->shown) < in_sight)
    gtk_slice_list_model_set_size (self->shown, in_sight);
}

/* Whether the list has been given every participant. */
gboolean
gr_participants_page_is_filled (GrParticipantsPage *self)
{
  g_return_val_if_fail (GR_IS_PARTICIPANTS_PAGE (self), FALSE);
  return self->fill_id == 0;
}

#define TEMPLATE "/io/github/grille/Grille/gr-participants-page.ui"

/* After a switch of language: the template's texts, then each participant's row. */
void
gr_participants_page_relabel (GrParticipantsPage *self)
{
  g_return_if_fail (GR_IS_PARTICIPANTS_PAGE (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_PARTICIPANTS_PAGE, TEMPLATE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (row_of (child) != NULL)
      gr_participant_row_relabel (row_of (child));
}

static void
gr_participants_page_dispose (GObject *object)
{
  GrParticipantsPage *self = GR_PARTICIPANTS_PAGE (object);

  g_clear_handle_id (&self->fill_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_PARTICIPANTS_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->session);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (gr_participants_page_parent_class)->dispose (object);
}

static void
gr_participants_page_class_init (GrParticipantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_participants_page_dispose;
  widget_class->map = gr_participants_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantsPage, top);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantsPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantsPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantsPage, list);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantsPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, GrParticipantsPage, name_error_label);
}

static void
gr_participants_page_init (GrParticipantsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list, factory);
  gr_ui_make_single_tab_stop (GTK_WIDGET (self->list));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_name_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_entry), keys);
  gr_ui_fix_button_name (self->add_button);
  g_signal_connect_object (self->name_entry, "activate", G_CALLBACK (on_add), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (validate_name), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
gr_participants_page_new (void)
{
  return g_object_new (GR_TYPE_PARTICIPANTS_PAGE, NULL);
}

void
gr_participants_page_set_session (GrParticipantsPage *self,
                                  GrSession          *session)
{
  g_return_if_fail (GR_IS_PARTICIPANTS_PAGE (self));

  if (!g_set_object (&self->session, session))
    return;

  if (self->session != NULL)
    g_signal_connect_object (gr_session_get_participants (session), "items-changed",
                             G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_object (&self->shown);
  if (session != NULL)
    {
      g_autoptr(GtkNoSelection) model = NULL;

      self->shown = gtk_slice_list_model_new (g_object_ref (gr_session_get_participants (session)),
                                              0, 0);
      model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
      gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (model));
      self->fill_id = g_idle_add_full (G_PRIORITY_LOW, fill_list, self, NULL);
    }
  else
    gtk_list_view_set_model (self->list, NULL);
  update_rows (self);
}

void
gr_participants_page_set_current (GrParticipantsPage *self,
                                  GrParticipant      *participant)
{
  g_return_if_fail (GR_IS_PARTICIPANTS_PAGE (self));

  g_set_object (&self->current, participant);
  update_rows (self);
}

/* Returns: (transfer none): the list of participants. */
GtkListView *
gr_participants_page_get_list (GrParticipantsPage *self)
{
  g_return_val_if_fail (GR_IS_PARTICIPANTS_PAGE (self), NULL);
  return self->list;
}

/* Returns: (transfer none) (nullable): the row of the participant at @position, when the list
 * has made it (it makes those in sight). */
GrParticipantRow *
gr_participants_page_get_row (GrParticipantsPage *self,
                              guint               position)
{
  GrParticipant *participant;

  g_return_val_if_fail (GR_IS_PARTICIPANTS_PAGE (self), NULL);

  if (self->session == NULL || position >= gr_session_get_n_participants (self->session))
    return NULL;
  participant = gr_session_get_participant (self->session, position);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GrParticipantRow *row = row_of (child);

      if (row != NULL && gr_participant_row_get_participant (row) == participant)
        return row;
    }
  return NULL;
}
