/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One step of a competency's action plan: what will be done, by whom, by when, and whether it is
 * done. The session keeps the actions in one list per competency. */
#define G_LOG_DOMAIN "gr-action"

#include "config.h"

#include <stdio.h>

#include "gr-action.h"
#include "gr-types.h"

struct _GrAction
{
  GObject   parent_instance;
  char     *text;
  char     *owner;
  char     *due;    /* YYYY-MM-DD, or "" */
  gboolean  done;
};

G_DEFINE_FINAL_TYPE (GrAction, gr_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_OWNER,
  PROP_DUE,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gr_action_finalize (GObject *object)
{
  GrAction *self = (GrAction *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due, g_free);

  G_OBJECT_CLASS (gr_action_parent_class)->finalize (object);
}

static void
gr_action_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GrAction *self = GR_ACTION (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_action_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GrAction *self = GR_ACTION (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      gr_action_set_text (self, g_value_get_string (value));
      break;
    case PROP_OWNER:
      gr_action_set_owner (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      gr_action_set_due (self, g_value_get_string (value));
      break;
    case PROP_DONE:
      gr_action_set_done (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_action_class_init (GrActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gr_action_finalize;
  object_class->get_property = gr_action_get_property;
  object_class->set_property = gr_action_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The date as YYYY-MM-DD, or "" when none was given. */
  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_action_init (GrAction *self)
{
  self->text = g_strdup ("");
  self->owner = g_strdup ("");
  self->due = g_strdup ("");
}

GrAction *
gr_action_new (void)
{
  return g_object_new (GR_TYPE_ACTION, NULL);
}

GrAction *
gr_action_copy (GrAction *self)
{
  g_return_val_if_fail (GR_IS_ACTION (self), NULL);

  return g_object_new (GR_TYPE_ACTION, "text", self->text, "owner", self->owner,
                       "due", self->due, "done", self->done, NULL);
}

gboolean
gr_action_equal (GrAction *self,
                 GrAction *other)
{
  g_return_val_if_fail (GR_IS_ACTION (self), FALSE);
  g_return_val_if_fail (GR_IS_ACTION (other), FALSE);

  return g_str_equal (self->text, other->text) && g_str_equal (self->owner, other->owner) &&
         g_str_equal (self->due, other->due) && self->done == other->done;
}

const char *
gr_action_get_text (GrAction *self)
{
  g_return_val_if_fail (GR_IS_ACTION (self), NULL);
  return self->text;
}

static void
set_string (GrAction    *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (gr_set_str (field, value ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
gr_action_set_text (GrAction   *self,
                    const char *text)
{
  g_return_if_fail (GR_IS_ACTION (self));
  set_string (self, &self->text, text, PROP_TEXT);
}

const char *
gr_action_get_owner (GrAction *self)
{
  g_return_val_if_fail (GR_IS_ACTION (self), NULL);
  return self->owner;
}

void
gr_action_set_owner (GrAction   *self,
                     const char *owner)
{
  g_return_if_fail (GR_IS_ACTION (self));
  set_string (self, &self->owner, owner, PROP_OWNER);
}

/* Returns: the due date as YYYY-MM-DD, or "" when there is none. */
const char *
gr_action_get_due (GrAction *self)
{
  g_return_val_if_fail (GR_IS_ACTION (self), NULL);
  return self->due;
}

/* @due: a date as YYYY-MM-DD (gr_is_valid_date), or "" or NULL for none. */
void
gr_action_set_due (GrAction   *self,
                   const char *due)
{
  g_return_if_fail (GR_IS_ACTION (self));
  g_return_if_fail (due == NULL || *due == '\0' || gr_is_valid_date (due));
  set_string (self, &self->due, due, PROP_DUE);
}

gboolean
gr_action_get_done (GrAction *self)
{
  g_return_val_if_fail (GR_IS_ACTION (self), FALSE);
  return self->done;
}

void
gr_action_set_done (GrAction *self,
                    gboolean  done)
{
  g_return_if_fail (GR_IS_ACTION (self));

  done = !!done;
  if (self->done == done)
    return;

  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

/* Whether the action is not done and its due date is before @today (YYYY-MM-DD): ISO dates
 * compare as strings. */
gboolean
gr_action_is_overdue (GrAction   *self,
                      const char *today)
{
  g_return_val_if_fail (GR_IS_ACTION (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return !self->done && *self->due != '\0' && strcmp (self->due, today) < 0;
}

/* Returns: (transfer full): today's date in local time, as YYYY-MM-DD. */
char *
gr_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Whether @date is a real day written YYYY-MM-DD (not 2026-02-30, not 2026-2-3). */
gboolean
gr_is_valid_date (const char *date)
{
  int y, m, d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  return y >= 1 && g_date_valid_dmy (d, m, y);
}
