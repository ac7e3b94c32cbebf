# Shared by scripts/start, scripts/test and scripts/i18n (sourced, not run).
# Creates .venv in the checkout with Python 3.11+ and installs a requirements file into it,
# skipping the install when the file (and the files it includes with -r) did not change.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export FLASK_APP=wsgi

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3 python3.13 python3.12 python3.11 python; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "Phlov needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)." >&2
  return 1
}

# The requirements files a requirements file pulls in with `-r`.
included_files() {
  sed -n 's/^-r[[:space:]]*//p' "$ROOT/$1"
}

# The hash of a requirements file together with the files it includes.
requirements_hash() {
  local included
  {
    cat "$ROOT/$1"
    for included in $(included_files "$1"); do
      cat "$ROOT/$included"
    done
  } | sha256sum | cut -d' ' -f1
}

# ensure_venv REQUIREMENTS_FILE: .venv exists and has what that file lists installed.
ensure_venv() {
  local requirements="$1" python stamp wanted included
  if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$(find_python)"
    echo "Creating .venv with $("$python" --version)..."
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
  fi
  stamp="$VENV/.installed-$requirements.sha256"
  wanted="$(requirements_hash "$requirements")"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "Installing $requirements into .venv (a minute the first time)..."
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/$requirements"
    echo "$wanted" >"$stamp"
    for included in $(included_files "$requirements"); do  # installed with it
      requirements_hash "$included" >"$VENV/.installed-$included.sha256"
    done
  fi
}

# The .mo files are built, never committed: each when its .po changed, written beside it and
# then moved in place, so a process reading it meanwhile (a test worker) never sees half a file.
compile_translations() {
  local po mo
  for po in "$ROOT"/portal/translations/*/LC_MESSAGES/messages.po; do
    mo="${po%.po}.mo"
    [ "$mo" -nt "$po" ] && continue
    "$VENV/bin/pybabel" -q compile -i "$po" -o "$mo.$$.tmp" && mv -f "$mo.$$.tmp" "$mo"
  done
}
