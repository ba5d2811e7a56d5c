#!/usr/bin/env bash
# Grille's quick start on Debian 12 or Ubuntu: installs what is missing, builds, then runs Grille
# (./dev.sh run [FILE…]) or the whole test suite headless (./dev.sh test).
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"
BUILD=${BUILD:-build}

# What building, running and testing need, as Debian packages.
PACKAGES=(
  gcc libc6-dev pkg-config meson ninja-build gettext python3
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libjson-glib-dev librsvg2-dev
  libcairo2-dev libpango1.0-dev librsvg2-common libgtk-4-bin
  desktop-file-utils appstream shared-mime-info
  libxml2-utils xvfb xauth poppler-utils librsvg2-bin fonts-dejavu-core
  libdeflate-dev libreoffice-calc-nogui qpdf pngcheck translate-toolkit
  dbus at-spi2-core python3-pyatspi libxtst-dev
)

install_missing () {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
}

# Builds the given targets (everything when none is given).
build () {
  if [[ ! -f $BUILD/build.ninja ]]; then
    # MESON_OPTIONS: extra options for a new build directory (CI adds -Dwerror=true).
    # shellcheck disable=SC2086
    meson setup "$BUILD" ${MESON_OPTIONS:-}
  fi
  ninja -C "$BUILD" "$@"
}

# Counts the tests meson ran in each build directory given, from its JSON log, for the closing
# line CI reads: one line for all of them.
summarise () {
  python3 - "${@/%//meson-logs/testlog.json}" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            result = json.loads(line)["result"]
            if result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
}

case "${1:-run}" in
  run)
    shift || true
    install_missing
    # Only what the application needs: the program, its schema and its translations.
    build app/grille data/gschemas.compiled grille-gmo
    export GSETTINGS_SCHEMA_DIR="$PWD/$BUILD/data"
    exec "$BUILD/app/grille" "$@"
    ;;
  test)
    install_missing
    build
    status=0
    # The ui suite drives real windows: give it a display of its own.
    xvfb-run -a -s "-screen 0 1920x1080x24" \
      meson test -C "$BUILD" --print-errorlogs --num-processes 2 || status=$?
    logs=("$BUILD")
    # SANITIZE_BUILD: a second build directory, with AddressSanitizer (leaks included) and
    # UndefinedBehaviorSanitizer, where the core and fuzz suites run again, and the window
    # tests whose files, exports and drafts run in threads; a finding fails.
    if [[ -n ${SANITIZE_BUILD:-} ]]; then
      BUILD=$SANITIZE_BUILD \
        MESON_OPTIONS="${MESON_OPTIONS:-} -Db_sanitize=address,undefined -Db_lundef=false" build
      # Instrumented code runs a few times slower: so may the tests.
      xvfb-run -a -s "-screen 0 1920x1080x24" \
        meson test -C "$SANITIZE_BUILD" --print-errorlogs --num-processes 2 --timeout-multiplier 4 \
        --suite core --suite fuzz --suite threads || status=$?
      logs+=("$SANITIZE_BUILD")
    fi
    summarise "${logs[@]}"
    exit $status
    ;;
  *)
    echo "usage: $0 [run [FILE…] | test]" >&2
    exit 2
    ;;
esac
