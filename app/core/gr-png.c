/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A PNG writer for Cairo's image surfaces, made for charts: flat colours on a plain background.
 * Each row is filtered with PNG's "Up" filter, which turns everything a row repeats from the
 * row above into zeros, and compressed by a small deflate encoder that only looks for runs
 * (a byte, or a pixel, repeated) and codes them with Huffman codes made for each block. On a
 * chart this gives files about as small as zlib's, many times faster: zlib (and Cairo's libpng
 * path, which also tries every filter on every row) spends its time searching for matches that
 * a chart's runs do not need. */
#define G_LOG_DOMAIN "gr-png"

#include "config.h"

#include <string.h>

#include "gr-png.h"

/* Deflate's limits (RFC 1951). */
#define MIN_MATCH       3
#define MAX_MATCH       258
#define N_LITLEN        286      /* 0–255 literals, 256 end of block, 257–285 lengths */
#define N_DIST          30
#define N_CODELEN       19
#define MAX_BITS        15
#define MAX_CODELEN_BITS 7
#define END_OF_BLOCK    256

/* A block's Huffman codes are made from its own symbols: large enough blocks that their
 * headers cost nothing, small enough that the codes follow what the image holds. */
#define BLOCK_TOKENS    (64 * 1024)

#define TOKEN_MATCH     0x80000000u

/* Large images are compressed in up to this many bands at once. */
#define MAX_BANDS       4

typedef struct
{
  guint32 crc[8][256];                    /* CRC-32, eight bytes at a time ("slicing by 8") */
  guint16 length_code[MAX_MATCH + 1];     /* 257–285, for lengths 3–258 */
  guint8  length_extra_bits[MAX_MATCH + 1];
  guint16 length_extra[MAX_MATCH + 1];
} Tables;

static Tables tables;

static gpointer
init_tables (gpointer unused)
{
  static const guint16 base[] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35,
                                  43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
  static const guint8 extra[] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
                                  4, 4, 4, 4, 5, 5, 5, 5, 0 };
  guint code = 0;

  for (guint32 n = 0; n < 256; n++)
    {
      guint32 c = n;

      for (int k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      tables.crc[0][n] = c;
    }
  for (guint32 n = 0; n < 256; n++)
    for (int k = 1; k < 8; k++)
      tables.crc[k][n] = (tables.crc[k - 1][n] >> 8) ^ tables.crc[0][tables.crc[k - 1][n] & 0xff];

  /* 258 has a code of its own (285), although 284 with all its extra bits would reach it. */
  for (guint length = MIN_MATCH; length <= MAX_MATCH; length++)
    {
      while (code + 1 < G_N_ELEMENTS (base) && base[code + 1] <= length)
        code++;
      tables.length_code[length] = 257 + code;
      tables.length_extra_bits[length] = extra[code];
      tables.length_extra[length] = length - base[code];
    }

  return NULL;
}

static inline guint64
load64 (const guint8 *p)
{
  guint64 value;

  memcpy (&value, p, sizeof value);
  return value;
}

static guint32
crc_update (guint32       crc,
            const guint8 *data,
            gsize         length)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  for (; length >= 8; data += 8, length -= 8)
    {
      guint64 word = load64 (data) ^ crc;

      crc = tables.crc[7][word & 0xff] ^ tables.crc[6][(word >> 8) & 0xff] ^
            tables.crc[5][(word >> 16) & 0xff] ^ tables.crc[4][(word >> 24) & 0xff] ^
            tables.crc[3][(word >> 32) & 0xff] ^ tables.crc[2][(word >> 40) & 0xff] ^
            tables.crc[1][(word >> 48) & 0xff] ^ tables.crc[0][word >> 56];
    }
#endif
  for (gsize i = 0; i < length; i++)
    crc = tables.crc[0][(crc ^ data[i]) & 0xff] ^ (crc >> 8);

  return crc;
}

/* Adler-32 (zlib's checksum of the uncompressed bytes). Most of a filtered chart is zeros, which
 * leave the first sum as it is and add it to the second: eight of them are taken at once. */
typedef struct
{
  guint64 a, b;
} Adler;

static void
adler_update (Adler        *adler,
              const guint8 *data,
              gsize         length)
{
  const guint32 mod = 65521;

  while (length > 0)
    {
      /* a stays under 2^32 and b under 2^64 over this many bytes, without reducing them. */
      gsize n = MIN (length, 1 << 20);
      guint64 a = adler->a, b = adler->b;
      gsize i = 0;

      for (; i + 8 <= n; i += 8)
        {
          if (load64 (data + i) == 0)
            {
              b += 8 * a;
              continue;
            }
          for (guint k = 0; k < 8; k++)
            {
              a += data[i + k];
              b += a;
            }
        }
      for (; i < n; i++)
        {
          a += data[i];
          b += a;
        }

      adler->a = a % mod;
      adler->b = b % mod;
      data += n;
      length -= n;
    }
}

/* The growing output, and deflate's bit stream (least significant bit first). */
typedef struct
{
  guint8  *data;
  gsize    length;
  gsize    allocated;
  guint64  bits;
  guint    n_bits;
} Output;

static void
output_reserve (Output *out,
                gsize   more)
{
  if (out->length + more <= out->allocated)
    return;
  out->allocated = MAX (out->allocated * 2, out->length + more);
  out->data = g_realloc (out->data, out->allocated);
}

static void
output_append (Output     *out,
               const void *data,
               gsize       length)
{
  output_reserve (out, length);
  memcpy (out->data + out->length, data, length);
  out->length += length;
}

static void
output_be32 (Output  *out,
             guint32  value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  output_append (out, bytes, 4);
}

/* Room must have been reserved: at most 4 bytes are written per call. */
static inline void
put_bits (Output  *out,
          guint32  value,
          guint    n_bits)
{
  out->bits |= (guint64) value << out->n_bits;
  out->n_bits += n_bits;
  if (out->n_bits >= 32)
    {
      guint8 *p = out->data + out->length;

      p[0] = out->bits;
      p[1] = out->bits >> 8;
      p[2] = out->bits >> 16;
      p[3] = out->bits >> 24;
      out->length += 4;
      out->bits >>= 32;
      out->n_bits -= 32;
    }
}

static void
flush_bits (Output *out)
{
  output_reserve (out, 8);
  while (out->n_bits > 0)
    {
      out->data[out->length++] = out->bits;
      out->bits >>= 8;
      out->n_bits = out->n_bits > 8 ? out->n_bits - 8 : 0;
    }
  out->bits = 0;
}

/* A Huffman code: each symbol's length, and its bits reversed, as deflate sends them. */
typedef struct
{
  guint8  lengths[N_LITLEN];
  guint16 codes[N_LITLEN];
} Code;

typedef struct
{
  guint32 freq;
  guint16 symbol;
} Leaf;

static int
compare_leaves (gconstpointer a,
                gconstpointer b)
{
  const Leaf *x = a, *y = b;

  if (x->freq != y->freq)
    return x->freq < y->freq ? -1 : 1;
  return (int) x->symbol - (int) y->symbol;
}

/* The optimal code lengths for @freq, no longer than @max_bits: Huffman's construction, then,
 * if some code came out too long, the lengths are evened out until they fit (as zlib and miniz
 * do), the shortest going to the most frequent symbols. At least two symbols get a code, as
 * decoders expect. */
static void
build_code (const guint32 *freq,
            guint          n_symbols,
            guint          max_bits,
            Code          *code)
{
  Leaf leaves[N_LITLEN];
  guint32 weight[2 * N_LITLEN];
  guint16 parent[2 * N_LITLEN];
  guint16 depth[2 * N_LITLEN];
  guint count[2 * N_LITLEN] = { 0 };
  guint16 next[MAX_BITS + 2] = { 0 };
  guint m = 0, leaf = 0, node, total, l;

  memset (code->lengths, 0, n_symbols);

  for (guint s = 0; s < n_symbols; s++)
    if (freq[s] > 0)
      leaves[m++] = (Leaf) { freq[s], s };
  for (guint s = 0; m < 2 && s < n_symbols; s++)
    if (freq[s] == 0)
      leaves[m++] = (Leaf) { 0, s };
  qsort (leaves, m, sizeof (Leaf), compare_leaves);

  /* Two queues: the leaves, sorted, and the inner nodes, made in order of weight. */
  for (guint i = 0; i < m; i++)
    weight[i] = leaves[i].freq;
  node = m;
  for (guint inner = m; inner < 2 * m - 1; inner++)
    {
      guint pick[2];

      for (guint k = 0; k < 2; k++)
        {
          if (leaf < m && (node >= inner || weight[leaf] <= weight[node]))
            pick[k] = leaf++;
          else
            pick[k] = node++;
        }
      weight[inner] = weight[pick[0]] + weight[pick[1]];
      parent[pick[0]] = parent[pick[1]] = inner;
    }
  depth[2 * m - 2] = 0;
  for (guint i = 2 * m - 2; i-- > 0;)
    depth[i] = depth[parent[i]] + 1;

  for (guint i = 0; i < m; i++)
    count[MIN (depth[i], max_bits)]++;

  /* Too long codes were cut to max_bits, which over-fills the code: lengthen shorter ones. */
  total = 0;
  for (l = 1; l <= max_bits; l++)
    total += count[l] << (max_bits - l);
  while (total > (1u << max_bits))
    {
      count[max_bits]--;
      for (l = max_bits - 1; l > 0; l--)
        if (count[l] > 0)
          {
            count[l]--;
            count[l + 1] += 2;
            break;
          }
      total--;
    }

  /* The most frequent symbols (last in @leaves) take the shortest codes. */
  l = 1;
  for (guint i = m; i-- > 0;)
    {
      while (count[l] == 0)
        l++;
      code->lengths[leaves[i].symbol] = l;
      count[l]--;
    }

  /* Canonical codes (RFC 1951, 3.2.2), bit-reversed. */
  {
    guint16 bl_count[MAX_BITS + 1] = { 0 };
    guint16 c = 0;

    for (guint s = 0; s < n_symbols; s++)
      bl_count[code->lengths[s]]++;
    bl_count[0] = 0;
    for (guint b = 1; b <= MAX_BITS; b++)
      {
        c = (c + bl_count[b - 1]) << 1;
        next[b] = c;
      }
    for (guint s = 0; s < n_symbols; s++)
      {
        guint len = code->lengths[s];
        guint16 value, reversed = 0;

        if (len == 0)
          continue;
        value = next[len]++;
        for (guint b = 0; b < len; b++)
          reversed |= ((value >> b) & 1) << (len - 1 - b);
        code->codes[s] = reversed;
      }
  }
}

/* The compressor's state: tokens waiting for their block, and their symbols' counts. */
typedef struct
{
  Output   *out;
  guint32  *tokens;
  guint     n_tokens;
  guint32   litlen_freq[N_LITLEN];
  guint32   dist_freq[N_DIST];
} Deflate;

static inline void
add_literal (Deflate *z,
             guint8   byte)
{
  z->tokens[z->n_tokens++] = byte;
  z->litlen_freq[byte]++;
}

/* Distances are 1 to 4, deflate's codes 0 to 3, which have no extra bits. */
static inline void
add_match (Deflate *z,
           guint    length,
           guint    distance)
{
  z->tokens[z->n_tokens++] = TOKEN_MATCH | ((distance - 1) << 16) | length;
  z->litlen_freq[tables.length_code[length]]++;
  z->dist_freq[distance - 1]++;
}

/* Writes the waiting tokens as one block with its own ("dynamic") Huffman codes. */
static void
write_block (Deflate  *z,
             gboolean  last)
{
  static const guint8 order[N_CODELEN] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13,
                                           2, 14, 1, 15 };
  Output *out = z->out;
  Code litlen, dist, codelen;
  guint8 lengths[N_LITLEN + N_DIST];
  guint16 runs[N_LITLEN + N_DIST];      /* code-length symbols, with their extra bits << 8 */
  guint32 codelen_freq[N_CODELEN] = { 0 };
  guint n_litlen = N_LITLEN, n_dist = N_DIST, n_codelen = N_CODELEN, n_lengths, n_runs = 0;

  z->litlen_freq[END_OF_BLOCK]++;
  build_code (z->litlen_freq, N_LITLEN, MAX_BITS, &litlen);
  build_code (z->dist_freq, N_DIST, MAX_BITS, &dist);

  while (n_litlen > 257 && litlen.lengths[n_litlen - 1] == 0)
    n_litlen--;
  while (n_dist > 1 && dist.lengths[n_dist - 1] == 0)
    n_dist--;
  memcpy (lengths, litlen.lengths, n_litlen);
  memcpy (lengths + n_litlen, dist.lengths, n_dist);
  n_lengths = n_litlen + n_dist;

  /* The code lengths themselves, run-length coded: 16 repeats the last length 3–6 times, 17
   * and 18 give 3–10 and 11–138 zeros. */
  for (guint i = 0; i < n_lengths;)
    {
      guint8 len = lengths[i];
      guint run = 1;

      while (i + run < n_lengths && lengths[i + run] == len)
        run++;
      i += run;

      if (len == 0)
        {
          while (run >= 11)
            {
              guint r = MIN (run, 138);

              runs[n_runs++] = 18 | ((r - 11) << 8);
              run -= r;
            }
          if (run >= 3)
            {
              runs[n_runs++] = 17 | ((run - 3) << 8);
              run = 0;
            }
        }
      else
        {
          runs[n_runs++] = len;
          run--;
          while (run >= 3)
            {
              guint r = MIN (run, 6);

              runs[n_runs++] = 16 | ((r - 3) << 8);
              run -= r;
            }
        }
      while (run-- > 0)
        runs[n_runs++] = len;
    }
  for (guint r = 0; r < n_runs; r++)
    codelen_freq[runs[r] & 0xff]++;
  build_code (codelen_freq, N_CODELEN, MAX_CODELEN_BITS, &codelen);
  while (n_codelen > 4 && codelen.lengths[order[n_codelen - 1]] == 0)
    n_codelen--;

  /* A token takes at most 15 + 5 + 15 bits; the header at most a few hundred bytes. */
  output_reserve (out, (gsize) z->n_tokens * 5 + 1024);

  put_bits (out, last ? 1 : 0, 1);
  put_bits (out, 2, 2);
  put_bits (out, n_litlen - 257, 5);
  put_bits (out, n_dist - 1, 5);
  put_bits (out, n_codelen - 4, 4);
  for (guint i = 0; i < n_codelen; i++)
    put_bits (out, codelen.lengths[order[i]], 3);
  for (guint r = 0; r < n_runs; r++)
    {
      guint symbol = runs[r] & 0xff;
      guint extra = runs[r] >> 8;

      put_bits (out, codelen.codes[symbol], codelen.lengths[symbol]);
      if (symbol == 16)
        put_bits (out, extra, 2);
      else if (symbol == 17)
        put_bits (out, extra, 3);
      else if (symbol == 18)
        put_bits (out, extra, 7);
    }

  for (guint t = 0; t < z->n_tokens; t++)
    {
      guint32 token = z->tokens[t];

      if (token & TOKEN_MATCH)
        {
          guint length = token & 0xffff;
          guint distance_code = (token >> 16) & 0x7fff;
          guint symbol = tables.length_code[length];

          put_bits (out, litlen.codes[symbol], litlen.lengths[symbol]);
          put_bits (out, tables.length_extra[length], tables.length_extra_bits[length]);
          put_bits (out, dist.codes[distance_code], dist.lengths[distance_code]);
        }
      else
        {
          put_bits (out, litlen.codes[token], litlen.lengths[token]);
        }
    }
  put_bits (out, litlen.codes[END_OF_BLOCK], litlen.lengths[END_OF_BLOCK]);

  z->n_tokens = 0;
  memset (z->litlen_freq, 0, sizeof z->litlen_freq);
  memset (z->dist_freq, 0, sizeof z->dist_freq);
}

/* How many bytes from @p repeat the ones @distance before, up to @max. */
static inline guint
run_length (const guint8 *p,
            guint         distance,
            guint         max)
{
  const guint8 *before = p - distance;
  guint n = 0;

  while (n + 8 <= max)
    {
      guint64 differ = load64 (p + n) ^ load64 (before + n);

      if (differ != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
          return n + (__builtin_ctzll (differ) >> 3);
#else
          break;
#endif
        }
      n += 8;
    }
  while (n < max && p[n] == before[n])
    n++;

  return n;
}

/* Codes the filtered bytes from @start to @end of a row (its filter byte first). Matches stay
 * inside the row: a byte repeated (distance 1, the zeros of unchanged pixels) or a whole pixel
 * repeated (distance @bpp, the same change along a horizontal edge); they may look back before
 * @start, never past @end. */
static void
deflate_bytes (Deflate      *z,
               const guint8 *row,
               guint         start,
               guint         end,
               guint         bpp)
{
  guint i = start;

  while (i < end)
    {
      guint max = MIN (MAX_MATCH, end - i);
      guint best = 0, distance = 1;

      /* Most bytes that start no run repeat neither neighbour: tell them apart at once. */
      if (i >= bpp && row[i] != row[i - 1] && row[i] != row[i - bpp])
        {
          add_literal (z, row[i++]);
          continue;
        }

      if (i >= 1)
        best = run_length (row + i, 1, max);
      if (i >= bpp && best < max)
        {
          guint pixel = run_length (row + i, bpp, max);

          if (pixel > best)
            {
              best = pixel;
              distance = bpp;
            }
        }

      if (best >= MIN_MATCH)
        {
          add_match (z, best, distance);
          i += best;
        }
      else
        {
          add_literal (z, row[i]);
          i++;
        }
    }
}

static void
deflate_row (Deflate      *z,
             const guint8 *row,
             guint         length,
             guint         bpp)
{
  if (z->n_tokens + length > BLOCK_TOKENS)
    write_block (z, FALSE);
  deflate_bytes (z, row, 0, length, bpp);
}

/* @n zeros; after a zero, a run of them can start at once. */
static void
add_zeros (Deflate  *z,
           guint     n,
           gboolean  after_zero)
{
  if (!after_zero)
    {
      add_literal (z, 0);
      n--;
    }
  while (n >= MIN_MATCH)
    {
      guint length = MIN (n, MAX_MATCH);

      add_match (z, length, 1);
      n -= length;
    }
  while (n-- > 0)
    add_literal (z, 0);
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

/* Where the run of pixels equal to the ones above, from @x, ends. */
static inline int
equal_run_end (const guint32 *row,
               const guint32 *above,
               int            x,
               int            width)
{
  while (x + 4 <= width)
    {
      const guint8 *r = (const guint8 *) (row + x), *a = (const guint8 *) (above + x);

      if (((load64 (r) ^ load64 (a)) | (load64 (r + 8) ^ load64 (a + 8))) != 0)
        break;
      x += 4;
    }
  while (x < width && row[x] == above[x])
    x++;

  return x;
}

/* Filters, checksums and codes one row of opaque pixels, straight from the surface, with "Up":
 * each RGB byte minus the one above it. Pixels equal to the ones above (most of a chart) are
 * runs of zeros, coded as such without being looked at byte by byte; they also keep the
 * opacity of the row above, so only the others are checked. Returns FALSE at the first pixel
 * that is not opaque. @buf holds the filtered row, as far as matches look back into it. */
static gboolean
deflate_row_opaque (Deflate       *z,
                    Adler         *adler,
                    const guint32 *row,
                    const guint32 *above,
                    int            width,
                    guint8        *buf)
{
  const guint32 mod = 65521;
  guint64 a = adler->a, b = adler->b;
  gboolean after_zero = FALSE;
  int x = 0;

  if (z->n_tokens + 3 * (gsize) width + 1 > BLOCK_TOKENS)
    write_block (z, FALSE);

  buf[0] = 2;
  add_literal (z, 2);
  a += 2;
  b += a;

  while (x < width)
    {
      int start = x;
      guint s, e;

      x = equal_run_end (row, above, x, width);
      if (x > start)
        {
          guint n = 3 * (x - start);

          /* Matches look back three bytes at most. */
          memset (buf + 1 + 3 * (x - 1), 0, 3);
          add_zeros (z, n, after_zero);
          b += (guint64) n * a;
          after_zero = TRUE;
          continue;
        }

      for (; x < width && row[x] != above[x]; x++)
        {
          guint8 *p = buf + 1 + 3 * x;

          if (row[x] < 0xff000000u)
            return FALSE;
          p[0] = (guint8) (row[x] >> 16) - (guint8) (above[x] >> 16);
          p[1] = (guint8) (row[x] >> 8) - (guint8) (above[x] >> 8);
          p[2] = (guint8) row[x] - (guint8) above[x];
        }
      s = 1 + 3 * start;
      e = 1 + 3 * x;
      for (guint i = s; i < e; i++)
        {
          a += buf[i];
          b += a;
        }
      deflate_bytes (z, buf, s, e, 3);
      after_zero = buf[e - 1] == 0;
    }

  /* Over a row, a and b stay far from overflowing 64 bits. */
  adler->a = a % mod;
  adler->b = b % mod;
  return TRUE;
}

static gboolean
row_opaque (const guint32 *row,
            int            width)
{
  guint32 alpha = 0xff000000u;

  for (int x = 0; x < width; x++)
    alpha &= row[x];

  return alpha == 0xff000000u;
}

static void
begin_chunk (Output     *out,
             const char *type,
             gsize      *start)
{
  *start = out->length;
  output_be32 (out, 0);
  output_append (out, type, 4);
}

/* Fills in the length of the chunk that starts at @start and appends its CRC, which covers its
 * type and data. */
static void
end_chunk (Output *out,
           gsize   start)
{
  gsize length = out->length - start - 8;
  guint8 *p = out->data + start;

  p[0] = length >> 24;
  p[1] = length >> 16;
  p[2] = length >> 8;
  p[3] = length;
  output_be32 (out, crc_update (0xffffffffu, p + 4, length + 4) ^ 0xffffffffu);
}

/* A band of rows, compressed on its own (matches never leave a row) so that bands can be
 * compressed at the same time and their streams put end to end. */
typedef struct
{
  const guint8 *pixels;
  int           width;
  int           stride;
  int           first, end;     /* rows */
  gboolean      opaque;
  gboolean      last;           /* the band that ends the stream */
  Output        out;
  Adler         adler;          /* of this band's filtered bytes alone */
  gsize         length;         /* how many filtered bytes that is */
  gboolean      done;           /* FALSE when a pixel was not opaque after all */
} Band;

static void
compress_band (Band *band)
{
  const guint8 *pixels = band->pixels;
  int width = band->width;
  gsize stride = band->stride;
  guint bpp = band->opaque ? 3 : 4;
  gsize row_bytes = (gsize) width * bpp;
  Deflate z = { &band->out };
  g_autofree guint8 *filtered = g_malloc (row_bytes + 1);
  g_autofree guint32 *tokens = g_new (guint32, BLOCK_TOKENS + row_bytes + 1);
  g_autofree guint8 *current = band->opaque ? NULL : g_malloc (row_bytes);
  g_autofree guint8 *previous = band->opaque ? NULL : g_malloc0 (row_bytes);
  g_autofree guint8 *zeros = band->opaque ? g_malloc0 ((gsize) width * 4) : NULL;

  z.tokens = tokens;
  band->adler = (Adler) { 1, 0 };
  band->length = (row_bytes + 1) * (band->end - band->first);
  band->done = FALSE;
  band->out.allocated = MAX (4096, row_bytes * (band->end - band->first) / 24);
  band->out.data = g_malloc (band->out.allocated);

  /* PNG takes the row above the first one as zeros. */
  if (!band->opaque && band->first > 0)
    convert_row ((const guint32 *) (pixels + (band->first - 1) * stride), width, FALSE,
                 previous);

  for (int y = band->first; y < band->end; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + y * stride);
      guint8 *swap;

      if (band->opaque)
        {
          const guint32 *above = y > 0 ? (const guint32 *) (pixels + (y - 1) * stride)
                                       : (const guint32 *) zeros;

          if ((y == 0 && !row_opaque (row, width)) ||
              !deflate_row_opaque (&z, &band->adler, row, above, width, filtered))
            return;
          continue;
        }

      filtered[0] = 2;
      convert_row (row, width, FALSE, current);
      for (gsize i = 0; i < row_bytes; i++)
        filtered[i + 1] = current[i] - previous[i];
      swap = previous;
      previous = current;
      current = swap;

      adler_update (&band->adler, filtered, row_bytes + 1);
      deflate_row (&z, filtered, row_bytes + 1, bpp);
    }

  write_block (&z, band->last);
  if (!band->last)
    {
      /* An empty stored block brings the stream to a byte boundary, where the next band's
       * stream starts (what zlib's Z_SYNC_FLUSH does). */
      output_reserve (&band->out, 16);
      put_bits (&band->out, 0, 3);
      flush_bits (&band->out);
      output_append (&band->out, (const guint8[]) { 0, 0, 0xff, 0xff }, 4);
    }
  flush_bits (&band->out);
  band->done = TRUE;
}

/* Bands compressed on other threads report to the one that waits for them all. */
typedef struct
{
  GMutex  lock;
  GCond   cond;
  guint   pending;
} Latch;

typedef struct
{
  Band  *band;
  Latch *latch;
} Job;

static void
run_job (gpointer data,
         gpointer unused)
{
  Job *job = data;

  compress_band (job->band);
  g_mutex_lock (&job->latch->lock);
  job->latch->pending--;
  g_cond_signal (&job->latch->cond);
  g_mutex_unlock (&job->latch->lock);
}

static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      GThreadPool *created = g_thread_pool_new (run_job, NULL, MAX_BANDS - 1, FALSE, NULL);

      g_once_init_leave (&pool, created);
    }

  return pool;
}

/* The Adler-32 of two byte strings end to end, from theirs and the second one's length. */
static Adler
adler_combine (Adler  first,
               Adler  second,
               gsize  second_length)
{
  const guint64 mod = 65521;
  guint64 n = second_length % mod;

  return (Adler) {
    (first.a + second.a + mod - 1) % mod,
    (first.b + second.b + n * ((first.a + mod - 1) % mod)) % mod,
  };
}

/* Writes the whole file into @out. An opaque image is written as RGB: when a pixel turns out
 * not to be opaque, FALSE is returned and the caller starts again as RGBA. Large images are
 * compressed in bands on all processors. */
static gboolean
encode (const guint8 *pixels,
        int           width,
        int           height,
        int           stride,
        gboolean      opaque,
        Output       *out)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  /* Deflate, a 32 KiB window; the check bits make the pair a multiple of 31. */
  static const guint8 zlib_header[2] = { 0x78, 0x01 };
  Band bands[MAX_BANDS];
  Job jobs[MAX_BANDS];
  Latch latch;
  Adler adler = { 1, 0 };
  gboolean done = TRUE;
  guint n_bands;
  gsize chunk;

  /* Below about 250,000 pixels, starting threads costs more than it saves. */
  n_bands = CLAMP ((guint) ((gsize) width * height / (250 * 1000)), 1,
                   MIN (MAX_BANDS, g_get_num_processors ()));
  n_bands = MIN (n_bands, (guint) height);

  for (guint i = 0; i < n_bands; i++)
    bands[i] = (Band) {
      .pixels = pixels, .width = width, .stride = stride, .opaque = opaque,
      .first = (gint64) height * i / n_bands, .end = (gint64) height * (i + 1) / n_bands,
      .last = i == n_bands - 1,
    };

  g_mutex_init (&latch.lock);
  g_cond_init (&latch.cond);
  latch.pending = n_bands - 1;
  for (guint i = 1; i < n_bands; i++)
    {
      jobs[i] = (Job) { &bands[i], &latch };
      g_thread_pool_push (get_pool (), &jobs[i], NULL);
    }
  compress_band (&bands[0]);
  g_mutex_lock (&latch.lock);
  while (latch.pending > 0)
    g_cond_wait (&latch.cond, &latch.lock);
  g_mutex_unlock (&latch.lock);
  g_mutex_clear (&latch.lock);
  g_cond_clear (&latch.cond);

  for (guint i = 0; i < n_bands; i++)
    done = done && bands[i].done;

  if (done)
    {
      output_append (out, signature, sizeof signature);

      begin_chunk (out, "IHDR", &chunk);
      output_be32 (out, width);
      output_be32 (out, height);
      output_append (out, (const guint8[]) { 8, opaque ? 2 : 6, 0, 0, 0 }, 5);
      end_chunk (out, chunk);

      begin_chunk (out, "IDAT", &chunk);
      output_append (out, zlib_header, sizeof zlib_header);
      for (guint i = 0; i < n_bands; i++)
        {
          output_append (out, bands[i].out.data, bands[i].out.length);
          adler = i == 0 ? bands[i].adler
                         : adler_combine (adler, bands[i].adler, bands[i].length);
        }
      output_be32 (out, (guint32) (adler.b << 16 | adler.a));
      end_chunk (out, chunk);

      begin_chunk (out, "IEND", &chunk);
      end_chunk (out, chunk);
    }

  for (guint i = 0; i < n_bands; i++)
    g_free (bands[i].out.data);

  return done;
}

/**
 * gr_png_encode:
 * @pixels: Cairo's %CAIRO_FORMAT_ARGB32 pixels (premultiplied, native-endian)
 * @stride: bytes from one row to the next
 *
 * Encodes the pixels as an 8-bit PNG: RGB when every pixel is opaque, RGBA otherwise.
 *
 * Returns: (transfer full): the PNG file.
 */
GBytes *
gr_png_encode (const guint8 *pixels,
               int           width,
               int           height,
               int           stride)
{
  static GOnce once = G_ONCE_INIT;
  Output out = { 0 };

  g_return_val_if_fail (pixels != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (stride >= width * 4, NULL);

  g_once (&once, init_tables, NULL);

  /* A flat-coloured chart compresses to a few percent of its pixels. */
  out.allocated = MAX (4096, (gsize) width * height / 16);
  out.data = g_malloc (out.allocated);

  if (!encode (pixels, width, height, stride, TRUE, &out))
    encode (pixels, width, height, stride, FALSE, &out);

  return g_bytes_new_take (out.data, out.length);
}

/**
 * gr_png_encode_surface:
 * @surface: a %CAIRO_FORMAT_ARGB32 image surface
 *
 * Returns: (transfer full): the surface as a PNG file.
 */
GBytes *
gr_png_encode_surface (cairo_surface_t *surface)
{
  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  return gr_png_encode (cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_width (surface),
                        cairo_image_surface_get_height (surface),
                        cairo_image_surface_get_stride (surface));
}
