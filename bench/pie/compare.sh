#!/usr/bin/env bash
# The per-start cost of PIE, measured directly: the NativeAOT agent linked as a position-independent
# executable (the shipped build, artifacts/bin) against the same code linked at a fixed address
# (-p:PositionIndependentExecutable=false, published here into artifacts/pie/fixed), alternating run by
# run so that load drifts hit both alike. Cases: -o status against smapi-sim, and -o metadata.
# Usage: bench/pie/compare.sh [RUNS]   (after ./build.sh; default 30 runs per binary and case)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
runs=${1:-30}
pie=artifacts/bin/fence_zvmip fixed_dir=artifacts/pie/fixed tools=artifacts/pie/tools
[ -x "$pie" ] || { echo "compare.sh: run ./build.sh first" >&2; exit 1; }
mkdir -p "$tools"
cc -O2 -o "$tools/measure" bench/floor/measure.c
# Its own intermediate directory: the shipped build's would be taken as up to date and not relinked.
dotnet publish src/fence-zvm/fence-zvm.csproj -c Release -r "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)" \
  -o "$fixed_dir" -nologo -v quiet -p:DebugType=none -p:PositionIndependentExecutable=false \
  -p:NativeIntermediateOutputPath="$root/artifacts/pie/obj/"
rm -f "$fixed_dir"/*.dbg
fixed=$fixed_dir/fence_zvmip
work=$(mktemp -d)
artifacts/bin/smapi-sim --listen 127.0.0.1:0 --port-file "$work/port" --guest CNODE1=on --user PIE:pie-pw1 >/dev/null 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
status=(--disable-ssl -a 127.0.0.1 -u "$(cat "$work/port")" -l PIE -p pie-pw1 -o status -n CNODE1)
# One line per run: CASE BUILD WALL_US RSS_KIB EXIT
one() { printf '%s %s ' "$1" "$2"; "$tools/measure" "${@:3}"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for i in $(seq 0 "$runs"); do
  for c in status metadata; do
    if [ "$c" = status ]; then args=("${status[@]}"); else args=(-o metadata); fi
    a=$(one "$c" pie "$pie" "${args[@]}"); b=$(one "$c" fixed "$fixed" "${args[@]}")
    [ "$i" = 0 ] || printf '%s\n%s\n' "$a" "$b"   # round 0 is the warm-up
  done
done >"$work/runs"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
relocations() { readelf -rW "$1" | grep -c 'R_X86_64_RELATIVE\|R_AARCH64_RELATIVE' || true; }
echo "| case | build | runs | wall median ms | wall p90 ms | peak RSS median MiB |"
echo "|---|---|---:|---:|---:|---:|"
for c in status metadata; do
  for b in pie fixed; do
    awk -v c="$c" -v b="$b" '$1 == c && $2 == b { print $3, $4 }' "$work/runs" | sort -n | awk -v c="$c" -v b="$b" '
      { wall[NR] = $1; rss[NR] = $2 } END {
        split("", s); n = NR; for (i = 1; i <= n; i++) s[i] = rss[i]; asort(s)
        printf "| -o %s | %s | %d | %.2f | %.2f | %.1f |\n", c, b, n, wall[int((n + 1) / 2)] / 1000, wall[int(n * 0.9 + 0.5)] / 1000, s[int((n + 1) / 2)] / 1024 }'
  done
done
echo
echo "dynamic relocations (R_*_RELATIVE): PIE $(relocations "$pie"), fixed address $(relocations "$fixed")"
echo "ELF type: PIE $(readelf -h "$pie" | sed -n 's/^ *Type: *//p'); fixed address $(readelf -h "$fixed" | sed -n 's/^ *Type: *//p')"
