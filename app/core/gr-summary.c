/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The grid and a session's scores as plain text for a terminal (grille --summary). Every text
 * stands whole on its own line, so that it can be searched and copied. */
#define G_LOG_DOMAIN "gr-summary"

#include "config.h"

#include "gr-format.h"
#include "gr-summary.h"

#define _T(msgid) gr_translator_gettext (tr, msgid)

static void
append_score (GString       *out,
              GrTranslator  *tr,
              const GrStats *stats,
              int            max_level,
              gboolean       band)
{
  g_autofree char *mean = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *score = NULL;
  g_autofree char *isolated = NULL;
  gboolean comma = gr_format_uses_decimal_comma (tr);

  if (!gr_stats_has_score (stats))
    {
      g_string_append (out, _T ("non évalué"));
      return;
    }

  mean = gr_format_decimal (stats->mean, 2, comma);
  /* Translators: a score out of the scale's top level, e.g. "2,50 / 4". */
  score = g_strdup_printf (_T ("%s / %d"), mean, max_level);
  isolated = gr_format_isolate (score, gr_translator_is_rtl (tr));
  g_string_append (out, isolated);
  if (band && stats->n > 1)
    {
      min = gr_format_decimal (stats->min, 2, comma);
      max = gr_format_decimal (stats->max, 2, comma);
      /* Translators: the lowest and highest participant scores. */
      g_string_append_printf (out, _T (" (de %s à %s)"), min, max);
    }
}

static void
append_level (GString      *out,
              GrTranslator *tr,
              GrGrid       *grid,
              int           level)
{
  if (level == GR_LEVEL_NONE)
    g_string_append (out, _T ("non évalué"));
  else
    g_string_append_printf (out, "%s (%d)",
                            gr_translator_grid (tr, gr_level_get_name (gr_grid_get_level (grid, level))),
                            level);
}

/* The competency's action plan, when it has one: each action on its own line, with its owner,
 * due date and state. */
static void
append_actions (GString      *out,
                GrTranslator *tr,
                GListModel   *actions)
{
  guint n = g_list_model_get_n_items (actions);

  if (n == 0)
    return;

  g_string_append_printf (out, "  %s\n", _T ("Plan d’action :"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GrAction) action = g_list_model_get_item (actions, i);

      g_string_append_printf (out, "    %s %s", gr_action_get_done (action) ? "☑" : "☐",
                              gr_action_get_text (action));
      if (*gr_action_get_owner (action))
        /* Translators: who carries out an action, in the summary. */
        g_string_append_printf (out, _T (" — responsable : %s"), gr_action_get_owner (action));
      if (*gr_action_get_due (action))
        /* Translators: an action's due date (YYYY-MM-DD), in the summary. */
        g_string_append_printf (out, _T (" — échéance : %s"), gr_action_get_due (action));
      if (gr_action_get_done (action))
        /* Translators: an action of the plan that has been carried out. */
        g_string_append_printf (out, " — %s", _T ("fait"));
      g_string_append_c (out, '\n');
    }
}

/**
 * gr_summary_write:
 * @session: the session, possibly without participants (the empty grid)
 * @translator: the language to write in
 *
 * Returns: (transfer full): the text, UTF-8, ending with a newline.
 */
char *
gr_summary_write (GrSession    *session,
                  GrTranslator *tr)
{
  GString *out = g_string_new (NULL);
  GrGrid *grid;
  guint n_participants;
  int max_level;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (tr != NULL, NULL);

  grid = gr_session_get_grid (session);
  n_participants = gr_session_get_n_participants (session);
  max_level = gr_grid_get_max_level (grid);

  g_string_append_printf (out, "%s\n", gr_translator_grid (tr, gr_grid_get_title (grid)));

  if (*gr_session_get_organisation (session))
    g_string_append_printf (out, "\n%s\n", gr_session_get_organisation (session));
  if (*gr_session_get_title (session) || *gr_session_get_date (session))
    {
      if (!*gr_session_get_organisation (session))
        g_string_append_c (out, '\n');
      g_string_append (out, gr_session_get_title (session));
      if (*gr_session_get_title (session) && *gr_session_get_date (session))
        g_string_append (out, " — ");
      g_string_append_printf (out, "%s\n", gr_session_get_date (session));
    }

  if (n_participants > 0)
    {
      /* Translators: before the list of the participants' names. */
      g_string_append_printf (out, gr_translator_ngettext (tr, "%u participant :",
                                                           "%u participants :", n_participants),
                              n_participants);
      g_string_append_c (out, ' ');
      for (guint p = 0; p < n_participants; p++)
        {
          GrParticipant *participant = gr_session_get_participant (session, p);

          g_string_append_printf (out, "%s%s", p ? ", " : "", gr_participant_get_name (participant));
          if (*gr_participant_get_role (participant))
            g_string_append_printf (out, " (%s)", gr_participant_get_role (participant));
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n%s\n", _T ("Échelle :"));
  for (guint l = 0; l < gr_grid_get_n_levels (grid); l++)
    {
      GrLevel *level = gr_grid_get_level (grid, l);

      g_string_append_printf (out, "  %d  %s — %s\n", gr_level_get_value (level),
                              gr_translator_grid (tr, gr_level_get_name (level)),
                              gr_translator_grid (tr, gr_level_get_description (level)));
    }

  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      g_autofree char *title = g_utf8_strup (gr_translator_grid (tr, gr_competency_get_title (competency)), -1);
      const char *subtitle = gr_translator_grid (tr, gr_competency_get_subtitle (competency));
      GrStats stats;

      g_string_append_printf (out, "\n%s", title);
      if (*subtitle)
        g_string_append_printf (out, " — %s", subtitle);
      g_string_append_c (out, '\n');

      if (n_participants > 0)
        {
          g_string_append_printf (out, "  %s ", n_participants > 1 ? _T ("Score du groupe :")
                                                                   : _T ("Score :"));
          gr_session_get_competency_stats (session, c, &stats);
          append_score (out, tr, &stats, max_level, TRUE);
          g_string_append_c (out, '\n');
        }

      for (guint i = 0; i < gr_competency_get_n_items (competency); i++)
        {
          GrItem *item = gr_competency_get_item (competency, i);
          guint index = gr_item_get_index (item);

          g_string_append_printf (out, "  • %s\n", gr_translator_grid (tr, gr_item_get_text (item)));

          if (n_participants == 1)
            {
              g_string_append (out, "      → ");
              append_level (out, tr, grid,
                            gr_participant_get_level (gr_session_get_participant (session, 0), index));
              g_string_append_c (out, '\n');
            }
          else
            for (guint p = 0; p < n_participants; p++)
              {
                GrParticipant *participant = gr_session_get_participant (session, p);

                g_string_append (out, "      → ");
                /* Translators: a participant's name before its level. */
                g_string_append_printf (out, _T ("%s : "), gr_participant_get_name (participant));
                append_level (out, tr, grid, gr_participant_get_level (participant, index));
                g_string_append_c (out, '\n');
              }
        }

      append_actions (out, tr, gr_session_get_actions (session, c));
    }

  return g_string_free (out, FALSE);
}
