#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs test-accessibility.py as Orca would meet Grille: on an X server and a session bus of its
# own (the suite's X server may be gone by the time it runs), with the accessibility bus
# (at-spi2-core) started on it. Debian's python3 is used: it has pyatspi. Only the test's TAP
# goes to stdout (fd 3): the bus daemons talk on stderr.
exec 3>&1
exec xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- sh -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  launcher=$!
  /usr/bin/python3 "$1" >&3
  status=$?
  kill $launcher 2>/dev/null
  exit $status' sh "$(dirname "$0")/test-accessibility.py" >&2
