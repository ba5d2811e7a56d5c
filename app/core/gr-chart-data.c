/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The radar chart's data taken from a session: which series, which values, in which language. */
#define G_LOG_DOMAIN "gr-chart-data"

#include "config.h"

#include <math.h>

#include "gr-chart-data.h"
#include "gr-format.h"
#include "gr-roles.h"
#include "gr-i18n.h"

GrChartData *
gr_chart_data_new (guint n_axes,
                   int   max_level)
{
  GrChartData *self;

  g_return_val_if_fail (n_axes >= 1, NULL);
  g_return_val_if_fail (max_level >= 1, NULL);

  self = g_new0 (GrChartData, 1);
  self->n_axes = n_axes;
  self->max_level = max_level;
  self->titles = g_new0 (char *, n_axes + 1);
  self->subtitles = g_new0 (char *, n_axes + 1);
  self->assessed = g_new0 (gboolean, n_axes);
  self->level_names = g_new0 (char *, max_level + 2);
  self->series = g_ptr_array_new ();
  self->not_assessed = g_strdup ("");
  self->band_label = g_strdup ("");
  self->description = g_strdup ("");

  return self;
}

static void
series_free (GrChartSeries *series)
{
  g_free (series->label);
  g_free (series->values);
  g_free (series->low);
  g_free (series->high);
  g_free (series);
}

void
gr_chart_data_free (GrChartData *self)
{
  if (self == NULL)
    return;

  g_strfreev (self->titles);
  g_strfreev (self->subtitles);
  g_strfreev (self->level_names);
  g_free (self->assessed);
  if (self->scores != NULL)
    for (guint i = 0; i < self->n_axes; i++)
      g_free (self->scores[i]);
  g_free (self->scores);
  g_free (self->title);
  g_free (self->not_assessed);
  g_free (self->band_label);
  g_free (self->undrawn_label);
  g_free (self->description);
  g_ptr_array_free (self->series, TRUE);
  g_free (self);
}

/* Returns: (transfer none): a new series with no score on any axis, owned by @self. */
GrChartSeries *
gr_chart_data_add_series (GrChartData       *self,
                          GrChartSeriesKind  kind,
                          const char        *label)
{
  GrChartSeries *series = g_new0 (GrChartSeries, 1);

  series->kind = kind;
  series->label = g_strdup (label);
  series->values = g_new (double, self->n_axes);
  for (guint i = 0; i < self->n_axes; i++)
    series->values[i] = NAN;

  g_ptr_array_set_free_func (self->series, (GDestroyNotify) series_free);
  g_ptr_array_add (self->series, series);

  return series;
}

static gboolean
is_group_line (const GrChartSeries *series)
{
  return series->kind == GR_CHART_SERIES_PARTICIPANT && !series->main;
}

/**
 * gr_chart_data_set_visibility:
 * @visibility: (nullable): what to hide; %NULL shows every series of a group of a dozen or
 *   fewer, the mean and the band of a larger one
 *
 * Marks the series @visibility hides. Only the group view's series can be hidden: the main
 * series of a participant's chart, its targets and the reference always show. In a group of
 * more than GR_CHART_MAX_PARTICIPANT_LINES, a participant's line shows only when named in
 * @visibility's shown_participants.
 */
void
gr_chart_data_set_visibility (GrChartData             *self,
                              const GrChartVisibility *visibility)
{
  guint n_lines = 0, undrawn = 0;
  gboolean on_demand;

  g_return_if_fail (self != NULL);

  for (guint s = 0; s < self->series->len; s++)
    n_lines += is_group_line (g_ptr_array_index (self->series, s));
  on_demand = n_lines > GR_CHART_MAX_PARTICIPANT_LINES;

  for (guint s = 0; s < self->series->len; s++)
    {
      GrChartSeries *series = g_ptr_array_index (self->series, s);

      series->hidden = FALSE;
      series->band_hidden = FALSE;
      if (series->kind == GR_CHART_SERIES_MEAN && visibility != NULL)
        {
          series->hidden = visibility->hide_mean;
          series->band_hidden = visibility->hide_band;
        }
      else if (is_group_line (series))
        {
          if (on_demand)
            series->hidden = visibility == NULL || visibility->shown_participants == NULL ||
                             !g_strv_contains (visibility->shown_participants, series->label);
          else
            series->hidden = visibility != NULL && visibility->hidden_participants != NULL &&
                             g_strv_contains (visibility->hidden_participants, series->label);
          undrawn += series->hidden;
        }
    }

  g_clear_pointer (&self->undrawn_label, g_free);
  if (undrawn > 0 && self->translator != NULL)
    /* Translators: in the chart's legend, the participants whose own line is not drawn (a
     * large group is drawn as its mean and band). */
    self->undrawn_label = g_strdup_printf (gr_translator_ngettext (self->translator,
                                                                   "%u participant non tracé",
                                                                   "%u participants non tracés",
                                                                   undrawn),
                                           undrawn);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  /* NULL and an empty list hide the same: nobody. */
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Whether @a and @b hide the same series (%NULL is the visibility that hides nothing). */
gboolean
gr_chart_visibility_equal (const GrChartVisibility *a,
                           const GrChartVisibility *b)
{
  static const GrChartVisibility all = { 0 };

  if (a == NULL)
    a = &all;
  if (b == NULL)
    b = &all;

  return !a->hide_mean == !b->hide_mean && !a->hide_band == !b->hide_band &&
         strv_equal (a->hidden_participants, b->hidden_participants) &&
         strv_equal (a->shown_participants, b->shown_participants);
}

static void
fill_participant (GrChartSeries *series,
                  GrParticipant *participant)
{
  GrGrid *grid = gr_participant_get_grid (participant);

  for (guint i = 0; i < gr_grid_get_n_competencies (grid); i++)
    {
      GrStats stats;

      if (gr_participant_get_competency_stats (participant, i, &stats))
        series->values[i] = stats.mean;
    }
}

/* The reference session may be on another grid, or an older version of it: its competencies are
 * matched by id, and an axis it does not have stays without a score. */
static void
fill_reference (GrChartSeries *series,
                GrGrid        *grid,
                GrSession     *reference,
                const char    *participant_name)
{
  GrGrid *ref_grid = gr_session_get_grid (reference);
  GrParticipant *ref_participant = NULL;

  if (participant_name != NULL)
    ref_participant = gr_session_find_participant (reference, participant_name, NULL);

  for (guint i = 0; i < gr_grid_get_n_competencies (grid); i++)
    {
      const char *id = gr_competency_get_id (gr_grid_get_competency (grid, i));
      guint position;
      GrStats stats;
      gboolean has;

      if (!gr_grid_find_competency (ref_grid, id, &position))
        continue;

      if (ref_participant != NULL)
        has = gr_participant_get_competency_stats (ref_participant, position, &stats);
      else
        has = gr_session_get_competency_stats (reference, position, &stats);

      /* A reference on another scale is brought to this one: 3 out of 10 is 1.2 out of 4. */
      if (has)
        series->values[i] = stats.mean * gr_grid_get_max_level (grid)
                            / gr_grid_get_max_level (ref_grid);
    }
}

static char *
format_score (GrTranslator *translator,
              double        value)
{
  gboolean comma = gr_format_uses_decimal_comma (translator);

  /* Whole levels read better without ",0". */
  if (fabs (value - round (value)) < 0.005)
    return gr_format_decimal (value, 0, comma);
  return gr_format_decimal (value, 1, comma);
}

/* A figure of the description (the SVG's <desc>, what screen readers say): two decimals,
 * the same figures as the CSV's. */
static char *
format_figure (GrTranslator *translator,
               double        value)
{
  return gr_format_decimal (value, 2, gr_format_uses_decimal_comma (translator));
}

static char *
escape_percent (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "%", -1);

  return g_strjoinv ("%%", parts);
}

static char *
describe (GrChartData   *self,
          GrTranslator  *translator,
          GrParticipant *participant,
          guint          n_group)
{
  GrChartSeries *main_series = self->series->len > 0 ? g_ptr_array_index (self->series, 0) : NULL;
  GString *text = g_string_new (NULL);

  if (main_series == NULL)
    g_string_append_printf (text,
                            /* Translators: the chart's description for screen readers when
                             * the session has nobody in it; %d is the scale's top level. */
                            gr_translator_gettext (translator,
                                                   N_("Graphique en radar sans participant, "
                                                      "échelle de 0 à %d.")),
                            self->max_level);
  else if (main_series->kind == GR_CHART_SERIES_MEAN)
    g_string_append_printf (text,
                            /* Translators: %u is a number of participants, %d the scale's
                             * top level. */
                            gr_translator_gettext (translator,
                                                   N_("Graphique en radar : moyenne d’un groupe "
                                                      "de %u participants, échelle de 0 à %d.")),
                            n_group, self->max_level);
  else
    {
      /* The name goes in first, for French elision ("scores d’Amélie"); a "%" in it must not
       * be read as a conversion by the printf that puts the scale's top level in. */
      g_autofree char *escaped = escape_percent (main_series->label);
      g_autofree char *format =
        gr_format_with_name (translator,
                             /* Translators: %s is the participant's name, %d the scale's top
                              * level. */
                             gr_translator_gettext (translator,
                                                    N_("Graphique en radar : scores de %s, "
                                                       "échelle de 0 à %d.")),
                             escaped);

      g_string_append_printf (text, format, self->max_level);
    }

  for (guint i = 0; i < self->n_axes; i++)
    {
      double value = main_series ? main_series->values[i] : NAN;

      g_string_append_c (text, '\n');
      if (isnan (value))
        {
          /* Translators: a competency with nothing assessed; %s is its title. */
          g_string_append_printf (text, gr_translator_gettext (translator, N_("%s : non évalué.")),
                                  self->titles[i]);
        }
      else if (main_series->low != NULL)
        {
          g_autofree char *mean = format_figure (translator, value);
          g_autofree char *low = format_figure (translator, main_series->low[i]);
          g_autofree char *high = format_figure (translator, main_series->high[i]);

          g_string_append_printf (text,
                                  /* Translators: a competency's title, the group's mean, the
                                   * scale's top level, then the lowest and highest scores. */
                                  gr_translator_gettext (translator,
                                                         N_("%s : moyenne %s sur %d, "
                                                            "de %s à %s.")),
                                  self->titles[i], mean, self->max_level, low, high);
        }
      else
        {
          g_autofree char *score = format_figure (translator, value);

          /* Translators: a competency's title, its score and the scale's top level. */
          g_string_append_printf (text, gr_translator_gettext (translator, N_("%s : %s sur %d.")),
                                  self->titles[i], score, self->max_level);
        }

      if (participant != NULL && gr_participant_get_target (participant, i) != GR_LEVEL_NONE)
        g_string_append_printf (text,
                                /* Translators: appended to a competency's score. */
                                gr_translator_gettext (translator, N_(" Objectif : %d.")),
                                gr_participant_get_target (participant, i));
    }

  return g_string_free (text, FALSE);
}

/**
 * gr_chart_data_get_reference_name:
 * @references: (element-type GrSession): the earlier sessions compared with
 *
 * Returns: (transfer full): what the earlier session at @index is called, on a chart and in
 *   tables: its month and year ("mars 2025"), the whole date when two references share a
 *   month, else its title, else what it is.
 */
char *
gr_chart_data_get_reference_name (GrTranslator *translator,
                                  GPtrArray    *references,
                                  guint         index)
{
  GrSession *reference = g_ptr_array_index (references, index);
  const char *date = gr_session_get_date (reference);
  const char *title = gr_session_get_title (reference);
  g_autofree char *month = gr_format_month_year (translator, date);

  if (month != NULL)
    {
      for (guint k = 0; k < references->len; k++)
        {
          g_autofree char *other = NULL;

          if (k == index)
            continue;
          other = gr_format_month_year (translator,
                                        gr_session_get_date (g_ptr_array_index (references, k)));
          if (g_strcmp0 (other, month) == 0)
            return gr_format_date_long (translator, date);
        }
      return g_steal_pointer (&month);
    }
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_strdup (gr_translator_gettext (translator, N_("session précédente")));
}

/* Each earlier session as a thin dated line in its own style, oldest first as given. */
static void
add_references (GrChartData   *self,
                GrGrid        *grid,
                GrTranslator  *translator,
                GrParticipant *participant,
                GPtrArray     *references)
{
  for (guint k = 0; k < MIN (references->len, GR_CHART_MAX_REFERENCES); k++)
    {
      GrSession *reference = g_ptr_array_index (references, k);
      g_autofree char *name = gr_chart_data_get_reference_name (translator, references, k);
      g_autofree char *label = NULL;
      GrChartSeries *series;

      /* When the earlier session does not have the participant drawn, its group is. */
      if (participant != NULL &&
          !gr_session_find_participant (reference, gr_participant_get_name (participant), NULL))
        /* Translators: the legend of an earlier session whose group mean is drawn because it
         * does not have the participant shown; %s is its month and year ("mars 2025"). */
        label = g_strdup_printf (gr_translator_gettext (translator, N_("%s (moyenne du groupe)")),
                                 name);
      else
        label = g_steal_pointer (&name);
      series = gr_chart_data_add_series (self, GR_CHART_SERIES_REFERENCE, label);
      series->style = k;
      fill_reference (series, grid, reference,
                      participant ? gr_participant_get_name (participant) : NULL);
    }
}

/* What every chart of @session has, whatever its series: the axes' titles, the levels' names,
 * the words for "not assessed" and the band, the title. */
static void
fill_frame (GrChartData  *self,
            GrSession    *session,
            GrTranslator *translator,
            gboolean      show_title)
{
  GrGrid *grid = gr_session_get_grid (session);

  self->translator = translator;
  for (guint i = 0; i < self->n_axes; i++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, i);
      const char *subtitle = gr_competency_get_subtitle (competency);

      self->titles[i] = g_strdup (gr_translator_grid (translator,
                                                      gr_competency_get_title (competency)));
      self->subtitles[i] = g_strdup (subtitle && *subtitle
                                     ? gr_translator_grid (translator, subtitle) : "");
    }
  for (int l = 0; l <= self->max_level; l++)
    {
      GrLevel *level = gr_grid_get_level (grid, l);

      self->level_names[l] = g_strdup (level ? gr_translator_grid (translator,
                                                                   gr_level_get_name (level))
                                             : "");
    }

  g_free (self->not_assessed);
  /* Translators: written at a competency's label when nothing in it was assessed. */
  self->not_assessed = g_strdup (gr_translator_gettext (translator, N_("non évalué")));
  /* Translators: the legend of the band between the group's lowest and highest scores. */
  g_free (self->band_label);
  self->band_label = g_strdup (gr_translator_gettext (translator,
                                                      N_("Du plus bas au plus haut")));

  self->rtl = gr_translator_is_rtl (translator);

  if (show_title)
    self->title = gr_format_title_and_date (translator, gr_session_get_title (session),
                                            gr_session_get_date (session));
}

static char *
describe_by_role (GrChartData  *self,
                  GrTranslator *translator,
                  GPtrArray    *groups)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          /* Translators: the by-role chart's description for screen readers;
                           * %u is a number of roles, %d the scale's top level. */
                          gr_translator_ngettext (translator,
                                                  "Graphique en radar par rôle : %u rôle, "
                                                  "échelle de 0 à %d.",
                                                  "Graphique en radar par rôle : %u rôles, "
                                                  "échelle de 0 à %d.", groups->len),
                          groups->len, self->max_level);

  for (guint i = 0; i < self->n_axes; i++)
    {
      GrRoleGap gap;

      g_string_append_c (text, '\n');
      /* Translators: a competency's title, then each role's score follows. */
      g_string_append_printf (text, gr_translator_gettext (translator, N_("%s :")),
                              self->titles[i]);
      for (guint g = 0; g < groups->len; g++)
        {
          GrChartSeries *series = g_ptr_array_index (self->series, g);
          g_autofree char *score = isnan (series->values[i])
                                   ? g_strdup (self->not_assessed)
                                   : format_score (translator, series->values[i]);

          g_string_append_c (text, ' ');
          /* Translators: a role ("Élu·e·s (3)") and its score, in a list. */
          g_string_append_printf (text, gr_translator_gettext (translator, N_("%s %s ;")),
                                  series->label, score);
        }
      if (gr_roles_get_largest_gap (groups, i, &gap))
        {
          g_autofree char *value = format_score (translator, gap.gap);

          g_string_append_c (text, ' ');
          /* Translators: the largest difference between two roles' scores. */
          g_string_append_printf (text, gr_translator_gettext (translator,
                                                               N_("écart le plus grand %s.")),
                                  value);
        }
      else
        {
          g_string_append_c (text, ' ');
          /* Translators: fewer than two roles have a score for this competency. */
          g_string_append (text, gr_translator_gettext (translator,
                                                        N_("pas d’écart à mesurer.")));
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * gr_chart_data_new_by_role:
 * @references: (nullable) (element-type GrSession): earlier sessions, as in
 *   gr_chart_data_new_from_sessions()
 *
 * One series per role ("Élu·e·s (3)"): the mean of its participants' competency scores. Each
 * axis's score is the largest gap between two roles.
 *
 * Returns: (transfer full): the chart's data.
 */
GrChartData *
gr_chart_data_new_by_role (GrSession    *session,
                           GrTranslator *translator,
                           gboolean      show_title,
                           GPtrArray    *references)
{
  g_autoptr(GPtrArray) groups = NULL;
  GrChartData *self;
  GrGrid *grid;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (translator != NULL, NULL);

  grid = gr_session_get_grid (session);
  self = gr_chart_data_new (gr_grid_get_n_competencies (grid), gr_grid_get_max_level (grid));
  fill_frame (self, session, translator, show_title);

  groups = gr_roles_group_session (session);
  for (guint g = 0; g < groups->len; g++)
    {
      GrRoleGroup *group = g_ptr_array_index (groups, g);
      g_autofree char *label = gr_role_group_get_label (group, translator);
      GrChartSeries *series = gr_chart_data_add_series (self, GR_CHART_SERIES_ROLE, label);

      series->style = g;
      for (guint i = 0; i < self->n_axes; i++)
        if (gr_stats_has_score (&group->stats[i]))
          {
            series->values[i] = group->stats[i].mean;
            self->assessed[i] = TRUE;
          }
    }

  self->scores = g_new0 (char *, self->n_axes);
  for (guint i = 0; i < self->n_axes; i++)
    {
      GrRoleGap gap;

      if (gr_roles_get_largest_gap (groups, i, &gap))
        {
          g_autofree char *value = format_score (translator, gap.gap);

          /* Translators: written at a competency's label on the by-role chart: the largest
           * difference between two roles' scores. */
          self->scores[i] = g_strdup_printf (gr_translator_gettext (translator, N_("écart %s")),
                                             value);
        }
    }

  g_free (self->description);
  self->description = describe_by_role (self, translator, groups);

  if (references != NULL)
    add_references (self, grid, translator, NULL, references);

  return self;
}

/**
 * gr_chart_data_new_from_session:
 * @reference: (nullable): an earlier session drawn for comparison
 *
 * The same as gr_chart_data_new_from_sessions() with one earlier session, or none.
 */
GrChartData *
gr_chart_data_new_from_session (GrSession     *session,
                                GrTranslator  *translator,
                                GrParticipant *participant,
                                gboolean       show_participants,
                                gboolean       show_title,
                                GrSession     *reference)
{
  g_autoptr(GPtrArray) references = g_ptr_array_new ();

  if (reference != NULL)
    g_ptr_array_add (references, reference);
  return gr_chart_data_new_from_sessions (session, translator, participant, show_participants,
                                          show_title, references);
}

/**
 * gr_chart_data_new_from_sessions:
 * @participant: (nullable): the participant to draw, or %NULL for the group (or the only
 *   participant when there is one)
 * @show_participants: in the group view, draw each participant as a thin line
 * @references: (nullable) (element-type GrSession): up to GR_CHART_MAX_REFERENCES earlier
 *   sessions drawn for comparison, each as a thin dated line; more are left out
 *
 * Returns: (transfer full): the chart's data.
 */
GrChartData *
gr_chart_data_new_from_sessions (GrSession     *session,
                                 GrTranslator  *translator,
                                 GrParticipant *participant,
                                 gboolean       show_participants,
                                 gboolean       show_title,
                                 GPtrArray     *references)
{
  GrGrid *grid;
  GrChartData *self;
  GrChartSeries *main_series = NULL;
  guint n_participants;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (translator != NULL, NULL);

  grid = gr_session_get_grid (session);
  n_participants = gr_session_get_n_participants (session);
  self = gr_chart_data_new (gr_grid_get_n_competencies (grid), gr_grid_get_max_level (grid));

  fill_frame (self, session, translator, show_title);

  if (participant == NULL && n_participants == 1)
    participant = gr_session_get_participant (session, 0);

  if (participant != NULL)
    {
      main_series = gr_chart_data_add_series (self, GR_CHART_SERIES_PARTICIPANT,
                                              gr_participant_get_name (participant));
      fill_participant (main_series, participant);
    }
  else if (n_participants > 1)
    {
      main_series = gr_chart_data_add_series (self, GR_CHART_SERIES_MEAN,
                                              gr_translator_gettext (translator,
                                                                     N_("Moyenne du groupe")));
      main_series->low = g_new (double, self->n_axes);
      main_series->high = g_new (double, self->n_axes);
      for (guint i = 0; i < self->n_axes; i++)
        {
          GrStats stats;

          main_series->low[i] = main_series->high[i] = NAN;
          if (gr_session_get_competency_stats (session, i, &stats))
            {
              main_series->values[i] = stats.mean;
              main_series->low[i] = stats.min;
              main_series->high[i] = stats.max;
            }
        }
    }

  if (main_series != NULL)
    {
      main_series->main = TRUE;
      self->scores = g_new0 (char *, self->n_axes);
      for (guint i = 0; i < self->n_axes; i++)
        {
          self->assessed[i] = !isnan (main_series->values[i]);
          if (self->assessed[i])
            self->scores[i] = format_score (translator, main_series->values[i]);
        }
    }

  if (participant != NULL)
    {
      GrChartSeries *targets = NULL;

      for (guint i = 0; i < self->n_axes; i++)
        {
          int target = gr_participant_get_target (participant, i);

          if (target == GR_LEVEL_NONE)
            continue;
          if (targets == NULL)
            targets = gr_chart_data_add_series (self, GR_CHART_SERIES_TARGET,
                                                gr_translator_gettext (translator,
                                                                       N_("Objectifs")));
          targets->values[i] = target;
        }
    }
  else if (n_participants > 1 && show_participants)
    {
      for (guint p = 0; p < n_participants; p++)
        {
          GrParticipant *other = gr_session_get_participant (session, p);
          GrChartSeries *series;

          series = gr_chart_data_add_series (self, GR_CHART_SERIES_PARTICIPANT,
                                             gr_participant_get_name (other));
          series->style = p;
          fill_participant (series, other);
        }
    }

  if (references != NULL)
    add_references (self, grid, translator, participant, references);

  g_free (self->description);
  /* The group counts those who assessed something: the others are in no mean, min or max. */
  {
    guint n_group = 0;

    for (guint p = 0; p < n_participants; p++)
      if (gr_participant_count_assessed (gr_session_get_participant (session, p)) > 0)
        n_group++;
    self->description = describe (self, translator, participant, n_group);
  }
  /* A large group: its mean and band, until lines are asked for. */
  gr_chart_data_set_visibility (self, NULL);

  return self;
}
