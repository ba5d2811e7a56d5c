#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs test-accessibility.py as Orca would meet Grille: on an X server and a session bus of its
# own (the suite's X server may be gone by the time it runs), with the accessibility bus
# (at-spi2-core) on it. Debian's python3 is used: it has pyatspi. Only the test's TAP goes to
# stdout (fd 3): the bus daemons talk on stderr.
#
# The accessibility bus is started as on a desktop, by D-Bus activation, and the test waits for
# its address and for its registry to answer before anything starts. Its address is then given
# to both sides (AT_SPI_BUS_ADDRESS, which GTK and libatspi read first). The launcher started
# in the background, as before, could race under load with the one D-Bus activation starts
# (two buses, each announced on the X server), and nothing waited for it to be ready.
exec 3>&1
exec xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- sh -c '
  reply=$(gdbus call --session --timeout 120 --dest org.a11y.Bus --object-path /org/a11y/bus \
            --method org.a11y.Bus.GetAddress) || {
    echo "Bail out! the accessibility bus (org.a11y.Bus) did not start" >&3; exit 1; }
  AT_SPI_BUS_ADDRESS=$(printf "%s" "$reply" | sed -e "s/^(.\(.*\).,)\$/\1/")
  export AT_SPI_BUS_ADDRESS
  gdbus call --address "$AT_SPI_BUS_ADDRESS" --timeout 120 --dest org.a11y.atspi.Registry \
    --object-path /org/a11y/atspi/accessible/root --method org.freedesktop.DBus.Peer.Ping \
    >/dev/null || {
    echo "Bail out! the accessibility registry did not answer on $AT_SPI_BUS_ADDRESS" >&3
    exit 1; }
  exec /usr/bin/python3 "$1" >&3' sh "$(dirname "$0")/test-accessibility.py" >&2
