/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A row of the window's sidebar: the name of a page and, for a competency, its score as a bar
 * and as text ("non évalué" when nothing is assessed). */
#define G_LOG_DOMAIN "gr-sidebar-row"

#include "config.h"

#include "gr-grid.h"
#include "gr-i18n.h"
#include "gr-sidebar-row.h"
#include "gr-ui.h"

struct _GrSidebarRow
{
  GtkListBoxRow  parent_instance;

  char          *page;

  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkBox        *score_box;
  GtkLevelBar   *score_bar;
  GtkLabel      *score_label;
};

G_DEFINE_FINAL_TYPE (GrSidebarRow, gr_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
gr_sidebar_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GR_TYPE_SIDEBAR_ROW);
  G_OBJECT_CLASS (gr_sidebar_row_parent_class)->dispose (object);
}

static void
gr_sidebar_row_finalize (GObject *object)
{
  g_free (GR_SIDEBAR_ROW (object)->page);
  G_OBJECT_CLASS (gr_sidebar_row_parent_class)->finalize (object);
}

/* The whole title, where the sidebar's width cuts it short; a title shown whole has no tooltip
 * (nor says itself twice to a screen reader, as a tooltip's text is a widget's description).
 * Made when asked: GTK 4.8 asks the X server where the pointer is, four round trips, each
 * time the tooltip of a widget not hidden is set, and every row's title is set at start. */
static gboolean
on_title_query_tooltip (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
gr_sidebar_row_class_init (GrSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gr_sidebar_row_dispose;
  object_class->finalize = gr_sidebar_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/grille/Grille/gr-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GrSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, GrSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GrSidebarRow, score_box);
  gtk_widget_class_bind_template_child (widget_class, GrSidebarRow, score_bar);
  gtk_widget_class_bind_template_child (widget_class, GrSidebarRow, score_label);
  gtk_widget_class_bind_template_callback (widget_class, on_title_query_tooltip);
}

static void
gr_sidebar_row_init (GrSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bar repeats the text for sighted users; the label is what is read out. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->score_bar),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

/* What a screen reader says of the row: its title, and a competency's score after it. */
static void
update_accessible_label (GrSidebarRow *self)
{
  const char *title = gtk_label_get_text (self->title_label);
  g_autofree char *label = NULL;

  if (gtk_widget_get_visible (GTK_WIDGET (self->score_box)))
    /* Translators: a sidebar entry read by a screen reader: "Coopérer : 2,5 / 4". */
    label = g_strdup_printf (_("%s : %s"), title, gtk_label_get_text (self->score_label));
  gr_ui_set_label (GTK_WIDGET (self), label != NULL ? label : title);
}

/* @page_name is the name of the page in the window's stack that the row shows. */
GtkWidget *
gr_sidebar_row_new (const char *page_name,
                    const char *icon_name)
{
  GrSidebarRow *self = g_object_new (GR_TYPE_SIDEBAR_ROW, NULL);

  self->page = g_strdup (page_name);
  gtk_widget_set_name (GTK_WIDGET (self), page_name);
  if (icon_name != NULL)
    {
      gtk_image_set_from_icon_name (self->icon, icon_name);
      gtk_widget_set_visible (GTK_WIDGET (self->icon), TRUE);
    }

  return GTK_WIDGET (self);
}

const char *
gr_sidebar_row_get_page (GrSidebarRow *self)
{
  g_return_val_if_fail (GR_IS_SIDEBAR_ROW (self), NULL);
  return self->page;
}

void
gr_sidebar_row_set_title (GrSidebarRow *self,
                          const char   *title)
{
  g_return_if_fail (GR_IS_SIDEBAR_ROW (self));
  gtk_label_set_text (self->title_label, title);
  update_accessible_label (self);
}

/* Shows a competency's score; the row's accessible label says the title and the score. */
void
gr_sidebar_row_set_score (GrSidebarRow  *self,
                          const GrStats *stats,
                          GrGrid        *grid)
{
  g_autofree char *score = NULL;

  g_return_if_fail (GR_IS_SIDEBAR_ROW (self));

  score = gr_ui_format_score (stats, grid);
  gtk_label_set_text (self->score_label, score);
  gtk_level_bar_set_max_value (self->score_bar, gr_grid_get_max_level (grid));
  gtk_level_bar_set_value (self->score_bar, gr_stats_has_score (stats) ? stats->mean : 0);
  if (gr_stats_has_score (stats))
    gtk_widget_remove_css_class (GTK_WIDGET (self->score_bar), "not-assessed");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->score_bar), "not-assessed");
  gtk_widget_set_visible (GTK_WIDGET (self->score_box), TRUE);
  update_accessible_label (self);
}

/* The score as shown, e.g. "2,5 / 4" or "non évalué". */
const char *
gr_sidebar_row_get_score (GrSidebarRow *self)
{
  g_return_val_if_fail (GR_IS_SIDEBAR_ROW (self), NULL);
  return gtk_label_get_text (self->score_label);
}
