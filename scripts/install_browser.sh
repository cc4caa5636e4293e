#!/bin/sh
# Install Debian's chromium for the browser test (tests/test_browser*.py).
# Needs root (or sudo). Playwright drives /usr/bin/chromium directly, so
# `playwright install` (which downloads its own browsers) is never run.
set -eu
if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version || true
