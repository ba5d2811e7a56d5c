/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One person or team being assessed, with their role: a level (or none) and a note per item, and
 * an optional target level per competency. */
#define G_LOG_DOMAIN "gr-participant"

#include "config.h"

#include "gr-format.h"
#include "gr-participant.h"

struct _GrParticipant
{
  GObject  parent_instance;
  GrGrid  *grid;
  guint    n_items;  /* the grid's, kept for finalize: the grid is released in dispose */
  char    *name;
  char    *role;     /* free text: "Élu·e", "Agent·e"…, "" when not given */
  int     *levels;   /* n_items, GR_LEVEL_NONE when not assessed */
  char   **notes;    /* n_items, NULL when empty */
  int     *targets;  /* n_competencies, GR_LEVEL_NONE when not set */
};

G_DEFINE_FINAL_TYPE (GrParticipant, gr_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gr_participant_dispose (GObject *object)
{
  GrParticipant *self = (GrParticipant *)object;

  g_clear_object (&self->grid);

  G_OBJECT_CLASS (gr_participant_parent_class)->dispose (object);
}

static void
gr_participant_finalize (GObject *object)
{
  GrParticipant *self = (GrParticipant *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->levels, g_free);
  g_clear_pointer (&self->targets, g_free);
  /* The notes array is sparse (NULL where there is no note): not a NULL-terminated vector. */
  if (self->notes != NULL)
    for (guint i = 0; i < self->n_items; i++)
      g_free (self->notes[i]);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (gr_participant_parent_class)->finalize (object);
}

static void
gr_participant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GrParticipant *self = GR_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_participant_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GrParticipant *self = GR_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      gr_participant_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      gr_participant_set_role (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_participant_class_init (GrParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gr_participant_dispose;
  object_class->finalize = gr_participant_finalize;
  object_class->get_property = gr_participant_get_property;
  object_class->set_property = gr_participant_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GrParticipant::changed:
   * @kind: a #GrParticipantChange
   * @index: the item or competency that changed
   *
   * Emitted after any change to the participant's data.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);
}

static void
gr_participant_init (GrParticipant *self)
{
  self->role = g_strdup ("");
}

GrParticipant *
gr_participant_new (GrGrid     *grid,
                    const char *name)
{
  GrParticipant *self;
  guint n_items, n_competencies;

  g_return_val_if_fail (GR_IS_GRID (grid), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n_items = gr_grid_get_n_items (grid);
  n_competencies = gr_grid_get_n_competencies (grid);

  self = g_object_new (GR_TYPE_PARTICIPANT, NULL);
  self->grid = g_object_ref (grid);
  self->n_items = n_items;
  /* Direction controls would draw the name, and what follows it, backwards. */
  self->name = gr_format_strip_bidi (name);
  self->levels = g_new (int, n_items);
  self->notes = g_new0 (char *, n_items + 1);
  self->targets = g_new (int, n_competencies);
  for (guint i = 0; i < n_items; i++)
    self->levels[i] = GR_LEVEL_NONE;
  for (guint c = 0; c < n_competencies; c++)
    self->targets[c] = GR_LEVEL_NONE;

  return self;
}

/* A deep copy, for undo and for drafts written while the user goes on typing. */
GrParticipant *
gr_participant_copy (GrParticipant *self)
{
  g_return_val_if_fail (GR_IS_PARTICIPANT (self), NULL);

  return gr_participant_copy_to_grid (self, self->grid);
}

/**
 * gr_participant_copy_to_grid:
 * @grid: a grid with the same competencies, items and scale as the participant's
 *
 * A deep copy that belongs to @grid: a participant read from another file joins a session
 * whose grid is another object with the same content.
 */
GrParticipant *
gr_participant_copy_to_grid (GrParticipant *self,
                             GrGrid        *grid)
{
  GrParticipant *copy;

  g_return_val_if_fail (GR_IS_PARTICIPANT (self), NULL);
  g_return_val_if_fail (gr_grid_get_n_items (grid) == gr_grid_get_n_items (self->grid), NULL);
  g_return_val_if_fail (gr_grid_get_n_competencies (grid) ==
                        gr_grid_get_n_competencies (self->grid), NULL);

  copy = gr_participant_new (grid, self->name);
  memcpy (copy->levels, self->levels, sizeof (int) * gr_grid_get_n_items (self->grid));
  memcpy (copy->targets, self->targets, sizeof (int) * gr_grid_get_n_competencies (self->grid));
  for (guint i = 0; i < gr_grid_get_n_items (self->grid); i++)
    copy->notes[i] = g_strdup (self->notes[i]);
  gr_participant_set_role (copy, self->role);

  return copy;
}

/* Whether two participants of grids of the same shape hold the same role, levels, notes and
 * targets; their names are not compared. */
gboolean
gr_participant_equal_data (GrParticipant *self,
                           GrParticipant *other)
{
  guint n_items, n_competencies;

  g_return_val_if_fail (GR_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (GR_IS_PARTICIPANT (other), FALSE);

  n_items = gr_grid_get_n_items (self->grid);
  n_competencies = gr_grid_get_n_competencies (self->grid);
  if (n_items != gr_grid_get_n_items (other->grid) ||
      n_competencies != gr_grid_get_n_competencies (other->grid))
    return FALSE;

  if (g_strcmp0 (self->role, other->role) != 0)
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    if (self->levels[i] != other->levels[i] || g_strcmp0 (self->notes[i], other->notes[i]) != 0)
      return FALSE;
  for (guint c = 0; c < n_competencies; c++)
    if (self->targets[c] != other->targets[c])
      return FALSE;

  return TRUE;
}

GrGrid *
gr_participant_get_grid (GrParticipant *self)
{
  g_return_val_if_fail (GR_IS_PARTICIPANT (self), NULL);
  return self->grid;
}

const char *
gr_participant_get_name (GrParticipant *self)
{
  g_return_val_if_fail (GR_IS_PARTICIPANT (self), NULL);
  return self->name;
}

/* Uniqueness within a session is the session's to check (gr_session_rename_participant). */
void
gr_participant_set_name (GrParticipant *self,
                         const char    *name)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (GR_IS_PARTICIPANT (self));
  g_return_if_fail (name != NULL);

  clean = gr_format_strip_bidi (name);
  if (gr_set_str (&self->name, clean))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      g_signal_emit (self, signals[CHANGED], 0, GR_PARTICIPANT_CHANGE_NAME, 0u);
    }
}

/* Returns: the participant's role, "" when none was given. */
const char *
gr_participant_get_role (GrParticipant *self)
{
  g_return_val_if_fail (GR_IS_PARTICIPANT (self), NULL);
  return self->role;
}

void
gr_participant_set_role (GrParticipant *self,
                         const char    *role)
{
  g_return_if_fail (GR_IS_PARTICIPANT (self));

  if (gr_set_str (&self->role, role ? role : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
      g_signal_emit (self, signals[CHANGED], 0, GR_PARTICIPANT_CHANGE_ROLE, 0u);
    }
}

int
gr_participant_get_level (GrParticipant *self,
                          guint          item)
{
  g_return_val_if_fail (GR_IS_PARTICIPANT (self), GR_LEVEL_NONE);
  g_return_val_if_fail (item < gr_grid_get_n_items (self->grid), GR_LEVEL_NONE);
  return self->levels[item];
}

/* @level is a value of the grid's scale, or GR_LEVEL_NONE to mark the item not assessed. */
void
gr_participant_set_level (GrParticipant *self,
                          guint          item,
                          int            level)
{
  g_return_if_fail (GR_IS_PARTICIPANT (self));
  g_return_if_fail (item < gr_grid_get_n_items (self->grid));
  g_return_if_fail (level >= GR_LEVEL_NONE && level <= gr_grid_get_max_level (self->grid));

  if (self->levels[item] == level)
    return;

  self->levels[item] = level;
  g_signal_emit (self, signals[CHANGED], 0, GR_PARTICIPANT_CHANGE_LEVEL, item);
}

/* Returns: the note, or "" when there is none. */
const char *
gr_participant_get_note (GrParticipant *self,
                         guint          item)
{
  g_return_val_if_fail (GR_IS_PARTICIPANT (self), "");
  g_return_val_if_fail (item < gr_grid_get_n_items (self->grid), "");
  return self->notes[item] ? self->notes[item] : "";
}

void
gr_participant_set_note (GrParticipant *self,
                         guint          item,
                         const char    *note)
{
  g_return_if_fail (GR_IS_PARTICIPANT (self));
  g_return_if_fail (item < gr_grid_get_n_items (self->grid));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (gr_set_str (&self->notes[item], note))
    g_signal_emit (self, signals[CHANGED], 0, GR_PARTICIPANT_CHANGE_NOTE, item);
}

int
gr_participant_get_target (GrParticipant *self,
                           guint          competency)
{
  g_return_val_if_fail (GR_IS_PARTICIPANT (self), GR_LEVEL_NONE);
  g_return_val_if_fail (competency < gr_grid_get_n_competencies (self->grid), GR_LEVEL_NONE);
  return self->targets[competency];
}

void
gr_participant_set_target (GrParticipant *self,
                           guint          competency,
                           int            level)
{
  g_return_if_fail (GR_IS_PARTICIPANT (self));
  g_return_if_fail (competency < gr_grid_get_n_competencies (self->grid));
  g_return_if_fail (level >= GR_LEVEL_NONE && level <= gr_grid_get_max_level (self->grid));

  if (self->targets[competency] == level)
    return;

  self->targets[competency] = level;
  g_signal_emit (self, signals[CHANGED], 0, GR_PARTICIPANT_CHANGE_TARGET, competency);
}

/**
 * gr_participant_get_competency_stats:
 *
 * The participant's score for a competency is the mean of its assessed items; min and max are
 * those items' lowest and highest levels, n how many were assessed.
 *
 * Returns: %TRUE when at least one item was assessed, so that there is a score.
 */
gboolean
gr_participant_get_competency_stats (GrParticipant *self,
                                     guint          competency,
                                     GrStats       *stats)
{
  GrCompetency *comp;
  double sum = 0;

  g_return_val_if_fail (GR_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (competency < gr_grid_get_n_competencies (self->grid), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  *stats = (GrStats) { 0, 0, 0, 0 };
  comp = gr_grid_get_competency (self->grid, competency);

  for (guint i = 0; i < gr_competency_get_n_items (comp); i++)
    {
      int level = self->levels[gr_item_get_index (gr_competency_get_item (comp, i))];

      if (level == GR_LEVEL_NONE)
        continue;

      if (stats->n == 0 || level < stats->min)
        stats->min = level;
      if (stats->n == 0 || level > stats->max)
        stats->max = level;
      sum += level;
      stats->n++;
    }

  if (stats->n > 0)
    stats->mean = sum / stats->n;

  return stats->n > 0;
}

guint
gr_participant_count_assessed (GrParticipant *self)
{
  guint n = 0;

  g_return_val_if_fail (GR_IS_PARTICIPANT (self), 0);

  for (guint i = 0; i < gr_grid_get_n_items (self->grid); i++)
    if (self->levels[i] != GR_LEVEL_NONE)
      n++;

  return n;
}
