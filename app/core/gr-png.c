/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A PNG writer for Cairo's image surfaces. Only the PNG framing is Grille's (chunks, the "Up"
 * filter, RGB or RGBA); deflate, CRC-32 and Adler-32 are libdeflate's. The "Up" filter turns
 * everything a row of a chart repeats from the row above into zeros, which libdeflate's level 6
 * compresses to files about 40 % smaller than zlib's fastest levels at a similar cost (see
 * bench/RESULTS.md, where the candidates were measured side by side). */
#define G_LOG_DOMAIN "gr-png"

#include "config.h"

#include <libdeflate.h>
#include <math.h>
#include <string.h>

#include "gr-png.h"

/* libdeflate's level: the smallest files short of its slow exhaustive levels (10–12). */
#define COMPRESSION_LEVEL 6

/* A compressor holds about a megabyte of tables: one per thread, made once, so that a batch
 * export does not pay for it with every file. */
static void
free_compressor (gpointer compressor)
{
  libdeflate_free_compressor (compressor);
}

static GPrivate compressor_key = G_PRIVATE_INIT (free_compressor);

static struct libdeflate_compressor *
get_compressor (void)
{
  struct libdeflate_compressor *compressor = g_private_get (&compressor_key);

  if (compressor == NULL)
    {
      compressor = libdeflate_alloc_compressor (COMPRESSION_LEVEL);
      if (compressor == NULL)
        g_error ("libdeflate could not allocate a compressor");
      g_private_set (&compressor_key, compressor);
    }
  return compressor;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

/* A chunk: its length, type, data and the CRC-32 of its type and data. */
static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 crc;

  append_be32 (out, length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  crc = libdeflate_crc32 (0, type, 4);
  /* libdeflate_crc32 (crc, NULL, 0) gives 0, not crc. */
  if (length > 0)
    crc = libdeflate_crc32 (crc, data, length);
  append_be32 (out, crc);
}

/* pHYs: 72 dots per inch (a CSS pixel, a point) times the scale, in dots per metre, so that a
 * viewer knows a --scale=2 image for a HiDPI one. */
static void
append_physical_size (GByteArray *out,
                      int         scale)
{
  guint32 per_metre = (guint32) lround (72 / 0.0254 * scale);
  g_autoptr(GByteArray) data = g_byte_array_new ();

  append_be32 (data, per_metre);
  append_be32 (data, per_metre);
  g_byte_array_append (data, (const guint8[]) { 1 }, 1);   /* unit: the metre */
  append_chunk (out, "pHYs", data->data, data->len);
}

/* The title as tEXt when Latin-1 holds it (what every reader knows), else as iTXt (UTF-8). */
static void
append_title (GByteArray *out,
              const char *title,
              const char *language)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *latin1 = g_convert (title, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);

  g_byte_array_append (data, (const guint8 *) "Title", 6);   /* with its NUL */
  if (latin1 != NULL)
    {
      g_byte_array_append (data, (const guint8 *) latin1, strlen (latin1));
      append_chunk (out, "tEXt", data->data, data->len);
      return;
    }

  /* Not compressed, then the language tag and the translated keyword, each ended by a NUL. */
  g_byte_array_append (data, (const guint8[]) { 0, 0 }, 2);
  if (language != NULL)
    g_byte_array_append (data, (const guint8 *) language, strlen (language));
  g_byte_array_append (data, (const guint8[]) { 0, 0 }, 2);
  g_byte_array_append (data, (const guint8 *) title, strlen (title));
  append_chunk (out, "iTXt", data->data, data->len);
}

/* One row of premultiplied native-endian ARGB32 as PNG bytes: RGB, or RGBA with the colour
 * divided by alpha again, rounded as Cairo's own PNG writer does. */
static void
convert_row (const guint32 *src,
             int            width,
             gboolean       opaque,
             guint8        *dst)
{
  if (opaque)
    {
      for (int x = 0; x < width; x++, dst += 3)
        {
          guint32 p = src[x];

          dst[0] = p >> 16;
          dst[1] = p >> 8;
          dst[2] = p;
        }
      return;
    }

  for (int x = 0; x < width; x++, dst += 4)
    {
      guint32 p = src[x];
      guint a = p >> 24;

      if (a == 0)
        {
          dst[0] = dst[1] = dst[2] = dst[3] = 0;
        }
      else if (a == 255)
        {
          dst[0] = p >> 16;
          dst[1] = p >> 8;
          dst[2] = p;
          dst[3] = 255;
        }
      else
        {
          dst[0] = (((p >> 16) & 0xff) * 255 + a / 2) / a;
          dst[1] = (((p >> 8) & 0xff) * 255 + a / 2) / a;
          dst[2] = ((p & 0xff) * 255 + a / 2) / a;
          dst[3] = a;
        }
    }
}

static gboolean
all_opaque (const guint8 *pixels,
            int           width,
            int           height,
            int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);
      guint32 alpha = 0xff000000u;

      for (int x = 0; x < width; x++)
        alpha &= row[x];
      if (alpha != 0xff000000u)
        return FALSE;
    }
  return TRUE;
}

/* The image data before compression: each row as its filter type, "Up" (2), then each byte
 * minus the one above it. */
static guint8 *
filter_rows (const guint8 *pixels,
             int           width,
             int           height,
             int           stride,
             gboolean      opaque,
             gsize        *length)
{
  gsize row_bytes = (gsize) width * (opaque ? 3 : 4);
  guint8 *filtered = g_malloc ((row_bytes + 1) * height);
  g_autofree guint8 *previous = NULL;
  g_autofree guint8 *current = NULL;

  *length = (row_bytes + 1) * height;

  /* Opaque (a chart on its background): straight from the pixels, and a row equal to the one
   * above, as most of a chart's are, is all zeros. */
  if (opaque)
    {
      for (int y = 0; y < height; y++)
        {
          const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);
          const guint32 *above = (const guint32 *) (pixels + (gsize) (y - 1) * stride);
          guint8 *out = filtered + (row_bytes + 1) * y;

          out[0] = 2;
          if (y == 0)
            convert_row (row, width, TRUE, out + 1);
          else if (memcmp (row, above, (gsize) width * 4) == 0)
            memset (out + 1, 0, row_bytes);
          else
            for (int x = 0; x < width; x++, out += 3)
              {
                out[1] = (guint8) (row[x] >> 16) - (guint8) (above[x] >> 16);
                out[2] = (guint8) (row[x] >> 8) - (guint8) (above[x] >> 8);
                out[3] = (guint8) row[x] - (guint8) above[x];
              }
        }
      return filtered;
    }

  previous = g_malloc0 (row_bytes);
  current = g_malloc (row_bytes);
  for (int y = 0; y < height; y++)
    {
      guint8 *out = filtered + (row_bytes + 1) * y;
      guint8 *swap;

      convert_row ((const guint32 *) (pixels + (gsize) y * stride), width, opaque, current);
      out[0] = 2;
      for (gsize i = 0; i < row_bytes; i++)
        out[i + 1] = current[i] - previous[i];
      swap = previous;
      previous = current;
      current = swap;
    }

  return filtered;
}

/**
 * gr_png_encode:
 * @pixels: Cairo's %CAIRO_FORMAT_ARGB32 pixels (premultiplied, native-endian)
 * @stride: bytes from one row to the next
 * @metadata: (nullable): the title and the scale to state
 *
 * Encodes the pixels as an 8-bit PNG: RGB when every pixel is opaque, RGBA otherwise.
 *
 * Returns: (transfer full): the PNG file.
 */
GBytes *
gr_png_encode (const guint8        *pixels,
               int                  width,
               int                  height,
               int                  stride,
               const GrPngMetadata *metadata)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree guint8 *filtered = NULL;
  g_autofree guint8 *compressed = NULL;
  GByteArray *out;
  gboolean opaque;
  gsize length, bound, size;
  guint8 header[13];

  g_return_val_if_fail (pixels != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (stride >= width * 4, NULL);

  opaque = all_opaque (pixels, width, height, stride);
  filtered = filter_rows (pixels, width, height, stride, opaque, &length);
  bound = libdeflate_zlib_compress_bound (get_compressor (), length);
  compressed = g_malloc (bound);
  size = libdeflate_zlib_compress (get_compressor (), filtered, length, compressed, bound);
  g_assert (size > 0);

  out = g_byte_array_sized_new (size + 256);
  g_byte_array_append (out, signature, sizeof signature);

  header[0] = width >> 24;
  header[1] = width >> 16;
  header[2] = width >> 8;
  header[3] = width;
  header[4] = height >> 24;
  header[5] = height >> 16;
  header[6] = height >> 8;
  header[7] = height;
  header[8] = 8;                   /* bits per sample */
  header[9] = opaque ? 2 : 6;      /* RGB or RGBA */
  header[10] = header[11] = header[12] = 0;   /* deflate, adaptive filters, no interlace */
  append_chunk (out, "IHDR", header, sizeof header);

  if (metadata != NULL && metadata->scale > 0)
    append_physical_size (out, metadata->scale);
  if (metadata != NULL && metadata->title != NULL && *metadata->title != '\0')
    append_title (out, metadata->title, metadata->language);

  append_chunk (out, "IDAT", compressed, size);
  append_chunk (out, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (out);
}

/**
 * gr_png_encode_surface:
 * @surface: a %CAIRO_FORMAT_ARGB32 image surface
 * @metadata: (nullable): the title and the scale to state
 *
 * Returns: (transfer full): the surface as a PNG file.
 */
GBytes *
gr_png_encode_surface (cairo_surface_t     *surface,
                       const GrPngMetadata *metadata)
{
  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  return gr_png_encode (cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_width (surface),
                        cairo_image_surface_get_height (surface),
                        cairo_image_surface_get_stride (surface), metadata);
}
