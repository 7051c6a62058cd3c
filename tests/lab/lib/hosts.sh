# Compute-host helpers (network namespaces running pacemaker-remoted). Sourced after common.sh.

ensure_bridge() {
  if ! ip link show "$LAB_BRIDGE" >/dev/null 2>&1; then
    ip link add "$LAB_BRIDGE" type bridge
    ip addr add "$LAB_BRIDGE_ADDR/$LAB_PREFIX" dev "$LAB_BRIDGE"
    log "created bridge $LAB_BRIDGE $LAB_BRIDGE_ADDR/$LAB_PREFIX"
  fi
  ip link set "$LAB_BRIDGE" up
}

# ensure_netns I: namespace, veth pair (host side on the bridge, eth0 inside), address. Idempotent.
ensure_netns() {
  local i="$1" ns veth addr
  ns="$(host_ns "$i")"; veth="$(host_veth "$i")"; addr="$(host_addr "$i")"
  if ! ip netns list | grep -qw "^$ns"; then
    ip netns add "$ns"
    log "created netns $ns"
  fi
  if ! ip link show "$veth" >/dev/null 2>&1; then
    ip -n "$ns" link del eth0 2>/dev/null || true
    ip link add "$veth" type veth peer name eth0 netns "$ns"
    ip link set "$veth" master "$LAB_BRIDGE"
    ip -n "$ns" addr add "$addr/$LAB_PREFIX" dev eth0
    log "wired $ns: $veth <-> eth0 $addr/$LAB_PREFIX"
  fi
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
  ip link set "$veth" up
}

remote_pid_name() { echo "remote-$(host_name "$1")"; }

# start_remote I: pacemaker-remoted inside the namespace, with its own mount namespace (tmpfs on
# /var/lib/pacemaker) and UTS namespace (hostname = node name). Shares /etc/pacemaker/authkey, or
# uses the key file in $LAB_REMOTE_AUTHKEY (a test proving a key written by the pacemaker-remote charm).
start_remote() {
  local i="$1" name ns
  name="$(host_name "$i")"; ns="$(host_ns "$i")"
  [ -x "$PCMK_REMOTED" ] || die "pacemaker-remoted missing; run: tests/lab/install"
  start_bg "$(remote_pid_name "$i")" "$LAB_LOGS/$name.log" \
    env PCMK_logfile="$LAB_LOGS/$name-pacemaker.log" PCMK_node_name="$name" \
      ${LAB_REMOTE_AUTHKEY:+PCMK_authkey_location="$LAB_REMOTE_AUTHKEY"} \
    ip netns exec "$ns" unshare --mount --uts --propagation private /bin/sh -c '
      mount -t tmpfs -o mode=0750 tmpfs /var/lib/pacemaker &&
      mkdir -p /var/lib/pacemaker/cib /var/lib/pacemaker/pengine /var/lib/pacemaker/blackbox /var/lib/pacemaker/cores &&
      chown -R hacluster:haclient /var/lib/pacemaker &&
      hostname "$1" && exec "$2"' sh "$name" "$PCMK_REMOTED"
}

remote_listening() { ip netns exec "$(host_ns "$1")" ss -ltnH 'sport = :3121' | grep -q 3121; }

# remote_offline NAME: crm_mon shows the remote node NAME offline.
remote_offline() { crm_mon -1 -X 2>/dev/null | grep -q "<node name=\"$1\"[^>]*online=\"false\""; }

# register_remote I: the ocf:pacemaker:remote primitive named after the host, if absent.
register_remote() {
  local i="$1" name addr
  name="$(host_name "$i")"; addr="$(host_addr "$i")"
  if cibadmin --query --xpath "//primitive[@id='$name']" >/dev/null 2>&1; then
    return 0
  fi
  cibadmin --create -o resources --xml-text "<primitive id=\"$name\" class=\"ocf\" provider=\"pacemaker\" type=\"remote\">
  <instance_attributes id=\"$name-instance_attributes\">
    <nvpair id=\"$name-instance_attributes-server\" name=\"server\" value=\"$addr\"/>
  </instance_attributes>
  <operations>
    <op id=\"$name-monitor-interval-5s\" name=\"monitor\" interval=\"5s\" timeout=\"15s\"/>
  </operations>
</primitive>" || die "could not register remote $name in the CIB"
  log "registered ocf:pacemaker:remote $name (server=$addr)"
}

nova_sim_host_state() {
  # Tell the Nova simulator (if it runs) that a compute service is up/down, as heartbeats would.
  running nova-sim || return 0
  curl -fsS -o /dev/null --max-time 3 -X PUT -H 'Content-Type: application/json' \
    -d "{\"state\":\"$2\"}" "http://$LAB_HOST:$NOVA_PORT/_sim/hosts/$1/state" || warn "nova simulator did not take $1 $2"
}

host_index() {
  # compute7 / compute7.maas -> 7
  local short="${1%%.*}"
  [[ "$short" =~ ^compute([0-9]+)$ ]] || die "not a lab compute host: $1 (expected compute<N>)"
  echo "${BASH_REMATCH[1]}"
}
