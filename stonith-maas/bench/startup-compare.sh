#!/bin/bash
# Start-up cost of fence_maas: whole `action=off` runs, start to confirmed off, against the MAAS
# simulator on 127.0.0.1, interleaved round by round with baselines, so machine load hits every
# command alike. Prints, per command, the median wall time, the median CPU time (user + sys) and
# both as ratios against a trivial JVM start measured in the same rounds.
#
#   startup-compare.sh [RUNS] [LABEL=WRAPPER ...]
#
# Default: 21 rounds, the built agent (target/dist/fence_maas, with its class-data archive built
# first). Give several LABEL=WRAPPER pairs to compare builds, e.g. before=/tmp/old/fence_maas.
# Baselines: `python3 -c pass` and `python3 -S -c pass` (without site, whose .pth files can cost
# more than the interpreter), a trivial JVM start (`java -version` with the wrapper's flags: the
# ratio reference), and a fence-agents Python agent's whole run (`fence_ipmilan -o metadata`) when
# fence-agents is installed. Needs the simulators jar (mvn -pl stonith-maas -am package).
#
# The simulator runs with sun.net.httpserver.nodelay=true: without it the JDK HTTP server sends
# headers and body as two segments and Nagle holds the second until the agent's delayed ACK,
# adding ~40 ms per request that belongs to the simulator, not to any agent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
runs=${1:-21}
shift || true
sim_jar=$module/../simulators/target/simulators.jar
[ -f "$sim_jar" ] || { echo "no $sim_jar: build with mvn -B -pl stonith-maas -am package" >&2; exit 1; }

agents=("$@")
if [ "${#agents[@]}" -eq 0 ]; then
    [ -x "$module/target/dist/fence_maas" ] || { echo "no target/dist/fence_maas: build first" >&2; exit 1; }
    "$module/target/dist/fence_maas" --build-cds-archive >/dev/null
    agents=("fence_maas=$module/target/dist/fence_maas")
fi

work=$(mktemp -d)
sim_pid=
cleanup() {
    [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
printf 'benchconsumer:benchtoken:benchsecret%s\n' "$$" >"$work/key"
chmod 600 "$work/key"
java -Dsun.net.httpserver.nodelay=true -cp "$sim_jar" dev.instanceha.simulators.SimulatorsMain maas --port 0 \
    --machine compute-1 --api-key-file "$work/key" >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 100); do
    grep -q 'listening on' "$work/sim.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/sim.out")
[ -n "$url" ] || { echo "simulator did not start: $(cat "$work/sim.err")" >&2; exit 1; }
base=${url%/MAAS}

# One timed command: appends "wall cpu" (seconds) to $work/<label>.
timed() {
    local label=$1
    shift
    /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null 2>"$work/last.err" \
        || { echo "$label failed: $(cat "$work/last.err")" >&2; exit 1; }
    awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/t" >>"$work/$label"
}
fence_off() {
    local wrapper=$1
    curl -sf -X POST "$base/_sim/machines/compute-1?power_state=on&failure=none" >/dev/null
    # The key goes through a pipe from the shell's builtin printf, never through argv.
    { printf 'action=off\nplug=compute-1\nurl=%s\n' "$url"; printf 'api_key=%s\n' "$(cat "$work/key")"; } \
        >"$work/stdin"
    timed "$2" "$wrapper" <"$work/stdin"
}
# Warm the simulator's own JIT so its answers do not slow the first rounds.
for _ in 1 2 3 4 5; do fence_off "${agents[0]#*=}" warmup; done

labels=(python3-pass python3-S-pass java-version)
command -v fence_ipmilan >/dev/null && labels+=(fence_ipmilan-metadata)
for agent in "${agents[@]}"; do labels+=("${agent%%=*}"); done
for _ in $(seq 1 "$runs"); do
    timed python3-pass python3 -c pass
    timed python3-S-pass python3 -S -c pass
    timed java-version java -Xshare:auto -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -version
    command -v fence_ipmilan >/dev/null && timed fence_ipmilan-metadata fence_ipmilan -o metadata
    for agent in "${agents[@]}"; do fence_off "${agent#*=}" "${agent%%=*}"; done
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ref_wall=$(cut -d' ' -f1 "$work/java-version" | median)
ref_cpu=$(cut -d' ' -f2 "$work/java-version" | median)
printf '%-24s %10s %10s %12s %12s\n' command wall_med cpu_med wall/jvm cpu/jvm
for label in "${labels[@]}"; do
    wall=$(cut -d' ' -f1 "$work/$label" | median)
    cpu=$(cut -d' ' -f2 "$work/$label" | median)
    printf '%-24s %9.3fs %9.3fs %11.1fx %11.1fx\n' "$label" "$wall" "$cpu" "$(echo "$wall / $ref_wall" | bc -l)" \
        "$(echo "$cpu / $ref_cpu" | bc -l)"
done
echo "rounds=$runs load=$(cut -d' ' -f1-3 /proc/loadavg)"
