#!/bin/sh
# Fails when a translatable string of the sources (code, .ui, data files, the grid) has no
# translation in one of the catalogs, or when a catalog does not compile: run by `meson test`, so
# that a string added without its translations is caught at once, not at the next `grille-pot`.
# With --typography, checks instead that the French source strings follow French typography
# (po/french-typography.py --check).
# Usage: check-catalogs.sh SOURCE_ROOT GRID_POT [--typography]
set -eu
src=$1
grid=$2
mode=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

# The same extraction as po/meson.build (the glib preset plus Grille's own keywords).
xgettext --package-name=grille --from-code=UTF-8 --add-comments=Translators: \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --keyword=ngettext:1,2 \
  --keyword=_T --keyword=gr_translator_gettext:2 --keyword=gr_translator_pgettext:2c,3 \
  --keyword=gr_translator_ngettext:2,3 --keyword=add_list_sentence:4,5 \
  --files-from=po/POTFILES.in --output="$tmp/sources.pot" "$grid"

if [ "$mode" = --typography ]; then
  python3 po/french-typography.py --check "$tmp/sources.pot" && exit 0
  exit 1
fi

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  msgfmt --check --output-file=/dev/null "po/$lang.po" || status=1
  # Every message of the sources must have a translation that is neither missing nor fuzzy.
  if ! msgcmp "po/$lang.po" "$tmp/sources.pot" 2>"$tmp/msgcmp.txt"; then
    echo "po/$lang.po lacks translations (run: ninja grille-pot grille-update-po):"
    cat "$tmp/msgcmp.txt"
    status=1
  fi
done
exit $status
