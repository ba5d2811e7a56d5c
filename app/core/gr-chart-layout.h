/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "gr-chart-data.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} GrChartColor;

/* How the chart looks, passed in by whoever draws it (the export or the widget's theme). */
typedef struct
{
  GrChartColor  background;      /* alpha 0: no background is painted */
  GrChartColor  foreground;      /* text */
  GrChartColor  grid;            /* rings and axes, drawn opaque in this colour */
  GrChartColor  main;            /* the main series */
  GrChartColor  target;
  GrChartColor  reference;
  gboolean      dark;            /* lighter participant colours, for a dark background */
  const char   *font_family;     /* NULL: the system's sans-serif */
  double        font_size;       /* in pixels; 0: follows the chart's size */
} GrChartStyle;

typedef struct
{
  double x, y;
} GrChartPoint;

typedef struct
{
  double x, y, width, height;
} GrChartRect;

typedef enum
{
  GR_CHART_MARKER_NONE,
  GR_CHART_MARKER_CIRCLE,
  GR_CHART_MARKER_SQUARE,
  GR_CHART_MARKER_TRIANGLE,
  GR_CHART_MARKER_DIAMOND,
  GR_CHART_MARKER_DOWN_TRIANGLE,
} GrChartMarker;

/* How one series is stroked: colour, width, dashes and marker, so that series differ by more
 * than colour. */
typedef struct
{
  GrChartColor   color;
  double         line_width;
  double         dashes[4];
  guint          n_dashes;
  GrChartMarker  marker;
  double         marker_size;    /* half the marker's width */
  double         fill_alpha;     /* 0: not filled */
} GrChartPen;

typedef enum
{
  GR_CHART_TEXT_TITLE,
  GR_CHART_TEXT_AXIS_TITLE,
  GR_CHART_TEXT_AXIS_SUBTITLE,
  GR_CHART_TEXT_NOT_ASSESSED,
  GR_CHART_TEXT_LEVEL,
  GR_CHART_TEXT_LEGEND,
  GR_CHART_TEXT_SCORE,           /* a competency's score in figures, under its title */
} GrChartTextKind;

/* A block of wrapped text in one font: the layout is drawn from (x, y); box is where its
 * logical extents land. */
typedef struct
{
  GrChartTextKind  kind;
  PangoLayout     *layout;
  double           x, y;
  GrChartRect      box;
  double           font_size;      /* pixels */
  PangoWeight      weight;
  PangoStyle       style;
  gboolean         muted;          /* drawn in a lighter tone */
  gboolean         halo;           /* a background-coloured outline keeps it readable on lines */
  int              axis;           /* the axis it labels, or -1 */
  char            *full_text;      /* a legend name shortened with "…": the whole name, or NULL */
} GrChartText;

typedef struct
{
  GrChartSeriesKind  kind;
  gboolean           main;
  GrChartPen         pen;
  GrChartPoint      *points;      /* one per axis; x is NAN where there is no score */
  GrChartPoint      *low;         /* the band's edges, or NULL */
  GrChartPoint      *high;
  GrChartColor       band_color;
} GrChartShape;

typedef struct
{
  GrChartPen    pen;
  gboolean      band;            /* a filled swatch for the min–max band */
  gboolean      note;            /* words only, no sample: the participants not drawn */
  GrChartColor  band_color;
  GrChartRect   sample;          /* where the line sample (or swatch) goes */
} GrChartLegendKey;

/* Where everything goes, in pixels of a width × height chart; drawn by the back ends. */
typedef struct
{
  double         width, height;
  GrChartStyle   style;
  char          *font_family;
  double         font_size;
  double         unit;           /* the basic line width */
  double         margin;         /* nothing is drawn nearer than this to the edges */

  guint          n_axes;
  int            max_level;
  GrChartPoint   center;
  double         radius;         /* of the top level's ring */
  double         grid_width;
  double        *angles;         /* n_axes, radians, clockwise from straight up */
  GrChartRect   *label_boxes;    /* n_axes: each axis label's whole box */
  GrChartRect    title_box;      /* empty when there is no title */
  GrChartRect    legend_box;     /* empty when there is no legend */
  gboolean       show_subtitles;
  gboolean       show_level_names;
  gboolean       rtl;            /* labels read from right to left: aligned to the right */

  GArray        *texts;          /* GrChartText, in drawing order */
  GArray        *shapes;         /* GrChartShape, in drawing order (the main series last) */
  GArray        *legend;         /* GrChartLegendKey */

  char          *band_label;
  char          *title;          /* for the SVG's <title> */
  char          *description;    /* for its <desc> */
  char          *frame_key;      /* what all but the series were laid out from */
} GrChartLayout;

void           gr_chart_style_init_default (GrChartStyle        *style);
double         gr_chart_axis_angle         (guint                n_axes,
                                            guint                axis);
GrChartPoint   gr_chart_point_at           (GrChartPoint         center,
                                            double               radius,
                                            double               angle,
                                            double               value,
                                            int                  max_level);
GrChartLayout *gr_chart_layout_new         (const GrChartData   *data,
                                            const GrChartStyle  *style,
                                            double               width,
                                            double               height);
void           gr_chart_layout_free        (GrChartLayout       *layout);
void           gr_chart_layout_prepare     (GrChartData         *data,
                                            const GrChartStyle  *style);
gboolean       gr_chart_layout_has_frame_for (const GrChartLayout *layout,
                                            const GrChartData   *data,
                                            const GrChartStyle  *style,
                                            double               width,
                                            double               height);
void           gr_chart_layout_set_series  (GrChartLayout       *layout,
                                            const GrChartData   *data);
GrChartPoint   gr_chart_layout_ring_point  (const GrChartLayout *layout,
                                            guint                axis,
                                            double               value);
guint          gr_chart_find_runs          (const GrChartPoint  *points,
                                            guint                n_points,
                                            guint               *starts,
                                            guint               *lengths);
gboolean       gr_chart_text_goes_with_series (const GrChartText *text);
gboolean       gr_chart_rect_intersects    (const GrChartRect   *a,
                                            const GrChartRect   *b);
gboolean       gr_chart_rect_contains      (const GrChartRect   *outer,
                                            const GrChartRect   *inner);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GrChartLayout, gr_chart_layout_free)

G_END_DECLS
