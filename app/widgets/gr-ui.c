/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small helpers shared by the widgets: the interface's translator, the second language of
 * multilingual workshops, and how scores read. */
#define G_LOG_DOMAIN "gr-ui"

#include "config.h"

#include <pango/pangocairo.h>

#include "gr-format.h"
#include "gr-i18n.h"
#include "gr-level.h"
#include "gr-ui.h"

/* Returns: (transfer none): the translator of the interface's language. */
GrTranslator *
gr_ui_translator (void)
{
  return gr_translator_get (NULL);
}

/* A text of the grid (title, item, level name) in the interface's language. */
const char *
gr_ui_grid_text (const char *msgid)
{
  return gr_translator_grid (gr_ui_translator (), msgid);
}

/* Each language named in itself, never translated: someone who does not read the interface's
 * language must still find their own in a list. */
static const struct
{
  const char *code;
  const char *name;
} language_names[] = {
  { "fr", "Français" },
  { "en", "English" },
  { "de", "Deutsch" },
  { "es", "Español" },
  { "it", "Italiano" },
  { "nl", "Nederlands" },
  { "pt", "Português" },
  { "ar", "العربية" },
};

/* Returns: (nullable): the name of the language @code in that language, or %NULL if Grille
 * does not know it. */
const char *
gr_ui_language_name (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (language_names); i++)
    if (g_str_equal (code, language_names[i].code))
      return language_names[i].name;
  return NULL;
}

/**
 * gr_ui_second_translator:
 * @code: (nullable): the second language chosen for multilingual workshops, "" for none
 *
 * Returns: (transfer none) (nullable): the translator for the texts shown under the grid's
 *   texts, or %NULL when there is no second language to show: none chosen, one Grille cannot
 *   write, or the interface's own language, which would only repeat each text.
 */
GrTranslator *
gr_ui_second_translator (const char *code)
{
  GrTranslator *second;

  if (code == NULL || gr_ui_language_name (code) == NULL)
    return NULL;
  if (g_str_equal (code, gr_translator_get_language (gr_ui_translator ())))
    return NULL;

  second = gr_translator_get (code);
  return gr_translator_has_catalog (second) ? second : NULL;
}

/* Shows under a grid text (the label just above @label) the same text in the second
 * language, or hides @label when there is none or it reads the same. */
void
gr_ui_set_second_text (GtkLabel     *label,
                       GrTranslator *second,
                       const char   *msgid)
{
  g_autoptr(PangoAttrList) attributes = NULL;
  const char *text = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (second != NULL && msgid != NULL && *msgid != '\0')
    text = gr_translator_grid (second, msgid);
  if (text == NULL || g_str_equal (text, gr_ui_grid_text (msgid)))
    {
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      return;
    }

  /* Line breaking and hyphenation follow the text's language, not the interface's. */
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes,
                          pango_attr_language_new (pango_language_from_string (
                            gr_translator_get_language (second))));
  gtk_label_set_attributes (label, attributes);
  gtk_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

/* A mean as the interface's language writes it, with one decimal: "2,5" in French. */
char *
gr_ui_format_number (double value)
{
  GrTranslator *tr = gr_ui_translator ();

  return gr_format_decimal (value, 1, gr_format_uses_decimal_comma (tr));
}

/* "2,5 / 4": a score out of the scale's top level, kept in its order in right-to-left text. */
char *
gr_ui_format_mean (double  mean,
                   GrGrid *grid)
{
  g_autofree char *number = gr_ui_format_number (mean);
  g_autofree char *score = NULL;

  /* Translators: a score out of the scale's top level, e.g. "2,5 / 4". */
  score = g_strdup_printf (_("%s / %d"), number, gr_grid_get_max_level (grid));
  return gr_format_isolate (score,
                            gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL);
}

/* "2,5 / 4", or "non évalué" when nothing is assessed: never 0. */
char *
gr_ui_format_score (const GrStats *stats,
                    GrGrid        *grid)
{
  if (!gr_stats_has_score (stats))
    return g_strdup (_("non évalué"));
  return gr_ui_format_mean (stats->mean, grid);
}

/**
 * gr_ui_table_cell:
 * @description: (nullable): what a screen reader says of a data cell, its row and column
 *
 * Adds a cell to a GtkGrid read as a table: row 0 holds the column headers, column 0 the row
 * headers, each with its role and its position, as the overview's scores table has them.
 *
 * Returns: (transfer none): the cell's label.
 */
GtkWidget *
gr_ui_table_cell (GtkGrid    *table,
                  int         column,
                  int         row,
                  const char *text,
                  const char *description)
{
  GtkAccessibleRole role = row == 0 ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER
                         : column == 0 ? GTK_ACCESSIBLE_ROLE_ROW_HEADER
                         : GTK_ACCESSIBLE_ROLE_CELL;
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, "label", text,
                                   "xalign", column == 0 ? 0.0 : 1.0, "wrap", column == 0,
                                   "max-width-chars", column == 0 ? 28 : 16, NULL);

  gtk_widget_add_css_class (label, row == 0 ? "table-header" : "table-cell");
  gtk_widget_add_css_class (label, "numeric");
  if (row > 0 && row % 2 == 0)
    gtk_widget_add_css_class (label, "table-alt");
  gtk_grid_attach (table, label, column, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX, row + 1,
                                  GTK_ACCESSIBLE_RELATION_COL_INDEX, column + 1,
                                  -1);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return label;
}

/* "2 · En progression", or "Non évalué". */
char *
gr_ui_format_level (GrGrid *grid,
                    int     level)
{
  GrLevel *scale_level;

  if (level == GR_LEVEL_NONE)
    return g_strdup (_("Non évalué"));

  scale_level = gr_grid_get_level (grid, level);
  return g_strdup_printf ("%d · %s", level, gr_ui_grid_text (gr_level_get_name (scale_level)));
}

/* Sets the accessible label of a control whose visible text does not say what it is for. */
void
gr_ui_set_label (GtkWidget  *widget,
                 const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Sets @widget's tooltip when it changes: GTK 4.8 asks the X server where the pointer is each
 * time the tooltip of a shown widget is set (to show the new one at once), four round trips
 * that rows set again at each keystroke cannot afford. */
void
gr_ui_set_tooltip (GtkWidget  *widget,
                   const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

/**
 * gr_ui_show_tooltipped:
 * @first: a widget
 * @...: more widgets, then %NULL
 *
 * Shows widgets that their template makes hidden before it sets their tooltip. GTK 4.8 asks
 * the X server where the pointer is (four round trips) each time the tooltip of a shown
 * widget is set, even one in no window yet: the twelve tooltips of the header bar and the
 * overview made the window's first frame 2 ms later.
 */
void
gr_ui_show_tooltipped (GtkWidget *first,
                       ...)
{
  va_list args;

  va_start (args, first);
  for (GtkWidget *widget = first; widget != NULL; widget = va_arg (args, GtkWidget *))
    gtk_widget_set_visible (widget, TRUE);
  va_end (args);
}

/* Fonts before the first frame */

typedef struct
{
  cairo_t    *cr;         /* on an image surface, where GTK draws text */
  GHashTable *asked;      /* the font descriptions whose fonts were asked for */
} FontPreparation;

static void
prepare_fonts (GtkWidget       *widget,
               FontPreparation *preparation)
{
  /* A hidden widget's style, and so its font, is not computed yet. */
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget) || GTK_IS_TEXT (widget))
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      const PangoFontDescription *description = pango_context_get_font_description (context);

      pango_cairo_update_context (preparation->cr, context);
      if (!g_hash_table_contains (preparation->asked, description))
        {
          PangoFontset *fontset;

          g_hash_table_add (preparation->asked, pango_font_description_copy (description));
          fontset = pango_context_load_fontset (context, description,
                                                pango_context_get_language (context));
          g_clear_object (&fontset);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    prepare_fonts (child, preparation);
}

/**
 * gr_ui_prepare_fonts:
 * @root: a widget whose style is computed and that GTK is about to measure and draw for the
 *   first time (a window being shown: GTK computes its style before it realizes it)
 *
 * Readies the fonts of the texts shown under @root, so that GTK's first measure and first
 * frame do not do their work twice or one font after the other:
 *
 * - Each text's Pango context learns that it is drawn on an image surface, where GTK's
 *   renderers draw text (the Cairo renderer's frame, the GL renderer's glyphs). Such a
 *   surface rounds glyph positions; a context that does not know it gets fonts whose Cairo
 *   scaled fonts are not the ones drawn with, and Cairo makes a second one of each at the
 *   first frame, loading every glyph's metrics again. With GTK's unhinted metrics Cairo loads
 *   them at the font's em size, and a TrueType font hinted by its own program (DejaVu Sans,
 *   the usual "Sans") runs its set-up program again at each change of size: 53 times before
 *   Grille's first frame, 21 with its texts prepared. They are laid out and drawn exactly as
 *   before.
 * - The fonts of all the texts are asked for at once. Pango 1.50 matches a new font in a
 *   thread of its own and waits for it the first time it needs the font: asked together, the
 *   fonts are matched side by side rather than one after the other.
 *
 * Texts shown later have their fonts made as usual.
 */
void
gr_ui_prepare_fonts (GtkWidget *root)
{
  cairo_surface_t *surface;
  FontPreparation preparation;

  g_return_if_fail (GTK_IS_WIDGET (root));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  preparation.cr = cairo_create (surface);
  preparation.asked = g_hash_table_new_full ((GHashFunc) pango_font_description_hash,
                                             (GEqualFunc) pango_font_description_equal,
                                             (GDestroyNotify) pango_font_description_free,
                                             NULL);
  prepare_fonts (root, &preparation);
  g_hash_table_unref (preparation.asked);
  cairo_destroy (preparation.cr);
  cairo_surface_destroy (surface);
}

/* Core messages start in lower case, to read well after "grille: FILE: " on a terminal; a
 * dialog shows them as a sentence. */
char *
gr_ui_sentence (const char *message)
{
  GString *sentence = g_string_new (NULL);
  gsize length;

  if (message == NULL || *message == '\0')
    return g_string_free (sentence, FALSE);

  g_string_append_unichar (sentence, g_unichar_toupper (g_utf8_get_char (message)));
  g_string_append (sentence, g_utf8_next_char (message));
  length = sentence->len;
  if (!strchr (".!?…", sentence->str[length - 1]) && !g_str_has_suffix (sentence->str, "…"))
    g_string_append_c (sentence, '.');

  return g_string_free (sentence, FALSE);
}

/* Says what went wrong in a dialog over @widget's window: @primary names the file or the
 * action, @secondary the reason, both in plain words. Returns: (transfer none): the dialog. */
GtkWidget *
gr_ui_show_error (GtkWidget  *widget,
                  const char *primary,
                  const char *secondary)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (secondary != NULL)
    {
      g_autofree char *sentence = gr_ui_sentence (secondary);

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", sentence);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
on_saved_response (GtkDialog *dialog,
                   int        response)
{
  GFile *folder = g_object_get_data (G_OBJECT (dialog), "folder");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      gtk_show_uri (gtk_window_get_transient_for (GTK_WINDOW (dialog)), uri, GDK_CURRENT_TIME);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Says that @file was written, naming it and its folder, with a button that opens the folder.
 * The focused button is read with the message. */
GtkWidget *
gr_ui_show_saved (GtkWindow *parent,
                  GFile     *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *shown_name = g_filename_display_name (name);
  g_autofree char *folder_name = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  if (folder == NULL)
    folder = g_object_ref (file);
  folder_name = g_file_get_parse_name (folder);
  if (g_file_has_parent (folder, NULL))
    {
      g_autofree char *base = g_file_get_basename (folder);

      g_free (folder_name);
      folder_name = g_filename_display_name (base);
    }

  /* Translators: the first %s is the name of the file written, the second its folder. */
  text = g_strdup_printf (_("« %s » a été enregistré dans %s"), shown_name, folder_name);
  /* Read as an alert by a screen reader, so that the message is announced. */
  dialog = g_object_new (GTK_TYPE_MESSAGE_DIALOG, "accessible-role",
                         GTK_ACCESSIBLE_ROLE_ALERT_DIALOG, "transient-for", parent, "modal", TRUE,
                         "destroy-with-parent", TRUE, "message-type", GTK_MESSAGE_INFO, "text",
                         text, NULL);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Fermer"), GTK_RESPONSE_CLOSE,
                          _("_Ouvrir le dossier"), GTK_RESPONSE_ACCEPT, NULL);
  gr_ui_fix_button_name (GTK_BUTTON (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                         GTK_RESPONSE_CLOSE)));
  gr_ui_fix_button_name (GTK_BUTTON (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                         GTK_RESPONSE_ACCEPT)));
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "folder", g_steal_pointer (&folder), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_saved_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                             GTK_RESPONSE_ACCEPT));

  return dialog;
}

/* A question whose ACCEPT answer keeps the user's work (Save, Restore) and whose REJECT answer
 * throws it away: the first is the default and stands out, the second is marked destructive. */
void
gr_ui_style_question (GtkDialog *dialog)
{
  gtk_dialog_set_default_response (dialog, GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (dialog, GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (dialog, GTK_RESPONSE_REJECT),
                            "destructive-action");
}

/* A file chooser belongs to the window or dialog that opened it (@owner): it goes with it, and
 * its answer never reaches an owner that is gone. */
void
gr_ui_clear_chooser (GtkFileChooserNative **chooser,
                     gpointer               owner)
{
  if (*chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (*chooser, owner);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
  g_clear_object (chooser);
}

/* Holds the application while a file is written in a thread (a save, an export): the last
 * window closed or Quit meanwhile ends the process only once the file is written, not with it
 * half written. Returns: (transfer full) (nullable): the application, for
 * gr_ui_release_application() on the main thread once the file is written. */
GApplication *
gr_ui_hold_application (void)
{
  GApplication *application = g_application_get_default ();

  if (application != NULL)
    g_application_hold (g_object_ref (application));
  return application;
}

/* Lets go of @application (transfer full, nullable), held by gr_ui_hold_application(). */
void
gr_ui_release_application (GApplication *application)
{
  if (application == NULL)
    return;
  g_application_release (application);
  g_object_unref (application);
}

/* Returns: (transfer full) (element-type GFile): the files chosen in @chooser. */
GPtrArray *
gr_ui_chooser_get_files (GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (files, g_list_model_get_item (list, i));
  return files;
}

/* @format (translated, with one "%s") with @name in it, elided as the interface's language
 * wants: "Objectif d’Amélie". */
char *
gr_ui_with_name (const char *format,
                 const char *name)
{
  return gr_format_with_name (gr_ui_translator (), format, name);
}

/* Tab or Shift+Tab from inside the list: the focus goes to the control after or before the
 * list, as if the list were one control. The list (a GtkListView makes only the rows in sight)
 * is set aside while the window moves the focus, so that the move cannot stop on another of
 * its rows. */
static gboolean
on_single_stop_key_pressed (GtkEventControllerKey *keys,
                            guint                  keyval,
                            guint                  keycode,
                            GdkModifierType        state,
                            gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys));
  GtkDirectionType direction;
  gboolean moved;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK)
    ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  gtk_widget_set_can_focus (list, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

/* Makes @list one Tab stop: Up and Down move between its rows, Left and Right between the
 * controls of a row, Tab leaves the list. */
void
gr_ui_make_single_tab_stop (GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_single_stop_key_pressed), NULL);
  gtk_widget_add_controller (list, keys);
}

static void
update_stack_focus (GtkStack *stack)
{
  GtkWidget *shown = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack)); child;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_can_focus (child, child == shown);
}

/* Only the page @stack shows takes the focus. While a crossfade runs, GtkStack keeps the page
 * it leaves mapped, and Tab typed ahead (Down then Tab in the sidebar) went into that page,
 * now hidden. */
void
gr_ui_focus_shown_page_only (GtkStack *stack)
{
  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_stack_focus), NULL);
  update_stack_focus (stack);
}

/* A button with a mnemonic ("_Ouvrir"). GTK 4.8 puts the label, underscore and all, in the
 * button's accessible label, which a screen reader then reads before the label's own text
 * ("_Ouvrir Ouvrir"): the button is named by its label alone. */
void
gr_ui_set_button_label (GtkButton  *button,
                        const char *label)
{
  gtk_button_set_label (button, label);
  gr_ui_fix_button_name (button);
}

/* The same for a button whose label a template set. */
void
gr_ui_fix_button_name (GtkButton *button)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* What a drop-down's item reads as: a string of a GtkStringList, or the "name" of an object
 * (a participant). */
static char *
item_text (gpointer item)
{
  char *text = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (G_IS_OBJECT (item) && g_object_class_find_property (G_OBJECT_GET_CLASS (item), "name"))
    g_object_get (item, "name", &text, NULL);
  return text;
}

static void
setup_named_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_named_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = item_text (gtk_list_item_get_item (list_item));
  GtkWidget *cell = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  /* The choice itself is what a screen reader lands on in the open list: named after its
   * text, not "GtkListItemWidget". */
  if (cell != NULL)
    gr_ui_set_label (cell, text);
}

static void
update_drop_down_name (GtkDropDown *dropdown)
{
  const char *name = g_object_get_data (G_OBJECT (dropdown), "gr-ui-name");
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  g_autofree char *value = item_text (gtk_drop_down_get_selected_item (dropdown));
  g_autofree char *label = NULL;

  if (name == NULL || !GTK_IS_TOGGLE_BUTTON (button))
    return;
  /* Translators: a drop-down's button read by a screen reader: what it chooses, then the
   * choice, e.g. "Objectif pour « Coopérer » : 3 · Maîtrisé". */
  label = value ? g_strdup_printf (_("%s : %s"), name, value) : g_strdup (name);
  gr_ui_set_label (button, label);
}

/**
 * gr_ui_name_drop_down:
 * @name: what the drop-down chooses ("Participant", "Objectif pour « Coopérer »")
 *
 * Names a drop-down for screen readers: the drop-down, the button inside it that takes the
 * focus (with the current choice after the name) and each choice of its list. GTK 4.8 reads
 * the button as "GtkToggleButton" and the choices by their type, and adds a mnemonic label's
 * text to the name set here ("Objectif pour « Coopérer » Objectif").
 */
void
gr_ui_name_drop_down (GtkDropDown *dropdown,
                      const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (dropdown),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gr_ui_set_label (GTK_WIDGET (dropdown), name);
  if (g_object_get_data (G_OBJECT (dropdown), "gr-ui-name") == NULL)
    {
      /* A drop-down with a factory of its own (the participants', marked "gr-ui-names-items")
       * names its items there. */
      if (g_object_get_data (G_OBJECT (gtk_drop_down_get_factory (dropdown)),
                             "gr-ui-names-items") == NULL)
        {
          g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

          g_signal_connect (factory, "setup", G_CALLBACK (setup_named_item), NULL);
          g_signal_connect (factory, "bind", G_CALLBACK (bind_named_item), NULL);
          gtk_drop_down_set_factory (dropdown, factory);
        }
      g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (update_drop_down_name),
                        NULL);
      g_signal_connect_after (dropdown, "notify::model", G_CALLBACK (update_drop_down_name),
                              NULL);
    }
  g_object_set_data_full (G_OBJECT (dropdown), "gr-ui-name", g_strdup (name), g_free);
  update_drop_down_name (dropdown);
}

/* The rows of a drop-down's list, made when it first opens */

static void
on_drop_down_list_shown (GtkWidget   *popover,
                         GtkDropDown *dropdown)
{
  g_signal_handlers_disconnect_by_func (popover, on_drop_down_list_shown, dropdown);
  /* The button's factory makes the rows again, before the list is first laid out. */
  gtk_drop_down_set_list_factory (dropdown, NULL);
}

/**
 * gr_ui_defer_drop_down_rows:
 * @dropdown: a drop-down whose list uses its button's factory
 *
 * Leaves the rows of @dropdown's list empty until the list first opens. GTK 4.8 makes a row
 * for each item (up to some two hundred) as soon as the drop-down has its model, for a list
 * nobody may open: the participants' made 51 rows with 50 participants before the window's
 * first frame.
 */
void
gr_ui_defer_drop_down_rows (GtkDropDown *dropdown)
{
  GtkWidget *popover;
  g_autoptr(GtkListItemFactory) empty = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  /* GTK 4.8's drop-down holds its button, then the popover of its list. */
  popover = gtk_widget_get_last_child (GTK_WIDGET (dropdown));
  if (!GTK_IS_POPOVER (popover) || gtk_drop_down_get_list_factory (dropdown) != NULL)
    return;
  empty = gtk_signal_list_item_factory_new ();
  gtk_drop_down_set_list_factory (dropdown, empty);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_drop_down_list_shown), dropdown, 0);
}

/* Template strings */

/* A translatable property of a template, as its .ui file writes it. */
typedef struct
{
  char     *id;          /* the object's id, "" for the template itself */
  gboolean  accessible;  /* an <accessibility> property */
  char     *name;
  char     *context;
  char     *msgid;
} TemplateString;

static void
template_string_free (TemplateString *string)
{
  g_free (string->id);
  g_free (string->name);
  g_free (string->context);
  g_free (string->msgid);
  g_free (string);
}

typedef struct
{
  GPtrArray      *strings;
  GPtrArray      *ids;          /* the <template> and <object> elements open, innermost last */
  guint           accessibility;
  TemplateString *current;
  GString        *text;
} TemplateParser;

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], wanted))
      return values[i];
  return NULL;
}

static void
template_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  TemplateParser *parser = user_data;
  const char *translatable;

  if (g_str_equal (element, "template"))
    g_ptr_array_add (parser->ids, g_strdup (""));
  else if (g_str_equal (element, "object"))
    g_ptr_array_add (parser->ids, g_strdup (attribute (names, values, "id")));
  else if (g_str_equal (element, "accessibility"))
    parser->accessibility++;
  else if (g_str_equal (element, "property") && parser->ids->len > 0 &&
           (translatable = attribute (names, values, "translatable")) &&
           (g_str_equal (translatable, "yes") || g_str_equal (translatable, "true")))
    {
      parser->current = g_new0 (TemplateString, 1);
      parser->current->id = g_strdup (g_ptr_array_index (parser->ids, parser->ids->len - 1));
      parser->current->accessible = parser->accessibility > 0;
      parser->current->name = g_strdup (attribute (names, values, "name"));
      parser->current->context = g_strdup (attribute (names, values, "context"));
      g_string_truncate (parser->text, 0);
    }
}

static void
template_end (GMarkupParseContext  *context,
              const char           *element,
              gpointer              user_data,
              GError              **error)
{
  TemplateParser *parser = user_data;

  if (g_str_equal (element, "template") || g_str_equal (element, "object"))
    g_ptr_array_remove_index (parser->ids, parser->ids->len - 1);
  else if (g_str_equal (element, "accessibility"))
    parser->accessibility--;
  else if (g_str_equal (element, "property") && parser->current != NULL)
    {
      parser->current->msgid = g_strdup (parser->text->str);
      /* An object without an id cannot be found again: its text stays as built. */
      if (parser->current->id != NULL && parser->current->name != NULL)
        g_ptr_array_add (parser->strings, g_steal_pointer (&parser->current));
      g_clear_pointer (&parser->current, template_string_free);
    }
}

static void
template_text (GMarkupParseContext  *context,
               const char           *text,
               gsize                 length,
               gpointer              user_data,
               GError              **error)
{
  TemplateParser *parser = user_data;

  if (parser->current != NULL)
    g_string_append_len (parser->text, text, length);
}

/* The translatable strings of the template in @resource, read once. */
static GPtrArray *
template_strings (const char *resource)
{
  static GHashTable *cache;
  static const GMarkupParser callbacks = { template_start, template_end, template_text };
  GPtrArray *strings;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_ptr_array_unref);
  if (!(strings = g_hash_table_lookup (cache, resource)))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) text = g_string_new (NULL);
      TemplateParser parser = { NULL, ids, 0, NULL, text };
      g_autoptr(GMarkupParseContext) context = NULL;

      strings = g_ptr_array_new_with_free_func ((GDestroyNotify) template_string_free);
      parser.strings = strings;
      context = g_markup_parse_context_new (&callbacks, 0, &parser, NULL);
      if (bytes == NULL ||
          !g_markup_parse_context_parse (context, g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes), NULL))
        g_critical ("%s: not a template that can be read again", resource);
      g_clear_pointer (&parser.current, template_string_free);
      g_hash_table_insert (cache, g_strdup (resource), strings);
    }

  return strings;
}

/* The object of @widget's template with the id @id that is not bound as a template child:
 * GtkBuilder gives each object its id as a buildable id. */
static GObject *
find_buildable (GtkWidget  *widget,
                const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GObject *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return G_OBJECT (child);
      if ((found = find_buildable (child, id)))
        return found;
    }
  return NULL;
}

/**
 * gr_ui_retranslate:
 * @widget: a widget built from the template in @resource
 * @type: the type whose template it is
 * @resource: the template's resource path
 *
 * Sets the translatable strings of @widget's template again, in the interface's language:
 * GtkBuilder translates them once, when it builds the widget, and a switch of language must
 * not rebuild what the user is working in. Each object with such a string has an id: a
 * template child of @type, or else the first widget below @widget with that id.
 */
void
gr_ui_retranslate (GtkWidget  *widget,
                   GType       type,
                   const char *resource)
{
  GPtrArray *strings;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  strings = template_strings (resource);
  for (guint i = 0; i < strings->len; i++)
    {
      const TemplateString *string = g_ptr_array_index (strings, i);
      const char *text = gr_translator_pgettext (gr_ui_translator (), string->context,
                                                 string->msgid);
      GObject *object = *string->id == '\0'
                        ? G_OBJECT (widget)
                        : gtk_widget_get_template_child (widget, type, string->id);

      if (object == NULL)
        object = find_buildable (widget, string->id);
      if (object == NULL)
        g_debug ("%s: no object «%s» to translate again", resource, string->id);
      else if (string->accessible && GTK_IS_ACCESSIBLE (object))
        gtk_accessible_update_property (GTK_ACCESSIBLE (object),
                                        g_str_equal (string->name, "description")
                                        ? GTK_ACCESSIBLE_PROPERTY_DESCRIPTION
                                        : GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        text, -1);
      else if (!string->accessible)
        {
          g_object_set (object, string->name, text, NULL);
          /* See gr_ui_set_button_label(): no "_Ouvrir Ouvrir" for a screen reader. */
          if (GTK_IS_BUTTON (object) && g_str_equal (string->name, "label"))
            gr_ui_fix_button_name (GTK_BUTTON (object));
        }
    }
}

/* Returns: (transfer full): the cells of a GtkGrid read as a table, a line per row and a tab
 * between cells: what the tests compare with figures computed by hand. */
char *
gr_ui_table_get_text (GtkGrid *table)
{
  GString *text = g_string_new (NULL);
  int rows = 0, columns = 0;

  g_return_val_if_fail (GTK_IS_GRID (table), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (table)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, row;

      gtk_grid_query_child (table, child, &column, &row, NULL, NULL);
      rows = MAX (rows, row + 1);
      columns = MAX (columns, column + 1);
    }

  for (int row = 0; row < rows; row++)
    {
      for (int column = 0; column < columns; column++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (table, column, row);

          if (column > 0)
            g_string_append_c (text, '\t');
          if (GTK_IS_LABEL (cell))
            g_string_append (text, gtk_label_get_text (GTK_LABEL (cell)));
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}
