/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sessions dropped on the main window open, each in its own window unless this one is
 * untouched. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include "gr-window-private.h"

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GrWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  gboolean opened = FALSE;

  for (GSList *l = files; l; l = l->next)
    {
      _gr_window_open_in_window (self, l->data);
      opened = TRUE;
    }

  return opened;
}

void
_gr_window_dnd_init (GrWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
