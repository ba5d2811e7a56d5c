/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-session.h"
#include "gr-translator.h"

G_BEGIN_DECLS

/* How many roles the participants page suggests. */
#define GR_ROLES_N_SUGGESTIONS 4

/* The participants of one role and their scores: a role's score for a competency is the mean
 * of its participants' competency scores; stats[c].n == 0 means no score (never 0). */
typedef struct
{
  char    *role;            /* as first typed, "" for the participants without a role */
  guint    n_participants;
  GrStats *stats;           /* one per competency */
  GrStats *item_stats;      /* one per item: the mean of its participants' levels */
} GrRoleGroup;

/* The largest difference between two roles' scores for a competency. */
typedef struct
{
  double gap;               /* highest role's score minus lowest role's */
  guint  highest;           /* positions in the groups */
  guint  lowest;
} GrRoleGap;

char               *gr_roles_get_suggestion     (GrTranslator  *translator,
                                                 guint          position);
GPtrArray          *gr_roles_group_session      (GrSession     *session);
gboolean            gr_roles_has_roles          (GrSession     *session);
char               *gr_role_group_get_label     (GrRoleGroup   *group,
                                                 GrTranslator  *translator);
gboolean            gr_roles_get_largest_gap    (GPtrArray     *groups,
                                                 guint          competency,
                                                 GrRoleGap     *gap);
gboolean            gr_roles_get_largest_item_gap (GPtrArray   *groups,
                                                 guint          item,
                                                 GrRoleGap     *gap);

G_END_DECLS
