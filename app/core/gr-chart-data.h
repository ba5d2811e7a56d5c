/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gr-session.h"
#include "gr-translator.h"

G_BEGIN_DECLS

/* Earlier sessions a chart can be compared with: more would be lines no one can tell apart. */
#define GR_CHART_MAX_REFERENCES 5

/* A group of more participants than this is drawn as its mean and band: a participant's own
 * line only when asked for (GrChartVisibility.shown_participants). */
#define GR_CHART_MAX_PARTICIPANT_LINES 12

/* What a series stands for; it decides how the series is drawn. */
typedef enum
{
  GR_CHART_SERIES_MEAN,         /* the group's mean, with its min–max band */
  GR_CHART_SERIES_PARTICIPANT,  /* one participant: the main series, or a thin line in a group */
  GR_CHART_SERIES_TARGET,       /* a participant's targets */
  GR_CHART_SERIES_REFERENCE,    /* an earlier session, for comparison; style: which one */
  GR_CHART_SERIES_ROLE,         /* the mean of the participants of one role; style: which one */
} GrChartSeriesKind;

typedef struct
{
  GrChartSeriesKind  kind;
  char              *label;
  gboolean           main;     /* the series the chart is about: thick, filled */
  guint              style;    /* index into the participants' pens (dash, marker, colour) */
  double            *values;   /* one per axis; NAN where there is no score */
  double            *low;      /* the band (the group's mean only), else NULL */
  double            *high;
  gboolean           hidden;       /* neither drawn nor in the legend, still described */
  gboolean           band_hidden;  /* the same for the band */
} GrChartSeries;

/* Which series the user chose to see; all zero shows everything in a group of a dozen or
 * fewer, the mean and the band in a larger one. Hiding a series leaves the chart's frame and
 * its description as they are: only the lines and legend entries go, and the legend says how
 * many participants' lines are not drawn. */
typedef struct
{
  gboolean             hide_mean;            /* the group's mean line */
  gboolean             hide_band;            /* the group's min–max band */
  const char * const  *hidden_participants;  /* names of the group's thin lines to hide */
  const char * const  *shown_participants;   /* more than GR_CHART_MAX_PARTICIPANT_LINES
                                              * participants: names of the thin lines to draw */
} GrChartVisibility;

/* The chart's data, already in the export language, with nothing about pixels: the layout
 * scales it, the back ends draw it. */
typedef struct
{
  guint      n_axes;
  int        max_level;
  char     **titles;         /* n_axes */
  char     **subtitles;      /* n_axes, "" when none */
  gboolean  *assessed;       /* n_axes: the main series has a score there */
  char     **scores;         /* n_axes: that score as written at the label, NULL where none;
                              * the array itself NULL: the labels write no score */
  char     **level_names;    /* max_level + 1 */
  char      *title;          /* the chart's title, or NULL */
  char      *not_assessed;   /* "non évalué", in the export language */
  char      *band_label;     /* the legend of the group's min–max band */
  char      *undrawn_label;  /* "995 participants non tracés", or NULL when all are drawn */
  GrTranslator *translator;  /* the export language's (not owned: translators stay) */
  char      *description;    /* each competency's score in words */
  gboolean   rtl;            /* the text reads from right to left (Arabic) */
  GPtrArray *series;         /* GrChartSeries, the main series first */
} GrChartData;

GrChartData *gr_chart_data_new_from_session (GrSession     *session,
                                             GrTranslator  *translator,
                                             GrParticipant *participant,
                                             gboolean       show_participants,
                                             gboolean       show_title,
                                             GrSession     *reference);
GrChartData *gr_chart_data_new_from_sessions (GrSession    *session,
                                              GrTranslator *translator,
                                              GrParticipant *participant,
                                              gboolean      show_participants,
                                              gboolean      show_title,
                                              GPtrArray    *references);
GrChartData *gr_chart_data_new_by_role      (GrSession     *session,
                                             GrTranslator  *translator,
                                             gboolean       show_title,
                                             GPtrArray     *references);
GrChartData *gr_chart_data_new              (guint          n_axes,
                                             int            max_level);
GrChartSeries *gr_chart_data_add_series     (GrChartData   *self,
                                             GrChartSeriesKind kind,
                                             const char    *label);
void         gr_chart_data_set_visibility   (GrChartData   *self,
                                             const GrChartVisibility *visibility);
char        *gr_chart_data_get_reference_name (GrTranslator *translator,
                                               GPtrArray    *references,
                                               guint         index);
void         gr_chart_data_free             (GrChartData   *self);

gboolean     gr_chart_visibility_equal      (const GrChartVisibility *a,
                                             const GrChartVisibility *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrChartData, gr_chart_data_free)

G_END_DECLS
