# Shared helpers for the lab scripts. Sourced, never run.
# Everything the lab starts is recorded in $LAB_RUN/pids/<name>.pid and stopped only by that PID.
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$LAB_DIR/../.." && pwd)"
LAB_RUN="${LAB_RUN:-$LAB_DIR/.run}"
LAB_PIDS="$LAB_RUN/pids"
LAB_LOGS="$LAB_RUN/logs"
LAB_OPT="$LAB_RUN/opt"

# The lab's constants (addresses, ports, users, passwords): tests/lab/lab.env, which Lab.java reads
# too. A variable already in the environment wins over its line there.
while IFS='=' read -r key value; do
  [[ "$key" =~ ^[A-Z][A-Z0-9_]*$ ]] || continue
  [ -n "${!key+set}" ] || printf -v "$key" '%s' "$value"
done < "$LAB_DIR/lab.env"
unset key value
SYS_PY=/usr/bin/python3   # Debian's python (the OpenStack packages live there), not a pyenv shim
PCMK_REMOTED="$LAB_OPT/pacemaker-remote/usr/sbin/pacemaker-remoted"
SIM_JAR="$REPO_ROOT/simulators/target/simulators.jar"
# The tests module's classes and runtime classpath (written by its build): the lab renders the
# charms' own config files through them.
LAB_CLASSPATH_FILE="$REPO_ROOT/tests/target/lab.classpath"

log()  { printf '[lab %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[lab %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[lab %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }

need_root() { [ "$(id -u)" = 0 ] || die "the lab needs root (network namespaces, pacemaker); run: sudo $0 $*"; }

lab_dirs() { mkdir -p "$LAB_PIDS" "$LAB_LOGS" "$LAB_OPT"; }

# lab_lock: one up/down at a time (two test JVMs may both ask for the lab).
lab_lock() {
  mkdir -p "$LAB_RUN"
  exec 9>"$LAB_RUN/.lock"
  flock -w 900 9 || die "another tests/lab/up or down holds $LAB_RUN/.lock for 15 minutes"
}

# Start time (clock ticks since boot) of a PID, from /proc/PID/stat field 22; empty if gone.
proc_start() { awk '{sub(/^.*\) /, ""); print $20}' "/proc/$1/stat" 2>/dev/null || true; }

# pid_of NAME -> prints the recorded PID if that very process (same PID *and* start time, so a
# recycled PID never matches) is still alive, else nothing (and returns 1).
pid_of() {
  local f="$LAB_PIDS/$1.pid" pid start
  [ -f "$f" ] || return 1
  read -r pid start < "$f" || true
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  if [ -n "${start:-}" ] && [ "$(proc_start "$pid")" != "$start" ]; then return 1; fi
  echo "$pid"
}

running() { pid_of "$1" >/dev/null; }

# port_free_for NAME PORT: when NAME is not running from this lab, its port must be free; otherwise
# something else (another work tree's lab, another program) owns it and we refuse to guess.
port_free_for() {
  running "$1" && return 0
  if port_open "$LAB_HOST" "$2"; then
    die "$LAB_HOST:$2 is in use but not by this lab's $1 (another lab or program?); stop it or run that lab's tests/lab/down"
  fi
}

# start_bg NAME LOGFILE CMD... : start CMD in the background (own session), record its PID.
start_bg() {
  local name="$1" logf="$2"; shift 2
  if running "$name"; then log "$name already running (pid $(pid_of "$name"))"; return 0; fi
  setsid "$@" >>"$logf" 2>&1 < /dev/null 8>&- 9>&- &   # fds 8/9 are lab locks: daemons must not hold them
  local pid=$!
  echo "$pid $(proc_start "$pid")" > "$LAB_PIDS/$name.pid"
  log "started $name (pid $pid, log ${logf#"$REPO_ROOT"/})"
}

# stop_pid NAME [TIMEOUT]: TERM the recorded PID and wait for it; KILL it after TIMEOUT seconds.
# start_bg made it a session/group leader, so whatever it left behind in its own process group
# (its children, nothing else) gets KILL afterwards.
stop_pid() {
  local name="$1" timeout="${2:-15}" pid i
  local f="$LAB_PIDS/$name.pid"
  [ -f "$f" ] || return 0
  if ! pid="$(pid_of "$name")"; then
    rm -f "$f"   # already gone (or the PID now belongs to another process: never signal that)
    return 0
  fi
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < timeout * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name (pid $pid) ignored TERM for ${timeout}s; sending KILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped $name (pid $pid)"
  fi
  if pgrep -g "$pid" >/dev/null 2>&1; then
    sleep 0.5
    kill -KILL -- "-$pid" 2>/dev/null && log "killed leftovers of $name (process group $pid)"
  fi
  rm -f "$f"
}

# wait_for DESCRIPTION TIMEOUT_SECONDS CMD...: poll CMD until it succeeds.
wait_for() {
  local what="$1" timeout="$2"; shift 2
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS - start >= timeout )); then die "timed out after ${timeout}s waiting for $what"; fi
    sleep 0.5
  done
  log "$what ready after $((SECONDS - start))s"
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1"; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

mysql_root() { mysql -uroot -h"$LAB_HOST" -P"$MYSQL_PORT" --protocol=tcp "$@"; }

# lab_java CLASS ARGS...: runs a main class of the tests module (dev.instanceha.tests.lab.CLASS).
lab_java() {
  local main="$1"; shift
  [ -f "$LAB_CLASSPATH_FILE" ] && [ -d "$REPO_ROOT/tests/target/classes" ] \
    || die "the tests module is not built (no ${LAB_CLASSPATH_FILE#"$REPO_ROOT"/}); run: mvn -B -q -pl tests -am package -DskipTests"
  java -cp "$REPO_ROOT/tests/target/classes:$(cat "$LAB_CLASSPATH_FILE")" -Dlab.dir="$LAB_DIR" \
    "dev.instanceha.tests.lab.$main" "$@"
}

# Compute host naming: host i (1-based) is compute<i>, namespace iha-compute<i>, address 10.251.X.Y.
host_name() { echo "compute$1"; }
host_ns() { echo "iha-compute$1"; }
host_addr() { echo "10.251.$(( $1 / 250 )).$(( $1 % 250 + 1 ))"; }
host_veth() { echo "ihav$1"; }
