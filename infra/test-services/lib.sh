# shellcheck shell=bash
# Shared helpers for the test-service scripts in this directory. Sourced, not run.
# Everything here writes to stderr; stdout is reserved for the connection URL a script prints.

# Where downloaded/built artifacts live (outside the repository, survives fresh clones).
TS_CACHE_DIR=${SME_TEST_SERVICES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sme-ledger-test-services}
# Where running servers keep their pid file, logs and data.
# shellcheck disable=SC2034 # used by the scripts that source this file
TS_RUN_DIR=${SME_TEST_SERVICES_RUN:-$TS_CACHE_DIR/run}
# The repository this script belongs to: node modules (mongodb, kafkajs) are resolved from here first,
# then from the current directory.
TS_REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

ts_log() { printf '[%s] %s\n' "${TS_NAME:-test-services}" "$*" >&2; }

# ts_fail MESSAGE [LOGFILE...]: print the message and the tail of each log, exit 1.
ts_fail() {
  local message=$1 file
  shift
  ts_log "ERROR: $message"
  for file in "$@"; do
    [[ -s $file ]] || continue
    printf -- '----- last lines of %s -----\n' "$file" >&2
    tail -n "${TS_LOG_TAIL_LINES:-40}" "$file" >&2
  done
  exit 1
}

# ts_port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
ts_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ts_validate_port NAME VALUE
ts_validate_port() {
  if ! [[ $2 =~ ^[0-9]+$ ]] || ((10#$2 < 1024 || 10#$2 > 65535)); then
    ts_fail "$1 must be a port number in 1024-65535, got '$2'"
  fi
}

# ts_running_pid PIDFILE PATTERN: print the pid recorded in PIDFILE if that process is alive and its
# command line contains PATTERN (guards against a recycled pid); otherwise remove a stale pid file.
ts_running_pid() {
  local pidfile=$1 pattern=$2 pid
  [[ -f $pidfile ]] || return 1
  pid=$(<"$pidfile")
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"; then
    echo "$pid"
    return 0
  fi
  rm -f "$pidfile"
  return 1
}

# ts_stop_pid PID TIMEOUT_SECONDS: SIGTERM, wait up to the timeout, then SIGKILL.
ts_stop_pid() {
  local pid=$1 timeout=$2 waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= timeout * 10)); then
      ts_log "pid $pid still running after ${timeout}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

# ts_node_module NAME: true when node is installed and can resolve the module from the repository
# root or the current directory.
ts_node_module() {
  command -v node >/dev/null 2>&1 &&
    TS_REPO_ROOT=$TS_REPO_ROOT node -e "require.resolve(process.argv[1], { paths: [process.env.TS_REPO_ROOT, process.cwd()] })" "$1" 2>/dev/null
}

# ts_wait_ready PID TIMEOUT_SECONDS INTERVAL NAME TIMEOUT_ERROR READY_COMMAND...: poll READY_COMMAND every
# INTERVAL seconds while the process PID (the server NAME) is alive, and succeed once it does. Otherwise
# set READY_ERROR ("NAME exited during startup", or TIMEOUT_ERROR when the time is up) and return 1.
ts_wait_ready() {
  local pid=$1 deadline=$((SECONDS + $2)) interval=$3 name=$4 timeout_error=$5
  shift 5
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      READY_ERROR="$name exited during startup"
      return 1
    fi
    "$@" && return 0
    sleep "$interval"
  done
  READY_ERROR=$timeout_error
  return 1
}

# ts_with_lock LOCKFILE COMMAND...: run COMMAND while holding an exclusive lock (one provisioning at a time).
ts_with_lock() {
  local lockfile=$1
  shift
  mkdir -p "$(dirname "$lockfile")"
  (
    flock -w 1800 9 || ts_fail "could not lock $lockfile"
    "$@"
  ) 9>"$lockfile"
}

# ts_elapsed START_EPOCH_NS: seconds since START with one decimal.
ts_elapsed() {
  local now
  now=$(date +%s%N)
  printf '%d.%d' $(((now - $1) / 1000000000)) $((((now - $1) / 100000000) % 10))
}

# ts_stop_server PIDFILE PATTERN TIMEOUT_SECONDS: stop the server PIDFILE records (see ts_running_pid)
# and forget its pid.
ts_stop_server() {
  local pidfile=$1 pattern=$2 timeout=$3 pid
  if pid=$(ts_running_pid "$pidfile" "$pattern"); then
    ts_stop_pid "$pid" "$timeout"
    ts_log "stopped (pid $pid)"
  else
    ts_log "not running"
  fi
  rm -f "$pidfile"
}

# ts_main ARGS...: the command line every service script takes. The script defines start [--keep-data],
# stop, status and prepare (download or build what start needs).
ts_main() {
  case ${1:-} in
    start) start "${2:-}" ;;
    stop) stop ;;
    restart)
      stop
      start --keep-data
      ;;
    status) status ;;
    prepare) prepare ;;
    *)
      echo "usage: $0 start [--keep-data] | stop | restart | status | prepare" >&2
      exit 2
      ;;
  esac
}
