#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""French typography for Grille's source strings (French is the source language).

The rules: a narrow no-break space (U+202F) before ; : ! ? and inside « », the typographic
apostrophe (U+2019) instead of ', and the ellipsis (U+2026) instead of "...".

  french-typography.py [SOURCE_ROOT]
      Rewrites, in place and idempotently, the translatable strings of the sources listed in
      po/POTFILES.in (C string literals inside _() and the other gettext keywords, translatable
      .ui texts, the .desktop.in keys, the metainfo and MIME texts) and of the grids
      (data/grids/*.json), and the msgids of po/grille.pot and every po/*.po the same way, so
      that existing translations stay attached; in po/fr.po the msgstrs too. Run it after adding
      French strings, then `ninja grille-pot grille-update-po`.

  french-typography.py --check FILE.pot
      Checks the rewriting on a few examples (escaped spaces of C and JSON strings included),
      then lists every msgid of FILE.pot (what xgettext extracted from the sources) that breaks
      a rule, and exits 1 if there is one: the `french-typography` test.
"""

import glob
import os
import re
import sys

NNBSP = '\u202f'
# Marks where a string is split (between C literals, between PO lines) while it is rewritten
# as a whole, so that each piece gets back its own part. A private-use character no text has.
CUT = '\ue000'
C = CUT + '?'

# (pattern, replacement) applied in order to the raw text of a string (with its escapes).
RULES = [
    # An escaped or plain ASCII apostrophe.
    (re.compile(r"\\'|(?<!%)'"), '\u2019'),
    (re.compile(r'\.(' + C + r')\.(' + C + r')\.'), '\u2026\\1\\2'),
    # A space or no-break space before ; : ! ? or inside « » becomes a narrow one.
    (re.compile(r'[ \u00a0](' + C + r')([;:!?»])'), NNBSP + r'\1\2'),
    (re.compile(r'«(' + C + r')[ \u00a0]'), '«' + NNBSP + r'\1'),
    # None at all: « and » glued to the word, a word glued to : ! ? (when the word ends there:
    # not in a URL, a time or a format like %H:%M) or to ; followed by a space (a .desktop
    # Keywords= list is separated by semicolons).
    (re.compile(r'«(' + C + r')(?=[^\s' + NNBSP + CUT + r'])'), '«' + NNBSP + r'\1'),
    (re.compile(r'(?<=[^\s' + NNBSP + CUT + r'])(' + C + r')»'), r'\1' + NNBSP + '»'),
    (re.compile(r'(?<=[\w)»’…])(' + C + r')([:!?])(?=' + C + r'(?:\s|\\n|\Z))'),
     r'\1' + NNBSP + r'\2'),
    (re.compile(r'(?<=[\w)»’…])(' + C + r')(;)(?=' + C + r'(?:\s|\\n))'), r'\1' + NNBSP + r'\2'),
]


# The spaces as a C or JSON source may write them, escaped: "\u202f" is the narrow no-break
# space the rules put, "\u00a0" a no-break space they replace.
ESCAPES = (('\\u202f', NNBSP), ('\\u202F', NNBSP), ('\\u00a0', '\u00a0'), ('\\u00A0', '\u00a0'))


def fix(text):
    # Written with escapes, the string is read with its spaces, then written with escapes again.
    escaped = any(escape in text for escape, _ in ESCAPES)
    if escaped:
        for escape, char in ESCAPES:
            text = text.replace(escape, char)
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    if escaped:
        text = text.replace(NNBSP, '\\u202f').replace('\u00a0', '\\u00a0')
    return text


def fix_pieces(pieces):
    """Rewrites a string made of @pieces as one text, and gives back as many pieces."""
    joined = fix(CUT.join(pieces))
    result = joined.split(CUT)
    assert len(result) == len(pieces)
    return result


def problems(text):
    """What breaks the rules in @text (decoded), as short descriptions."""
    found = []
    if "'" in text:
        found.append("ASCII ' instead of ’")
    if '...' in text:
        found.append('"..." instead of …')
    if re.search(r'[ \u00a0][;:!?»]|«[ \u00a0]', text):
        found.append('a normal space instead of U+202F before ; : ! ? » or after «')
    if re.search(r'«(?!' + NNBSP + ')|(?<!' + NNBSP + ')»', text):
        found.append('no U+202F inside « »')
    if re.search(r'[\w)»’…][:!?](?=\s|\Z)|[\w)»’…];(?=\s)', text):
        found.append('no U+202F before ; : ! ?')
    return found


# Sources.

C_KEYWORDS = {
    # name: (index of the context argument or None, indexes of the message arguments)
    '_': (None, (0,)), 'N_': (None, (0,)), '_T': (None, (0,)),
    'C_': (0, (1,)), 'NC_': (0, (1,)),
    'ngettext': (None, (0, 1)), 'g_dngettext': (None, (1, 2)), 'g_dpgettext2': (1, (2,)),
    'gr_translator_gettext': (None, (1,)), 'gr_translator_pgettext': (1, (2,)),
    'gr_translator_ngettext': (None, (1, 2)),
    # The report's sentences about a list of competencies (app/core/gr-report.c).
    'add_list_sentence': (None, (3, 4)),
}
C_TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)*')
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<open>[(\[{])
  | (?P<close>[)\]}])
  | (?P<comma>,)
  | (?P<space>\s+)
  | (?P<other>.)
''', re.S | re.X)


def rewrite_c(source):
    """The C @source with the literals of its gettext calls' messages rewritten."""
    tokens = [(m.lastgroup, m.start(), m.end()) for m in C_TOKEN.finditer(source)]
    edits = []  # (start, end, new text) of each literal's content
    i = 0
    while i < len(tokens):
        kind, start, end = tokens[i]
        name = source[start:end]
        if kind != 'ident' or name not in C_KEYWORDS:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and tokens[j][0] in ('space', 'comment'):
            j += 1
        if j >= len(tokens) or tokens[j][0] != 'open' or source[tokens[j][1]] != '(':
            i += 1
            continue
        _, messages = C_KEYWORDS[name]
        depth, argument, literals = 0, 0, {}
        j += 1
        while j < len(tokens):
            kind, start, end = tokens[j]
            if kind == 'open':
                depth += 1
            elif kind == 'close':
                if depth == 0:
                    break
                depth -= 1
            elif kind == 'comma' and depth == 0:
                argument += 1
            elif kind == 'string' and depth == 0 and argument in messages:
                literals.setdefault(argument, []).append((start + 1, end - 1))
            j += 1
        for spans in literals.values():
            new = fix_pieces([source[s:e] for s, e in spans])
            edits.extend((s, e, text) for (s, e), text in zip(spans, new))
        i += 1  # on into the arguments: _T (N_ ("…")) and the like
    for start, end, text in sorted(edits, reverse=True):
        source = source[:start] + text + source[end:]
    return source


def fix_xml_text(text):
    return fix(text.replace('&apos;', "'"))


def rewrite_ui(source):
    """Translatable texts of a GtkBuilder file (their content is XML text, escaped)."""
    pattern = re.compile(r'(<(\w+)\b[^>]*\btranslatable="(?:yes|true|1)"[^>]*>)(.*?)(</\2>)', re.S)
    return pattern.sub(lambda m: m.group(1) + fix_xml_text(m.group(3)) + m.group(4), source)


XML_TEXT_ELEMENTS = ('name', 'summary', 'p', 'li', 'caption', 'developer_name', 'keyword',
                     'comment')


def rewrite_xml(source):
    """Texts of an AppStream metainfo or shared-mime-info template, except translate="no"."""
    pattern = re.compile(r'(<(%s)\b(?![^>]*translate="no")[^>]*>)([^<]*)(</\2>)'
                         % '|'.join(XML_TEXT_ELEMENTS))
    return pattern.sub(lambda m: m.group(1) + fix_xml_text(m.group(3)) + m.group(4), source)


def rewrite_desktop(source):
    pattern = re.compile(r'^((?:Name|GenericName|Comment|Keywords)=)(.*)$', re.M)
    return pattern.sub(lambda m: m.group(1) + fix(m.group(2)), source)


def rewrite_grid(source):
    """The texts of a grid definition (JSON: their escapes are the same as C's)."""
    pattern = re.compile(r'("(?:title|name|description|subtitle|introduction|text)"\s*:\s*")'
                         r'((?:[^"\\]|\\.)*)(")')
    return pattern.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), source)


# Catalogs.

PO_LINE = re.compile(r'^(#~ )?(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)? ?"(.*)"$')


def rewrite_po(source, translations_too):
    """The msgids of a PO file (and its msgstrs if @translations_too), the header excepted.
    Each string keeps its layout: its lines are rewritten as pieces of one text."""
    lines = source.split('\n')
    out = []
    i = 0
    while i < len(lines):
        m = PO_LINE.match(lines[i])
        if not m or not m.group(2):
            out.append(lines[i])
            i += 1
            continue
        prefix, keyword = m.group(1) or '', m.group(2)
        block = [lines[i]]
        pieces = [m.group(3)]
        i += 1
        while i < len(lines):
            n = PO_LINE.match(lines[i])
            if not n or n.group(2):
                break
            block.append(lines[i])
            pieces.append(n.group(3))
            i += 1
        # The header is the translation of the empty msgid.
        is_header = keyword.startswith('msgstr') and out and out[-1] == prefix + 'msgid ""'
        wanted = keyword.startswith('msgid') or (translations_too and keyword.startswith('msgstr'))
        # Obsolete messages (#~) stay as they were: rewritten, one could become a duplicate of
        # the live message it was replaced by.
        if not wanted or is_header or prefix:
            out.extend(block)
            continue
        new = fix_pieces(pieces)
        out.append('%s%s "%s"' % (prefix, keyword, new[0]))
        out.extend('%s"%s"' % (prefix, piece) for piece in new[1:])
    return drop_duplicates('\n'.join(out))


def drop_duplicates(source):
    """Once rewritten, a message can be the same as another (a branch merged with the union
    driver still had it in the old typography): keep one, translated and not fuzzy if either
    is, so that the catalog still compiles."""
    blocks = source.split('\n\n')
    kept, seen = [], {}
    for block in blocks:
        fields = {}
        keyword = None
        for line in block.split('\n'):
            m = PO_LINE.match(line)
            if not m or m.group(1):
                continue
            keyword = m.group(2) or keyword
            fields[keyword] = fields.get(keyword, '') + m.group(3)
        if fields.get('msgid', '') == '' or 'msgid' not in fields:
            kept.append(block)
            continue
        key = (fields.get('msgctxt'), fields['msgid'])
        good = not re.search(r'^#,.*\bfuzzy\b', block, re.M) and all(
            v for k, v in fields.items() if k.startswith('msgstr'))
        if key not in seen:
            seen[key] = (len(kept), good)
            kept.append(block)
        elif good and not seen[key][1]:
            kept[seen[key][0]] = block
            seen[key] = (seen[key][0], good)
    return '\n\n'.join(kept)


def rewrite_file(path, function, *args):
    with open(path, encoding='utf-8') as f:
        source = f.read()
    result = function(source, *args)
    if result != source:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(result)
        print('rewrote', path)


def rewrite_tree(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        sources = [line.strip() for line in f if line.strip() and not line.startswith('#')]
    for relpath in sources:
        path = os.path.join(root, relpath)
        if relpath.endswith(('.c', '.h')):
            rewrite_file(path, rewrite_c)
        elif relpath.endswith('.ui'):
            rewrite_file(path, rewrite_ui)
        elif relpath.endswith('.desktop.in'):
            rewrite_file(path, rewrite_desktop)
        elif relpath.endswith('.xml.in'):
            rewrite_file(path, rewrite_xml)
        else:
            sys.stderr.write('%s: unknown kind of source, left alone\n' % relpath)
    for path in sorted(glob.glob(os.path.join(root, 'data', 'grids', '*.json'))):
        rewrite_file(path, rewrite_grid)
    for path in sorted(glob.glob(os.path.join(root, 'po', '*.po*'))):
        if path.endswith(('.po', '.pot')):
            rewrite_file(path, rewrite_po, os.path.basename(path) == 'fr.po')


# The check.

def unescape_po(text):
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\'}
    return re.sub(r'\\(.)', lambda m: escapes.get(m.group(1), m.group(0)), text)


def read_msgids(path):
    """(reference, msgid) of each message of a PO template, the header excepted."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    reference, keyword, result = '', None, []
    for line in lines:
        if line.startswith('#:'):
            reference = line[2:].split()[0] if line[2:].split() else ''
            continue
        m = PO_LINE.match(line)
        if not m:
            keyword = None
            continue
        if m.group(2):
            keyword = m.group(2)
            if keyword in ('msgid', 'msgid_plural'):
                result.append([reference, ''])
        if keyword in ('msgid', 'msgid_plural'):
            result[-1][1] += unescape_po(m.group(3))
    return [(ref, text) for ref, text in result if text]


def check(pot):
    status = 0
    for reference, text in read_msgids(pot):
        for problem in problems(text):
            print('%s: %s: %r' % (reference, problem, text))
            status = 1
    if status:
        print('Run po/french-typography.py to fix these.')
    return status


# What the rewriting does to a few strings, as written in a source: checked before the
# catalogs are, so that the tool never damages a string it is run on.
EXAMPLES = [
    ('« Importer »', '«\u202fImporter\u202f»'),
    ('Score : %s ; fin !', 'Score\u202f: %s\u202f; fin\u202f!'),
    ("l'atelier...", 'l\u2019atelier\u2026'),
    ('10:30, https://a.fr', '10:30, https://a.fr'),
    # Escaped in C or JSON: read as the spaces they are, written back escaped.
    (r'«\u202fImporter…\u202f»', r'«\u202fImporter…\u202f»'),
    (r'Score\u00a0: %s', r'Score\u202f: %s'),
    (r'«Importer»\u00a0x', r'«\u202fImporter\u202f»\u00a0x'),
]


def self_test():
    status = 0
    for text, wanted in EXAMPLES:
        for got in (fix(text), fix(fix(text))):
            if got != wanted:
                print('french-typography.py itself: %r gives %r, not %r' % (text, got, wanted))
                status = 1
    return status


def main(argv):
    if len(argv) == 3 and argv[1] == '--check':
        return self_test() or check(argv[2])
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith('-')):
        sys.stderr.write(__doc__)
        return 2
    root = argv[1] if len(argv) == 2 else os.path.dirname(os.path.dirname(os.path.abspath(
        __file__)))
    rewrite_tree(root)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
