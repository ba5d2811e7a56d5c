/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Forward declarations and small value types shared by the whole core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GrGrid        GrGrid;
typedef struct _GrCompetency  GrCompetency;
typedef struct _GrItem        GrItem;
typedef struct _GrLevel       GrLevel;
typedef struct _GrParticipant GrParticipant;
typedef struct _GrSession     GrSession;
typedef struct _GrTranslator  GrTranslator;

/* A level that was not assessed. It is never 0: 0 is the scale's first level. */
#define GR_LEVEL_NONE (-1)

#define GR_GRID_MIN_COMPETENCIES 3
#define GR_GRID_MAX_COMPETENCIES 12
#define GR_GRID_MIN_ITEMS        1
#define GR_GRID_MAX_ITEMS        20
#define GR_GRID_MIN_LEVELS       2
#define GR_GRID_MAX_LEVELS       10
/* A grid's texts, in characters: a few times the longest of the built-in grid. A title of
 * thousands of characters is none, and took most of a second to lay out at each frame; a
 * longer text is refused when the grid is read. */
#define GR_GRID_MAX_ID           64
#define GR_GRID_MAX_TITLE        200   /* the grid's, a competency's, a level's name */
#define GR_GRID_MAX_SUBTITLE     400
#define GR_GRID_MAX_TEXT         2000  /* an introduction, a savoir-faire, a level's sentence */

/* Aggregate of assessed values. n == 0 means "nothing assessed": mean, min and max are then
 * meaningless and must not be shown (and never as 0). */
typedef struct
{
  guint  n;
  double mean;
  double min;
  double max;
} GrStats;

static inline gboolean
gr_stats_has_score (const GrStats *stats)
{
  return stats != NULL && stats->n > 0;
}

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static inline gboolean
gr_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

G_END_DECLS
