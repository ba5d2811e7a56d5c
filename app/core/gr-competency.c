/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One competency of a grid: title, subtitle, introduction and its savoir-faire. */
#define G_LOG_DOMAIN "gr-competency"

#include "config.h"

#include "gr-grid-private.h"

struct _GrCompetency
{
  GObject    parent_instance;
  char      *id;
  char      *title;
  char      *subtitle;
  char      *introduction;
  guint      index;
  GPtrArray *items;
};

G_DEFINE_FINAL_TYPE (GrCompetency, gr_competency, G_TYPE_OBJECT)

static void
gr_competency_finalize (GObject *object)
{
  GrCompetency *self = (GrCompetency *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->introduction, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (gr_competency_parent_class)->finalize (object);
}

static void
gr_competency_class_init (GrCompetencyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gr_competency_finalize;
}

static void
gr_competency_init (GrCompetency *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

GrCompetency *
gr_competency_new (const char *id,
                   const char *title,
                   const char *subtitle,
                   const char *introduction,
                   guint       index)
{
  GrCompetency *self = g_object_new (GR_TYPE_COMPETENCY, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->introduction = g_strdup (introduction);
  self->index = index;

  return self;
}

void
gr_competency_add_item (GrCompetency *self,
                        GrItem       *item)
{
  g_ptr_array_add (self->items, g_object_ref (item));
}

const char *
gr_competency_get_id (GrCompetency *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY (self), NULL);
  return self->id;
}

/* The verb alone, in running-text case ("Coopérer"). */
const char *
gr_competency_get_title (GrCompetency *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY (self), NULL);
  return self->title;
}

const char *
gr_competency_get_subtitle (GrCompetency *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY (self), NULL);
  return self->subtitle;
}

const char *
gr_competency_get_introduction (GrCompetency *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY (self), NULL);
  return self->introduction;
}

guint
gr_competency_get_index (GrCompetency *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY (self), 0);
  return self->index;
}

guint
gr_competency_get_n_items (GrCompetency *self)
{
  g_return_val_if_fail (GR_IS_COMPETENCY (self), 0);
  return self->items->len;
}

GrItem *
gr_competency_get_item (GrCompetency *self,
                        guint         position)
{
  g_return_val_if_fail (GR_IS_COMPETENCY (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}
