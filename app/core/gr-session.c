/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A self-assessment session: its title, date, language and organisation, the grid it uses, its
 * participants with the group's aggregates, and each competency's action plan. The window and the
 * exports observe it. */
#define G_LOG_DOMAIN "gr-session"

#include "config.h"

#include "gr-error.h"
#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-session.h"
#include "gr-session-private.h"

struct _GrSession
{
  GObject     parent_instance;
  GrGrid     *grid;
  char       *title;
  char       *date;
  char       *language;
  char       *organisation;
  GListStore *participants;
  GPtrArray  *by_position;   /* the same participants, for reading: an earlier session is read
                              * by an export's thread while the window draws it, and reading a
                              * GListStore moves its cache */
  GPtrArray  *actions;       /* one GListStore of GrAction per competency */
};

G_DEFINE_FINAL_TYPE (GrSession, gr_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GRID,
  PROP_TITLE,
  PROP_DATE,
  PROP_LANGUAGE,
  PROP_ORGANISATION,
  N_PROPS
};

enum {
  CHANGED,
  PARTICIPANT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_participant_changed (GrSession     *self,
                        int            kind,
                        guint          index,
                        GrParticipant *participant)
{
  g_signal_emit (self, signals[PARTICIPANT_CHANGED], 0, participant, kind, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_items_changed (GrSession  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  g_ptr_array_remove_range (self->by_position, position, removed);
  for (guint i = position; i < position + added; i++)
    {
      GrParticipant *participant = g_list_model_get_item (model, i);

      g_ptr_array_insert (self->by_position, i, participant);
      g_signal_handlers_disconnect_by_func (participant, on_participant_changed, self);
      g_signal_connect_object (participant, "changed", G_CALLBACK (on_participant_changed),
                               self, G_CONNECT_SWAPPED);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_action_notify (GrSession  *self,
                  GParamSpec *pspec,
                  GrAction   *action)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_actions_changed (GrSession  *self,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GListModel *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GrAction) action = g_list_model_get_item (model, i);
      g_signal_handlers_disconnect_by_func (action, on_action_notify, self);
      g_signal_connect_object (action, "notify", G_CALLBACK (on_action_notify),
                               self, G_CONNECT_SWAPPED);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
gr_session_constructed (GObject *object)
{
  GrSession *self = (GrSession *)object;

  G_OBJECT_CLASS (gr_session_parent_class)->constructed (object);

  self->actions = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = 0; c < gr_grid_get_n_competencies (self->grid); c++)
    {
      GListStore *store = g_list_store_new (GR_TYPE_ACTION);

      g_signal_connect_object (store, "items-changed", G_CALLBACK (on_actions_changed),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->actions, store);
    }
}

static void
gr_session_dispose (GObject *object)
{
  GrSession *self = (GrSession *)object;

  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_object (&self->participants);
  g_ptr_array_set_size (self->by_position, 0);
  g_clear_object (&self->grid);

  G_OBJECT_CLASS (gr_session_parent_class)->dispose (object);
}

static void
gr_session_finalize (GObject *object)
{
  GrSession *self = (GrSession *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->by_position, g_ptr_array_unref);

  G_OBJECT_CLASS (gr_session_parent_class)->finalize (object);
}

static void
gr_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GrSession *self = GR_SESSION (object);

  switch (prop_id)
    {
    case PROP_GRID:
      g_value_set_object (value, self->grid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GrSession *self = GR_SESSION (object);

  switch (prop_id)
    {
    case PROP_GRID:
      self->grid = g_value_dup_object (value);
      break;
    case PROP_TITLE:
      gr_session_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      gr_session_set_date (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      gr_session_set_language (self, g_value_get_string (value));
      break;
    case PROP_ORGANISATION:
      gr_session_set_organisation (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_session_class_init (GrSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gr_session_constructed;
  object_class->dispose = gr_session_dispose;
  object_class->finalize = gr_session_finalize;
  object_class->get_property = gr_session_get_property;
  object_class->set_property = gr_session_set_property;

  properties[PROP_GRID] =
    g_param_spec_object ("grid", NULL, NULL, GR_TYPE_GRID,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "fr",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The collectivité's name, for the report's cover. */
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GrSession::changed:
   *
   * Emitted after any change to what the session file holds: a property, a participant added,
   * removed or renamed, a level, a note, a target, a role, an action added, removed, moved or
   * edited.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * GrSession::participant-changed:
   * @participant: the participant
   * @kind: a #GrParticipantChange
   * @index: the item or competency that changed
   */
  signals[PARTICIPANT_CHANGED] =
    g_signal_new ("participant-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, GR_TYPE_PARTICIPANT, G_TYPE_INT, G_TYPE_UINT);
}

static void
gr_session_init (GrSession *self)
{
  self->title = g_strdup ("");
  self->date = g_strdup ("");
  self->language = g_strdup ("fr");
  self->organisation = g_strdup ("");
  self->participants = g_list_store_new (GR_TYPE_PARTICIPANT);
  self->by_position = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->participants, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
}

GrSession *
gr_session_new (GrGrid *grid)
{
  g_return_val_if_fail (GR_IS_GRID (grid), NULL);
  return g_object_new (GR_TYPE_SESSION, "grid", grid, NULL);
}

GrGrid *
gr_session_get_grid (GrSession *self)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  return self->grid;
}

const char *
gr_session_get_title (GrSession *self)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  return self->title;
}

void
gr_session_set_title (GrSession  *self,
                      const char *title)
{
  g_return_if_fail (GR_IS_SESSION (self));

  if (gr_set_str (&self->title, title ? title : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* The date as YYYY-MM-DD, or "" when none was given. */
const char *
gr_session_get_date (GrSession *self)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  return self->date;
}

void
gr_session_set_date (GrSession  *self,
                     const char *date)
{
  g_return_if_fail (GR_IS_SESSION (self));

  if (gr_set_str (&self->date, date ? date : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* The language the session was run in; the texts themselves are never stored. */
const char *
gr_session_get_language (GrSession *self)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  return self->language;
}

void
gr_session_set_language (GrSession  *self,
                         const char *language)
{
  g_return_if_fail (GR_IS_SESSION (self));

  if (gr_set_str (&self->language, language ? language : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

const char *
gr_session_get_organisation (GrSession *self)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  return self->organisation;
}

void
gr_session_set_organisation (GrSession  *self,
                             const char *organisation)
{
  g_return_if_fail (GR_IS_SESSION (self));

  if (gr_set_str (&self->organisation, organisation ? organisation : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* Returns: (transfer none): the participants, a list of GrParticipant. */
GListModel *
gr_session_get_participants (GrSession *self)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->participants);
}

/**
 * gr_session_copy:
 *
 * Returns: (transfer full): a deep copy, on the same grid: participants, action plans, title,
 * date, language and organisation. Nothing else holds it: another thread may read it (write it
 * to a file, say) while this session goes on changing.
 */
GrSession *
gr_session_copy (GrSession *self)
{
  g_autoptr(GPtrArray) participants = NULL;
  GrSession *copy;

  g_return_val_if_fail (GR_IS_SESSION (self), NULL);

  copy = gr_session_new (self->grid);
  gr_session_set_title (copy, self->title);
  gr_session_set_date (copy, self->date);
  gr_session_set_language (copy, self->language);
  gr_session_set_organisation (copy, self->organisation);

  participants = g_ptr_array_new_full (self->by_position->len, g_object_unref);
  for (guint i = 0; i < self->by_position->len; i++)
    g_ptr_array_add (participants,
                     gr_participant_copy (g_ptr_array_index (self->by_position, i)));
  gr_session_append_checked (copy, participants);

  for (guint c = 0; c < self->actions->len; c++)
    {
      GListModel *actions = g_ptr_array_index (self->actions, c);

      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(GrAction) action = g_list_model_get_item (actions, i);
          g_autoptr(GrAction) action_copy = gr_action_copy (action);

          g_list_store_append (g_ptr_array_index (copy->actions, c), action_copy);
        }
    }
  return copy;
}

guint
gr_session_get_n_participants (GrSession *self)
{
  g_return_val_if_fail (GR_IS_SESSION (self), 0);
  return self->by_position->len;
}

/* Returns: (transfer none) (nullable): the participant at @position, NULL past the end. */
GrParticipant *
gr_session_get_participant (GrSession *self,
                            guint      position)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);

  return position < self->by_position->len ? g_ptr_array_index (self->by_position, position)
                                           : NULL;
}

/* Returns: (transfer none) (nullable) */
GrParticipant *
gr_session_find_participant (GrSession  *self,
                             const char *name,
                             guint      *position)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);

  for (guint i = 0; i < gr_session_get_n_participants (self); i++)
    {
      GrParticipant *participant = gr_session_get_participant (self, i);

      if (g_strcmp0 (gr_participant_get_name (participant), name) == 0)
        {
          if (position)
            *position = i;
          return participant;
        }
    }

  return NULL;
}

/* A participant's name must not be empty, nor blank, nor another participant's. */
gboolean
gr_session_check_name (GrSession      *self,
                       const char     *name,
                       GrParticipant  *except,
                       GError        **error)
{
  /* The name as it will be kept: without direction controls (see gr_participant_set_name()). */
  g_autofree char *clean = gr_format_strip_bidi (name ? name : "");
  g_autofree char *stripped = g_strstrip (g_strdup (clean));
  GrParticipant *other;

  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);

  if (*stripped == '\0')
    {
      g_set_error_literal (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME,
                           _("le nom du participant est vide"));
      return FALSE;
    }

  other = gr_session_find_participant (self, clean, NULL);
  if (other != NULL && other != except)
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME,
                   _("le nom « %s » est déjà celui d’un autre participant"), clean);
      return FALSE;
    }

  return TRUE;
}

gboolean
gr_session_insert_participant (GrSession      *self,
                               guint           position,
                               GrParticipant  *participant,
                               GError        **error)
{
  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GR_IS_PARTICIPANT (participant), FALSE);
  g_return_val_if_fail (gr_participant_get_grid (participant) == self->grid, FALSE);

  if (!gr_session_check_name (self, gr_participant_get_name (participant), NULL, error))
    return FALSE;

  position = MIN (position, gr_session_get_n_participants (self));
  g_list_store_insert (self->participants, position, participant);
  return TRUE;
}

/* Appends participants whose names the caller has already checked against each other and
 * against the session's, in one change of the list. */
void
gr_session_append_checked (GrSession *self,
                           GPtrArray *participants)
{
  g_return_if_fail (GR_IS_SESSION (self));

  g_list_store_splice (self->participants, gr_session_get_n_participants (self), 0,
                       participants->pdata, participants->len);
}

gboolean
gr_session_add_participant (GrSession      *self,
                            GrParticipant  *participant,
                            GError        **error)
{
  return gr_session_insert_participant (self, G_MAXUINT, participant, error);
}

void
gr_session_remove_participant (GrSession *self,
                               guint      position)
{
  GrParticipant *participant;

  g_return_if_fail (GR_IS_SESSION (self));
  g_return_if_fail (position < gr_session_get_n_participants (self));

  participant = gr_session_get_participant (self, position);
  g_signal_handlers_disconnect_by_func (participant, on_participant_changed, self);
  g_list_store_remove (self->participants, position);
}

gboolean
gr_session_rename_participant (GrSession      *self,
                               GrParticipant  *participant,
                               const char     *name,
                               GError        **error)
{
  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GR_IS_PARTICIPANT (participant), FALSE);

  if (!gr_session_check_name (self, name, participant, error))
    return FALSE;

  gr_participant_set_name (participant, name);
  return TRUE;
}

static void
stats_add (GrStats *stats,
           double   value,
           double  *sum)
{
  if (stats->n == 0 || value < stats->min)
    stats->min = value;
  if (stats->n == 0 || value > stats->max)
    stats->max = value;
  *sum += value;
  stats->n++;
}

/**
 * gr_session_get_item_stats:
 *
 * The group's view of one item: mean, lowest and highest level over the participants who
 * assessed it, and how many did.
 *
 * Returns: %TRUE when at least one participant assessed the item.
 */
gboolean
gr_session_get_item_stats (GrSession *self,
                           guint      item,
                           GrStats   *stats)
{
  double sum = 0;

  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (item < gr_grid_get_n_items (self->grid), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  *stats = (GrStats) { 0, 0, 0, 0 };
  for (guint i = 0; i < gr_session_get_n_participants (self); i++)
    {
      int level = gr_participant_get_level (gr_session_get_participant (self, i), item);

      if (level != GR_LEVEL_NONE)
        stats_add (stats, level, &sum);
    }

  if (stats->n > 0)
    stats->mean = sum / stats->n;

  return stats->n > 0;
}

/**
 * gr_session_get_competency_stats:
 *
 * The group's score for a competency is the mean of the participants' competency scores (each
 * the mean of that participant's assessed items); its band is their minimum and maximum, n the
 * number of participants who have a score.
 *
 * Returns: %TRUE when at least one participant has a score for the competency.
 */
gboolean
gr_session_get_competency_stats (GrSession *self,
                                 guint      competency,
                                 GrStats   *stats)
{
  double sum = 0;

  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (competency < gr_grid_get_n_competencies (self->grid), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  *stats = (GrStats) { 0, 0, 0, 0 };
  for (guint i = 0; i < gr_session_get_n_participants (self); i++)
    {
      GrStats own;

      if (gr_participant_get_competency_stats (gr_session_get_participant (self, i),
                                               competency, &own))
        stats_add (stats, own.mean, &sum);
    }

  if (stats->n > 0)
    stats->mean = sum / stats->n;

  return stats->n > 0;
}

/* Returns: (transfer none): the action plan of @competency, a list of GrAction in the order the
 * user gave them. */
GListModel *
gr_session_get_actions (GrSession *self,
                        guint      competency)
{
  g_return_val_if_fail (GR_IS_SESSION (self), NULL);
  g_return_val_if_fail (competency < self->actions->len, NULL);
  return g_ptr_array_index (self->actions, competency);
}

/* The number of actions over all competencies (at most GR_SESSION_MAX_ACTIONS). */
guint
gr_session_get_n_actions (GrSession *self)
{
  guint n = 0;

  g_return_val_if_fail (GR_IS_SESSION (self), 0);

  for (guint c = 0; c < self->actions->len; c++)
    n += g_list_model_get_n_items (g_ptr_array_index (self->actions, c));
  return n;
}

/* Whether one more action may be added; otherwise says why. */
gboolean
gr_session_check_can_add_action (GrSession  *self,
                                 GError    **error)
{
  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);

  if (gr_session_get_n_actions (self) >= GR_SESSION_MAX_ACTIONS)
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_RANGE,
                   _("une session compte au plus %d actions"), GR_SESSION_MAX_ACTIONS);
      return FALSE;
    }
  return TRUE;
}

/* Inserts @action into @competency's plan at @position (G_MAXUINT: at the end). An action is in
 * at most one plan. */
gboolean
gr_session_insert_action (GrSession  *self,
                          guint       competency,
                          guint       position,
                          GrAction   *action,
                          GError    **error)
{
  GListStore *store;

  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (competency < self->actions->len, FALSE);
  g_return_val_if_fail (GR_IS_ACTION (action), FALSE);

  if (!gr_session_check_can_add_action (self, error))
    return FALSE;

  store = g_ptr_array_index (self->actions, competency);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_list_store_insert (store, position, action);
  return TRUE;
}

void
gr_session_remove_action (GrSession *self,
                          guint      competency,
                          guint      position)
{
  GListStore *store;
  g_autoptr(GrAction) action = NULL;

  g_return_if_fail (GR_IS_SESSION (self));
  g_return_if_fail (competency < self->actions->len);

  store = g_ptr_array_index (self->actions, competency);
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)));

  action = g_list_model_get_item (G_LIST_MODEL (store), position);
  g_signal_handlers_disconnect_by_func (action, on_action_notify, self);
  g_list_store_remove (store, position);
}

/* Moves the action at @from to @to within @competency's plan: one removal then one insertion of
 * the same object, which the history records as one step. */
void
gr_session_move_action (GrSession *self,
                        guint      competency,
                        guint      from,
                        guint      to)
{
  GListStore *store;
  g_autoptr(GrAction) action = NULL;
  guint n;

  g_return_if_fail (GR_IS_SESSION (self));
  g_return_if_fail (competency < self->actions->len);

  store = g_ptr_array_index (self->actions, competency);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  action = g_list_model_get_item (G_LIST_MODEL (store), from);
  g_list_store_remove (store, from);
  g_list_store_insert (store, to, action);
}

/* Where @action is: its competency and position. */
gboolean
gr_session_find_action (GrSession *self,
                        GrAction  *action,
                        guint     *competency,
                        guint     *position)
{
  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);

  for (guint c = 0; c < self->actions->len; c++)
    if (g_list_store_find (g_ptr_array_index (self->actions, c), action, position))
      {
        if (competency)
          *competency = c;
        return TRUE;
      }
  return FALSE;
}
