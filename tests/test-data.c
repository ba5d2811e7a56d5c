/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Desktop integration as the system reads it: the .desktop file, the AppStream metainfo and
 * the MIME type carry every language, and the icons draw at their sizes. */
#include "config.h"

#include <gio/gio.h>
#include <librsvg/rsvg.h>
#include <string.h>

static const char *translations[] = { "en", "de", "es", "it", NULL };

/* The merged files are in the build tree, beside the sources' data/. */
static char *
built_data_file (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "data", name, NULL);
}

static char *
read_text (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

static void
test_desktop_file (void)
{
  g_autofree char *path = built_data_file (APP_ID ".desktop");
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *comment = NULL;

  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);

  exec = g_key_file_get_string (file, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "grille %F");
  mime = g_key_file_get_string (file, "Desktop Entry", "MimeType", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "application/x-grille-session;");
  comment = g_key_file_get_string (file, "Desktop Entry", "Comment", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (comment, "Évaluer les savoir-faire"));

  for (guint l = 0; translations[l]; l++)
    for (const char *keys[] = { "GenericName", "Comment", "Keywords", NULL }, **k = keys; *k; k++)
      {
        g_autofree char *source = g_key_file_get_string (file, "Desktop Entry", *k, NULL);
        g_autofree char *translated = g_key_file_get_locale_string (file, "Desktop Entry", *k,
                                                                    translations[l], &error);

        g_assert_no_error (error);
        g_assert_cmpstr (translated, !=, source);
        if (g_str_equal (*k, "Keywords"))
          g_assert_true (g_str_has_suffix (translated, ";"));
      }

  {
    g_autofree char *de = g_key_file_get_locale_string (file, "Desktop Entry", "GenericName",
                                                        "de", NULL);
    g_assert_cmpstr (de, ==, "Kompetenzraster");
  }
}

static void
test_metainfo (void)
{
  g_autofree char *path = built_data_file (APP_ID ".metainfo.xml");
  g_autofree char *text = read_text (path);

  g_assert_nonnull (strstr (text, "<id>" APP_ID "</id>"));
  g_assert_nonnull (strstr (text, "<launchable type=\"desktop-id\">" APP_ID ".desktop</launchable>"));
  g_assert_nonnull (strstr (text, "<binary>grille</binary>"));
  g_assert_nonnull (strstr (text, "<content_rating type=\"oars-1.1\"/>"));

  for (guint l = 0; translations[l]; l++)
    {
      g_autofree char *summary = g_strdup_printf ("<summary xml:lang=\"%s\">", translations[l]);
      g_autofree char *paragraph = g_strdup_printf ("<p xml:lang=\"%s\">", translations[l]);
      g_autofree char *item = g_strdup_printf ("<li xml:lang=\"%s\">", translations[l]);

      g_assert_nonnull (strstr (text, summary));
      g_assert_nonnull (strstr (text, paragraph));
      g_assert_nonnull (strstr (text, item));
    }
  g_assert_nonnull (strstr (text, "<summary xml:lang=\"it\">Fare il punto sui saper fare della "
                                  "partecipazione civica</summary>"));
}

static void
test_mime_type (void)
{
  g_autofree char *path = built_data_file (APP_ID ".xml");
  g_autofree char *text = read_text (path);

  g_assert_nonnull (strstr (text, "<mime-type type=\"application/x-grille-session\">"));
  g_assert_nonnull (strstr (text, "<glob pattern=\"*.grille\"/>"));
  g_assert_nonnull (strstr (text, "<comment>Session Grille</comment>"));
  g_assert_nonnull (strstr (text, "<comment xml:lang=\"en\">Grille session</comment>"));
  g_assert_nonnull (strstr (text, "<comment xml:lang=\"de\">Grille-Sitzung</comment>"));
  g_assert_nonnull (strstr (text, "<comment xml:lang=\"es\">Sesión de Grille</comment>"));
  g_assert_nonnull (strstr (text, "<comment xml:lang=\"it\">Sessione di Grille</comment>"));
}

/* Renders @name at @size pixels and counts its visible pixels; @colours collects the opaque
 * colours it uses. */
static guint
render_icon (const char *name,
             int         size,
             GHashTable *colours)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", "hicolor",
                                                 name, NULL);
  g_autoptr(GError) error = NULL;
  /* librsvg 2.54 defines no autoptr for its handle. */
  RsvgHandle *handle = rsvg_handle_new_from_file (path, &error);
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport = { 0, 0, size, size };
  gdouble width, height;
  guint visible = 0;

  g_assert_no_error (error);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height));
  g_assert_cmpfloat (width, ==, size);
  g_assert_cmpfloat (height, ==, size);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_surface_flush (surface);

  for (int y = 0; y < size; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) +
                                               y * cairo_image_surface_get_stride (surface));
      for (int x = 0; x < size; x++)
        {
          if ((row[x] >> 24) == 0)
            continue;
          visible++;
          if ((row[x] >> 24) == 0xff && colours != NULL)
            g_hash_table_add (colours, GUINT_TO_POINTER (row[x]));
        }
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (handle);
  return visible;
}

static void
test_icons (void)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  guint visible;

  /* The app icon fills most of its square, in several colours. */
  visible = render_icon ("scalable/apps/" APP_ID ".svg", 128, colours);
  g_assert_cmpuint (visible, >, 128 * 128 / 2);
  g_assert_cmpuint (g_hash_table_size (colours), >, 3);

  /* The symbolic icon is one colour, which the theme recolours. */
  g_hash_table_remove_all (colours);
  visible = render_icon ("symbolic/apps/" APP_ID "-symbolic.svg", 16, colours);
  g_assert_cmpuint (visible, >, 16 * 16 / 5);
  g_assert_cmpuint (g_hash_table_size (colours), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/data/desktop-file", test_desktop_file);
  g_test_add_func ("/data/metainfo", test_metainfo);
  g_test_add_func ("/data/mime-type", test_mime_type);
  g_test_add_func ("/data/icons", test_icons);

  return g_test_run ();
}
