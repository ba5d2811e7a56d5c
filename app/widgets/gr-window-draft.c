/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window's draft: a copy of unsaved work written a moment after each change, removed
 * once the work is saved or deliberately dropped, and put back after a crash. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include "gr-i18n.h"
#include "gr-ui.h"
#include "gr-window-private.h"

/* Whether a draft is to be written now; the timers are done with either way. Back to the saved
 * state (undone, or saved meanwhile), there is nothing to keep. */
static gboolean
draft_due (GrWindow *self)
{
  g_clear_handle_id (&self->draft_delay_id, g_source_remove);
  g_clear_handle_id (&self->draft_deadline_id, g_source_remove);

  if (self->session == NULL)
    return FALSE;
  if (!gr_window_is_modified (self))
    {
      if (self->draft != NULL)
        gr_draft_discard (self->draft);
      return FALSE;
    }
  if (self->draft == NULL)
    self->draft = gr_draft_new ();
  return TRUE;
}

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GrWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gr_draft_write_finish (GR_DRAFT (source), result, &error))
    return;

  g_warning ("%s", error->message);
  /* Said once: the user may save by hand; repeating it at each keystroke would stop work. A
   * window gone meanwhile says nothing. */
  if (!self->draft_error_shown && !_gr_window_is_gone (self))
    gr_ui_show_error (GTK_WIDGET (self),
                      _("La copie de secours automatique ne peut pas être écrite"),
                      error->message);
  self->draft_error_shown = TRUE;
}

/* The session is written in a thread: typing goes on meanwhile. */
static gboolean
write_draft (gpointer user_data)
{
  GrWindow *self = user_data;

  if (draft_due (self))
    gr_draft_write_async (self->draft, self->session, self->file, NULL, on_draft_written,
                          g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Writes the draft now, before this returns, if one is due: the window is going away, perhaps
 * with the process. */
void
_gr_window_write_pending_draft (GrWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->draft_delay_id == 0 && self->draft_deadline_id == 0)
    return;
  if (draft_due (self) && !gr_draft_write (self->draft, self->session, self->file, &error))
    g_warning ("%s", error->message);
}

void
_gr_window_discard_draft (GrWindow *self)
{
  g_clear_handle_id (&self->draft_delay_id, g_source_remove);
  g_clear_handle_id (&self->draft_deadline_id, g_source_remove);
  if (self->draft != NULL)
    gr_draft_discard (self->draft);
}

/* Written a moment after the user stops, and at the latest GR_DRAFT_MAX_DELAY_MS after the
 * first change, so that even continuous typing is never more than that behind. Whether the
 * session is modified is decided when the draft is written: the session says "changed"
 * before the history has recorded some changes. */
void
_gr_window_schedule_draft (GrWindow *self)
{
  g_clear_handle_id (&self->draft_delay_id, g_source_remove);
  self->draft_delay_id = g_timeout_add (GR_DRAFT_DELAY_MS, write_draft, self);
  if (self->draft_deadline_id == 0)
    self->draft_deadline_id = g_timeout_add (GR_DRAFT_MAX_DELAY_MS, write_draft, self);
}

/* Puts a draft found after a crash back in this window, as unsaved changes to its file. */
gboolean
gr_window_restore_draft (GrWindow  *self,
                         GrDraft   *draft,
                         GError   **error)
{
  g_autoptr(GrSession) session = NULL;

  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (GR_IS_DRAFT (draft), FALSE);

  if (!(session = gr_draft_load (draft, error)))
    return FALSE;

  gr_window_set_session (self, session, gr_draft_get_origin (draft));
  g_set_object (&self->draft, draft);
  gr_history_mark_modified (self->history);
  _gr_window_update_title (self);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the window's draft, once one was written. */
GrDraft *
gr_window_get_draft (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->draft;
}
