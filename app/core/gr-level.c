/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One level of a grid's scale: its value, its name and the sentence that explains it. */
#define G_LOG_DOMAIN "gr-level"

#include "config.h"

#include "gr-grid-private.h"

struct _GrLevel
{
  GObject parent_instance;
  int     value;
  char   *name;
  char   *description;
};

G_DEFINE_FINAL_TYPE (GrLevel, gr_level, G_TYPE_OBJECT)

static void
gr_level_finalize (GObject *object)
{
  GrLevel *self = (GrLevel *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (gr_level_parent_class)->finalize (object);
}

static void
gr_level_class_init (GrLevelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gr_level_finalize;
}

static void
gr_level_init (GrLevel *self)
{
}

GrLevel *
gr_level_new (int         value,
              const char *name,
              const char *description)
{
  GrLevel *self = g_object_new (GR_TYPE_LEVEL, NULL);

  self->value = value;
  self->name = g_strdup (name);
  self->description = g_strdup (description);

  return self;
}

int
gr_level_get_value (GrLevel *self)
{
  g_return_val_if_fail (GR_IS_LEVEL (self), 0);
  return self->value;
}

const char *
gr_level_get_name (GrLevel *self)
{
  g_return_val_if_fail (GR_IS_LEVEL (self), NULL);
  return self->name;
}

const char *
gr_level_get_description (GrLevel *self)
{
  g_return_val_if_fail (GR_IS_LEVEL (self), NULL);
  return self->description;
}
