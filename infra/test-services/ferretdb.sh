#!/usr/bin/env bash
# A MongoDB-wire server for tests without Docker: FerretDB v1 with its SQLite backend, built from the
# Go module proxy into a cache outside the repository, bound to 127.0.0.1 only, no auth, no telemetry.
#
#   infra/test-services/ferretdb.sh start [--keep-data]   # prints mongodb://127.0.0.1:<port>/
#   infra/test-services/ferretdb.sh stop
#   infra/test-services/ferretdb.sh restart               # stop + start --keep-data
#   infra/test-services/ferretdb.sh status                # exit 0 running, 3 not running
#   infra/test-services/ferretdb.sh prepare               # only build the binary into the cache
#
# `start` begins with an empty data directory unless --keep-data or FERRETDB_KEEP_DATA=1; when the
# server is already running it is left as it is and its URL is printed again.
# Environment: FERRETDB_PORT (27927), FERRETDB_VERSION (v1.24.2), FERRETDB_START_TIMEOUT (30 s),
# FERRETDB_KEEP_DATA, FERRETDB_KEEP_GO_CACHE, SME_TEST_SERVICES_CACHE, SME_TEST_SERVICES_RUN.
# See docs/test-services.md.
set -euo pipefail

TS_NAME=ferretdb
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${FERRETDB_PORT:-27927}
VERSION=${FERRETDB_VERSION:-v1.24.2}
START_TIMEOUT=${FERRETDB_START_TIMEOUT:-30}
KEEP_DATA=${FERRETDB_KEEP_DATA:-0}

INSTALL_DIR=$TS_CACHE_DIR/ferretdb/$VERSION
BIN=$INSTALL_DIR/bin/ferretdb
GO_DIR=$TS_CACHE_DIR/go # private GOMODCACHE / GOCACHE, removed after a successful build
RUN=$TS_RUN_DIR/ferretdb
PIDFILE=$RUN/ferretdb.pid
LOG=$RUN/ferretdb.log
DATA=$RUN/data
URL="mongodb://127.0.0.1:$PORT/"

ts_validate_port FERRETDB_PORT "$PORT"

installed() {
  local reported
  [[ -x $BIN ]] && reported=$("$BIN" --version 2>/dev/null) && [[ $'\n'$reported$'\n' == *$'\n'"version: $VERSION"$'\n'* ]]
}

# FerretDB's own build reads build/version/version.txt (written by its release tooling) and refuses to
# start without it, and `go install ...@version` needs a module-list lookup the proxy mirror here does
# not answer. So: fetch the exact module version, copy its source, add version.txt, build it.
build() {
  installed && return 0
  command -v go >/dev/null || ts_fail "go is not installed (needed once to build FerretDB $VERSION)"
  local build_log=$INSTALL_DIR/build.log started src module_dir
  started=$(date +%s%N)
  mkdir -p "$INSTALL_DIR"
  : >"$build_log"
  ts_log "building FerretDB $VERSION into $INSTALL_DIR (first run only; takes a few minutes on 2 cores)"
  export GOMODCACHE=$GO_DIR/mod GOCACHE=$GO_DIR/build GOFLAGS=-modcacherw GOTOOLCHAIN=local CGO_ENABLED=0
  module_dir=$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" 2>>"$build_log" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p') || true
  [[ -n $module_dir && -f $module_dir/go.mod ]] || ts_fail "could not download github.com/FerretDB/FerretDB@$VERSION" "$build_log"

  src=$INSTALL_DIR/src
  rm -rf "$src"
  cp -R "$module_dir" "$src"
  chmod -R u+w "$src"
  echo "$VERSION" >"$src/build/version/version.txt"
  if ! (cd "$src" && go build -trimpath -buildvcs=false -o "$BIN.tmp" ./cmd/ferretdb) >>"$build_log" 2>&1; then
    ts_fail "go build of FerretDB $VERSION failed" "$build_log"
  fi
  mv -f "$BIN.tmp" "$BIN"
  installed || ts_fail "built binary does not report version $VERSION" "$build_log"
  rm -rf "$src"
  if [[ ${FERRETDB_KEEP_GO_CACHE:-0} != 1 ]]; then
    rm -rf "$GO_DIR" # ~1 GB of module sources and compiler output, not needed once the binary exists
  fi
  ts_log "built $BIN in $(ts_elapsed "$started")s"
}

# A real round trip: the mongodb driver's ping, run with node from the repository (or current) directory.
ping_server() {
  TS_REPO_ROOT=$TS_REPO_ROOT node -e '
    const { MongoClient } = require(require.resolve("mongodb", { paths: [process.env.TS_REPO_ROOT, process.cwd()] }));
    const client = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 2000, connectTimeoutMS: 2000 });
    client.connect()
      .then(() => client.db("admin").command({ ping: 1 }))
      .then((r) => client.close().then(() => process.exit(r.ok === 1 ? 0 : 1)))
      .catch(() => process.exit(1));
  ' "$URL" >/dev/null 2>&1
}

# server_answers CAN_PING: the port is open and, when CAN_PING is 1, the server answers a ping.
server_answers() {
  ts_port_open "$PORT" || return 1
  if (($1 == 0)); then
    ts_log "warning: node or the mongodb driver is not available here; checked the TCP port only"
    return 0
  fi
  ping_server
}

# wait_ready PID: succeed once the server answers; on failure set READY_ERROR and return 1.
wait_ready() {
  local can_ping=0
  ts_node_module mongodb && can_ping=1
  ts_wait_ready "$1" "$START_TIMEOUT" 0.2 FerretDB "FerretDB did not answer a ping on 127.0.0.1:$PORT within ${START_TIMEOUT}s" \
    server_answers "$can_ping"
}

start() {
  local pid started
  if [[ ${1:-} == --keep-data ]]; then KEEP_DATA=1; elif [[ -n ${1:-} ]]; then ts_fail "unknown option '$1'"; fi
  if pid=$(ts_running_pid "$PIDFILE" "$BIN"); then
    ts_log "already running (pid $pid)"
    echo "$URL"
    return 0
  fi
  ts_port_open "$PORT" && ts_fail "127.0.0.1:$PORT is already in use by another process; set FERRETDB_PORT"

  ts_with_lock "$TS_CACHE_DIR/ferretdb.lock" build
  started=$(date +%s%N)
  mkdir -p "$RUN"
  if [[ $KEEP_DATA != 1 ]]; then
    rm -rf "$DATA"
    if [[ -f $LOG ]]; then mv -f "$LOG" "$LOG.prev"; fi # a fresh start keeps the previous run's log as .prev
  fi
  mkdir -p "$DATA"
  {
    echo
    echo "=== $(date -u +%Y-%m-%dT%H:%M:%SZ) starting FerretDB $VERSION on 127.0.0.1:$PORT (data $DATA)"
  } >>"$LOG"
  # --debug-addr=- turns off the metrics/pprof HTTP listener (it defaults to 127.0.0.1:8088).
  setsid "$BIN" \
    --handler=sqlite \
    --sqlite-url="file:$DATA/" \
    --listen-addr="127.0.0.1:$PORT" \
    --state-dir="$RUN" \
    --debug-addr=- \
    --telemetry=disable \
    --log-level="${FERRETDB_LOG_LEVEL:-warn}" \
    </dev/null >>"$LOG" 2>&1 &
  pid=$!
  echo "$pid" >"$PIDFILE"
  if ! wait_ready "$pid"; then
    ts_stop_pid "$pid" 5
    rm -f "$PIDFILE"
    ts_fail "$READY_ERROR" "$LOG"
  fi
  ts_log "ready in $(ts_elapsed "$started")s (pid $pid, log $LOG)"
  echo "$URL"
}

stop() { ts_stop_server "$PIDFILE" "$BIN" 10; }

status() {
  local pid
  if pid=$(ts_running_pid "$PIDFILE" "$BIN"); then
    ts_log "running (pid $pid, data $DATA, log $LOG)"
    echo "$URL"
    return 0
  fi
  ts_log "not running"
  return 3
}

prepare() { ts_with_lock "$TS_CACHE_DIR/ferretdb.lock" build; }

ts_main "$@"
