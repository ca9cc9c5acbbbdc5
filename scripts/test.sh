#!/usr/bin/env bash
# The project's test command, for developers and CI alike: installs what the build needs when it
# is absent, then runs the full verify build (unit tests, browser test, all checks).
#
# Needs: a JDK 17 (Maven comes from ./mvnw, pinned and checksummed), curl or wget for the
# wrapper's one download, unzip, and Chromium for the HTML report's browser test. On Debian and
# Ubuntu the missing ones are installed with apt-get (as root, or through sudo); elsewhere the
# script says what to install. SCPLAN_CHROMIUM may name another Chromium or Chrome binary.
# Extra arguments go to Maven, e.g. `bash scripts/test.sh -Pslow`.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
if ! command -v javac >/dev/null 2>&1; then
  packages+=(openjdk-17-jdk-headless ca-certificates)
fi
if ! command -v unzip >/dev/null 2>&1; then
  packages+=(unzip)
fi
if ! command -v curl >/dev/null 2>&1 && ! command -v wget >/dev/null 2>&1; then
  packages+=(curl ca-certificates)
fi
if [ -z "${SCPLAN_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 \
  && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
  # fonts-liberation: Chromium's recommended fonts, so screenshots show real text.
  packages+=(chromium fonts-liberation)
fi

if [ "${#packages[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/test.sh: please install: ${packages[*]} (no apt-get here to do it)." >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  echo "scripts/test.sh: installing ${packages[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
fi

java -version
./mvnw -B -ntp verify "$@"
