/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bringing the participants of other sessions into one: the files that participants filled on
 * their own machines come back together, with a record of what came in from where. */
#define G_LOG_DOMAIN "gr-session-merge"

#include "config.h"

#include "gr-error.h"
#include "gr-i18n.h"
#include "gr-session-file.h"
#include "gr-session-merge.h"

typedef struct
{
  GrMergeOutcome  outcome;
  char           *source;   /* the file's name, as the user knows it */
  char           *name;     /* the participant's name in its file, NULL for a whole file */
  char           *detail;   /* the new name (RENAMED), the reason (REFUSED), else NULL */
} Event;

struct _GrSessionMerge
{
  GObject    parent_instance;
  GrSession *target;
  GArray    *events;        /* of Event, in the order things happened */
};

G_DEFINE_FINAL_TYPE (GrSessionMerge, gr_session_merge, G_TYPE_OBJECT)

static void
event_clear (gpointer data)
{
  Event *event = data;

  g_free (event->source);
  g_free (event->name);
  g_free (event->detail);
}

static void
gr_session_merge_dispose (GObject *object)
{
  GrSessionMerge *self = (GrSessionMerge *)object;

  g_clear_object (&self->target);

  G_OBJECT_CLASS (gr_session_merge_parent_class)->dispose (object);
}

static void
gr_session_merge_finalize (GObject *object)
{
  GrSessionMerge *self = (GrSessionMerge *)object;

  g_clear_pointer (&self->events, g_array_unref);

  G_OBJECT_CLASS (gr_session_merge_parent_class)->finalize (object);
}

static void
gr_session_merge_class_init (GrSessionMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gr_session_merge_dispose;
  object_class->finalize = gr_session_merge_finalize;
}

static void
gr_session_merge_init (GrSessionMerge *self)
{
  self->events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_array_set_clear_func (self->events, event_clear);
}

/**
 * gr_session_merge_new:
 * @target: the session the participants join
 */
GrSessionMerge *
gr_session_merge_new (GrSession *target)
{
  GrSessionMerge *self;

  g_return_val_if_fail (GR_IS_SESSION (target), NULL);

  self = g_object_new (GR_TYPE_SESSION_MERGE, NULL);
  self->target = g_object_ref (target);
  return self;
}

static void
add_event (GrSessionMerge *self,
           GrMergeOutcome  outcome,
           const char     *source,
           const char     *name,
           const char     *detail)
{
  Event event = { outcome, g_strdup (source), g_strdup (name), g_strdup (detail) };

  g_array_append_val (self->events, event);
}

/**
 * gr_session_check_same_grid:
 * @other: a session whose participants would join @self, or be compared with them
 *
 * Participants can only be put together when they were assessed on the same grid: the same
 * built-in grid, or an embedded grid identical in content.
 */
gboolean
gr_session_check_same_grid (GrSession  *self,
                            GrSession  *other,
                            GError    **error)
{
  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GR_IS_SESSION (other), FALSE);

  if (gr_grid_equal (gr_session_get_grid (self), gr_session_get_grid (other)))
    return TRUE;
  if (!gr_session_check_comparable (self, other, error))
    return FALSE;

  g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_OTHER_GRID,
               _("cette session utilise une version modifiée de la grille « %s »"),
               gr_grid_get_id (gr_session_get_grid (self)));
  return FALSE;
}

/**
 * gr_session_check_comparable:
 * @earlier: a session to draw beside @self for comparison
 *
 * Sessions can be compared when they use the same grid, even in another version of it: its
 * competencies are matched by id, and another scale is brought to this one. A session on
 * another grid is refused.
 */
gboolean
gr_session_check_comparable (GrSession  *self,
                             GrSession  *earlier,
                             GError    **error)
{
  const char *mine, *theirs;

  g_return_val_if_fail (GR_IS_SESSION (self), FALSE);
  g_return_val_if_fail (GR_IS_SESSION (earlier), FALSE);

  mine = gr_grid_get_id (gr_session_get_grid (self));
  theirs = gr_grid_get_id (gr_session_get_grid (earlier));
  if (g_strcmp0 (mine, theirs) == 0)
    return TRUE;

  g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_OTHER_GRID,
               _("cette session utilise la grille « %s », pas « %s »"),
               theirs, mine);
  return FALSE;
}

/**
 * gr_session_compare_dates:
 *
 * Orders earlier sessions oldest first, so that a change is read from the first to today;
 * sessions without a date come last.
 *
 * Returns: less than, equal to or greater than 0 as @a comes before, with or after @b.
 */
int
gr_session_compare_dates (GrSession *a,
                          GrSession *b)
{
  const char *da = gr_session_get_date (a);
  const char *db = gr_session_get_date (b);

  if (*da == '\0' || *db == '\0')
    return (*da == '\0') - (*db == '\0');
  return strcmp (da, db);
}

/* The first free "Nom (2)", "Nom (3)"… — or the name of a participant already in the session
 * with the same data, so that merging a file twice brings nothing in twice. */
static GrParticipant *
find_free_name (GrSession      *target,
                GrParticipant  *incoming,
                char          **free_name)
{
  const char *name = gr_participant_get_name (incoming);

  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s (%u)", name, n);
      GrParticipant *existing = gr_session_find_participant (target, candidate, NULL);

      if (existing == NULL)
        {
          *free_name = g_steal_pointer (&candidate);
          return NULL;
        }
      if (gr_participant_equal_data (existing, incoming))
        return existing;
    }
}

/* Whether @incoming holds everything @existing has (and maybe more): the file that was sent out
 * from this session with this participant, filled and sent back. */
static gboolean
extends (GrParticipant *existing,
         GrParticipant *incoming)
{
  GrGrid *grid = gr_participant_get_grid (existing);
  const char *role = gr_participant_get_role (existing);

  if (*role != '\0' && g_strcmp0 (role, gr_participant_get_role (incoming)) != 0)
    return FALSE;
  for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
    {
      int level = gr_participant_get_level (existing, i);
      const char *note = gr_participant_get_note (existing, i);

      if ((level != GR_LEVEL_NONE && level != gr_participant_get_level (incoming, i)) ||
          (*note != '\0' && g_strcmp0 (note, gr_participant_get_note (incoming, i)) != 0))
        return FALSE;
    }
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      int target = gr_participant_get_target (existing, c);

      if (target != GR_LEVEL_NONE && target != gr_participant_get_target (incoming, c))
        return FALSE;
    }
  return TRUE;
}

/* Gives @existing what @incoming has beyond it, change by change (each one undoable). */
static void
update_from (GrParticipant *existing,
             GrParticipant *incoming)
{
  GrGrid *grid = gr_participant_get_grid (existing);

  if (*gr_participant_get_role (incoming) != '\0')
    gr_participant_set_role (existing, gr_participant_get_role (incoming));
  for (guint i = 0; i < gr_grid_get_n_items (grid); i++)
    {
      if (gr_participant_get_level (incoming, i) != GR_LEVEL_NONE)
        gr_participant_set_level (existing, i, gr_participant_get_level (incoming, i));
      if (*gr_participant_get_note (incoming, i) != '\0')
        gr_participant_set_note (existing, i, gr_participant_get_note (incoming, i));
    }
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    if (gr_participant_get_target (incoming, c) != GR_LEVEL_NONE)
      gr_participant_set_target (existing, c, gr_participant_get_target (incoming, c));
}

/**
 * gr_session_merge_add_session:
 * @source: a session whose participants join the target
 * @source_name: how to name @source in the summary (its file's name)
 *
 * Adds @source's participants to the target, in their order. A participant whose name is in the
 * target with the same data is skipped; with all the data the target has for that name and more
 * (the file prepared for that participant, filled and sent back), the participant there is
 * given the rest; with other data it joins as "Nom (2)". A session on another grid brings
 * nothing and is refused.
 *
 * Returns: %FALSE when @source was refused.
 */
gboolean
gr_session_merge_add_session (GrSessionMerge  *self,
                              GrSession       *source,
                              const char      *source_name,
                              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GrGrid *grid;

  g_return_val_if_fail (GR_IS_SESSION_MERGE (self), FALSE);
  g_return_val_if_fail (GR_IS_SESSION (source), FALSE);
  g_return_val_if_fail (source_name != NULL, FALSE);

  if (!gr_session_check_same_grid (self->target, source, &local_error))
    {
      add_event (self, GR_MERGE_REFUSED, source_name, NULL, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (gr_session_get_n_participants (source) == 0)
    add_event (self, GR_MERGE_EMPTY, source_name, NULL, NULL);

  grid = gr_session_get_grid (self->target);
  for (guint i = 0; i < gr_session_get_n_participants (source); i++)
    {
      GrParticipant *incoming = gr_session_get_participant (source, i);
      const char *name = gr_participant_get_name (incoming);
      GrParticipant *existing = gr_session_find_participant (self->target, name, NULL);
      g_autoptr(GrParticipant) copy = NULL;
      g_autofree char *new_name = NULL;

      if (existing != NULL &&
          (gr_participant_equal_data (existing, incoming) ||
           find_free_name (self->target, incoming, &new_name) != NULL))
        {
          add_event (self, GR_MERGE_SKIPPED, source_name, name, NULL);
          continue;
        }
      if (existing != NULL && extends (existing, incoming))
        {
          update_from (existing, incoming);
          add_event (self, GR_MERGE_UPDATED, source_name, name, NULL);
          continue;
        }

      copy = gr_participant_copy_to_grid (incoming, grid);
      if (new_name != NULL)
        gr_participant_set_name (copy, new_name);
      /* The names were checked: the source's are unique, the new one is free. */
      if (!gr_session_add_participant (self->target, copy, &local_error))
        g_error ("A merged participant's name was refused: %s", local_error->message);
      add_event (self, new_name ? GR_MERGE_RENAMED : GR_MERGE_ADDED, source_name, name, new_name);
    }

  return TRUE;
}

/**
 * gr_session_merge_add_loaded:
 * @loaded: a file read by gr_session_load_files_async(), say
 *
 * Adds the participants of the session read from a file as gr_session_merge_add_session()
 * does. A file that could not be read is refused, with the reason in the summary and in
 * @error.
 */
gboolean
gr_session_merge_add_loaded (GrSessionMerge   *self,
                             GrSessionLoaded  *loaded,
                             GError          **error)
{
  g_autofree char *source_name = NULL;

  g_return_val_if_fail (GR_IS_SESSION_MERGE (self), FALSE);
  g_return_val_if_fail (loaded != NULL && G_IS_FILE (loaded->file), FALSE);
  g_return_val_if_fail (loaded->session != NULL || loaded->error != NULL, FALSE);

  source_name = g_file_get_basename (loaded->file);
  if (loaded->session == NULL)
    {
      add_event (self, GR_MERGE_REFUSED, source_name, NULL, loaded->error->message);
      if (error != NULL)
        g_propagate_error (error, g_error_copy (loaded->error));
      return FALSE;
    }

  return gr_session_merge_add_session (self, loaded->session, source_name, error);
}

/**
 * gr_session_merge_add_file:
 *
 * Reads a session file and adds its participants as gr_session_merge_add_loaded() does.
 */
gboolean
gr_session_merge_add_file (GrSessionMerge  *self,
                           GFile           *file,
                           GError         **error)
{
  GrSessionLoaded loaded = { file, NULL, NULL };
  gboolean added;

  g_return_val_if_fail (GR_IS_SESSION_MERGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  loaded.session = gr_session_load (file, &loaded.error);
  added = gr_session_merge_add_loaded (self, &loaded, error);
  g_clear_object (&loaded.session);
  g_clear_error (&loaded.error);
  return added;
}

/* How many participants came in or were given their answers: new ones, renamed ones, and
 * those the session was waiting for. */
guint
gr_session_merge_count_imported (GrSessionMerge *self)
{
  return gr_session_merge_count (self, GR_MERGE_ADDED) +
         gr_session_merge_count (self, GR_MERGE_RENAMED) +
         gr_session_merge_count (self, GR_MERGE_UPDATED);
}

/* How many participants (ADDED, RENAMED, SKIPPED, UPDATED) or files (REFUSED, EMPTY) had @outcome. */
guint
gr_session_merge_count (GrSessionMerge *self,
                        GrMergeOutcome  outcome)
{
  guint n = 0;

  g_return_val_if_fail (GR_IS_SESSION_MERGE (self), 0);

  for (guint i = 0; i < self->events->len; i++)
    if (g_array_index (self->events, Event, i).outcome == outcome)
      n++;
  return n;
}

guint
gr_session_merge_get_n_events (GrSessionMerge *self)
{
  g_return_val_if_fail (GR_IS_SESSION_MERGE (self), 0);
  return self->events->len;
}

/**
 * gr_session_merge_get_event:
 * @source_name: (out) (optional): the file's name
 * @name: (out) (optional): the participant's name in that file, %NULL for a whole file
 * @detail: (out) (optional): the new name (RENAMED) or the reason (REFUSED), else %NULL
 */
GrMergeOutcome
gr_session_merge_get_event (GrSessionMerge  *self,
                            guint            position,
                            const char     **source_name,
                            const char     **name,
                            const char     **detail)
{
  const Event *event;

  g_return_val_if_fail (GR_IS_SESSION_MERGE (self), GR_MERGE_REFUSED);
  g_return_val_if_fail (position < self->events->len, GR_MERGE_REFUSED);

  event = &g_array_index (self->events, Event, position);
  if (source_name)
    *source_name = event->source;
  if (name)
    *name = event->name;
  if (detail)
    *detail = event->detail;
  return event->outcome;
}

/**
 * gr_session_merge_get_summary:
 *
 * Returns: (transfer full): what came in from where, in the interface's language: a line of
 * totals, then one line per participant or refused file, each naming its file.
 */
char *
gr_session_merge_get_summary (GrSessionMerge *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_in, n_updated, n_skipped, n_refused;

  g_return_val_if_fail (GR_IS_SESSION_MERGE (self), NULL);

  n_in = gr_session_merge_count (self, GR_MERGE_ADDED) +
         gr_session_merge_count (self, GR_MERGE_RENAMED);
  n_updated = gr_session_merge_count (self, GR_MERGE_UPDATED);
  n_skipped = gr_session_merge_count (self, GR_MERGE_SKIPPED);
  n_refused = gr_session_merge_count (self, GR_MERGE_REFUSED);

  g_string_append_printf (out, ngettext ("%u participant importé", "%u participants importés",
                                         n_in), n_in);
  if (n_updated > 0)
    {
      g_string_append (out, ", ");
      /* Translators: participants who were in the session, given the answers of their file. */
      g_string_append_printf (out, ngettext ("%u mis à jour", "%u mis à jour", n_updated),
                              n_updated);
    }
  if (n_skipped > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u déjà présent", "%u déjà présents", n_skipped),
                              n_skipped);
    }
  if (n_refused > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u fichier refusé", "%u fichiers refusés",
                                             n_refused), n_refused);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < self->events->len; i++)
    {
      const Event *event = &g_array_index (self->events, Event, i);

      switch (event->outcome)
        {
        case GR_MERGE_ADDED:
          /* Translators: a file's name, then a participant's name. */
          g_string_append_printf (out, _("%s : « %s » importé"), event->source, event->name);
          break;
        case GR_MERGE_RENAMED:
          g_string_append_printf (out, _("%s : « %s » est déjà dans la session avec d’autres "
                                         "données : importé sous le nom « %s »"),
                                  event->source, event->name, event->detail);
          break;
        case GR_MERGE_UPDATED:
          /* Translators: a file's name, then a participant's name: the participant was in
           * the session with none (or part) of the answers the file brings, and now has them. */
          g_string_append_printf (out, _("%s : « %s » mis à jour avec ses réponses"),
                                  event->source, event->name);
          break;
        case GR_MERGE_SKIPPED:
          g_string_append_printf (out, _("%s : « %s » est déjà dans la session avec les mêmes "
                                         "données : ignoré"), event->source, event->name);
          break;
        case GR_MERGE_REFUSED:
          /* Translators: a file's name, then why it was refused. */
          g_string_append_printf (out, _("%s : refusé, %s"), event->source, event->detail);
          break;
        case GR_MERGE_EMPTY:
          g_string_append_printf (out, _("%s : aucun participant"), event->source);
          break;
        default:
          g_assert_not_reached ();
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
