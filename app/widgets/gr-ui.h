/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gr-grid.h"
#include "gr-translator.h"

G_BEGIN_DECLS

#define GR_MIME_TYPE "application/x-grille-session"

GrTranslator *gr_ui_translator        (void);
const char   *gr_ui_grid_text         (const char    *msgid);
const char   *gr_ui_language_name     (const char    *code);
GrTranslator *gr_ui_second_translator (const char    *code);
void          gr_ui_set_second_text   (GtkLabel      *label,
                                       GrTranslator  *second,
                                       const char    *msgid);
char         *gr_ui_format_number     (double         value);
char         *gr_ui_format_mean       (double         mean,
                                       GrGrid        *grid);
char         *gr_ui_format_score      (const GrStats *stats,
                                       GrGrid        *grid);
GtkWidget    *gr_ui_table_cell        (GtkGrid       *table,
                                       int            column,
                                       int            row,
                                       const char    *text,
                                       const char    *description);
char         *gr_ui_table_get_text    (GtkGrid       *table);
char         *gr_ui_format_level      (GrGrid        *grid,
                                       int            level);
char         *gr_ui_with_name         (const char    *format,
                                       const char    *name);
void          gr_ui_set_label         (GtkWidget     *widget,
                                       const char    *label);
void          gr_ui_set_tooltip       (GtkWidget     *widget,
                                       const char    *text);
void          gr_ui_show_tooltipped   (GtkWidget     *first,
                                       ...) G_GNUC_NULL_TERMINATED;
void          gr_ui_prepare_fonts     (GtkWidget     *root);
void          gr_ui_make_single_tab_stop (GtkWidget  *list);
void          gr_ui_focus_shown_page_only (GtkStack  *stack);
void          gr_ui_set_button_label  (GtkButton     *button,
                                       const char    *label);
void          gr_ui_fix_button_name   (GtkButton     *button);
void          gr_ui_name_drop_down    (GtkDropDown   *dropdown,
                                       const char    *name);
void          gr_ui_defer_drop_down_rows (GtkDropDown *dropdown);
char         *gr_ui_sentence          (const char    *message);
void          gr_ui_clear_chooser     (GtkFileChooserNative **chooser,
                                       gpointer               owner);
GPtrArray    *gr_ui_chooser_get_files (GtkFileChooserNative  *chooser);
GApplication *gr_ui_hold_application  (void);
void          gr_ui_release_application (GApplication *application);
void          gr_ui_style_question    (GtkDialog     *dialog);
void          gr_ui_retranslate       (GtkWidget     *widget,
                                       GType          type,
                                       const char    *resource);
GtkWidget    *gr_ui_show_error        (GtkWidget     *widget,
                                       const char    *primary,
                                       const char    *secondary);
GtkWidget    *gr_ui_show_saved        (GtkWindow     *parent,
                                       GFile         *file);

G_END_DECLS
