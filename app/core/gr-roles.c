/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Perceptions by role: elected members, agents, partners and inhabitants see the same practice
 * differently, and that gap is what a workshop discusses. Participants are grouped by their
 * role, each group scored like a small group. */
#define G_LOG_DOMAIN "gr-roles"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gr-roles.h"

/* The roles offered in the participants page. A role is free text: these are suggestions, and a
 * role that matches one of them (in any language) is named in the output's language, in the
 * plural when it has several participants. */
static const char *
suggestion (GrTranslator *translator,
            guint         position,
            gulong        n)
{
  switch (position)
    {
    case 0:
      /* Translators: a participant's role, offered as a suggestion; the plural names the
       * group ("Élu·e·s (3)"). Use your language's inclusive form if it has one. */
      return gr_translator_ngettext (translator, "Élu·e", "Élu·e·s", n);
    case 1:
      /* Translators: a participant's role (an agent of the local authority). */
      return gr_translator_ngettext (translator, "Agent·e", "Agent·e·s", n);
    case 2:
      /* Translators: a participant's role (an association, a company, another institution). */
      return gr_translator_ngettext (translator, "Partenaire", "Partenaires", n);
    case 3:
      /* Translators: a participant's role (an inhabitant of the territory). */
      return gr_translator_ngettext (translator, "Habitant·e", "Habitant·e·s", n);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer full): the suggestion at @position, below GR_ROLES_N_SUGGESTIONS, in
 * @translator's language. */
char *
gr_roles_get_suggestion (GrTranslator *translator,
                         guint         position)
{
  g_return_val_if_fail (position < GR_ROLES_N_SUGGESTIONS, NULL);

  return g_strdup (suggestion (translator, position, 1));
}

static void
role_group_free (GrRoleGroup *group)
{
  g_free (group->role);
  g_free (group->stats);
  g_free (group->item_stats);
  g_free (group);
}

/* Text compared without case and outer spaces: "Élu·e" and " élu·e" are one role. */
static char *
fold (const char *role)
{
  g_autofree char *stripped = g_strstrip (g_strdup (role ? role : ""));

  return g_utf8_casefold (stripped, -1);
}

/* Whether @folded is @form, or one of the forms its inclusive writing stands for: "élu·e·s" is
 * also "élus" and "élues", "agent·e" also "agent" and "agente". */
static gboolean
is_form (const char *folded,
         const char *form)
{
  g_autofree char *known = fold (form);
  g_auto(GStrv) parts = NULL;
  g_autofree char *all = NULL;
  g_autofree char *first = NULL;

  if (g_str_equal (folded, known))
    return TRUE;
  parts = g_strsplit (known, "·", -1);
  if (g_strv_length (parts) < 2)
    return FALSE;
  all = g_strjoinv ("", parts);
  /* Without the part after the first dot: the masculine form. */
  first = g_strconcat (parts[0], parts[2] ? parts[2] : "", NULL);
  return g_str_equal (folded, all) || g_str_equal (folded, first);
}

/* Which suggestion @role is, in whichever language it was typed, singular or plural, in its
 * inclusive form or in one of those it stands for; or -1. */
static int
find_suggestion (const char *folded)
{
  for (guint s = 0; s < GR_ROLES_N_SUGGESTIONS; s++)
    for (const char **l = gr_translator_list_languages (); *l; l++)
      if (is_form (folded, suggestion (gr_translator_get (*l), s, 1)) ||
          is_form (folded, suggestion (gr_translator_get (*l), s, 2)))
        return s;
  return -1;
}

/* What groups participants: a suggestion is one role whatever its language ("Élu·e" and
 * "Elected member"), other text is compared without case and outer spaces; "" is no role. */
static char *
role_key (const char *role)
{
  char *folded = fold (role);
  int known;

  if (*folded == '\0' || (known = find_suggestion (folded)) < 0)
    return folded;
  g_free (folded);
  return g_strdup_printf ("\x01%d", known);
}

static void
stats_add (GrStats *stats,
           double   value)
{
  if (stats->n == 0 || value < stats->min)
    stats->min = value;
  if (stats->n == 0 || value > stats->max)
    stats->max = value;
  /* The running mean: no separate sum to keep. */
  stats->n++;
  stats->mean += (value - stats->mean) / stats->n;
}

/**
 * gr_roles_group_session:
 *
 * Groups the participants by role, in the order the roles first appear; the participants
 * without a role form a group of their own, last.
 *
 * Returns: (transfer full) (element-type GrRoleGroup): the groups.
 */
GPtrArray *
gr_roles_group_session (GrSession *session)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) role_group_free);
  GrRoleGroup *no_role = NULL;
  GrGrid *grid;
  guint n_competencies, n_items;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);

  grid = gr_session_get_grid (session);
  n_competencies = gr_grid_get_n_competencies (grid);
  n_items = gr_grid_get_n_items (grid);

  for (guint p = 0; p < gr_session_get_n_participants (session); p++)
    {
      GrParticipant *participant = gr_session_get_participant (session, p);
      const char *role = gr_participant_get_role (participant);
      char *key = role_key (role);
      GrRoleGroup *group = *key ? g_hash_table_lookup (by_key, key) : no_role;

      if (group == NULL)
        {
          group = g_new0 (GrRoleGroup, 1);
          group->role = g_strstrip (g_strdup (*key ? role : ""));
          group->stats = g_new0 (GrStats, n_competencies);
          group->item_stats = g_new0 (GrStats, n_items);
          if (*key)
            {
              g_hash_table_insert (by_key, g_steal_pointer (&key), group);
              g_ptr_array_add (groups, group);
            }
          else
            no_role = group;
        }
      g_free (key);

      group->n_participants++;
      for (guint c = 0; c < n_competencies; c++)
        {
          GrStats own;

          if (gr_participant_get_competency_stats (participant, c, &own))
            stats_add (&group->stats[c], own.mean);
        }
      for (guint i = 0; i < n_items; i++)
        {
          int level = gr_participant_get_level (participant, i);

          if (level != GR_LEVEL_NONE)
            stats_add (&group->item_stats[i], level);
        }
    }

  if (no_role != NULL)
    g_ptr_array_add (groups, no_role);

  return g_steal_pointer (&groups);
}

/* Whether any participant has a role: without one, there is nothing to group by. */
gboolean
gr_roles_has_roles (GrSession *session)
{
  g_return_val_if_fail (GR_IS_SESSION (session), FALSE);

  for (guint p = 0; p < gr_session_get_n_participants (session); p++)
    {
      g_autofree char *key = role_key (gr_participant_get_role (gr_session_get_participant (session,
                                                                                            p)));
      if (*key)
        return TRUE;
    }
  return FALSE;
}

/* The role's name in @translator's language: a suggestion typed in any language is named in
 * this one, in the plural for several participants; any other text is left as typed. */
static char *
role_name (const char   *role,
           guint         n,
           GrTranslator *translator)
{
  g_autofree char *folded = fold (role);
  int known;

  if (*folded == '\0')
    /* Translators: the group of participants who were given no role. */
    return g_strdup (gr_translator_gettext (translator, N_("Sans rôle")));
  if ((known = find_suggestion (folded)) >= 0)
    return g_strdup (suggestion (translator, known, n));

  return g_strdup (role);
}

/* Returns: (transfer full): the group's name and size, "Élu·e·s (3)". */
char *
gr_role_group_get_label (GrRoleGroup  *group,
                         GrTranslator *translator)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (translator != NULL, NULL);

  name = role_name (group->role, group->n_participants, translator);
  /* Translators: a role and how many participants have it: "Élu·e·s (3)". */
  return g_strdup_printf (gr_translator_gettext (translator, N_("%s (%u)")), name,
                          group->n_participants);
}

static gboolean
largest_gap (GPtrArray *groups,
             gsize      offset,
             guint      index,
             GrRoleGap *gap)
{
  gboolean found = FALSE;
  double high = 0, low = 0;
  guint n_scored = 0, last = 0;

  *gap = (GrRoleGap) { 0, 0, 0 };
  for (guint g = 0; g < groups->len; g++)
    {
      GrRoleGroup *group = g_ptr_array_index (groups, g);
      const GrStats *stats = &(*(GrStats **) G_STRUCT_MEMBER_P (group, offset))[index];

      if (!gr_stats_has_score (stats))
        continue;
      if (!found || stats->mean > high)
        {
          high = stats->mean;
          gap->highest = g;
        }
      if (!found || stats->mean < low)
        {
          low = stats->mean;
          gap->lowest = g;
        }
      found = TRUE;
      n_scored++;
      last = g;
    }

  /* A gap needs two roles with a score; one role alone differs from no one. Roles that all
   * agree have a gap of 0 between the first and the last of them. */
  if (n_scored < 2)
    return FALSE;
  if (gap->highest == gap->lowest)
    gap->lowest = last;
  gap->gap = high - low;
  return TRUE;
}

/**
 * gr_roles_get_largest_gap:
 * @groups: (element-type GrRoleGroup): from gr_roles_group_session()
 *
 * Returns: %TRUE when at least two roles have a score for @competency; @gap then says how far
 *   apart the highest and the lowest are, and which they are.
 */
gboolean
gr_roles_get_largest_gap (GPtrArray *groups,
                          guint      competency,
                          GrRoleGap *gap)
{
  g_return_val_if_fail (groups != NULL, FALSE);
  g_return_val_if_fail (gap != NULL, FALSE);

  return largest_gap (groups, G_STRUCT_OFFSET (GrRoleGroup, stats), competency, gap);
}

/* The same for one item, over the roles' mean levels. */
gboolean
gr_roles_get_largest_item_gap (GPtrArray *groups,
                               guint      item,
                               GrRoleGap *gap)
{
  g_return_val_if_fail (groups != NULL, FALSE);
  g_return_val_if_fail (gap != NULL, FALSE);

  return largest_gap (groups, G_STRUCT_OFFSET (GrRoleGroup, item_stats), item, gap);
}
