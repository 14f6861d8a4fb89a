#!/usr/bin/env bash
# Sets up a fresh machine and runs the whole test suite: Debian packages the
# tests need (Chromium for the explorer tests, PostgreSQL for the SQL backend
# tests), the npm packages from the lockfile, then `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# `npm install` rather than `npm ci`: chdb lists optional macOS and ARM builds that this
# registry does not carry, so they are missing from the lockfile and `npm ci` rejects it.
# With the committed lockfile, `npm install` installs the same versions.
npm install --no-audit --no-fund
npm test
