#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The window as Orca reads it: starts Grille on the AT-SPI bus, opens every page of the sidebar
# and the export dialog, and walks the whole accessible tree of each. It fails on a control
# without a name, with a mnemonic's "_" or a widget type for a name, or with a word said twice;
# on a level option whose group does not name its savoir-faire; on a page without a heading;
# and on a scores table without row and column headers or cells that say which row and column
# they are in.
#
# Run by meson under dbus-run-session (see tests/meson.build): GRILLE_BIN is the program,
# G_TEST_SRCDIR holds data/atelier.grille. Prints TAP.
import os
import re
import subprocess
import sys
import time

import pyatspi

INTERACTIVE = {
    'push button', 'toggle button', 'radio button', 'check box', 'combo box', 'text', 'entry',
    'spin button', 'list item', 'table', 'menu item', 'slider', 'page tab', 'link',
    'password text', 'radio menu item', 'check menu item',
}
TYPE_NAME = re.compile(r'^(Gtk|Gdk|Gr)[A-Z][A-Za-z]+$')
LEVEL_GROUP = re.compile('^Niveau pour «\u202f(.+)\u202f»$', re.S)

results = []


def ok(passed, what):
    results.append((passed, what))
    print(('ok' if passed else 'not ok') + ' %d - %s' % (len(results), what))
    sys.stdout.flush()


def wait_for(predicate, what, seconds=60, process=None, seen=None):
    """Waits for @predicate; gives up when @process ends first, or after @seconds (a guard
    against hanging, far above what a loaded machine needs), saying what was @seen."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if process is not None and process.poll() is not None:
            raise SystemExit('Bail out! Grille ended (status %d) before %s came'
                             % (process.returncode, what))
        time.sleep(0.2)
    raise SystemExit('Bail out! %s never came in %d s%s'
                     % (what, seconds, ' (%s)' % seen() if seen is not None else ''))


def applications(desktop):
    names = []
    for app in children(desktop):
        try:
            names.append('%s with %d windows' % (app.name, app.childCount))
        except Exception:
            pass
    return 'on the bus: ' + (', '.join(names) or 'no application')


def children(node):
    try:
        return [c for c in node if c is not None]
    except Exception:
        return []


def walk(node, path=()):
    for child in children(node):
        yield child, path
        yield from walk(child, path + (child,))


def find(node, predicate):
    for child, _ in walk(node):
        try:
            if predicate(child):
                return child
        except Exception:
            pass
    return None


def role(node):
    try:
        return node.getRoleName()
    except Exception:
        return ''


def visible(node):
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def focusable(node):
    try:
        return node.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception:
        return False


def name_problem(name):
    """What is wrong with an interactive node's name, or None."""
    if not name or not name.strip():
        return 'no name'
    if '_' in name:
        return 'a mnemonic underscore'
    if TYPE_NAME.match(name):
        return 'a widget type for a name'
    words = [w for w in re.split(r'\W+', name) if len(w) >= 4]
    if len(words) >= 2 and words[0] == words[-1]:
        return 'a word said twice'
    return None


def hidden_by_ancestor(path):
    return any(not visible(a) for a in path)


def check_tree(top, where):
    """Every visible interactive node of @top: a good name; level options in a named group."""
    problems = []
    radios = 0
    for node, path in walk(top):
        if not visible(node) or hidden_by_ancestor(path):
            continue
        r = role(node)
        # A scroll pane is focusable in GTK 4.8 but is no control: what it holds is checked.
        if r in INTERACTIVE or (focusable(node) and r != 'scroll pane'):
            problem = name_problem(node.name)
            if problem:
                problems.append('%s %r: %s' % (r, node.name, problem))
        if r == 'radio button':
            radios += 1
            group = path[-1] if path else None
            match = LEVEL_GROUP.match(group.name or '') if group is not None else None
            item = next((a for a in reversed(path) if role(a) == 'list item'), None)
            if match is None or item is None or match.group(1) != item.name:
                problems.append('level option %r: its group %r does not name its savoir-faire'
                                % (node.name, group.name if group is not None else None))
            elif node.name[:1] not in '0123456789' and node.name != 'Non évalué':
                problems.append('level option %r does not say its level' % node.name)
    ok(not problems, '%s: every control named (%s)' % (where, '; '.join(problems[:6]) or 'ok'))
    return radios


def check_heading(top, where):
    heading = find(top, lambda n: role(n) == 'heading' and visible(n) and n.name)
    ok(heading is not None, '%s: the page title is a heading' % where)


def check_table(top):
    table = find(top, lambda n: role(n) == 'table' and visible(n))
    ok(table is not None and bool(table.name), 'overview: the scores are a named table')
    if table is None:
        return
    cells = children(table)
    # GTK 4.8 gives AT-SPI its column headers as fillers: each cell names its column itself.
    column_headers = [c for c in cells if role(c) in ('column header', 'filler') and c.name]
    row_headers = [c for c in cells if role(c) == 'row header']
    data = [c for c in cells if role(c) == 'table cell']
    # A row per participant (two in the test's session), then the group's mean, band, target
    # and actions; a column per competency after the rows' headers.
    ok(len(column_headers) == 6, 'overview: a column header per competency (%d)'
       % len(column_headers))
    ok(len(row_headers) == 2 + 4, 'overview: a row header per participant and group row (%d)'
       % len(row_headers))
    described = [c for c in data
                 if any((h.name + ', ') in (c.description or '') for h in row_headers)
                 and any((', ' + h.name) in (c.description or '') for h in column_headers)]
    ok(data and len(described) == len(data),
       'overview: each cell says its row and its competency (%d of %d)'
       % (len(described), len(data)))


def main():
    data = os.path.join(os.environ.get('G_TEST_SRCDIR', 'tests'), 'data', 'atelier.grille')
    env = dict(os.environ)
    env.pop('NO_AT_BRIDGE', None)
    env['LANGUAGE'] = 'fr'
    # run-accessibility.sh gives Grille and pyatspi the same bus, started and answering.
    if not env.get('AT_SPI_BUS_ADDRESS'):
        raise SystemExit('Bail out! no accessibility bus: run this through run-accessibility.sh')
    desktop = pyatspi.Registry.getDesktop(0)
    app = subprocess.Popen([os.environ['GRILLE_BIN'], data], env=env)
    try:
        grille = wait_for(lambda: next((a for a in children(desktop) if a.name == 'grille' and
                                        a.childCount > 0), None),
                          'Grille on the accessibility bus', seconds=120, process=app,
                          seen=lambda: applications(desktop))
        frame = wait_for(lambda: next((w for w in children(grille) if role(w) == 'frame'),
                                      None), 'the window')
        sidebar = wait_for(lambda: find(frame, lambda n: role(n) == 'list' and
                                        n.name == 'Pages'), 'the sidebar')
        rows = children(sidebar)
        ok(len(rows) == 7, 'the sidebar lists the overview, 5 competencies and participants')
        selection = sidebar.querySelection()
        radios = 0
        for index, row in enumerate(rows):
            where = 'page %d (%s)' % (index, row.name)
            selection.selectChild(index)
            time.sleep(1.0)
            radios += check_tree(frame, where)
            page = find(frame, lambda n: role(n) == 'panel' and n.name == 'GtkStackPage'
                        and visible(n) and find(n, lambda m: role(m) == 'heading'))
            check_heading(frame, where)
            if index == 0:
                check_table(frame)
        ok(radios >= 21 * 6, 'a named level option for each level of each savoir-faire (%d)'
           % radios)

        export = find(frame, lambda n: role(n) == 'push button' and n.name == 'Exporter')
        ok(export is not None, 'the export button is named')
        if export is not None:
            export.queryAction().doAction(0)
            dialog = wait_for(lambda: next((w for w in children(grille)
                                            if w is not frame and role(w) in ('dialog', 'frame')
                                            and w.childCount > 0), None), 'the export dialog')
            time.sleep(1.0)
            check_tree(dialog, 'export dialog')
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()

    print('1..%d' % len(results))
    return 0 if all(passed for passed, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
