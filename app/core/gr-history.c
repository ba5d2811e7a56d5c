/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undo and redo for a session: records every change to levels, notes, targets, participants and
 * their roles, the action plans, and the session's title, date and organisation by watching the
 * model, whoever made the change. */
#define G_LOG_DOMAIN "gr-history"

#include "config.h"

#include "gr-history.h"

typedef enum
{
  CHANGE_LEVEL,
  CHANGE_NOTE,
  CHANGE_TARGET,
  CHANGE_NAME,
  CHANGE_ADD,
  CHANGE_REMOVE,
  CHANGE_TITLE,
  CHANGE_DATE,
  CHANGE_ORGANISATION,
  CHANGE_ROLE,
  CHANGE_ACTION_ADD,
  CHANGE_ACTION_REMOVE,
  CHANGE_ACTION_MOVE,
  CHANGE_ACTION_TEXT,
  CHANGE_ACTION_OWNER,
  CHANGE_ACTION_DUE,
  CHANGE_ACTION_DONE,
} ChangeKind;

typedef struct
{
  ChangeKind     kind;
  GrParticipant *participant;  /* NULL for the session's title and date */
  GrAction      *action;       /* for the CHANGE_ACTION_* kinds */
  guint          index;        /* item, competency, or position in the session */
  int            old_level;    /* also an action's old position, or done */
  int            new_level;
  char          *old_text;
  char          *new_text;
  gboolean       sealed;       /* a later note edit must not merge into this one */
  guint          group;        /* changes of one group are undone as one step; 0: none */
  guint          serial;       /* names the state after it (gr_history_get_point) */
} Change;

struct _GrHistory
{
  GObject     parent_instance;

  GrSession  *session;
  GPtrArray  *undo;            /* of Change, oldest first */
  GPtrArray  *redo;            /* of Change, the next to redo last */

  /* What the model held before the change being reported: signals say what changed, not from
   * what, so the history keeps its own copy. */
  GHashTable *shadows;         /* GrParticipant → its copy */
  GPtrArray  *shadow_list;     /* the session's participants, in order */
  char       *shadow_title;
  char       *shadow_date;
  char       *shadow_organisation;
  GHashTable *action_shadows;  /* GrAction → its copy */
  GPtrArray  *action_lists;    /* per competency, a GPtrArray of its GrAction, in order */

  int         saved_depth;     /* undo->len when last saved, -1 when unreachable */
  gboolean    replaying;
  guint       group;           /* the group being recorded (gr_history_begin_group), or 0 */
  guint       last_group;
  guint       last_serial;
};

G_DEFINE_FINAL_TYPE (GrHistory, gr_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->participant);
  g_clear_object (&change->action);
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} State;

static State
get_state (GrHistory *self)
{
  return (State) { gr_history_can_undo (self), gr_history_can_redo (self),
                   gr_history_is_modified (self) };
}

static void
notify_state (GrHistory *self,
              State      before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static GrParticipant *
get_shadow (GrHistory     *self,
            GrParticipant *participant)
{
  GrParticipant *shadow = g_hash_table_lookup (self->shadows, participant);

  if (shadow == NULL)
    {
      shadow = gr_participant_copy (participant);
      g_hash_table_insert (self->shadows, g_object_ref (participant), shadow);
    }

  return shadow;
}

static gboolean
is_typing (ChangeKind kind)
{
  return kind == CHANGE_NOTE || kind == CHANGE_TITLE || kind == CHANGE_DATE ||
         kind == CHANGE_ORGANISATION || kind == CHANGE_ROLE || kind == CHANGE_ACTION_TEXT ||
         kind == CHANGE_ACTION_OWNER;
}

static void
record (GrHistory *self,
        Change    *change)
{
  State before = get_state (self);
  Change *top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;

  if (self->replaying)
    {
      change_free (change);
      return;
    }

  g_ptr_array_set_size (self->redo, 0);
  change->group = self->group;

  /* Typing a note or a title is one change per keystroke: undo takes back the whole edit. */
  if (is_typing (change->kind) &&
      top != NULL && !top->sealed && top->kind == change->kind &&
      top->participant == change->participant && top->action == change->action &&
      top->index == change->index)
    {
      g_free (top->new_text);
      top->new_text = g_steal_pointer (&change->new_text);
      change_free (change);
    }
  /* Moving an action is its removal then its insertion elsewhere: one step. */
  else if (change->kind == CHANGE_ACTION_ADD && top != NULL && !top->sealed &&
           top->kind == CHANGE_ACTION_REMOVE && top->action == change->action &&
           top->index == change->index)
    {
      top->kind = CHANGE_ACTION_MOVE;
      top->new_level = change->new_level;
      change_free (change);
    }
  else
    {
      if (self->saved_depth > (int) self->undo->len)
        self->saved_depth = -1;
      if (top != NULL)
        top->sealed = TRUE;
      change->serial = ++self->last_serial;
      g_ptr_array_add (self->undo, change);
    }

  notify_state (self, before);
}

static void
on_participant_changed (GrHistory     *self,
                        GrParticipant *participant,
                        int            kind,
                        guint          index,
                        GrSession     *session)
{
  GrParticipant *shadow = get_shadow (self, participant);
  Change *change = g_new0 (Change, 1);

  change->participant = g_object_ref (participant);
  change->index = index;

  switch ((GrParticipantChange) kind)
    {
    case GR_PARTICIPANT_CHANGE_LEVEL:
      change->kind = CHANGE_LEVEL;
      change->old_level = gr_participant_get_level (shadow, index);
      change->new_level = gr_participant_get_level (participant, index);
      gr_participant_set_level (shadow, index, change->new_level);
      break;

    case GR_PARTICIPANT_CHANGE_NOTE:
      change->kind = CHANGE_NOTE;
      change->old_text = g_strdup (gr_participant_get_note (shadow, index));
      change->new_text = g_strdup (gr_participant_get_note (participant, index));
      gr_participant_set_note (shadow, index, change->new_text);
      break;

    case GR_PARTICIPANT_CHANGE_TARGET:
      change->kind = CHANGE_TARGET;
      change->old_level = gr_participant_get_target (shadow, index);
      change->new_level = gr_participant_get_target (participant, index);
      gr_participant_set_target (shadow, index, change->new_level);
      break;

    case GR_PARTICIPANT_CHANGE_ROLE:
      change->kind = CHANGE_ROLE;
      change->old_text = g_strdup (gr_participant_get_role (shadow));
      change->new_text = g_strdup (gr_participant_get_role (participant));
      gr_participant_set_role (shadow, change->new_text);
      break;

    case GR_PARTICIPANT_CHANGE_NAME:
    default:
      change->kind = CHANGE_NAME;
      change->old_text = g_strdup (gr_participant_get_name (shadow));
      change->new_text = g_strdup (gr_participant_get_name (participant));
      gr_participant_set_name (shadow, change->new_text);
      break;
    }

  record (self, change);
}

static void
on_items_changed (GrHistory  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  for (guint i = 0; i < removed; i++)
    {
      Change *change = g_new0 (Change, 1);

      change->kind = CHANGE_REMOVE;
      change->index = position;
      change->participant = g_object_ref (g_ptr_array_index (self->shadow_list, position));
      g_ptr_array_remove_index (self->shadow_list, position);
      record (self, change);
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GrParticipant) participant = g_list_model_get_item (model, position + i);
      Change *change = g_new0 (Change, 1);

      /* A participant added again (undo of a removal) must be compared with its data as it is
       * now, which its old shadow may not hold if it was edited outside the session. */
      g_hash_table_replace (self->shadows, g_object_ref (participant),
                            gr_participant_copy (participant));
      g_ptr_array_insert (self->shadow_list, position + i, g_object_ref (participant));

      change->kind = CHANGE_ADD;
      change->index = position + i;
      change->participant = g_object_ref (participant);
      record (self, change);
    }
}

static void
on_text_notify (GrHistory  *self,
                GParamSpec *pspec,
                GrSession  *session)
{
  g_autofree char *now = NULL;
  ChangeKind kind;
  char **shadow;
  Change *change;

  if (g_str_equal (pspec->name, "title"))
    kind = CHANGE_TITLE, shadow = &self->shadow_title;
  else if (g_str_equal (pspec->name, "date"))
    kind = CHANGE_DATE, shadow = &self->shadow_date;
  else
    kind = CHANGE_ORGANISATION, shadow = &self->shadow_organisation;

  g_object_get (session, pspec->name, &now, NULL);
  if (g_strcmp0 (*shadow, now) == 0)
    return;

  change = g_new0 (Change, 1);
  change->kind = kind;
  change->old_text = g_strdup (*shadow);
  change->new_text = g_strdup (now);
  gr_set_str (shadow, now);
  record (self, change);
}

static void
on_action_notify (GrHistory  *self,
                  GParamSpec *pspec,
                  GrAction   *action)
{
  GrAction *shadow = g_hash_table_lookup (self->action_shadows, action);
  GValue value = G_VALUE_INIT;
  Change *change;

  g_assert (shadow != NULL);
  g_value_init (&value, pspec->value_type);

  change = g_new0 (Change, 1);
  change->action = g_object_ref (action);
  if (g_str_equal (pspec->name, "done"))
    {
      change->kind = CHANGE_ACTION_DONE;
      change->old_level = gr_action_get_done (shadow);
      change->new_level = gr_action_get_done (action);
    }
  else
    {
      if (g_str_equal (pspec->name, "text"))
        change->kind = CHANGE_ACTION_TEXT;
      else if (g_str_equal (pspec->name, "owner"))
        change->kind = CHANGE_ACTION_OWNER;
      else
        change->kind = CHANGE_ACTION_DUE;
      g_object_get (shadow, pspec->name, &change->old_text, NULL);
      g_object_get (action, pspec->name, &change->new_text, NULL);
    }
  g_object_get_property (G_OBJECT (action), pspec->name, &value);
  g_object_set_property (G_OBJECT (shadow), pspec->name, &value);
  g_value_unset (&value);
  record (self, change);
}

static void
track_action (GrHistory *self,
              GrAction  *action)
{
  g_hash_table_replace (self->action_shadows, g_object_ref (action), gr_action_copy (action));
  g_signal_handlers_disconnect_by_func (action, on_action_notify, self);
  g_signal_connect_object (action, "notify", G_CALLBACK (on_action_notify), self,
                           G_CONNECT_SWAPPED);
}

static void
on_actions_changed (GrHistory  *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *model)
{
  guint competency = 0;
  GPtrArray *list;

  while (gr_session_get_actions (self->session, competency) != model)
    competency++;
  list = g_ptr_array_index (self->action_lists, competency);

  for (guint i = 0; i < removed; i++)
    {
      Change *change = g_new0 (Change, 1);

      change->kind = CHANGE_ACTION_REMOVE;
      change->index = competency;
      change->old_level = position;
      change->action = g_ptr_array_steal_index (list, position);
      g_signal_handlers_disconnect_by_func (change->action, on_action_notify, self);
      record (self, change);
    }

  for (guint i = 0; i < added; i++)
    {
      GrAction *action = g_list_model_get_item (model, position + i);
      Change *change = g_new0 (Change, 1);

      track_action (self, action);
      g_ptr_array_insert (list, position + i, g_object_ref (action));

      change->kind = CHANGE_ACTION_ADD;
      change->index = competency;
      change->new_level = position + i;
      change->action = action;
      record (self, change);
    }
}

static void
apply_action (GrHistory *self,
              Change    *change,
              gboolean   forward)
{
  const char *text = forward ? change->new_text : change->old_text;

  switch (change->kind)
    {
    case CHANGE_ACTION_TEXT:
      gr_action_set_text (change->action, text);
      break;
    case CHANGE_ACTION_OWNER:
      gr_action_set_owner (change->action, text);
      break;
    case CHANGE_ACTION_DUE:
      gr_action_set_due (change->action, text);
      break;
    case CHANGE_ACTION_DONE:
      gr_action_set_done (change->action, forward ? change->new_level : change->old_level);
      break;
    case CHANGE_ACTION_MOVE:
      gr_session_move_action (self->session, change->index,
                              forward ? change->old_level : change->new_level,
                              forward ? change->new_level : change->old_level);
      break;
    case CHANGE_ACTION_ADD:
    case CHANGE_ACTION_REMOVE:
      {
        /* An addition records where the action went, a removal where it was. */
        guint position = change->kind == CHANGE_ACTION_ADD ? change->new_level : change->old_level;
        g_autoptr(GError) error = NULL;

        if ((change->kind == CHANGE_ACTION_ADD) == forward)
          {
            if (!gr_session_insert_action (self->session, change->index, position,
                                           change->action, &error))
              g_critical ("Cannot restore action: %s", error->message);
          }
        else
          gr_session_remove_action (self->session, change->index, position);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
apply (GrHistory *self,
       Change    *change,
       gboolean   forward)
{
  int level = forward ? change->new_level : change->old_level;
  const char *text = forward ? change->new_text : change->old_text;

  self->replaying = TRUE;

  switch (change->kind)
    {
    case CHANGE_LEVEL:
      gr_participant_set_level (change->participant, change->index, level);
      break;
    case CHANGE_NOTE:
      gr_participant_set_note (change->participant, change->index, text);
      break;
    case CHANGE_TARGET:
      gr_participant_set_target (change->participant, change->index, level);
      break;
    case CHANGE_NAME:
      gr_participant_set_name (change->participant, text);
      break;
    case CHANGE_TITLE:
      gr_session_set_title (self->session, text);
      break;
    case CHANGE_DATE:
      gr_session_set_date (self->session, text);
      break;
    case CHANGE_ORGANISATION:
      gr_session_set_organisation (self->session, text);
      break;
    case CHANGE_ROLE:
      gr_participant_set_role (change->participant, text);
      break;
    case CHANGE_ACTION_ADD:
    case CHANGE_ACTION_REMOVE:
    case CHANGE_ACTION_MOVE:
    case CHANGE_ACTION_TEXT:
    case CHANGE_ACTION_OWNER:
    case CHANGE_ACTION_DUE:
    case CHANGE_ACTION_DONE:
      apply_action (self, change, forward);
      break;
    case CHANGE_ADD:
    case CHANGE_REMOVE:
      if ((change->kind == CHANGE_ADD) == forward)
        {
          g_autoptr(GError) error = NULL;

          if (!gr_session_insert_participant (self->session, change->index, change->participant,
                                              &error))
            g_critical ("Cannot restore participant: %s", error->message);
        }
      else
        gr_session_remove_participant (self->session, change->index);
      break;
    default:
      g_assert_not_reached ();
    }

  self->replaying = FALSE;
}

gboolean
gr_history_undo (GrHistory *self)
{
  State before;
  Change *change;

  g_return_val_if_fail (GR_IS_HISTORY (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;

  before = get_state (self);
  do
    {
      change = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
      change->sealed = TRUE;
      apply (self, change, FALSE);
      g_ptr_array_add (self->redo, change);
    }
  while (change->group != 0 && self->undo->len > 0 &&
         ((Change *) g_ptr_array_index (self->undo, self->undo->len - 1))->group == change->group);
  notify_state (self, before);

  return TRUE;
}

/**
 * gr_history_begin_group:
 *
 * The changes recorded until gr_history_end_group() are one step: one undo takes them all
 * back, such as the participants of an import.
 */
void
gr_history_begin_group (GrHistory *self)
{
  g_return_if_fail (GR_IS_HISTORY (self));
  g_return_if_fail (self->group == 0);

  gr_history_seal (self);
  self->group = ++self->last_group;
}

void
gr_history_end_group (GrHistory *self)
{
  g_return_if_fail (GR_IS_HISTORY (self));

  self->group = 0;
  gr_history_seal (self);
}

gboolean
gr_history_redo (GrHistory *self)
{
  State before;
  Change *change;

  g_return_val_if_fail (GR_IS_HISTORY (self), FALSE);

  if (self->redo->len == 0)
    return FALSE;

  before = get_state (self);
  do
    {
      change = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
      apply (self, change, TRUE);
      g_ptr_array_add (self->undo, change);
    }
  while (change->group != 0 && self->redo->len > 0 &&
         ((Change *) g_ptr_array_index (self->redo, self->redo->len - 1))->group == change->group);
  notify_state (self, before);

  return TRUE;
}

gboolean
gr_history_can_undo (GrHistory *self)
{
  g_return_val_if_fail (GR_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
gr_history_can_redo (GrHistory *self)
{
  g_return_val_if_fail (GR_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

/* Ends the current step: the next keystroke in the same note starts a new undo step (called
 * when the focus leaves a note, for instance). */
void
gr_history_seal (GrHistory *self)
{
  g_return_if_fail (GR_IS_HISTORY (self));

  if (self->undo->len > 0)
    ((Change *) g_ptr_array_index (self->undo, self->undo->len - 1))->sealed = TRUE;
}

/**
 * gr_history_get_point:
 *
 * Names the session's state now, for gr_history_mark_saved_at() once a copy of it taken now is
 * written: changes made meanwhile (typing goes on during a save) are not part of that state.
 *
 * Returns: the point, 0 before any change.
 */
guint
gr_history_get_point (GrHistory *self)
{
  g_return_val_if_fail (GR_IS_HISTORY (self), 0);

  /* Typing merges into the last change: sealed, it stays the state that was copied. */
  gr_history_seal (self);
  return self->undo->len > 0
    ? ((Change *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial : 0;
}

/* The state named @point (gr_history_get_point) is the file's: undoing or redoing back to it is
 * "not modified". A point that can no longer be reached (undone, then replaced by a new change)
 * leaves every state modified. */
void
gr_history_mark_saved_at (GrHistory *self,
                          guint      point)
{
  State before;

  g_return_if_fail (GR_IS_HISTORY (self));

  before = get_state (self);
  self->saved_depth = point == 0 ? 0 : -1;
  for (guint i = 0; i < self->undo->len && point != 0; i++)
    if (((Change *) g_ptr_array_index (self->undo, i))->serial == point)
      self->saved_depth = i + 1;
  /* Undone meanwhile: redo brings it back. The next to redo is the last. */
  for (guint j = 0; j < self->redo->len && point != 0; j++)
    if (((Change *) g_ptr_array_index (self->redo, j))->serial == point)
      self->saved_depth = self->undo->len + self->redo->len - j;
  notify_state (self, before);
}

/* The session differs from its file although nothing was done here: a restored draft. */
void
gr_history_mark_modified (GrHistory *self)
{
  State before;

  g_return_if_fail (GR_IS_HISTORY (self));

  before = get_state (self);
  self->saved_depth = -1;
  notify_state (self, before);
}

gboolean
gr_history_is_modified (GrHistory *self)
{
  g_return_val_if_fail (GR_IS_HISTORY (self), FALSE);
  return self->saved_depth != (int) self->undo->len;
}

static void
gr_history_constructed (GObject *object)
{
  GrHistory *self = GR_HISTORY (object);
  GListModel *participants = gr_session_get_participants (self->session);

  G_OBJECT_CLASS (gr_history_parent_class)->constructed (object);

  self->shadow_title = g_strdup (gr_session_get_title (self->session));
  self->shadow_date = g_strdup (gr_session_get_date (self->session));
  self->shadow_organisation = g_strdup (gr_session_get_organisation (self->session));
  for (guint i = 0; i < g_list_model_get_n_items (participants); i++)
    {
      GrParticipant *participant = gr_session_get_participant (self->session, i);

      g_ptr_array_add (self->shadow_list, g_object_ref (participant));
      get_shadow (self, participant);
    }

  g_signal_connect_object (self->session, "participant-changed",
                           G_CALLBACK (on_participant_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (participants, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::title",
                           G_CALLBACK (on_text_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::date",
                           G_CALLBACK (on_text_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::organisation",
                           G_CALLBACK (on_text_notify), self, G_CONNECT_SWAPPED);

  for (guint c = 0; c < gr_grid_get_n_competencies (gr_session_get_grid (self->session)); c++)
    {
      GListModel *actions = gr_session_get_actions (self->session, c);
      GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          GrAction *action = g_list_model_get_item (actions, i);

          track_action (self, action);
          g_ptr_array_add (list, action);
        }
      g_ptr_array_add (self->action_lists, list);
      g_signal_connect_object (actions, "items-changed",
                               G_CALLBACK (on_actions_changed), self, G_CONNECT_SWAPPED);
    }
}

static void
gr_history_dispose (GObject *object)
{
  GrHistory *self = GR_HISTORY (object);

  /* The handlers go first: nothing the session says while the rest is freed (the session
   * itself may go with the reference dropped below) may reach freed lists. */
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (gr_session_get_participants (self->session), self);
    }
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->shadows, g_hash_table_unref);
  g_clear_pointer (&self->shadow_list, g_ptr_array_unref);
  g_clear_pointer (&self->action_shadows, g_hash_table_unref);
  g_clear_pointer (&self->action_lists, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (gr_history_parent_class)->dispose (object);
}

static void
gr_history_finalize (GObject *object)
{
  GrHistory *self = GR_HISTORY (object);

  g_clear_pointer (&self->shadow_title, g_free);
  g_clear_pointer (&self->shadow_date, g_free);
  g_clear_pointer (&self->shadow_organisation, g_free);

  G_OBJECT_CLASS (gr_history_parent_class)->finalize (object);
}

static void
gr_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GrHistory *self = GR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gr_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gr_history_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, gr_history_is_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GrHistory *self = GR_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_history_class_init (GrHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gr_history_constructed;
  object_class->dispose = gr_history_dispose;
  object_class->finalize = gr_history_finalize;
  object_class->get_property = gr_history_get_property;
  object_class->set_property = gr_history_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_history_init (GrHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (change_free);
  self->redo = g_ptr_array_new_with_free_func (change_free);
  self->shadows = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->shadow_list = g_ptr_array_new_with_free_func (g_object_unref);
  self->action_shadows = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->action_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* Starts recording @session's changes; the session as it is now counts as saved. */
GrHistory *
gr_history_new (GrSession *session)
{
  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  return g_object_new (GR_TYPE_HISTORY, "session", session, NULL);
}

GrSession *
gr_history_get_session (GrHistory *self)
{
  g_return_val_if_fail (GR_IS_HISTORY (self), NULL);
  return self->session;
}
