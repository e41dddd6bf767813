#!/usr/bin/env bash
# Creates var/matrix-venv: the Matrix bridge (matrix-nio) and, for the end-to-end test, a real
# Synapse homeserver. It is a separate environment because Synapse wants a newer Python than the
# 3.10 Rasa 3.6 runs on, and neither package belongs in the assistant's own .venv.
# Idempotent: does nothing when the venv already holds the pinned versions. MATRIX_PYTHON=... picks
# the interpreter. A production bridge host needs only: pip install -r matrix_bridge/requirements.txt
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=var/matrix-venv
SYNAPSE=matrix-synapse==1.163.2  # only the end-to-end test runs a homeserver; the bridge needs nio
STAMP="$VENV/.installed-$( (echo "$SYNAPSE"; cat matrix_bridge/requirements.txt) | sha1sum | cut -c1-12)"
[ -f "$STAMP" ] && exit 0

find_python() {  # a Python >= 3.10: 3.11 first (what Synapse is tested on most), then others
  for candidate in "${MATRIX_PYTHON:-}" python3.11 python3.12 "$HOME"/.pyenv/versions/3.11*/bin/python3.11 \
      "$HOME"/.pyenv/versions/3.12*/bin/python3.12 "$(scripts/find-python310.sh 2>/dev/null || true)" python3; do
    [ -n "$candidate" ] || continue
    if "$candidate" -c 'import sys, venv; sys.exit(sys.version_info[:2] < (3, 10))' 2>/dev/null; then
      command -v "$candidate" 2>/dev/null || echo "$candidate"
      return 0
    fi
  done
  echo "no Python >= 3.10 found for $VENV (set MATRIX_PYTHON=/path/to/python3.11)" >&2
  return 1
}

PYTHON=$(find_python)
echo "creating $VENV with $PYTHON (matrix_bridge/requirements.txt and $SYNAPSE)"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
# pip replacing itself can fail halfway ("No module named pip._vendor.rich._unicode_data…", seen
# once on a fresh clone) and leave a broken pip: then a fresh venv with the pip it comes with
if ! "$VENV/bin/python" -m pip install -q --upgrade pip; then
  echo "note: upgrading pip in $VENV failed; going on with the pip the venv comes with" >&2
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q -r matrix_bridge/requirements.txt "$SYNAPSE"
touch "$STAMP"
