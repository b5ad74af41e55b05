#!/usr/bin/env bash
# Installs what building and testing Voyageur needs on a Debian machine that
# has Swift: the C libraries' -dev packages and small tools. Installs only
# what is missing, so a second run is quick.
set -euo pipefail

packages=()
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
pkg-config --exists sqlite3 2>/dev/null || packages+=(libsqlite3-dev)
pkg-config --exists libpq 2>/dev/null || packages+=(libpq-dev)
pkg-config --exists librabbitmq 2>/dev/null || packages+=(librabbitmq-dev)
pkg-config --exists libcurl 2>/dev/null || packages+=(libcurl4-openssl-dev)
[ -x /usr/bin/time ] || packages+=(time)

if [ ${#packages[@]} -gt 0 ]; then
    echo "Installing ${packages[*]}"
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
