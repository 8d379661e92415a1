#!/usr/bin/env bash
# Makes sure PostgreSQL server binaries are on the machine; the server and the tests start their own local
# PostgreSQL from them when no connection string is configured. Installs Debian's package when they are missing.
set -euo pipefail
if [ -n "${EDUQ_PG_BIN:-}" ] || compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL server binaries are missing: install the 'postgresql' package or set EDUQ_PG_BIN." >&2
  exit 1
fi
echo "Installing PostgreSQL server binaries (Debian package 'postgresql') ..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
