/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The GTK application: one window per session, application-wide actions. */
#define G_LOG_DOMAIN "gr-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gr-application.h"
#include "gr-session-file.h"
#include "gr-window.h"

struct _GrApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GrApplication, gr_application, GTK_TYPE_APPLICATION)

static void
gr_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (gr_window_new (GR_APPLICATION (app)));

  gtk_window_present (window);
}

static void
gr_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      GrWindow *window = gr_window_new (GR_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      gr_window_open_file (window, files[i]);
    }
}

static void
gr_application_startup (GApplication *app)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (gr_application_parent_class)->startup (app);

  gtk_css_provider_load_from_resource (provider, "/io/github/grille/Grille/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "L’équipe Grille", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", "Grille",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Grille des savoir-faire pour une culture territoriale de "
                                       "l’engagement et de la participation citoyenne"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
gr_application_class_init (GrApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = gr_application_activate;
  app_class->open = gr_application_open;
  app_class->startup = gr_application_startup;
}

static void
gr_application_init (GrApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}

GrApplication *
gr_application_new (void)
{
  return g_object_new (GR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/grille/Grille",
                       NULL);
}
