# Shared settings and helpers of the model's machine layer (sourced, not run).
#
# Everything the layer creates lives under MODEL_HOME (containers, image cache, logs, the apt
# cache's state) or is named with the model's prefix (bridge, veth pairs), so `destroy` can remove
# exactly what it made and nothing else.
set -euo pipefail

MODEL_HOME=${MODEL_HOME:-/var/lib/instanceha-model}
MODEL_LXC=$MODEL_HOME/lxc            # lxcpath of the model's containers only
MODEL_IMAGES=$MODEL_HOME/images      # rootfs tarballs keyed by recipe hash
MODEL_LOGS=$MODEL_HOME/logs
MODEL_RUN=$MODEL_HOME/run            # pid files of host processes the layer started
MODEL_BRIDGE=${MODEL_BRIDGE:-ihamodel0}
MODEL_NET=${MODEL_NET:-10.251.200}   # /24; .1 is the host, machines from .10
MODEL_HOST=$MODEL_NET.1
MODEL_CACHE_PORT=3142
MODEL_VETH_PREFIX=ihm

log()  { printf '[machines %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[machines %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[machines %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2; exit 1; }
need_root() { [ "$(id -u)" -eq 0 ] || die "run as root (LXC system containers and a bridge need it)"; }
model_dirs() { mkdir -p "$MODEL_LXC" "$MODEL_IMAGES" "$MODEL_LOGS" "$MODEL_RUN"; chmod 0700 "$MODEL_HOME"; }

# Debian's archive as the host's own apt sources name it (the only package registry reached).
host_archive_url() {
  local url
  url=$(grep -rhE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
        | grep -v security | grep -oE 'https?://[^ ]+/debian/?' | head -n1 || true)
  [ -n "$url" ] || die "no Debian archive URL in the host's apt sources"
  echo "${url%/}"
}

valid_name() { [[ "$1" =~ ^[a-z][a-z0-9-]{0,30}$ ]] || die "machine name '$1': lower-case letters, digits, '-'; starts with a letter"; }
lxc_q() { "$@" -P "$MODEL_LXC"; }
machine_exists() { [ -f "$MODEL_LXC/$1/config" ]; }
machine_state() { lxc-info -P "$MODEL_LXC" -n "$1" -sH 2>/dev/null || echo ABSENT; }
machine_address() { sed -n 's#^lxc.net.0.ipv4.address = \([0-9.]*\)/.*#\1#p' "$MODEL_LXC/$1/config"; }

# Runs a command in a machine with a clean, predictable environment.
machine_exec() {
  local name=$1; shift
  lxc-attach -P "$MODEL_LXC" -n "$name" --clear-env \
    --set-var PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --set-var LANG=C.UTF-8 --set-var DEBIAN_FRONTEND=noninteractive -- "$@"
}

pid_alive() { local f=$MODEL_RUN/$1.pid; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

# The model's bridge: the host's address only; no forwarding, no NAT, so machines reach nothing else.
ensure_bridge() {
  if ! ip link show "$MODEL_BRIDGE" >/dev/null 2>&1; then
    # A fixed MAC: a bridge otherwise takes its lowest port's, so powering a machine off (its veth
    # leaves) changes the host's MAC and the other machines' ARP entries for it go stale for seconds.
    ip link add "$MODEL_BRIDGE" address 02:1a:00:00:00:01 type bridge
    log "created bridge $MODEL_BRIDGE"
  fi
  local addrs; addrs=$(ip -4 -o addr show dev "$MODEL_BRIDGE")   # not piped into grep -q: pipefail + SIGPIPE
  [[ "$addrs" == *"inet $MODEL_HOST/24"* ]] || ip addr add "$MODEL_HOST/24" dev "$MODEL_BRIDGE"
  ip link set "$MODEL_BRIDGE" up
  touch "$MODEL_RUN/bridge.created"
}

# apt-cacher-ng on the bridge address, with its own config dir and cache under MODEL_HOME. Its
# Debian backend is the archive the host's apt sources name (without it, it answers 503).
ensure_cache() {
  local conf=$MODEL_HOME/apt-cacher-ng/conf cache=$MODEL_HOME/apt-cacher-ng/cache
  if pid_alive apt-cacher-ng; then return 0; fi
  command -v apt-cacher-ng >/dev/null || die "apt-cacher-ng missing: run tests/model/install"
  mkdir -p "$conf" "$cache" "$MODEL_LOGS/apt-cacher-ng"
  echo "$(host_archive_url)/" > "$conf/backends_debian"
  cat > "$conf/acng.conf" <<CONF
CacheDir: $cache
LogDir: $MODEL_LOGS/apt-cacher-ng
SupportDir: /usr/lib/apt-cacher-ng
Remap-debrep: file:deb_mirror*.gz /debian ; file:backends_debian
BindAddress: $MODEL_HOST
Port: $MODEL_CACHE_PORT
PidFile: $MODEL_RUN/apt-cacher-ng.pid
SocketPath: $MODEL_RUN/apt-cacher-ng.socket
ExThreshold: 4
CONF
  apt-cacher-ng -c "$conf" ForeGround=0 >"$MODEL_LOGS/apt-cacher-ng/start.log" 2>&1 \
    || { cat "$MODEL_LOGS/apt-cacher-ng/start.log" >&2; die "apt-cacher-ng did not start"; }
  local i
  for i in $(seq 50); do
    pid_alive apt-cacher-ng && (exec 3<>"/dev/tcp/$MODEL_HOST/$MODEL_CACHE_PORT") 2>/dev/null && break
    sleep 0.2
  done
  pid_alive apt-cacher-ng || die "apt-cacher-ng wrote no live pid file (log: $MODEL_LOGS/apt-cacher-ng)"
  log "apt-cacher-ng on $MODEL_HOST:$MODEL_CACHE_PORT (pid $(cat "$MODEL_RUN/apt-cacher-ng.pid"), cache $cache)"
}
