#!/usr/bin/env bash
# Set everything up and run the tests: a virtualenv with the package and its test extra,
# Debian's chromium for the browser tests (through apt, when missing and we may), axe-core for their
# accessibility audit (scripts/fetch_axe.py, pinned and checksummed, into .cache/), lint, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing and cannot be installed here: the browser tests will be skipped" >&2
  fi
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
.venv/bin/python scripts/fetch_axe.py
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
