#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium is at /usr/bin/chromium for the console's browser tests
# (Playwright drives it; no browser is downloaded). Installs Debian's package when it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: install the Debian package 'chromium' (the console tests need /usr/bin/chromium)." >&2
  exit 1
fi
echo "Installing Chromium (Debian package 'chromium') ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
