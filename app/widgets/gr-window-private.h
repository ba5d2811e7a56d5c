/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the main window share: its structure, and the functions one concern calls
 * in another (gr-window.c: construction, properties, pages; -actions: the action table; -files:
 * open, save, close and recent sessions; -draft; -dnd; -compare; -participants; -keyboard). */
#pragma once

#include "gr-adaptive-box.h"
#include "gr-window.h"

G_BEGIN_DECLS

#define PAGE_OVERVIEW     "overview"
#define PAGE_PARTICIPANTS "participants"

struct _GrWindow
{
  GtkApplicationWindow  parent_instance;

  GrSession            *session;
  GFile                *file;
  char                 *file_stamp;         /* size and etag of the file when opened or saved */
  GrHistory            *history;
  GrParticipant        *participant;
  GPtrArray            *references;       /* earlier sessions on the charts, oldest first; not
                                           * saved, replaced as a whole when they change */
  gboolean              by_role;          /* the group chart: one line per role */
  char                 *chart_view;       /* "participant" or "group" */
  char                 *second_language;  /* "" or the code of a language shown under each text */
  gboolean              projector;
  gboolean              show_names;
  gboolean              close_confirmed;
  gboolean              closing;            /* the close question is open or being answered */
  gboolean              close_after_save;   /* the chooser saves, then the window closes */
  gboolean              updating;
  gboolean              loading;            /* a file is being read for this window */
  gboolean              disposed;           /* what a thread did for it has nowhere to go */
  GFile                *recent_pending;     /* opened before the first frame: listed after it */
  guint                 show_id;            /* shows the window still waiting for its file */
  gboolean              saving;             /* the session is being written, in a thread */
  gboolean              save_queued;        /* saving was asked again meanwhile */
  GFile                *save_queued_file;   /* to that file (Save As); NULL: the window's */
  gboolean              close_when_saved;   /* the window closes once the file is written */
  guint                 file_tasks;         /* files read or written for it, in threads */
  GtkWidget            *close_prompt;
  guint                 last_competency;    /* the competency page shown last */
  GtkWidget            *last_focus;         /* weak: where the focus goes back after a dialog */
  GtkWidget            *edit_focus;         /* weak: where it goes back after projector mode */
  GtkFileChooserNative *chooser;            /* Open, Save as or Compare, while it is shown */
  GtkWindow            *shortcuts_window;   /* built when first shown */

  GrDraft              *draft;
  guint                 draft_delay_id;     /* GR_DRAFT_DELAY_MS after the last change */
  guint                 draft_deadline_id;  /* GR_DRAFT_MAX_DELAY_MS after the first one */
  gboolean              draft_error_shown;

  GSettings            *settings;
  GPtrArray            *competency_pages;   /* NULL for each page not built yet */
  guint                 page_build_id;      /* builds the others after the first frame */
  gboolean              painted;            /* the window's first frame is drawn */
  GrOverviewPage       *overview;
  gboolean              overview_stale;     /* its participant or view changed while hidden */
  gboolean              participants_stale; /* the same for the participants page */
  guint                 actions_known;      /* bits: the actions set enabled or not once */
  guint                 actions_enabled;    /* bits: the state set */
  GrParticipantsPage   *participants_page;  /* NULL until first shown */

  GtkHeaderBar         *header_bar;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkButton            *open_button;
  GtkMenuButton        *recent_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkMenuButton        *menu_button;
  GtkButton            *projector_button;
  GtkButton            *export_button;
  GtkButton            *save_button;
  GtkStack             *mode_stack;
  GtkLabel             *participant_caption;
  GtkDropDown          *participant_dropdown;
  GtkLabel             *sidebar_caption;
  GtkListBox           *sidebar;
  GtkPaned             *paned;
  GrAdaptiveBox        *adaptive_box;
  GtkStack             *stack;
  GtkBox               *chart_panel;
  GtkLabel             *chart_caption;
  GrChartView          *chart;
  GrProjectorView      *projector_view;     /* built when projector mode is first used */
};

/* gr-window.c */
gboolean       _gr_window_is_group                 (GrWindow       *self);
void           _gr_window_update_actions           (GrWindow       *self);
void           _gr_window_update_scores            (GrWindow       *self);
void           _gr_window_show_shortcuts           (GrWindow       *self);

/* gr-window-actions.c */
void           _gr_window_class_actions_init       (GtkWidgetClass *widget_class);

/* gr-window-files.c */
typedef void (*GrWindowFilesRead) (GrWindow  *self,
                                   GPtrArray *loaded);

void           _gr_window_read_files               (GrWindow          *self,
                                                    GPtrArray         *files,
                                                    GrWindowFilesRead  callback);
gboolean       _gr_window_is_gone                  (GrWindow       *self);
void           _gr_window_take_new_session         (GrWindow       *self);
void           _gr_window_update_title             (GrWindow       *self);
void           _gr_window_update_recent_menu       (GrWindow       *self);
void           _gr_window_add_recent_pending       (GrWindow       *self);
GtkFileFilter *_gr_window_new_session_filter       (void);
void           _gr_window_choose_files_to_open     (GrWindow       *self);
char          *_gr_window_stamp_file               (GFile          *file);
void           _gr_window_open_in_window           (GrWindow       *self,
                                                    GFile          *file);
void           _gr_window_save_as                  (GrWindow       *self,
                                                    gboolean        close_after);
void           _gr_window_save_then                (GrWindow       *self,
                                                    gboolean        close_after);
void           _gr_window_save_state               (GrWindow       *self);
gboolean       _gr_window_hold_close               (GrWindow       *self);

/* gr-window-draft.c */
void           _gr_window_schedule_draft           (GrWindow       *self);
void           _gr_window_write_pending_draft      (GrWindow       *self);
void           _gr_window_discard_draft            (GrWindow       *self);

/* gr-window-dnd.c */
void           _gr_window_dnd_init                 (GrWindow       *self);

/* gr-window-compare.c */
void           _gr_window_apply_reference          (GrWindow       *self);
void           _gr_window_choose_reference         (GrWindow       *self);
void           _gr_window_clear_reference          (GrWindow       *self);

/* gr-window-gather.c */
void           _gr_window_choose_import            (GrWindow       *self);
void           _gr_window_choose_prepare           (GrWindow       *self);
void           _gr_window_gather_init_page         (GrWindow           *self,
                                                    GrParticipantsPage *page);

/* gr-window-keyboard.c */
void           _gr_window_keyboard_init            (GrWindow       *self);
void           _gr_window_name_controls            (GrWindow       *self);
gboolean       _gr_window_focus_page               (GrWindow       *self);
void           _gr_window_return_focus             (GrWindow       *self);
void           _gr_window_keep_edit_focus          (GrWindow       *self,
                                                    gboolean        projector);
void           _gr_window_return_focus_after       (GrWindow       *self,
                                                    GtkWindow      *dialog);
void           _gr_window_step_page                (GrWindow       *self,
                                                    int             step);

/* gr-window-participants.c */
void           _gr_window_participants_init        (GrWindow       *self);
void           _gr_window_on_participants_changed  (GrWindow       *self,
                                                    guint           position,
                                                    guint           removed,
                                                    guint           added,
                                                    GListModel     *model);
void           _gr_window_update_views             (GrWindow       *self);
void           _gr_window_update_hidden_pages      (GrWindow       *self);
void           _gr_window_update_participants_page (GrWindow       *self);
void           _gr_window_update_chart_caption     (GrWindow       *self);
void           _gr_window_ask_remove_participant   (GrWindow       *self,
                                                    const char     *name);

G_END_DECLS
