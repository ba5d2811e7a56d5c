#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the texts of Grille's grid definitions (data/grids/*.json) as a PO template.

xgettext cannot read JSON, so the build runs this script and hands its output to xgettext
as one more input file: the grid's texts then land in po/grille.pot, with the context
"grid" that gr_translator_grid() looks them up with.

Usage: extract-grid-strings.py OUTPUT.pot GRID.json...
"""

import json
import os
import sys

CONTEXT = 'grid'


def po_quote(text):
    """One PO string literal, split after each newline as msgmerge would."""
    escaped = (text.replace('\\', '\\\\').replace('"', '\\"')
               .replace('\t', '\\t').replace('\n', '\\n'))
    return '"' + escaped + '"'


def find_line(source, text, start):
    """The 1-based line where the JSON literal of @text first appears at or after @start,
    so that the template points translators at the right place in the file."""
    literal = json.dumps(text, ensure_ascii=False)
    pos = source.find(literal, start)
    if pos < 0:
        pos = source.find(literal)
    if pos < 0:
        return 0, start
    return source.count('\n', 0, pos) + 1, pos + len(literal)


def collect(path, relpath):
    """Yields (text, comment, reference) for every text of the grid a user reads, in the
    same order as gr_grid_collect_strings()."""
    with open(path, encoding='utf-8') as f:
        source = f.read()
    grid = json.loads(source)
    cursor = 0

    def entry(text, comment):
        nonlocal cursor
        line, cursor = find_line(source, text, cursor)
        return text, comment, '%s:%d' % (relpath, line) if line else relpath

    grid_id = grid.get('id', os.path.splitext(os.path.basename(path))[0])
    yield entry(grid['title'], 'Title of the grid "%s".' % grid_id)
    for level in grid.get('scale', []):
        value = level.get('level')
        yield entry(level['name'],
                    'Name of level %s of the scale (a short label shown on the chart).' % value)
        yield entry(level['description'], 'Sentence that describes level %s of the scale.' % value)
    for competency in grid.get('competencies', []):
        cid = competency['id']
        yield entry(competency['title'],
                    'Title of the competency "%s": one verb, the chart writes it on an axis.' % cid)
        if competency.get('subtitle'):
            yield entry(competency['subtitle'],
                        'Subtitle of the competency "%s": it completes its title, which comes '
                        'first (e.g. "Cooperate with all the stakeholders...").' % cid)
        if competency.get('introduction'):
            yield entry(competency['introduction'],
                        'Introduction of the competency "%s".' % cid)
        for item in competency.get('items', []):
            yield entry(item['text'], 'Savoir-faire (item) "%s".' % item['id'])


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2

    output = argv[1]
    grids = sorted(argv[2:])
    # References are relative to the source tree, whichever directory the build runs from.
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    entries = {}
    order = []
    for path in grids:
        relpath = os.path.relpath(os.path.abspath(path), root)
        for text, comment, reference in collect(path, relpath):
            if text in entries:
                entries[text][1].append(reference)
                continue
            entries[text] = (comment, [reference])
            order.append(text)

    # No file comment: xgettext would copy it onto the first message.
    lines = []
    for text in order:
        comment, references = entries[text]
        lines.append('#. ' + comment)
        lines.append('#: ' + ' '.join(references))
        lines.append('msgctxt ' + po_quote(CONTEXT))
        lines.append('msgid ' + po_quote(text))
        lines.append('msgstr ""')
        lines.append('')

    data = '\n'.join(lines)
    # Rewrite only when something changed, so that nothing downstream rebuilds for nothing.
    try:
        with open(output, encoding='utf-8') as f:
            if f.read() == data:
                return 0
    except FileNotFoundError:
        pass
    with open(output, 'w', encoding='utf-8') as f:
        f.write(data)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
