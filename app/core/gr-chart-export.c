/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The radar chart exported as a PNG, SVG or PDF document, in memory, for the command line and
 * the window's export. */
#define G_LOG_DOMAIN "gr-chart-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "gr-chart-cairo.h"
#include "gr-chart-export.h"
#include "gr-chart-svg.h"
#include "gr-error.h"
#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-png.h"

void
gr_chart_export_options_init (GrChartExportOptions *options)
{
  *options = (GrChartExportOptions) { 1200, 1200, 1, gr_translator_get (NULL), NULL, FALSE, NULL };
}

gboolean
gr_chart_format_from_name (const char    *name,
                           GrChartFormat *format)
{
  if (g_ascii_strcasecmp (name, "png") == 0)
    *format = GR_CHART_FORMAT_PNG;
  else if (g_ascii_strcasecmp (name, "svg") == 0)
    *format = GR_CHART_FORMAT_SVG;
  else if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = GR_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

gboolean
gr_chart_format_from_path (const char    *path,
                           GrChartFormat *format)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && gr_chart_format_from_name (dot + 1, format);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
               /* Translators: %s is Cairo's own explanation, in English. */
               _("le graphique n’a pas pu être dessiné : %s"), cairo_status_to_string (status));
  return FALSE;
}

/* Draws charts one after the other with the same options; charts of the same grid and
 * language share their frame (see gr_chart_exporter_export()). */
struct _GrChartExporter
{
  GrChartExportOptions  options;
  char                 *participant;
  char                **hidden_participants;
  char                **shown_participants;
  GrSession            *reference;
  GPtrArray            *references;
  GrChartLayout        *layout;     /* the last chart's: its frame may serve the next one */
  cairo_surface_t      *surface;    /* the PNG being drawn */
  cairo_surface_t      *frame;      /* the layout's layers under and over the series, or NULL */
  /* Where the surface differs from the frame (its last series), in pixels; width -1: all. */
  cairo_rectangle_int_t dirty;
};

static cairo_surface_t *
create_image (int       width,
              int       height,
              GError  **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  if (!check_cairo (cairo_surface_status (surface), error))
    g_clear_pointer (&surface, cairo_surface_destroy);

  return surface;
}

static cairo_status_t
draw_layers (GrChartExporter *self,
             cairo_surface_t *surface,
             GrChartLayers    layers)
{
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_scale (cr, self->options.scale, self->options.scale);
  gr_chart_cairo_draw_layers (self->layout, cr, layers);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return status;
}

/* Copies the pixels of @rect from @from to @to (both the same size). */
static void
copy_pixels (cairo_surface_t             *to,
             cairo_surface_t             *from,
             const cairo_rectangle_int_t *rect)
{
  int stride = cairo_image_surface_get_stride (from);
  guint8 *dst = cairo_image_surface_get_data (to) + (gsize) rect->y * stride + rect->x * 4;
  const guint8 *src = cairo_image_surface_get_data (from) + (gsize) rect->y * stride + rect->x * 4;

  cairo_surface_flush (to);
  for (int y = 0; y < rect->height; y++, dst += stride, src += stride)
    memcpy (dst, src, (gsize) rect->width * 4);
  cairo_surface_mark_dirty (to);
}

/* The pixels that @bounds (in the chart's units) touches, with one to spare. */
static cairo_rectangle_int_t
pixel_bounds (const GrChartRect *bounds,
              int                scale,
              int                width,
              int                height)
{
  int x0 = CLAMP ((int) floor (bounds->x * scale) - 1, 0, width);
  int y0 = CLAMP ((int) floor (bounds->y * scale) - 1, 0, height);
  int x1 = CLAMP ((int) ceil ((bounds->x + bounds->width) * scale) + 1, x0, width);
  int y1 = CLAMP ((int) ceil ((bounds->y + bounds->height) * scale) + 1, y0, height);

  return (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
}

/* @reused: the layout's frame was laid out for an earlier chart. */
static GBytes *
export_png (GrChartExporter  *self,
            gboolean          reused,
            const char       *title,
            GError          **error)
{
  const GrChartExportOptions *options = &self->options;
  double pixels = (double) options->width * options->scale * options->height * options->scale;
  int width = options->width * options->scale;
  int height = options->height * options->scale;
  cairo_status_t status;
  GrChartRect bounds;
  GrPngMetadata metadata;

  /* Cairo cannot make an image wider than 32767 pixels, and past a few hundred million
   * pixels the memory it needs is not reasonable for a chart. */
  if (width > GR_CHART_MAX_PIXELS_SIDE || height > GR_CHART_MAX_PIXELS_SIDE ||
      pixels > GR_CHART_MAX_PIXELS)
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                   _("l’image demandée est trop grande (%d × %d pixels) : "
                     "réduisez sa taille ou sa densité"), width, height);
      return NULL;
    }

  if (self->surface == NULL && !(self->surface = create_image (width, height, error)))
    return NULL;

  /* From the second chart on a frame, the frame's pixels are kept: each chart copies them and
   * draws its series alone, which gives the very same pixels as long as the series stay clear
   * of the labels and the legend drawn over them. */
  if (reused && gr_chart_cairo_series_apart (self->layout, &bounds))
    {
      cairo_rectangle_int_t all = { 0, 0, width, height };

      if (self->frame == NULL)
        {
          if (!(self->frame = create_image (width, height, error)))
            return NULL;
          status = draw_layers (self, self->frame, GR_CHART_LAYER_UNDER | GR_CHART_LAYER_OVER);
          if (!check_cairo (status, error))
            {
              g_clear_pointer (&self->frame, cairo_surface_destroy);
              return NULL;
            }
          self->dirty.width = -1;
        }
      /* Only where the last series were drawn does the surface differ from the frame. */
      copy_pixels (self->surface, self->frame, self->dirty.width < 0 ? &all : &self->dirty);
      self->dirty = pixel_bounds (&bounds, options->scale, width, height);
      status = draw_layers (self, self->surface, GR_CHART_LAYER_SERIES);
    }
  else
    {
      cairo_surface_flush (self->surface);
      memset (cairo_image_surface_get_data (self->surface), 0,
              (gsize) cairo_image_surface_get_stride (self->surface) * height);
      cairo_surface_mark_dirty (self->surface);
      self->dirty.width = -1;
      status = draw_layers (self, self->surface, GR_CHART_LAYER_ALL);
    }

  if (!check_cairo (status, error))
    return NULL;

  metadata = (GrPngMetadata) {
    title, gr_translator_get_language (options->translator), options->scale,
  };
  return gr_png_encode_surface (self->surface, &metadata);
}

static char *document_title (GrSession    *session,
                             GrTranslator *translator);

/* A PDF's title, subject, creator and creation date, as document viewers and print queues
 * show them. */
static void
set_pdf_metadata (cairo_surface_t     *surface,
                  const char          *title,
                  const GrChartLayout *layout)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  const char *description = layout->description ? layout->description : "";
  /* The description's first sentence says what the chart is ("Graphique en radar : …"). */
  g_autofree char *subject = g_strndup (description, strcspn (description, "\n"));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Grille " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* Ends the page and the document that cairo writes into @array (whose ownership it takes). */
static GBytes *
finish_pdf (cairo_surface_t  *surface,
            cairo_t          *cr,
            GByteArray       *array,
            GError          **error)
{
  g_autoptr(GByteArray) owned = array;
  cairo_status_t status;

  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&owned));
}

/* A page of the chart's own size. */
static GBytes *
export_pdf (const GrChartLayout  *layout,
            const char           *title,
            GError              **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array,
                                                 layout->width, layout->height);
  set_pdf_metadata (surface, title, layout);
  cr = cairo_create (surface);
  gr_chart_cairo_draw (layout, cr);

  return finish_pdf (surface, cr, g_steal_pointer (&array), error);
}

/* The margin all around a sheet of paper, and the page's heading. */
#define MM_TO_POINTS(mm)    ((mm) * 72.0 / 25.4)
#define PAGE_MARGIN         MM_TO_POINTS (15)
#define HEADING_TITLE_SIZE  16   /* points */
#define HEADING_DATE_SIZE   11
#define HEADING_GAP         4    /* between the title and the date */
#define HEADING_SPACE       18   /* between the heading and the chart */

/* One line of the page's heading, centred across @width; moves *@y below it. */
static void
draw_heading_line (cairo_t             *cr,
                   const GrChartLayout *layout,
                   const char          *text,
                   double               size,
                   gboolean             bold,
                   double               width,
                   double              *y)
{
  g_autoptr(PangoLayout) pango = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  int text_height;

  pango_font_description_set_family (font, layout->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pango, font);
  pango_layout_set_width (pango, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (pango, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (pango, PANGO_ALIGN_CENTER);
  pango_layout_set_text (pango, text, -1);

  cairo_move_to (cr, PAGE_MARGIN, *y);
  pango_cairo_show_layout (cr, pango);
  pango_layout_get_size (pango, NULL, &text_height);
  *y += (double) text_height / PANGO_SCALE;
}

/* A sheet of A4 or Letter paper: the session's title and date (in words) at the top when the
 * title is asked for, then the chart as large as the rest allows, centred, 15 mm from every
 * edge: it prints at 100 %, without "fit to page". */
static GBytes *
export_pdf_page (GrChartExporter  *self,
                 GrSession        *session,
                 GError          **error)
{
  GrChartExportOptions options = self->options;
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GrChartLayout) layout = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  const char *session_title = gr_session_get_title (session);
  double page_width, page_height, width, height, side, y = PAGE_MARGIN;
  cairo_surface_t *surface;
  cairo_t *cr;

  gr_paper_get_size (options.paper, &page_width, &page_height);
  width = page_width - 2 * PAGE_MARGIN;

  /* The heading is the page's: the chart itself goes without a title. */
  options.show_title = FALSE;
  options.width = options.height = (int) floor (width);
  if (!(layout = gr_chart_export_build_layout (session, &options, error)))
    return NULL;
  title = document_title (session, options.translator);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, page_width,
                                                 page_height);
  set_pdf_metadata (surface, title, layout);
  cr = cairo_create (surface);

  if (self->options.show_title)
    {
      const GrChartColor *ink = &layout->style.foreground;

      date = gr_format_date_long (options.translator, gr_session_get_date (session));
      cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, ink->alpha);
      if (session_title != NULL && *session_title != '\0')
        draw_heading_line (cr, layout, session_title, HEADING_TITLE_SIZE, TRUE, width, &y);
      if (date != NULL)
        {
          if (y > PAGE_MARGIN)
            y += HEADING_GAP;
          draw_heading_line (cr, layout, date, HEADING_DATE_SIZE, FALSE, width, &y);
        }
      if (y > PAGE_MARGIN)
        y += HEADING_SPACE;
    }

  /* The chart square, as large as the room left allows, centred in it. */
  height = page_height - PAGE_MARGIN - y;
  side = MIN (width, height);
  if (side < options.width)
    {
      options.width = options.height = (int) floor (side);
      g_clear_pointer (&layout, gr_chart_layout_free);
      if (!(layout = gr_chart_export_build_layout (session, &options, error)))
        {
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
          return NULL;
        }
    }
  /* The chart paints its background: only over its own square, not the heading. */
  cairo_translate (cr, PAGE_MARGIN + (width - layout->width) / 2,
                   y + (height - layout->height) / 2);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  gr_chart_cairo_draw (layout, cr);

  return finish_pdf (surface, cr, g_steal_pointer (&array), error);
}

static GrChartData *
build_data (GrSession                   *session,
            const GrChartExportOptions  *options,
            GError                     **error)
{
  g_autoptr(GPtrArray) references = g_ptr_array_new ();
  GrParticipant *participant = NULL;
  GrChartData *data;

  if (options->participant != NULL &&
      !(participant = gr_session_find_participant (session, options->participant, NULL)))
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME,
                   _("la session n’a pas de participant nommé « %s »"), options->participant);
      return NULL;
    }

  if (options->reference != NULL)
    g_ptr_array_add (references, options->reference);
  if (options->references != NULL)
    g_ptr_array_extend (references, options->references, NULL, NULL);

  if (options->by_role)
    data = gr_chart_data_new_by_role (session,
                                      options->translator ? options->translator
                                                          : gr_translator_get (NULL),
                                      options->show_title, references);
  else
    data = gr_chart_data_new_from_sessions (session,
                                            options->translator ? options->translator
                                                                : gr_translator_get (NULL),
                                            participant, TRUE, options->show_title, references);
  gr_chart_data_set_visibility (data, &options->visibility);

  return data;
}

/**
 * gr_chart_export_build_layout:
 * @options: the size, language, participant and title wanted
 *
 * Lays out the chart an export would draw, in the export's default style.
 *
 * Returns: (transfer full): the layout, or %NULL when @options name a participant the session
 *   does not have.
 */
GrChartLayout *
gr_chart_export_build_layout (GrSession                   *session,
                              const GrChartExportOptions  *options,
                              GError                     **error)
{
  g_autoptr(GrChartData) data = NULL;
  GrChartStyle style;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->width > 0 && options->height > 0, NULL);

  if (!(data = build_data (session, options, error)))
    return NULL;
  gr_chart_style_init_default (&style);

  return gr_chart_layout_new (data, &style, options->width, options->height);
}

/* The chart's name in a document's metadata: the session's title, or what it is. */
static char *
document_title (GrSession    *session,
                GrTranslator *translator)
{
  const char *title = gr_session_get_title (session);

  if (title != NULL && *title != '\0')
    return gr_format_title_and_date (translator, title, gr_session_get_date (session));
  /* Translators: the name of an exported chart whose session has no title. */
  return g_strdup (gr_translator_gettext (translator, N_("Graphique en radar")));
}

/**
 * gr_chart_exporter_new:
 * @options: the size, language, participant and title of every chart
 *
 * Returns: (transfer full): an exporter for charts drawn with @options, one after the other.
 */
GrChartExporter *
gr_chart_exporter_new (const GrChartExportOptions *options)
{
  GrChartExporter *self;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->width > 0 && options->height > 0, NULL);
  g_return_val_if_fail (options->scale >= 1, NULL);

  self = g_new0 (GrChartExporter, 1);
  self->dirty.width = -1;
  self->options = *options;
  self->participant = g_strdup (options->participant);
  self->options.participant = self->participant;
  self->reference = options->reference ? g_object_ref (options->reference) : NULL;
  self->options.reference = self->reference;
  if (options->references != NULL)
    {
      self->references = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < options->references->len; i++)
        g_ptr_array_add (self->references, g_object_ref (options->references->pdata[i]));
    }
  self->options.references = self->references;
  self->hidden_participants = g_strdupv ((char **) options->visibility.hidden_participants);
  self->options.visibility.hidden_participants = (const char * const *) self->hidden_participants;
  self->shown_participants = g_strdupv ((char **) options->visibility.shown_participants);
  self->options.visibility.shown_participants = (const char * const *) self->shown_participants;
  if (self->options.translator == NULL)
    self->options.translator = gr_translator_get (NULL);

  return self;
}

void
gr_chart_exporter_free (GrChartExporter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->layout, gr_chart_layout_free);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->frame, cairo_surface_destroy);
  g_clear_object (&self->reference);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_free (self->participant);
  g_strfreev (self->hidden_participants);
  g_strfreev (self->shown_participants);
  g_free (self);
}

/**
 * gr_chart_exporter_export:
 *
 * Draws the session's chart as a PNG, SVG or PDF document, all in memory: the caller writes it
 * out (atomically) only once it is whole. A chart whose labels, legend and title are those of
 * the previous one (the same grid, language and kind of series) reuses their layout, and for a
 * PNG their pixels: a batch of sessions costs little more than their series.
 *
 * Returns: (transfer full): the document, or %NULL with @error set.
 */
GBytes *
gr_chart_exporter_export (GrChartExporter  *self,
                          GrSession        *session,
                          GrChartFormat     format,
                          GError          **error)
{
  const GrChartExportOptions *options;
  g_autoptr(GrChartData) data = NULL;
  g_autofree char *title = NULL;
  GrChartStyle style;
  gboolean reused;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = &self->options;
  if (format == GR_CHART_FORMAT_PDF && options->on_paper)
    return export_pdf_page (self, session, error);

  if (!(data = build_data (session, options, error)))
    return NULL;
  gr_chart_style_init_default (&style);

  reused = self->layout != NULL &&
           gr_chart_layout_has_frame_for (self->layout, data, &style, options->width,
                                          options->height);
  if (reused)
    gr_chart_layout_set_series (self->layout, data);
  else
    {
      g_clear_pointer (&self->layout, gr_chart_layout_free);
      g_clear_pointer (&self->frame, cairo_surface_destroy);
      self->dirty.width = -1;
      self->layout = gr_chart_layout_new (data, &style, options->width, options->height);
    }

  switch (format)
    {
    case GR_CHART_FORMAT_PNG:
      title = document_title (session, options->translator);
      return export_png (self, reused, title, error);
    case GR_CHART_FORMAT_SVG:
      title = document_title (session, options->translator);
      return gr_chart_svg_write (self->layout, title,
                                 gr_translator_get_language (options->translator));
    case GR_CHART_FORMAT_PDF:
      title = document_title (session, options->translator);
      return export_pdf (self->layout, title, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gr_chart_export_to_bytes:
 *
 * Draws one session's chart as a PNG, SVG or PDF document, all in memory: the caller writes
 * it out (atomically) only once it is whole.
 *
 * Returns: (transfer full): the document, or %NULL with @error set.
 */
GBytes *
gr_chart_export_to_bytes (GrSession                   *session,
                          GrChartFormat                format,
                          const GrChartExportOptions  *options,
                          GError                     **error)
{
  g_autoptr(GrChartExporter) exporter = NULL;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->scale >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  exporter = gr_chart_exporter_new (options);
  return gr_chart_exporter_export (exporter, session, format, error);
}
