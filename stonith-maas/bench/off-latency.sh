#!/bin/sh
# Whole-process latency of `fence_maas` action=off, from start to confirmed off, against a running
# MAAS simulator (java ... SimulatorsMain maas --api-key-file KEY_FILE ...; see stonith-maas/README.md).
#
#   off-latency.sh SIM_URL KEY_FILE HOST DELAY_SECONDS [RUNS] [AGENT]
#
# Each run: set the machine back on and the simulator's power delay (control endpoint /_sim/),
# then time `printf 'action=off...' | fence_maas` with date +%s.%N. Prints each run and the median.
set -eu
sim_url=$1 key_file=$2 host=$3 delay=$4 runs=${5:-11}
agent=${6:-$(dirname "$(readlink -f "$0")")/../target/dist/fence_maas}
base=${sim_url%/MAAS}

curl -sf -X POST "$base/_sim/power-delay?seconds=$delay" >/dev/null
times=""
i=0
while [ "$i" -lt "$runs" ]; do
    i=$((i + 1))
    curl -sf -X POST "$base/_sim/machines/$host?power_state=on&failure=none" >/dev/null
    start=$(date +%s.%N)
    # Key from the file via the shell's builtin printf: it never becomes an argument.
    if { printf 'action=off\nplug=%s\nurl=%s\n' "$host" "$sim_url"; printf 'api_key=%s\n' "$(cat "$key_file")"; } \
        | "$agent" >/dev/null; then rc=0; else rc=$?; fi
    end=$(date +%s.%N)
    elapsed=$(echo "$end - $start" | bc)
    echo "run $i: rc=$rc ${elapsed}s"
    [ "$rc" -eq 0 ] || { echo "fence_maas failed" >&2; exit 1; }
    times="$times $elapsed"
done
median=$(for t in $times; do echo "$t"; done | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
echo "delay=${delay}s runs=$runs median=${median}s"
