/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The radar chart exported as a PNG, SVG or PDF document, in memory, for the command line and
 * the window's export. */
#define G_LOG_DOMAIN "gr-chart-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <cairo-pdf.h>

#include "gr-chart-cairo.h"
#include "gr-chart-export.h"
#include "gr-chart-svg.h"
#include "gr-error.h"

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
               _("le graphique n’a pas pu être dessiné : %s"), cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
export_png (const GrChartLayout         *layout,
            const GrChartExportOptions  *options,
            GError                     **error)
{
  g_autoptr(GByteArray) array = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double pixels = (double) options->width * options->scale * options->height * options->scale;
  int width = options->width * options->scale;
  int height = options->height * options->scale;

  /* Cairo cannot make an image wider than 32767 pixels, and past a few hundred million
   * pixels the memory it needs is not reasonable for a chart. */
  if (width > GR_CHART_MAX_PIXELS_SIDE || height > GR_CHART_MAX_PIXELS_SIDE ||
      pixels > GR_CHART_MAX_PIXELS)
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_IO,
                   _("l’image demandée est trop grande (%d × %d pixels) : "
                     "réduisez --size ou --scale"), width, height);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);
  gr_chart_cairo_draw (layout, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  array = g_byte_array_new ();
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_to_array, array);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

static GBytes *
export_pdf (const GrChartLayout  *layout,
            const char           *title,
            GError              **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array,
                                                 layout->width, layout->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Grille " PACKAGE_VERSION);

  cr = cairo_create (surface);
  gr_chart_cairo_draw (layout, cr);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
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
  GrParticipant *participant = NULL;
  GrChartStyle style;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->width > 0 && options->height > 0, NULL);

  if (options->participant != NULL &&
      !(participant = gr_session_find_participant (session, options->participant, NULL)))
    {
      g_set_error (error, GR_FILE_ERROR, GR_FILE_ERROR_NAME,
                   _("la session n’a pas de participant nommé « %s »"), options->participant);
      return NULL;
    }

  data = gr_chart_data_new_from_session (session,
                                         options->translator ? options->translator
                                                             : gr_translator_get (NULL),
                                         participant, TRUE, options->show_title,
                                         options->reference);
  gr_chart_style_init_default (&style);

  return gr_chart_layout_new (data, &style, options->width, options->height);
}

/* The chart's name in a document's metadata: the session's title, or what it is. */
static char *
document_title (GrSession    *session,
                GrTranslator *translator)
{
  const char *title = gr_session_get_title (session);
  const char *date = gr_session_get_date (session);

  if (title != NULL && *title != '\0')
    {
      if (date != NULL && *date != '\0')
        return g_strdup_printf ("%s — %s", title, date);
      return g_strdup (title);
    }
  /* Translators: the name of an exported chart whose session has no title. */
  return g_strdup (gr_translator_gettext (translator, N_("Graphique en radar")));
}

/**
 * gr_chart_export_to_bytes:
 *
 * Draws the session's chart as a PNG, SVG or PDF document, all in memory: the caller writes it
 * out (atomically) only once it is whole.
 *
 * Returns: (transfer full): the document, or %NULL with @error set.
 */
GBytes *
gr_chart_export_to_bytes (GrSession                   *session,
                          GrChartFormat                format,
                          const GrChartExportOptions  *options,
                          GError                     **error)
{
  g_autoptr(GrChartLayout) layout = NULL;
  g_autofree char *title = NULL;
  GrTranslator *translator;

  g_return_val_if_fail (GR_IS_SESSION (session), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->scale >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  translator = options->translator ? options->translator : gr_translator_get (NULL);
  if (!(layout = gr_chart_export_build_layout (session, options, error)))
    return NULL;
  title = document_title (session, translator);

  switch (format)
    {
    case GR_CHART_FORMAT_PNG:
      return export_png (layout, options, error);
    case GR_CHART_FORMAT_SVG:
      return gr_chart_svg_write (layout, title, gr_translator_get_language (translator));
    case GR_CHART_FORMAT_PDF:
      return export_pdf (layout, title, error);
    default:
      g_return_val_if_reached (NULL);
    }
}
