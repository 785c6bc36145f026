#!/usr/bin/env bash
# A two-node corosync + pacemaker cluster on one machine, for the failover tests. Each node is a "guest":
# a network namespace plus, while it is powered on, a mount and PID namespace running corosync and
# pacemakerd. The SMAPI simulator lives in a third network namespace that both nodes reach over a bridge
# of their own, so cutting the link between the nodes never cuts SMAPI.
#
#   lab.sh up DIR              namespaces and links (DIR holds every node's state and logs)
#   lab.sh sim DIR SMAPI-SIM ARGS...   exec the simulator in its namespace (the caller keeps its PID)
#   lab.sh power DIR N on|off  boot node N / kill every process of node N (what a guest hook does)
#   lab.sh hook DIR GUEST on|off   smapi-sim --guest-hook: CNODEn follows its guest
#   lab.sh in DIR N CMD...     run CMD inside node N (its network, mounts: the cluster tools' view)
#   lab.sh alive DIR N         exit 0 while node N has processes
#   lab.sh hang DIR N          SIGSTOP node N's corosync (a hung node: alive, silent)
#   lab.sh link DIR up|down    the link between the nodes (the fence race)
#   lab.sh smapi DIR N up|down node N's link to the SMAPI server
#   lab.sh down DIR            kill both nodes and the simulator, delete the namespaces (also leftovers)
#
# Addresses are loopback-range, so nothing is routable outside the namespaces: the node link is
# 127.77.0.0/24 (node N = 127.77.0.N), the SMAPI bridge 127.78.0.0/24 (server 127.78.0.1, node N
# 127.78.0.1N); net.ipv4.conf.all.route_localnet=1 and lo carries only 127.0.0.1/32.
set -euo pipefail

prefix=fzvmfo
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
cmd=${1:?command}; dir=${2:?directory}; shift 2
ns() { echo "$prefix-$1"; }   # n1, n2, sim

loopback_only() {
  # Only 127.0.0.1/32: the 127.0.0.1/8 the kernel puts on lo would make every 127.x address local.
  ip -n "$1" link set lo up
  ip -n "$1" addr del 127.0.0.1/8 dev lo 2>/dev/null || true
  ip -n "$1" addr add 127.0.0.1/32 dev lo
  ip netns exec "$1" sysctl -qw net.ipv4.conf.all.route_localnet=1 net.ipv4.conf.default.route_localnet=1
}

up() {
  mkdir -p "$dir"
  local n sim; sim=$(ns sim)
  for n in n1 n2 sim; do ip netns add "$(ns $n)"; loopback_only "$(ns $n)"; done
  ip -n "$sim" link add smapi type bridge
  ip -n "$sim" addr add 127.78.0.1/24 dev smapi
  ip -n "$sim" link set smapi up
  ip link add "$prefix-p1" netns "$(ns n1)" type veth peer name "$prefix-p2" netns "$(ns n2)"
  for n in 1 2; do
    ip -n "$(ns n$n)" link set "$prefix-p$n" name peer
    ip -n "$(ns n$n)" addr add "127.77.0.$n/24" dev peer
    ip -n "$(ns n$n)" link set peer up
    ip link add "$prefix-s$n" netns "$(ns n$n)" type veth peer name "node$n" netns "$sim"
    ip -n "$(ns n$n)" link set "$prefix-s$n" name smapi
    ip -n "$(ns n$n)" addr add "127.78.0.1$n/24" dev smapi
    ip -n "$(ns n$n)" link set smapi up
    ip -n "$sim" link set "node$n" master smapi up
    node_files "$n"
  done
}

# What a node keeps across reboots: its CIB and corosync state, and its configuration.
node_files() {
  local root="$dir/node$1"
  mkdir -p "$root/etc-corosync" "$root/var-lib-corosync" "$root/log"
  install -d -o hacluster -g haclient -m 0750 "$root/var-lib-pacemaker" "$root/var-lib-pacemaker"/{cib,pengine,blackbox,cores}
  install -o hacluster -g haclient -m 0660 /dev/null "$root/log/pacemaker.log"
  cat >"$root/etc-corosync/corosync.conf" <<EOF
totem {
    version: 2
    cluster_name: fencezvmfailover
    transport: knet
    crypto_cipher: none
    crypto_hash: none
    token: 3000
}
nodelist {
    node {
        ring0_addr: 127.77.0.1
        name: cnode1
        nodeid: 1
    }
    node {
        ring0_addr: 127.77.0.2
        name: cnode2
        nodeid: 2
    }
}
quorum {
    provider: corosync_votequorum
    two_node: 1
}
logging {
    to_logfile: yes
    logfile: $root/log/corosync.log
    to_syslog: no
    to_stderr: no
    timestamp: hires
}
EOF
}

# PID of node N's "unshare" (its PID namespace's init is that process's only child), if powered on.
node_pid() {
  local file="$dir/node$1/pid" pid
  [ -s "$file" ] || return 1
  pid=$(cat "$file")
  [ -d "/proc/$pid" ] && grep -q unshare "/proc/$pid/comm" 2>/dev/null && echo "$pid"
}
init_pid() { local p; p=$(node_pid "$1") && cat "/proc/$p/task/$p/children" | awk '{print $1}'; }

# Descriptors beyond stdio are not passed on: a node or simulator outliving a failed run must not
# hold the caller's files open (such as the lock of flock /tmp/fence-zvm-pacemaker.lock).
close_inherited() {
  local fd
  for fd in $(ls "/proc/$BASHPID/fd"); do [ "$fd" -gt 2 ] && [ "$fd" -lt 255 ] && eval "exec $fd>&-"; done 2>/dev/null || true
}

power_on() {
  local n=$1 root="$dir/node$1"
  node_pid "$n" >/dev/null && return 0
  # The boot script runs as PID 1 of the node's PID namespace, in a private mount namespace.
  ( close_inherited
    exec setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' bash "$root/pid" \
      ip netns exec "$(ns n$n)" unshare -m -p -f -u --mount-proc "$(readlink -f "$0")" boot "$dir" "$n"
  ) </dev/null >>"$root/log/boot.log" 2>&1 &
  for _ in $(seq 100); do node_pid "$n" >/dev/null && return 0; sleep 0.05; done
  echo "lab.sh: node $n did not start: $(tail -n 5 "$root/log/boot.log")" >&2; return 1
}

# Inside the node: its own /var/lib/pacemaker, /var/lib/corosync, /etc/corosync, an empty /run and /dev/shm.
boot() {
  local n=$1 root="$dir/node$1"
  mount --make-rprivate /
  mount --bind "$root/var-lib-pacemaker" /var/lib/pacemaker
  mount --bind "$root/var-lib-corosync" /var/lib/corosync
  mount --bind "$root/etc-corosync" /etc/corosync
  mount -t tmpfs -o mode=0755 tmpfs /run
  mount -t tmpfs -o mode=1777 tmpfs /dev/shm
  hostname "cnode$n"
  echo "$(date -u +%T.%N) boot cnode$n"
  corosync -f >>"$root/log/corosync.out" 2>&1 &
  for _ in $(seq 200); do corosync-cmapctl totem.cluster_name >/dev/null 2>&1 && break; sleep 0.05; done
  PCMK_logfile="$root/log/pacemaker.log" PCMK_logfacility=none pacemakerd -f >>"$root/log/pacemakerd.out" 2>&1 &
  while :; do wait || true; done   # PID 1 reaps orphans until the node is killed
}

power_off() {
  local n=$1 init
  init=$(init_pid "$n" || true)
  if [ -n "$init" ]; then
    echo "$(date -u +%T.%N) power off cnode$n" >>"$dir/node$n/log/boot.log"
    kill -KILL "$init"   # the kernel kills every process of a PID namespace whose init dies
  fi
  for _ in $(seq 200); do node_pid "$n" >/dev/null || { rm -f "$dir/node$n/pid"; return 0; }; sleep 0.05; done
  echo "lab.sh: node $n still running after SIGKILL" >&2; return 1
}

hook() {
  local guest=$1 state=$2
  case "$guest" in CNODE1|CNODE2) ;; *) return 0 ;; esac
  local n=${guest#CNODE}
  echo "$(date -u +%T.%N) hook $guest $state" >>"$dir/hook.log"
  case "$state" in on) power_on "$n" ;; off) power_off "$n" ;; *) echo "lab.sh: unknown state $state" >&2; return 2 ;; esac
}

# Into the node's network and mount namespaces: libqb's IPC (abstract sockets, /dev/shm) is per node.
in_node() {
  local n=$1; shift
  local init; init=$(init_pid "$n") || { echo "lab.sh: node $n is off" >&2; return 1; }
  exec nsenter -t "$init" -n -m -p -u -- "$@"
}

down() {
  local n name pid
  for n in 1 2; do [ -d "$dir/node$n" ] && power_off "$n" || true; done
  for name in $(ip netns list | awk '{print $1}' | grep "^$prefix-" || true); do
    for pid in $(ip netns pids "$name" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns delete "$name" || true
  done
}

case "$cmd" in
  up) up ;;
  sim) close_inherited; exec ip netns exec "$(ns sim)" "$@" ;;
  alive) node_pid "${1:?node}" >/dev/null ;;
  hang) in_node "${1:?node}" sh -c 'kill -STOP $(pidof corosync)' ;;
  boot) boot "$@" ;;
  power) case "${2:?on|off}" in on) power_on "$1" ;; off) power_off "$1" ;; esac ;;
  hook) hook "$@" ;;
  in) in_node "$@" ;;
  link) ip -n "$(ns n1)" link set peer "${1:?up|down}" ;;
  smapi) ip -n "$(ns n${1:?node})" link set smapi "${2:?up|down}" ;;
  down) down ;;
  *) echo "lab.sh: unknown command $cmd" >&2; exit 2 ;;
esac
