/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The radar chart on screen: the same layout and Cairo back end as the exports, at the
 * widget's size and in the theme's colours, redrawn as the session changes. */
#define G_LOG_DOMAIN "gr-chart-view"

#include "config.h"

#include "gr-chart-cairo.h"
#include "gr-chart-data.h"
#include "gr-chart-layout.h"
#include "gr-chart-view.h"
#include "gr-i18n.h"

struct _GrChartView
{
  GtkWidget      parent_instance;

  GrSession     *session;
  GrParticipant *participant;
  gboolean       show_participants;
  gboolean       show_title;
  gboolean       show_mean;
  gboolean       show_band;
  char         **hidden_participants;  /* names; NULL: nobody */
  char         **shown_participants;   /* a large group: the lines drawn, by name */
  GrSession     *reference;
  GPtrArray     *references;  /* more earlier sessions (GrSession), or NULL */
  gboolean       by_role;

  GrChartData   *data;
  GrChartLayout *layout;       /* kept while the size and the style stay the same */
  GrChartLayout *frame;        /* the layout before the data last changed: its rings, labels
                                * and legend serve again when only the series moved */
  GrChartStyle   layout_style;
  char          *layout_family;
  gboolean       participant_changed;  /* the session's "changed" that follows is handled */
};

G_DEFINE_FINAL_TYPE (GrChartView, gr_chart_view, GTK_TYPE_WIDGET)

/* Every chart view alive (main thread only), so that a switch of language reaches each one at
 * once, on the page shown as on the others and in the projector. */
static GList *views;

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PARTICIPANT,
  PROP_SHOW_PARTICIPANTS,
  PROP_SHOW_TITLE,
  PROP_SHOW_MEAN,
  PROP_SHOW_BAND,
  PROP_HIDDEN_PARTICIPANTS,
  PROP_SHOWN_PARTICIPANTS,
  PROP_REFERENCE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GrChartData *
make_data (GrChartView *self)
{
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  GrChartVisibility visibility;
  GrChartData *data;

  if (self->reference != NULL)
    g_ptr_array_add (references, self->reference);
  if (self->references != NULL)
    g_ptr_array_extend (references, self->references, NULL, NULL);
  if (self->by_role)
    data = gr_chart_data_new_by_role (self->session, gr_translator_get (NULL),
                                      self->show_title, references);
  else
    data = gr_chart_data_new_from_sessions (self->session, gr_translator_get (NULL),
                                            self->participant, self->show_participants,
                                            self->show_title, references);
  gr_chart_view_get_visibility (self, &visibility);
  gr_chart_data_set_visibility (data, &visibility);
  return data;
}

static void get_style (GrChartView  *self,
                       GrChartStyle *style,
                       char        **family);

/* The first chart in a window that is being built: its fonts are loaded in a thread while the
 * window is shown (GTK's work, on this thread), rather than when the first frame is drawn. */
static void
prepare_fonts (GrChartView *self)
{
  static gboolean asked;
  g_autofree char *family = NULL;
  GrChartStyle style;

  if (asked || gtk_widget_get_root (GTK_WIDGET (self)) == NULL ||
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  asked = TRUE;
  get_style (self, &style, &family);
  style.font_family = family;
  gr_chart_layout_prepare (make_data (self), &style);
}

/* The data follow the model at once, so that the accessible description is right as soon as
 * a score changes; the layout waits for the next frame. */
static void
invalidate (GrChartView *self)
{
  if (self->layout != NULL)
    {
      g_clear_pointer (&self->frame, gr_chart_layout_free);
      self->frame = g_steal_pointer (&self->layout);
    }
  g_clear_pointer (&self->data, gr_chart_data_free);

  if (self->session != NULL)
    {
      self->data = make_data (self);
      prepare_fonts (self);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gr_chart_view_get_description (self),
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_session_changed (GrChartView *self)
{
  /* A participant's change is followed by the session's "changed": it was seen already. */
  if (self->participant_changed)
    {
      self->participant_changed = FALSE;
      return;
    }
  invalidate (self);
}

static void
on_participant_changed (GrChartView   *self,
                        GrParticipant *participant,
                        int            kind,
                        guint          index)
{
  self->participant_changed = TRUE;
  /* Notes do not show on the chart: a keystroke in a note draws nothing again. */
  if (kind != GR_PARTICIPANT_CHANGE_NOTE)
    invalidate (self);
}

static void
on_participants_changed (GrChartView *self,
                         guint        position,
                         guint        removed,
                         guint        added)
{
  /* The participant shown was taken out of the session: show the group instead. */
  if (self->participant != NULL &&
      !gr_session_find_participant (self->session,
                                    gr_participant_get_name (self->participant), NULL))
    gr_chart_view_set_participant (self, NULL);
  else
    invalidate (self);
}

static gboolean
lookup_color (GtkStyleContext *context,
              const char      *name,
              GrChartColor    *color)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    return FALSE;
  *color = (GrChartColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
  return TRUE;
}

/* The chart in the theme's colours and font; the background stays the widget's own. */
static void
get_style (GrChartView  *self,
           GrChartStyle *style,
           char        **family)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  GdkRGBA fg;
  double luminance;

  gr_chart_style_init_default (style);

  gtk_style_context_get_color (context, &fg);
  style->foreground = (GrChartColor) { fg.red, fg.green, fg.blue, fg.alpha };
  style->grid = (GrChartColor) { fg.red, fg.green, fg.blue, fg.alpha * 0.55 };
  if (!lookup_color (context, "view_bg_color", &style->background) &&
      !lookup_color (context, "window_bg_color", &style->background) &&
      !lookup_color (context, "theme_base_color", &style->background))
    style->background = (GrChartColor) { 1, 1, 1, 1 };
  /* The widget draws on its parent's background: the colour only serves the text halos. */
  style->background.alpha = 0;

  luminance = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue;
  style->dark = luminance > 0.5;
  if (style->dark)
    {
      /* Lighter tones of the same colour-blind-safe palette read better on a dark background. */
      style->main = (GrChartColor) { 0.337, 0.706, 0.914, 1 };
      style->target = (GrChartColor) { 0.902, 0.624, 0.000, 1 };
      style->reference = (GrChartColor) { 0.75, 0.75, 0.75, 1 };
    }

  *family = NULL;
  if (font != NULL)
    {
      double size = (double) pango_font_description_get_size (font) / PANGO_SCALE;

      if (!pango_font_description_get_size_is_absolute (font))
        size *= 96.0 / 72.0;
      if (size > 0)
        style->font_size = size;
      *family = g_strdup (pango_font_description_get_family (font));
    }
}

static gboolean
same_style (const GrChartStyle *a,
            const GrChartStyle *b)
{
  return memcmp (&a->background, &b->background, sizeof (GrChartColor) * 6) == 0 &&
         a->dark == b->dark && a->font_size == b->font_size;
}

static void
gr_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GrChartView *self = GR_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *family = NULL;
  GrChartStyle style;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  get_style (self, &style, &family);
  style.font_family = family;

  if (self->layout != NULL &&
      (self->layout->width != width || self->layout->height != height ||
       !same_style (&style, &self->layout_style) || g_strcmp0 (family, self->layout_family) != 0))
    g_clear_pointer (&self->layout, gr_chart_layout_free);
  /* A score changed, or the participant for one with the same legend: the frame's labels
   * stay where they were laid out, only the series are placed again. */
  if (self->layout == NULL && self->frame != NULL &&
      gr_chart_layout_has_frame_for (self->frame, self->data, &style, width, height))
    {
      self->layout = g_steal_pointer (&self->frame);
      gr_chart_layout_set_series (self->layout, self->data);
    }
  if (self->layout == NULL)
    {
      self->layout = gr_chart_layout_new (self->data, &style, width, height);
      self->layout_style = style;
      self->layout_style.font_family = NULL;
      gr_set_str (&self->layout_family, family);
    }
  g_clear_pointer (&self->frame, gr_chart_layout_free);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gr_chart_cairo_draw (self->layout, cr);
  cairo_destroy (cr);
}

static void
gr_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 200;
  *natural = 480;
}

static void
gr_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (gr_chart_view_parent_class)->css_changed (widget, change);

  /* Colours or fonts may have changed (dark style, text scaling): the next frame redoes the
   * layout if they did. */
  gtk_widget_queue_draw (widget);
}

static void
disconnect_session (GrChartView *self)
{
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (gr_session_get_participants (self->session), self);
  g_clear_object (&self->session);
}

static void
gr_chart_view_dispose (GObject *object)
{
  GrChartView *self = (GrChartView *)object;

  disconnect_session (self);
  g_clear_object (&self->participant);
  g_clear_object (&self->reference);
  g_clear_pointer (&self->references, g_ptr_array_unref);

  G_OBJECT_CLASS (gr_chart_view_parent_class)->dispose (object);
}

static void
gr_chart_view_finalize (GObject *object)
{
  GrChartView *self = (GrChartView *)object;

  views = g_list_remove (views, self);

  g_clear_pointer (&self->layout, gr_chart_layout_free);
  g_clear_pointer (&self->frame, gr_chart_layout_free);
  g_clear_pointer (&self->data, gr_chart_data_free);
  g_clear_pointer (&self->layout_family, g_free);
  g_clear_pointer (&self->hidden_participants, g_strfreev);
  g_clear_pointer (&self->shown_participants, g_strfreev);

  G_OBJECT_CLASS (gr_chart_view_parent_class)->finalize (object);
}

static void
gr_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GrChartView *self = GR_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_PARTICIPANT:
      g_value_set_object (value, self->participant);
      break;
    case PROP_SHOW_PARTICIPANTS:
      g_value_set_boolean (value, self->show_participants);
      break;
    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, self->show_title);
      break;
    case PROP_SHOW_MEAN:
      g_value_set_boolean (value, self->show_mean);
      break;
    case PROP_SHOW_BAND:
      g_value_set_boolean (value, self->show_band);
      break;
    case PROP_HIDDEN_PARTICIPANTS:
      g_value_set_boxed (value, self->hidden_participants);
      break;
    case PROP_SHOWN_PARTICIPANTS:
      g_value_set_boxed (value, self->shown_participants);
      break;
    case PROP_REFERENCE:
      g_value_set_object (value, self->reference);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, gr_chart_view_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GrChartView *self = GR_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      gr_chart_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_PARTICIPANT:
      gr_chart_view_set_participant (self, g_value_get_object (value));
      break;
    case PROP_SHOW_PARTICIPANTS:
      gr_chart_view_set_show_participants (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_TITLE:
      gr_chart_view_set_show_title (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_MEAN:
      gr_chart_view_set_show_mean (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_BAND:
      gr_chart_view_set_show_band (self, g_value_get_boolean (value));
      break;
    case PROP_HIDDEN_PARTICIPANTS:
      gr_chart_view_set_hidden_participants (self, g_value_get_boxed (value));
      break;
    case PROP_SHOWN_PARTICIPANTS:
      gr_chart_view_set_shown_participants (self, g_value_get_boxed (value));
      break;
    case PROP_REFERENCE:
      gr_chart_view_set_reference (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_chart_view_class_init (GrChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_chart_view_dispose;
  object_class->finalize = gr_chart_view_finalize;
  object_class->get_property = gr_chart_view_get_property;
  object_class->set_property = gr_chart_view_set_property;

  widget_class->snapshot = gr_chart_view_snapshot;
  widget_class->measure = gr_chart_view_measure;
  widget_class->css_changed = gr_chart_view_css_changed;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARTICIPANT] =
    g_param_spec_object ("participant", NULL, NULL, GR_TYPE_PARTICIPANT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_PARTICIPANTS] =
    g_param_spec_boolean ("show-participants", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_MEAN] =
    g_param_spec_boolean ("show-mean", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_BAND] =
    g_param_spec_boolean ("show-band", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HIDDEN_PARTICIPANTS] =
    g_param_spec_boxed ("hidden-participants", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOWN_PARTICIPANTS] =
    g_param_spec_boxed ("shown-participants", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REFERENCE] =
    g_param_spec_object ("reference", NULL, NULL, GR_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gr_chart_view_init (GrChartView *self)
{
  self->show_participants = TRUE;
  self->show_mean = TRUE;
  self->show_band = TRUE;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: the radar chart's name for screen readers. */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Graphique en radar"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                  -1);
  views = g_list_prepend (views, self);
}

/**
 * gr_chart_view_get_layout:
 *
 * Returns: (transfer none) (nullable): the layout of the chart as last drawn, or %NULL when
 *   it has not been drawn since it last changed.
 */
const GrChartLayout *
gr_chart_view_get_layout (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), NULL);
  return self->layout;
}

/**
 * gr_chart_view_follow_language:
 *
 * Lays every chart view out again in the interface's language (gr_translator_get (NULL)):
 * its labels, legend and accessible description, at once.
 */
void
gr_chart_view_follow_language (void)
{
  for (GList *l = views; l; l = l->next)
    invalidate (l->data);
}

GtkWidget *
gr_chart_view_new (void)
{
  return g_object_new (GR_TYPE_CHART_VIEW, NULL);
}

GrSession *
gr_chart_view_get_session (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), NULL);

  return self->session;
}

void
gr_chart_view_set_session (GrChartView *self,
                           GrSession   *session)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));
  g_return_if_fail (session == NULL || GR_IS_SESSION (session));

  if (self->session == session)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  disconnect_session (self);
  if (self->participant != NULL)
    {
      g_clear_object (&self->participant);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT]);
    }

  if (session != NULL)
    {
      self->session = g_object_ref (session);
      /* "changed" covers the title, the date and the participants' scores and targets;
       * the list's items-changed tells when the participant shown goes away. */
      g_signal_connect_object (session, "changed",
                               G_CALLBACK (on_session_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "participant-changed",
                               G_CALLBACK (on_participant_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gr_session_get_participants (session), "items-changed",
                               G_CALLBACK (on_participants_changed), self, G_CONNECT_SWAPPED);
    }

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_thaw_notify (G_OBJECT (self));
}

GrParticipant *
gr_chart_view_get_participant (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), NULL);

  return self->participant;
}

/**
 * gr_chart_view_set_participant:
 * @participant: (nullable): a participant of the session, or %NULL for the group
 */
void
gr_chart_view_set_participant (GrChartView   *self,
                               GrParticipant *participant)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));
  g_return_if_fail (participant == NULL || GR_IS_PARTICIPANT (participant));

  if (!g_set_object (&self->participant, participant))
    return;

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT]);
}

gboolean
gr_chart_view_get_show_participants (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), FALSE);

  return self->show_participants;
}

/* In the group view, whether each participant is drawn as a thin line under the mean. */
void
gr_chart_view_set_show_participants (GrChartView *self,
                                     gboolean     show)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));

  show = !!show;
  if (self->show_participants == show)
    return;

  self->show_participants = show;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PARTICIPANTS]);
}

gboolean
gr_chart_view_get_show_title (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), FALSE);

  return self->show_title;
}

void
gr_chart_view_set_show_title (GrChartView *self,
                              gboolean     show)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));

  show = !!show;
  if (self->show_title == show)
    return;

  self->show_title = show;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
}

gboolean
gr_chart_view_get_show_mean (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), FALSE);

  return self->show_mean;
}

/* In the group view, whether the group's mean is drawn (its band is set apart). */
void
gr_chart_view_set_show_mean (GrChartView *self,
                             gboolean     show)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));

  show = !!show;
  if (self->show_mean == show)
    return;

  self->show_mean = show;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MEAN]);
}

gboolean
gr_chart_view_get_show_band (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), FALSE);

  return self->show_band;
}

/* In the group view, whether the band from the lowest score to the highest is drawn. */
void
gr_chart_view_set_show_band (GrChartView *self,
                             gboolean     show)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));

  show = !!show;
  if (self->show_band == show)
    return;

  self->show_band = show;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BAND]);
}

/* Returns: (transfer none) (nullable): the names of the participants whose line is hidden. */
const char * const *
gr_chart_view_get_hidden_participants (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), NULL);

  return (const char * const *) self->hidden_participants;
}

/**
 * gr_chart_view_set_hidden_participants:
 * @names: (nullable) (array zero-terminated=1): participants whose thin line the group view
 *   leaves out, by name
 */
void
gr_chart_view_set_hidden_participants (GrChartView        *self,
                                       const char * const *names)
{
  GrChartVisibility old = { 0 }, new = { 0 };

  g_return_if_fail (GR_IS_CHART_VIEW (self));

  old.hidden_participants = (const char * const *) self->hidden_participants;
  new.hidden_participants = names;
  if (gr_chart_visibility_equal (&old, &new))
    return;

  g_strfreev (self->hidden_participants);
  self->hidden_participants = names && names[0] ? g_strdupv ((char **) names) : NULL;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_PARTICIPANTS]);
}

/* Returns: (transfer none) (nullable): in a group of more than GR_CHART_MAX_PARTICIPANT_LINES,
 * the names of the participants whose line is drawn. */
const char * const *
gr_chart_view_get_shown_participants (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), NULL);

  return (const char * const *) self->shown_participants;
}

/**
 * gr_chart_view_set_shown_participants:
 * @names: (nullable) (array zero-terminated=1): in a group of more than
 *   GR_CHART_MAX_PARTICIPANT_LINES, the participants whose line is drawn over the mean and the
 *   band, by name
 */
void
gr_chart_view_set_shown_participants (GrChartView        *self,
                                      const char * const *names)
{
  GrChartVisibility old = { 0 }, new = { 0 };

  g_return_if_fail (GR_IS_CHART_VIEW (self));

  old.shown_participants = (const char * const *) self->shown_participants;
  new.shown_participants = names;
  if (gr_chart_visibility_equal (&old, &new))
    return;

  g_strfreev (self->shown_participants);
  self->shown_participants = names && names[0] ? g_strdupv ((char **) names) : NULL;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_PARTICIPANTS]);
}

/* Fills @visibility with what the chart hides; it points into @self's own list of names. */
void
gr_chart_view_get_visibility (GrChartView       *self,
                              GrChartVisibility *visibility)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));
  g_return_if_fail (visibility != NULL);

  visibility->hide_mean = !self->show_mean;
  visibility->hide_band = !self->show_band;
  visibility->hidden_participants = (const char * const *) self->hidden_participants;
  visibility->shown_participants = (const char * const *) self->shown_participants;
}

/* Returns: (transfer none) (nullable): the earlier session drawn for comparison. */
GrSession *
gr_chart_view_get_reference (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), NULL);

  if (self->reference == NULL && self->references != NULL && self->references->len > 0)
    return g_ptr_array_index (self->references, 0);
  return self->reference;
}

/**
 * gr_chart_view_set_references:
 * @references: (nullable) (element-type GrSession): earlier sessions drawn for comparison, up
 *   to GR_CHART_MAX_REFERENCES, each a thin dated line
 */
void
gr_chart_view_set_references (GrChartView *self,
                              GPtrArray   *references)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));

  g_clear_pointer (&self->references, g_ptr_array_unref);
  if (references != NULL)
    {
      self->references = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < references->len; i++)
        g_ptr_array_add (self->references, g_object_ref (references->pdata[i]));
    }
  invalidate (self);
}

/* One line per role ("Élu·e·s (3)") instead of the group or a participant. */
void
gr_chart_view_set_by_role (GrChartView *self,
                           gboolean     by_role)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));

  if (self->by_role == !!by_role)
    return;
  self->by_role = !!by_role;
  invalidate (self);
}

gboolean
gr_chart_view_get_by_role (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), FALSE);
  return self->by_role;
}

/**
 * gr_chart_view_set_reference:
 * @reference: (nullable): an earlier session drawn for comparison, or %NULL for none
 */
void
gr_chart_view_set_reference (GrChartView *self,
                             GrSession   *reference)
{
  g_return_if_fail (GR_IS_CHART_VIEW (self));
  g_return_if_fail (reference == NULL || GR_IS_SESSION (reference));

  /* The reference is read once and never edited: it needs no signal. */
  if (!g_set_object (&self->reference, reference))
    return;

  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

/**
 * gr_chart_view_get_description:
 *
 * Returns: the chart in words, each competency with its score, as screen readers get it.
 */
const char *
gr_chart_view_get_description (GrChartView *self)
{
  g_return_val_if_fail (GR_IS_CHART_VIEW (self), NULL);

  return self->data != NULL ? self->data->description : "";
}
