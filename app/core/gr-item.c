/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One savoir-faire of a grid: its stable id, its text and where it stands in the grid. */
#define G_LOG_DOMAIN "gr-item"

#include "config.h"

#include "gr-grid-private.h"

struct _GrItem
{
  GObject parent_instance;
  char   *id;
  char   *text;
  guint   index;
  guint   competency_index;
};

G_DEFINE_FINAL_TYPE (GrItem, gr_item, G_TYPE_OBJECT)

static void
gr_item_finalize (GObject *object)
{
  GrItem *self = (GrItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (gr_item_parent_class)->finalize (object);
}

static void
gr_item_class_init (GrItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gr_item_finalize;
}

static void
gr_item_init (GrItem *self)
{
}

GrItem *
gr_item_new (const char *id,
             const char *text,
             guint       index,
             guint       competency_index)
{
  GrItem *self = g_object_new (GR_TYPE_ITEM, NULL);

  self->id = g_strdup (id);
  self->text = g_strdup (text);
  self->index = index;
  self->competency_index = competency_index;

  return self;
}

const char *
gr_item_get_id (GrItem *self)
{
  g_return_val_if_fail (GR_IS_ITEM (self), NULL);
  return self->id;
}

const char *
gr_item_get_text (GrItem *self)
{
  g_return_val_if_fail (GR_IS_ITEM (self), NULL);
  return self->text;
}

/* The item's position among all the grid's items, in grid order. */
guint
gr_item_get_index (GrItem *self)
{
  g_return_val_if_fail (GR_IS_ITEM (self), 0);
  return self->index;
}

guint
gr_item_get_competency_index (GrItem *self)
{
  g_return_val_if_fail (GR_IS_ITEM (self), 0);
  return self->competency_index;
}
