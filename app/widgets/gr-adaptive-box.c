/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two children side by side on a wide allocation, the second below the first on a narrow
 * one, and left out on one both narrow and short: the pages and the live chart. GTK 4.8 has no
 * breakpoints, so the box decides at each allocation, which never asks for a new layout pass. */
#define G_LOG_DOMAIN "gr-adaptive-box"

#include "config.h"

#include "gr-adaptive-box.h"

/* Below this width (in pixels, at the text scale of the theme) the chart goes under the page. */
#define WIDE_WIDTH     820
#define END_MIN        300
#define END_MAX        560
#define END_FRACTION   0.36
/* Narrow, the chart below must leave the page this much height, or it is not shown: the
 * savoir-faire come first (three of them on a 1024×768 screen). */
#define START_MIN_HEIGHT 480

struct _GrAdaptiveBox
{
  GtkWidget  parent_instance;
  GtkWidget *start;
  GtkWidget *end;
  gboolean   wide;
};

G_DEFINE_FINAL_TYPE (GrAdaptiveBox, gr_adaptive_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_START,
  PROP_END,
  PROP_WIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gr_adaptive_box_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GrAdaptiveBox *self = GR_ADAPTIVE_BOX (widget);
  int start_min = 0, start_nat = 0, end_min = 0, end_nat = 0;

  if (self->start && gtk_widget_get_parent (self->start) == widget &&
      gtk_widget_should_layout (self->start))
    gtk_widget_measure (self->start, orientation, -1, &start_min, &start_nat, NULL, NULL);
  if (self->end && gtk_widget_should_layout (self->end))
    gtk_widget_measure (self->end, orientation, -1, &end_min, &end_nat, NULL, NULL);

  /* Either way fits: the narrow layout stacks, so the minimum is the wider child alone. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? MAX (start_min, end_min)
                                                       : start_min + end_min;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? start_nat + end_nat
                                                       : MAX (start_nat, end_nat);
  *natural = MAX (*natural, *minimum);
}

static void
gr_adaptive_box_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GrAdaptiveBox *self = GR_ADAPTIVE_BOX (widget);
  gboolean end_shown = self->end && gtk_widget_should_layout (self->end);
  gboolean wide = width >= WIDE_WIDTH;

  if (end_shown)
    gtk_widget_set_child_visible (self->end, wide || height - END_MIN >= START_MIN_HEIGHT);

  if (!end_shown || !gtk_widget_get_child_visible (self->end))
    {
      if (self->start)
        gtk_widget_allocate (self->start, width, height, -1, NULL);
    }
  else if (wide)
    {
      int end_width = CLAMP ((int) (width * END_FRACTION), END_MIN, END_MAX);
      int start_x = 0;
      int end_x = width - end_width;

      /* Side by side in reading order: the chart goes to the left in a right-to-left
       * language. */
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        {
          start_x = end_width;
          end_x = 0;
        }
      gtk_widget_allocate (self->start, width - end_width, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (start_x, 0)));
      gtk_widget_allocate (self->end, end_width, height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (end_x, 0)));
    }
  else
    {
      int end_height = CLAMP (height * 2 / 5, MIN (END_MIN, height / 2), END_MAX);
      int start_min = 0;
      GskTransform *transform;

      gtk_widget_measure (self->start, GTK_ORIENTATION_VERTICAL, width, &start_min, NULL,
                          NULL, NULL);
      end_height = MIN (end_height, MAX (0, height - start_min));
      transform = gsk_transform_translate (NULL,
                                           &GRAPHENE_POINT_INIT (0, height - end_height));
      gtk_widget_allocate (self->start, width, height - end_height, -1, NULL);
      gtk_widget_allocate (self->end, width, end_height, -1, transform);
    }

  if (wide != self->wide)
    {
      self->wide = wide;
      if (self->end)
        {
          gtk_widget_remove_css_class (self->end, wide ? "below" : "beside");
          gtk_widget_add_css_class (self->end, wide ? "beside" : "below");
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDE]);
    }
}

/* The window's template may take a child away (dispose_template() unparents what it bound):
 * a weak pointer and a parent check keep the box from touching it afterwards. */
static void
drop_child (GrAdaptiveBox  *self,
            GtkWidget     **slot)
{
  GtkWidget *child = *slot;

  if (child == NULL)
    return;

  g_object_remove_weak_pointer (G_OBJECT (child), (gpointer *) slot);
  *slot = NULL;
  if (gtk_widget_get_parent (child) == GTK_WIDGET (self))
    gtk_widget_unparent (child);
}

static void
set_child (GrAdaptiveBox  *self,
           GtkWidget     **slot,
           GtkWidget      *child,
           GParamSpec     *pspec)
{
  if (*slot == child)
    return;

  drop_child (self, slot);
  if (child != NULL)
    {
      *slot = child;
      g_object_add_weak_pointer (G_OBJECT (child), (gpointer *) slot);
      if (slot == &self->start || self->start == NULL)
        gtk_widget_insert_after (child, GTK_WIDGET (self), NULL);
      else
        gtk_widget_insert_after (child, GTK_WIDGET (self), self->start);
    }
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
gr_adaptive_box_set_start (GrAdaptiveBox *self,
                           GtkWidget     *child)
{
  g_return_if_fail (GR_IS_ADAPTIVE_BOX (self));
  set_child (self, &self->start, child, properties[PROP_START]);
}

void
gr_adaptive_box_set_end (GrAdaptiveBox *self,
                         GtkWidget     *child)
{
  g_return_if_fail (GR_IS_ADAPTIVE_BOX (self));
  set_child (self, &self->end, child, properties[PROP_END]);
}

/* Whether the end child is beside the start child (TRUE) or below it. */
gboolean
gr_adaptive_box_is_wide (GrAdaptiveBox *self)
{
  g_return_val_if_fail (GR_IS_ADAPTIVE_BOX (self), FALSE);
  return self->wide;
}

static void
gr_adaptive_box_dispose (GObject *object)
{
  GrAdaptiveBox *self = GR_ADAPTIVE_BOX (object);

  drop_child (self, &self->start);
  drop_child (self, &self->end);

  G_OBJECT_CLASS (gr_adaptive_box_parent_class)->dispose (object);
}

static void
gr_adaptive_box_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GrAdaptiveBox *self = GR_ADAPTIVE_BOX (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_object (value, self->start);
      break;
    case PROP_END:
      g_value_set_object (value, self->end);
      break;
    case PROP_WIDE:
      g_value_set_boolean (value, self->wide);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_adaptive_box_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GrAdaptiveBox *self = GR_ADAPTIVE_BOX (object);

  switch (prop_id)
    {
    case PROP_START:
      gr_adaptive_box_set_start (self, g_value_get_object (value));
      break;
    case PROP_END:
      gr_adaptive_box_set_end (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_adaptive_box_class_init (GrAdaptiveBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_adaptive_box_dispose;
  object_class->get_property = gr_adaptive_box_get_property;
  object_class->set_property = gr_adaptive_box_set_property;
  widget_class->measure = gr_adaptive_box_measure;
  widget_class->size_allocate = gr_adaptive_box_size_allocate;

  properties[PROP_START] =
    g_param_spec_object ("start", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_object ("end", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDE] =
    g_param_spec_boolean ("wide", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gr_adaptive_box_init (GrAdaptiveBox *self)
{
}

GtkWidget *
gr_adaptive_box_new (void)
{
  return g_object_new (GR_TYPE_ADAPTIVE_BOX, NULL);
}
