/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: one session, its competencies in a sidebar, a page per competency with the
 * live chart beside or below it, the overview, the participants and projector mode. This file
 * builds it and switches its pages and modes; files, drafts, comparison, participants, drag
 * and drop and the actions are in the gr-window-*.c files beside it. */
#define G_LOG_DOMAIN "gr-window"

#include "config.h"

#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "gr-competency.h"
#include "gr-i18n.h"
#include "gr-translator.h"
#include "gr-ui.h"
#include "gr-window-private.h"

G_DEFINE_FINAL_TYPE (GrWindow, gr_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CHART_VIEW,
  PROP_PROJECTOR,
  PROP_SHOW_NAMES,
  PROP_SECOND_LANGUAGE,
  PROP_FOR_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLOSE_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
_gr_window_is_group (GrWindow *self)
{
  /* By role is a view of the group. */
  return g_strcmp0 (self->chart_view, "group") == 0 || g_strcmp0 (self->chart_view, "role") == 0;
}

void
_gr_window_update_actions (GrWindow *self)
{
  static const char *names[] = { "win.undo", "win.redo", "win.remove-participant",
                                 "win.compare-clear" };
  gboolean has_session = self->session != NULL;
  gboolean enabled[] = {
    self->history && gr_history_can_undo (self->history),
    self->history && gr_history_can_redo (self->history),
    has_session && gr_session_get_n_participants (self->session) > 1,
    self->references->len > 0,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (enabled));

  /* Called at each keystroke: GTK 4.8 tells every button bound to an action that it changed,
   * even when it did not (each participant row has two). */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!(self->actions_known & (1u << i)) || !(self->actions_enabled & (1u << i)) != !enabled[i])
      {
        gtk_widget_action_set_enabled (GTK_WIDGET (self), names[i], enabled[i]);
        self->actions_known |= 1u << i;
        self->actions_enabled = enabled[i] ? self->actions_enabled | (1u << i)
                                           : self->actions_enabled & ~(1u << i);
      }
}

/* The overview's check buttons choose the group's lines; the live chart and the projector's
 * show the same ones. */
static void
follow_overview_series (GrWindow    *self,
                        GrChartView *target)
{
  static const char *names[] = { "show-mean", "show-band", "hidden-participants",
                                 "shown-participants" };
  GrChartView *source = gr_overview_page_get_chart (self->overview);

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    g_object_bind_property (source, names[n], target, names[n], G_BINDING_SYNC_CREATE);
}

/* A window opens on the overview: the competency pages are built after its first frame (see
 * build_next_page()) or when first asked for, the participants page and the projector view
 * when first shown. A competency page built earlier takes the current participant when it is
 * shown again (_gr_window_update_views() rebinds only the page on screen). */
static GrCompetencyPage *
ensure_competency_page (GrWindow *self,
                        guint     position)
{
  GrCompetencyPage *page = g_ptr_array_index (self->competency_pages, position);
  GrGrid *grid;
  GrCompetency *competency;

  if (page != NULL)
    {
      gr_competency_page_set_participant (page, self->participant);
      gr_competency_page_set_group (page, _gr_window_is_group (self));
      return page;
    }

  grid = gr_session_get_grid (self->session);
  competency = gr_grid_get_competency (grid, position);
  page = GR_COMPETENCY_PAGE (gr_competency_page_new (grid, competency));
  g_ptr_array_index (self->competency_pages, position) = page;
  gr_competency_page_set_second_language (page, self->second_language);
  gr_competency_page_set_participant (page, self->participant);
  gr_competency_page_set_group (page, _gr_window_is_group (self));
  gr_competency_page_set_session (page, self->session);
  gtk_stack_add_named (self->stack, GTK_WIDGET (page), gr_competency_get_id (competency));
  return page;
}

static GrParticipantsPage *ensure_participants_page (GrWindow *self);

/* After the window's first frame, the pages not built yet are built one at a time when GTK has
 * nothing else to do (after input and frames): the first visit to a page then costs what any
 * visit costs. Then the overview's parts that only a group shows, and the participants page
 * last, its list empty: the page fills it a few rows at a time (a session may have a thousand
 * participants). */
static gboolean
build_next_page (gpointer user_data)
{
  GrWindow *self = user_data;

  for (guint i = 0; i < self->competency_pages->len; i++)
    if (g_ptr_array_index (self->competency_pages, i) == NULL)
      {
        ensure_competency_page (self, i);
        return G_SOURCE_CONTINUE;
      }
  if (self->overview != NULL && gr_overview_page_build_group_parts (self->overview))
    return G_SOURCE_CONTINUE;
  ensure_participants_page (self);

  self->page_build_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_page_builds (GrWindow *self)
{
  if (!self->painted || self->page_build_id != 0)
    return;
  self->page_build_id = g_idle_add_full (G_PRIORITY_LOW, build_next_page, self, NULL);
}

/* What the window's first frame can do without. */
static gboolean
after_first_frame (gpointer user_data)
{
  GrWindow *self = user_data;

  _gr_window_add_recent_pending (self);
  /* The icon an X11 desktop shows for the window: GTK renders it when it realizes the window,
   * from the installed SVG through librsvg, 4 ms before the first frame otherwise. Wayland
   * takes it from the .desktop file. The windows made later (dialogs) take the default, set
   * once: setting it again loads the icon again for every window that shows the default. */
  if (g_strcmp0 (gtk_window_get_default_icon_name (), APP_ID) != 0)
    gtk_window_set_default_icon_name (APP_ID);
  gtk_window_set_icon_name (GTK_WINDOW (self), APP_ID);
  return G_SOURCE_REMOVE;
}

static gboolean
on_first_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  GrWindow *self = GR_WINDOW (widget);

  self->painted = TRUE;
  schedule_page_builds (self);
  g_idle_add_full (G_PRIORITY_LOW, after_first_frame, g_object_ref (self), g_object_unref);
  return G_SOURCE_REMOVE;
}

static GrParticipantsPage *
ensure_participants_page (GrWindow *self)
{
  if (self->participants_page == NULL)
    {
      self->participants_page = GR_PARTICIPANTS_PAGE (gr_participants_page_new ());
      gr_participants_page_set_session (self->participants_page, self->session);
      self->participants_stale = TRUE;
      _gr_window_gather_init_page (self, self->participants_page);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->participants_page), PAGE_PARTICIPANTS);
    }
  _gr_window_update_participants_page (self);
  return self->participants_page;
}

static GrProjectorView *
ensure_projector (GrWindow *self)
{
  GrChartView *chart;

  if (self->projector_view != NULL)
    return self->projector_view;

  self->projector_view = GR_PROJECTOR_VIEW (gr_projector_view_new ());
  chart = gr_projector_view_get_chart (self->projector_view);
  gr_projector_view_set_session (self->projector_view, self->session);
  gr_projector_view_set_second_language (self->projector_view, self->second_language);
  gr_projector_view_set_show_names (self->projector_view, self->show_names);
  gr_chart_view_set_references (chart, self->references);
  gr_projector_view_set_by_role (self->projector_view, self->by_role);
  follow_overview_series (self, chart);
  /* The three charts are one chart shown in three places: one name. */
  gr_ui_set_label (GTK_WIDGET (chart), _("Graphique radar"));
  gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->projector_view), "projector");
  _gr_window_update_views (self);
  return self->projector_view;
}

void
_gr_window_update_scores (GrWindow *self)
{
  GrGrid *grid;

  if (self->session == NULL)
    return;

  grid = gr_session_get_grid (self->session);
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);
      GrSidebarRow *row = gr_window_get_sidebar_row (self, gr_competency_get_id (competency));
      GrStats stats = { 0 };

      if (_gr_window_is_group (self))
        gr_session_get_competency_stats (self->session, c, &stats);
      else if (self->participant != NULL)
        gr_participant_get_competency_stats (self->participant, c, &stats);

      if (row != NULL)
        gr_sidebar_row_set_score (row, &stats, grid);
    }

  /* The page beside edits one participant: say that these scores are the group's. */
  gtk_label_set_text (self->sidebar_caption, _("Scores du groupe"));
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_caption), _gr_window_is_group (self));
}
/* The history may learn of a change after the session's "changed" (a participant added or
 * removed, a redo): the draft is scheduled from here too. */
static void
on_history_notify (GrWindow *self)
{
  _gr_window_update_title (self);
  _gr_window_update_actions (self);
  _gr_window_schedule_draft (self);
}

static void
on_session_changed (GrWindow *self)
{
  _gr_window_update_scores (self);
  _gr_window_update_chart_caption (self);
  _gr_window_update_actions (self);
  _gr_window_schedule_draft (self);
}

static void
on_row_selected (GrWindow      *self,
                 GtkListBoxRow *row)
{
  const char *page;
  guint position;

  if (row == NULL)
    return;

  page = gr_sidebar_row_get_page (GR_SIDEBAR_ROW (row));
  if (gr_grid_find_competency (gr_session_get_grid (self->session), page, &position))
    {
      ensure_competency_page (self, position);
      self->last_competency = position;
      if (self->projector_view != NULL)
        gr_projector_view_set_competency (self->projector_view, position);
    }
  else if (g_str_equal (page, PAGE_PARTICIPANTS))
    ensure_participants_page (self);
  else
    _gr_window_update_hidden_pages (self);
  gtk_stack_set_visible_child_name (self->stack, page);
  /* The overview has the chart large already; the participants page needs the room. */
  gtk_widget_set_visible (GTK_WIDGET (self->chart_panel),
                          !g_str_equal (page, PAGE_OVERVIEW) &&
                          !g_str_equal (page, PAGE_PARTICIPANTS));
}

/* The sidebar's titles and the overview chart's name; the pages label themselves when built. */
static void
label_pages (GrWindow *self)
{
  GrGrid *grid = gr_session_get_grid (self->session);

  gr_sidebar_row_set_title (gr_window_get_sidebar_row (self, PAGE_OVERVIEW), _("Vue d’ensemble"));
  gr_sidebar_row_set_title (gr_window_get_sidebar_row (self, PAGE_PARTICIPANTS),
                            _("Participants"));
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    {
      GrCompetency *competency = gr_grid_get_competency (grid, c);

      gr_sidebar_row_set_title (gr_window_get_sidebar_row (self,
                                                           gr_competency_get_id (competency)),
                                gr_ui_grid_text (gr_competency_get_title (competency)));
    }
  gr_ui_set_label (GTK_WIDGET (gr_overview_page_get_chart (self->overview)),
                   _("Graphique radar"));
}

/* The pages for a new session. A session on the same grid (a file opened in the window that
 * started empty, the case of every file given at start) keeps the sidebar and the overview,
 * which follow the session: the window's first frame does not build them twice. */
static void
rebuild_pages (GrWindow *self,
               GrGrid   *old_grid)
{
  GrGrid *grid = gr_session_get_grid (self->session);
  gboolean same_grid = grid == old_grid && self->overview != NULL;
  GtkWidget *child;
  GtkWidget *row;

  child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (!same_grid || child != GTK_WIDGET (self->overview))
        gtk_stack_remove (self->stack, child);
      child = next;
    }
  g_ptr_array_set_size (self->competency_pages, 0);
  g_ptr_array_set_size (self->competency_pages, gr_grid_get_n_competencies (grid));
  self->participants_page = NULL;
  self->overview_stale = TRUE;

  if (same_grid)
    {
      gr_overview_page_set_session (self->overview, self->session);
      schedule_page_builds (self);
      _gr_window_apply_reference (self);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))))
    gtk_list_box_remove (self->sidebar, child);
  self->overview = GR_OVERVIEW_PAGE (gr_overview_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->overview), PAGE_OVERVIEW);
  gtk_list_box_append (self->sidebar, gr_sidebar_row_new (PAGE_OVERVIEW,
                                                          "view-grid-symbolic"));
  for (guint c = 0; c < gr_grid_get_n_competencies (grid); c++)
    gtk_list_box_append (self->sidebar,
                         gr_sidebar_row_new (gr_competency_get_id (gr_grid_get_competency (grid,
                                                                                           c)),
                                             NULL));
  row = gr_sidebar_row_new (PAGE_PARTICIPANTS, "system-users-symbolic");
  gtk_widget_add_css_class (row, "sidebar-last");
  gtk_list_box_append (self->sidebar, row);
  label_pages (self);

  gr_overview_page_set_session (self->overview, self->session);
  schedule_page_builds (self);
  follow_overview_series (self, self->chart);
  if (self->projector_view != NULL)
    follow_overview_series (self, gr_projector_view_get_chart (self->projector_view));
  _gr_window_apply_reference (self);
}

#define TEMPLATE "/io/github/grille/Grille/gr-window.ui"

/* The primary menu is translated when it is built: when it is first opened (its 190 widgets
 * are not needed for the window's first frame), and again when the interface language changes
 * after that. */
static void
build_menu (GrWindow *self)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/grille/Grille/gr-menus.ui");

  gtk_menu_button_set_menu_model (self->menu_button,
                                  G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
}

static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    build_menu (GR_WINDOW (user_data));
}

/* The recent sessions as they are when the menu opens (one saved a minute ago included). */
static void
create_recent_menu (GtkMenuButton *button,
                    gpointer       user_data)
{
  _gr_window_update_recent_menu (GR_WINDOW (user_data));
}

/* Sets every text of the window again, in the language gettext now uses: called whenever the
 * interface language changes (the window and its pages label themselves when built). */
void
gr_window_relabel (GrWindow *self)
{
  g_return_if_fail (GR_IS_WINDOW (self));

  gr_ui_retranslate (GTK_WIDGET (self), GR_TYPE_WINDOW, TEMPLATE);
  _gr_window_name_controls (self);
  if (gtk_menu_button_get_menu_model (self->menu_button) != NULL)
    build_menu (self);
  /* Built again, in the new language, when it is next asked for. */
  g_clear_pointer (&self->shortcuts_window, gtk_window_destroy);

  if (self->session != NULL)
    {
      label_pages (self);
      for (guint i = 0; i < self->competency_pages->len; i++)
        if (g_ptr_array_index (self->competency_pages, i) != NULL)
          gr_competency_page_relabel (g_ptr_array_index (self->competency_pages, i));
      gr_overview_page_relabel (self->overview);
      if (self->participants_page != NULL)
        gr_participants_page_relabel (self->participants_page);
    }
  if (self->projector_view != NULL)
    {
      gr_projector_view_relabel (self->projector_view);
      gr_ui_set_label (GTK_WIDGET (gr_projector_view_get_chart (self->projector_view)),
                       _("Graphique radar"));
    }

  _gr_window_update_title (self);
  _gr_window_update_scores (self);
  _gr_window_update_chart_caption (self);
  /* The chart's labels are the grid's texts: draw them again in the new language. */
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

/* The shortcuts window is built the first time it is asked for, and kept. */
void
_gr_window_show_shortcuts (GrWindow *self)
{
  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/grille/Grille/help-overlay.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_modal (self->shortcuts_window, TRUE);
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }
  gtk_window_present (self->shortcuts_window);
}

/* Properties */

static void
set_projector (GrWindow *self,
               gboolean  projector)
{
  if (self->projector == projector)
    return;

  self->projector = projector;
  if (projector)
    {
      const char *page = gr_window_get_page (self);
      guint position = 0;

      _gr_window_save_state (self);
      _gr_window_keep_edit_focus (self, TRUE);
      ensure_projector (self);
      if (gr_grid_find_competency (gr_session_get_grid (self->session), page, &position))
        gr_projector_view_set_competency (self->projector_view, position);
      gtk_stack_set_visible_child_name (self->mode_stack, "projector");
      gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_set_visible (GTK_WIDGET (self->header_bar), TRUE);
      gtk_stack_set_visible_child_name (self->mode_stack, "edit");
      _gr_window_keep_edit_focus (self, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECTOR]);
}

static void
set_chart_view (GrWindow   *self,
                const char *view)
{
  if (!g_str_equal (view, "group") && !g_str_equal (view, "role"))
    view = "participant";
  if (!gr_set_str (&self->chart_view, view))
    return;

  _gr_window_update_views (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_VIEW]);
}

static void
set_second_language (GrWindow   *self,
                     const char *code)
{
  if (code == NULL)
    code = "";
  if (!gr_set_str (&self->second_language, code))
    return;

  for (guint i = 0; i < self->competency_pages->len; i++)
    if (g_ptr_array_index (self->competency_pages, i) != NULL)
      gr_competency_page_set_second_language (g_ptr_array_index (self->competency_pages, i),
                                              code);
  if (self->projector_view != NULL)
    gr_projector_view_set_second_language (self->projector_view, code);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECOND_LANGUAGE]);
}

static void
gr_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GrWindow *self = GR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHART_VIEW:
      g_value_set_string (value, self->chart_view);
      break;
    case PROP_PROJECTOR:
      g_value_set_boolean (value, self->projector);
      break;
    case PROP_SHOW_NAMES:
      g_value_set_boolean (value, self->show_names);
      break;
    case PROP_SECOND_LANGUAGE:
      g_value_set_string (value, self->second_language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gr_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GrWindow *self = GR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CHART_VIEW:
      set_chart_view (self, g_value_get_string (value));
      break;
    case PROP_PROJECTOR:
      set_projector (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_NAMES:
      if (self->show_names != g_value_get_boolean (value))
        {
          self->show_names = g_value_get_boolean (value);
          if (self->projector_view != NULL)
            gr_projector_view_set_show_names (self->projector_view, self->show_names);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SECOND_LANGUAGE:
      set_second_language (self, g_value_get_string (value));
      break;
    case PROP_FOR_FILE:
      self->loading = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_focus_changed (GrWindow *self)
{
  /* A new undo step starts when the user moves to another field. */
  if (self->history != NULL)
    gr_history_seal (self->history);
}

static gboolean
on_key_pressed (GrWindow        *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (!self->projector)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      set_projector (self, FALSE);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_space:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.next-competency", NULL);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.previous-competency", NULL);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_Up:
      gr_projector_view_scroll (self->projector_view, keyval == GDK_KEY_Down ? 1 : -1);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The monitor the window is on, or will open on (the primary one, else the first). */
static GdkMonitor *
get_monitor (GrWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  g_autoptr(GdkMonitor) first = NULL;
  GdkMonitor *monitor = NULL;

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (display, surface);
#ifdef GDK_WINDOWING_X11
  if (monitor == NULL && GDK_IS_X11_DISPLAY (display))
    monitor = gdk_x11_display_get_primary_monitor (display);
#endif
  if (monitor == NULL)
    monitor = first = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  /* The display's list holds it. */
  return monitor;
}

/* Whether the window takes at most three quarters of every monitor: it then fits whatever
 * panels and docks take at the edges of whichever it opens on. Asked first, as knowing that
 * monitor and its work area takes the X server some fifteen round trips, twice at each start
 * (the window realized, then shown on its monitor). */
static gboolean
fits_every_monitor (GrWindow *self,
                    int       width,
                    int       height)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n_monitors = g_list_model_get_n_items (monitors);

  for (guint i = 0; i < n_monitors; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      if (width > geometry.width * 3 / 4 || height > geometry.height * 3 / 4)
        return FALSE;
    }
  return n_monitors > 0;
}

/* The default or saved size, no larger than the monitor's work area (where the window can be
 * without going under a panel or off the screen): at GDK_SCALE=2 a 1920×1080 screen has the
 * room of a 960×540 one, and a window larger than its screen has its edges and buttons out of
 * reach. */
static void
fit_to_monitor (GrWindow *self)
{
  GdkMonitor *monitor;
  GdkRectangle area;
  int width, height;

  if (gtk_window_is_maximized (GTK_WINDOW (self)) ||
      gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (fits_every_monitor (self, width, height) || (monitor = get_monitor (self)) == NULL)
    return;

  gdk_monitor_get_geometry (monitor, &area);
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_MONITOR (monitor))
    gdk_x11_monitor_get_workarea (monitor, &area);
#endif
  if (area.width <= 0 || area.height <= 0)
    return;

  if (width > area.width || height > area.height)
    gtk_window_set_default_size (GTK_WINDOW (self), MIN (width, area.width),
                                 MIN (height, area.height));
}

/* GTK has computed the window's style (gtk_window_show() does before it realizes it) and
 * measures it next: its texts' fonts are readied then. The window may open on another
 * monitor than the one guessed at first. */
static void
on_realize (GrWindow *self)
{
  gr_ui_prepare_fonts (GTK_WIDGET (self));
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "enter-monitor",
                           G_CALLBACK (fit_to_monitor), self, G_CONNECT_SWAPPED);
  fit_to_monitor (self);
}

static gboolean
gr_window_close_request (GtkWindow *window)
{
  if (_gr_window_hold_close (GR_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (gr_window_parent_class)->close_request (window);
}

static void
gr_window_constructed (GObject *object)
{
  GrWindow *self = GR_WINDOW (object);

  G_OBJECT_CLASS (gr_window_parent_class)->constructed (object);
  if (!self->loading)
    _gr_window_take_new_session (self);
}

static void
gr_window_dispose (GObject *object)
{
  GrWindow *self = (GrWindow *)object;

  self->disposed = TRUE;
  /* A window closed by the user removed its draft; one destroyed otherwise (the process
   * ending without a close) keeps it, like a crash would. Write what is pending now. */
  _gr_window_write_pending_draft (self);
  g_clear_handle_id (&self->page_build_id, g_source_remove);
  g_clear_handle_id (&self->show_id, g_source_remove);
  g_clear_object (&self->recent_pending);
  gr_ui_clear_chooser (&self->chooser, self);
  g_clear_weak_pointer (&self->last_focus);
  g_clear_weak_pointer (&self->edit_focus);
  g_clear_pointer (&self->shortcuts_window, gtk_window_destroy);
  if (self->close_prompt != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->close_prompt),
                                    (gpointer *) &self->close_prompt);
      self->close_prompt = NULL;
    }

  /* The pages the binding updates are about to go. */
  if (self->settings != NULL)
    g_settings_unbind (self, "second-language");
  gtk_widget_dispose_template (GTK_WIDGET (self), GR_TYPE_WINDOW);
  g_clear_pointer (&self->competency_pages, g_ptr_array_unref);
  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_object (&self->participant);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->file_stamp, g_free);
  g_clear_object (&self->draft);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gr_window_parent_class)->dispose (object);
}

static void
gr_window_finalize (GObject *object)
{
  g_free (GR_WINDOW (object)->chart_view);
  g_free (GR_WINDOW (object)->second_language);
  G_OBJECT_CLASS (gr_window_parent_class)->finalize (object);
}

static void
gr_window_class_init (GrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gr_window_constructed;
  object_class->dispose = gr_window_dispose;
  object_class->finalize = gr_window_finalize;
  object_class->get_property = gr_window_get_property;
  object_class->set_property = gr_window_set_property;
  window_class->close_request = gr_window_close_request;

  properties[PROP_CHART_VIEW] =
    g_param_spec_string ("chart-view", NULL, NULL, "participant",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECTOR] =
    g_param_spec_boolean ("projector", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NAMES] =
    g_param_spec_boolean ("show-names", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The language shown under each text of the grid, for multilingual workshops ("" none). */
  properties[PROP_SECOND_LANGUAGE] =
    g_param_spec_string ("second-language", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Made for a file given at start, read meanwhile: the window takes no session of its own,
   * only the file's (or a new one if the file cannot be read, or is slow to come): it is
   * filled once. */
  properties[PROP_FOR_FILE] =
    g_param_spec_boolean ("for-file", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A close that was asked for will not happen: the user cancelled, or the save failed. */
  signals[CLOSE_CANCELLED] =
    g_signal_new ("close-cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GR_TYPE_ADAPTIVE_BOX);
  g_type_ensure (GR_TYPE_CHART_VIEW);
  /* GtkBuilder finds a type not registered yet by looking its get_type() up among the symbols
   * of every library loaded (twice: 36 look-ups, over a millisecond before the first frame);
   * the GTK types the window's first templates use are registered here first. */
  {
    GType gtk_types[] = {
      GTK_TYPE_BOX, GTK_TYPE_BUTTON, GTK_TYPE_DROP_DOWN, GTK_TYPE_ENTRY, GTK_TYPE_FLOW_BOX,
      GTK_TYPE_FRAME, GTK_TYPE_GRID, GTK_TYPE_HEADER_BAR, GTK_TYPE_LABEL, GTK_TYPE_LEVEL_BAR,
      GTK_TYPE_LIST_BOX, GTK_TYPE_LIST_VIEW, GTK_TYPE_MENU_BUTTON, GTK_TYPE_PANED,
      GTK_TYPE_SCROLLED_WINDOW, GTK_TYPE_SEARCH_ENTRY, GTK_TYPE_STACK, GTK_TYPE_STACK_PAGE,
    };

    for (guint i = 0; i < G_N_ELEMENTS (gtk_types); i++)
      g_type_ensure (gtk_types[i]);
  }

  gtk_widget_class_set_template_from_resource (widget_class, TEMPLATE);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, projector_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, participant_caption);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, participant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, sidebar_caption);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, adaptive_box);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, chart_panel);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, GrWindow, chart);

  _gr_window_class_actions_init (widget_class);
}

/* Shows a new session, the one run today. */
void
_gr_window_take_new_session (GrWindow *self)
{
  g_autoptr(GrSession) session = gr_session_new (gr_grid_get_default ());
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gr_session_set_date (session, today);
  gr_window_set_session (self, session, NULL);
}

static void
gr_window_init (GrWindow *self)
{
  GtkEventController *keys;

  self->chart_view = g_strdup ("participant");
  self->second_language = g_strdup ("");
  self->show_names = TRUE;
  self->competency_pages = g_ptr_array_new ();
  self->references = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  gr_ui_show_tooltipped (GTK_WIDGET (self->open_button), GTK_WIDGET (self->recent_button),
                         GTK_WIDGET (self->undo_button), GTK_WIDGET (self->redo_button),
                         GTK_WIDGET (self->menu_button), GTK_WIDGET (self->projector_button),
                         GTK_WIDGET (self->export_button), GTK_WIDGET (self->save_button),
                         NULL);
  _gr_window_name_controls (self);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
  gtk_menu_button_set_create_popup_func (self->recent_button, create_recent_menu, self, NULL);
  /* Not bound as template children: dispose_template() would unparent them behind
   * GtkWindow's back, and GtkWindow unparents its title bar and child itself. */
  self->header_bar = GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (self)));
  self->mode_stack = GTK_STACK (gtk_window_get_child (GTK_WINDOW (self)));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  /* Fitted to its monitor when realized, before its size is first taken. */
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  _gr_window_participants_init (self);
  g_signal_connect_object (self->sidebar, "row-selected", G_CALLBACK (on_row_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_changed), NULL);

  _gr_window_dnd_init (self);
  _gr_window_keyboard_init (self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* Every window follows the choice at once, wherever it is made. */
  g_settings_bind (self->settings, "second-language", self, "second-language",
                   G_SETTINGS_BIND_GET);

  /* The session comes once the window is constructed: a new one, or its file's. Run in the
   * first frame: the pages are built after it. */
  gtk_widget_add_tick_callback (GTK_WIDGET (self), on_first_tick, NULL, NULL);
}

GrWindow *
gr_window_new (GrApplication *application)
{
  return g_object_new (GR_TYPE_WINDOW, "application", application, NULL);
}

GrSession *
gr_window_get_session (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->session;
}

/* Returns: (transfer none) (nullable): the file the session is saved in. */
GFile *
gr_window_get_file (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->file;
}

/* Shows @session, read from @file (NULL for a new one); its state counts as saved. */
void
gr_window_set_session (GrWindow  *self,
                       GrSession *session,
                       GFile     *file)
{
  g_autofree char *page = NULL;
  g_autoptr(GrGrid) old_grid = NULL;

  g_return_if_fail (GR_IS_WINDOW (self));
  g_return_if_fail (GR_IS_SESSION (session));

  page = g_strdup (self->session ? gr_window_get_page (self) : PAGE_OVERVIEW);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (gr_session_get_participants (self->session), self);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  /* The pages need someone to edit: a session always has a participant. */
  if (gr_session_get_n_participants (session) == 0)
    {
      g_autoptr(GrParticipant) participant =
        gr_participant_new (gr_session_get_grid (session), _("Participant 1"));
      gr_session_add_participant (session, participant, NULL);
    }

  old_grid = self->session != NULL ? g_object_ref (gr_session_get_grid (self->session)) : NULL;
  g_set_object (&self->session, session);
  g_set_object (&self->file, file);
  g_free (self->file_stamp);
  self->file_stamp = file != NULL ? _gr_window_stamp_file (file) : NULL;
  g_clear_object (&self->participant);
  g_clear_object (&self->history);
  self->history = gr_history_new (session);
  self->close_confirmed = FALSE;

  rebuild_pages (self, old_grid);
  gr_chart_view_set_session (self->chart, session);
  if (self->projector_view != NULL)
    gr_projector_view_set_session (self->projector_view, session);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->participant_dropdown, gr_session_get_participants (session));
  self->updating = FALSE;

  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gr_session_get_participants (session), "items-changed",
                           G_CALLBACK (_gr_window_on_participants_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->history, "notify::modified", G_CALLBACK (on_history_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (on_history_notify),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (on_history_notify),
                           self, G_CONNECT_SWAPPED);

  _gr_window_update_title (self);
  gr_window_set_participant (self, gr_session_get_participant (session, 0));
  if (gr_window_get_sidebar_row (self, page) == NULL)
    gr_set_str (&page, PAGE_OVERVIEW);
  gr_window_show_page (self, page);
  _gr_window_update_actions (self);
}

gboolean
gr_window_is_modified (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  return self->history != NULL && gr_history_is_modified (self->history);
}

/* Returns: (transfer none) */
GrHistory *
gr_window_get_history (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->history;
}

/* Shows a page: "overview", "participants" or a competency's id. */
void
gr_window_show_page (GrWindow   *self,
                     const char *page)
{
  GrSidebarRow *row;

  g_return_if_fail (GR_IS_WINDOW (self));

  if ((row = gr_window_get_sidebar_row (self, page)))
    gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
}

const char *
gr_window_get_page (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none) */
GrCompetencyPage *
gr_window_get_competency_page (GrWindow *self,
                               guint     competency)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (competency < self->competency_pages->len, NULL);
  return ensure_competency_page (self, competency);
}

/* Returns: (transfer none) (nullable): the sidebar's row for @page. */
GrSidebarRow *
gr_window_get_sidebar_row (GrWindow   *self,
                           const char *page)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row;
       row = gtk_widget_get_next_sibling (row))
    if (GR_IS_SIDEBAR_ROW (row) && g_strcmp0 (gr_sidebar_row_get_page (GR_SIDEBAR_ROW (row)),
                                              page) == 0)
      return GR_SIDEBAR_ROW (row);

  return NULL;
}

/* Returns: (transfer none): the live chart beside (or below) the pages. */
GrChartView *
gr_window_get_chart (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return self->chart;
}

/* Returns: (transfer none) */
GrOverviewPage *
gr_window_get_overview (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  _gr_window_update_hidden_pages (self);
  return self->overview;
}

/* Returns: (transfer none) */
GrParticipantsPage *
gr_window_get_participants_page (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return ensure_participants_page (self);
}

/* Returns: (transfer none) */
GrProjectorView *
gr_window_get_projector (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), NULL);
  return ensure_projector (self);
}

/* Whether the live chart is beside the pages (TRUE) or below them. */
gboolean
gr_window_is_wide (GrWindow *self)
{
  g_return_val_if_fail (GR_IS_WINDOW (self), FALSE);
  return gr_adaptive_box_is_wide (self->adaptive_box);
}

