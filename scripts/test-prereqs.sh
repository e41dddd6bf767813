#!/usr/bin/env bash
# Installs the system packages the end-to-end tests use: Debian's Chromium (browser tests) and
# nginx (production profile), plus the separate Matrix environment.
# Python packages come from pyproject.toml via `make install`; this covers what pip cannot.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing+=(nginx-light)
bash "$(dirname "$0")/setup-matrix-env.sh" || echo "note: var/matrix-venv not made: the Matrix e2e test will be skipped (it fails on CI)" >&2
if command -v npm >/dev/null; then
  [ -d tests/e2e/axe/node_modules/axe-core ] || npm ci --prefix tests/e2e/axe --no-audit --no-fund --silent
else
  echo "note: npm missing: axe-core not installed, the widget accessibility tests will be skipped (they fail on CI)" >&2
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing ${missing[*]} (end-to-end tests)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "note: ${missing[*]} not installed and no root/apt-get: the tests that need them will be skipped" >&2
fi
