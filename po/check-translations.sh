#!/bin/sh
# Fails when a catalog of po/LINGUAS does not pass msgfmt --check or pofilter's checks that catch
# what breaks the program or misleads a user: a format specifier (%s, %1$s, %d…) or a variable
# lost or changed (printf, variables), a mnemonic lost, doubled or put on a character a keyboard
# cannot type (accelerators), markup changed (xmltags), an escape, newline, tab or leading or
# trailing space lost (escapes, newlines, tabs, startwhitespace, endwhitespace), a doubled space
# (doublespacing), brackets, numbers, command-line options, URLs, e-mail addresses, file paths
# or function names changed (brackets, numbers, options, urls, emails, filepaths, functions),
# punctuation-only strings changed (purepunc), the wrong number of plural forms (nplurals).
# Not run: the punctuation and capitalisation checks (endpunc, startpunc, puncspacing,
# doublequoting, simplecaps, startcaps), which compare with English habits and so flag every
# French U+202F, every „…“ or ¿…? of the other languages.
# Messages of the context "csv" (column names such as competency_id, whose _ is no mnemonic) are
# left out of the accelerator check.
# Usage: check-translations.sh SOURCE_ROOT
set -eu
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  msgfmt --check --output-file=/dev/null "po/$lang.po" || status=1
  msggrep --invert-match --msgctxt --regexp='^csv$' "po/$lang.po" >"$tmp/$lang-ui.po"
  pofilter --gnome --language="$lang" --progress=none -t accelerators \
    "$tmp/$lang-ui.po" "$tmp/$lang-accelerators.po"
  pofilter --gnome --language="$lang" --progress=none \
    -t printf -t variables -t xmltags -t escapes -t newlines -t tabs \
    -t startwhitespace -t endwhitespace -t doublespacing -t brackets -t numbers -t options \
    -t urls -t emails -t filepaths -t functions -t purepunc -t nplurals \
    "po/$lang.po" "$tmp/$lang.po"
  for found in "$tmp/$lang.po" "$tmp/$lang-accelerators.po"; do
    if [ -s "$found" ] && grep -q '^# (pofilter)' "$found"; then
      echo "po/$lang.po fails pofilter's checks:"
      grep -v '^#:' "$found"
      status=1
    fi
  done
done
exit $status
