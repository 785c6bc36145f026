#!/usr/bin/env bash
# fence-zvm build driver.
#   ./build.sh          restore and publish the NativeAOT binaries into artifacts/bin/
#   ./build.sh demo     build if needed, then run the agent against the simulator
#   ./build.sh test     install what the tests need (as root), build, run every test but the cluster ones,
#                       end with "N passed, N failed, N skipped"
#   ./build.sh test-cluster  build, run the single-node corosync + pacemaker cluster tests (root, ~40 s)
#   ./build.sh test-failover  build, run the two-node failover tests through our agent and upstream's (root, a few minutes)
#   ./build.sh format   check that the code is as `dotnet format` leaves it
#   ./build.sh rpm      build, then the binary RPMs for this architecture (and the source RPM) into artifacts/rpm/
#   ./build.sh deb      the Debian source package and, built from it, the .debs for this architecture into artifacts/deb/
#   ./build.sh fuzz [SECONDS] [SEED]   long fuzz run of the response reader and the client (default 180 s)
#   ./build.sh bench [compare|latency|micro|throughput|jit]   benchmarks (see bench/README.md)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
bin="$root/artifacts/bin"
configuration=Release
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

die() { echo "build.sh: $*" >&2; exit 1; }

require_sdk() {
  command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH; install the .NET 10 SDK"
  command -v cc >/dev/null || command -v gcc >/dev/null || command -v clang >/dev/null \
    || die "NativeAOT needs a C toolchain to link: apt-get install gcc (or clang)"
}

rid() {
  case "$(uname -m)" in
    x86_64) echo linux-x64 ;;
    aarch64) echo linux-arm64 ;;
    *) die "no NativeAOT runtime for $(uname -m); see packaging/ for the framework-dependent build" ;;
  esac
}

publish() {
  require_sdk
  local r; r=$(rid)
  mkdir -p "$bin"
  dotnet publish src/fence-zvm/fence-zvm.csproj -c "$configuration" -r "$r" -o "$bin" -nologo -v quiet -p:DebugType=none
  dotnet publish src/smapi-sim/smapi-sim.csproj -c "$configuration" -r "$r" -o "$bin" -nologo -v quiet -p:DebugType=none
  ln -sf fence_zvmip "$bin/fence_zvm"
  rm -f "$bin"/*.dbg
  echo "built: $bin/fence_zvmip $bin/fence_zvm $bin/smapi-sim"
}

built() { [ -x "$bin/fence_zvmip" ] && [ -x "$bin/smapi-sim" ]; }

# What the test suites need beyond the SDK and gcc: the upstream agent and the schemas its metadata is
# checked against (fence-agents, pcs), xmllint, groff and man (man pages), pacemaker, pcs and corosync
# (tests/.../Pacemaker, as root), the rpm and Debian package tools (tests/.../Packaging: debhelper, dpkg-dev
# and help2man build the .deb, lintian and devscripts' hardening-check check it), iproute2 (network
# namespaces), strace (counting the agent's system calls).
debian_test_packages=(fence-agents libxml2-utils groff-base man-db gcc zlib1g-dev pacemaker pacemaker-cli-utils pcs corosync
  rpm rpmlint rpm2cpio cpio debhelper dpkg-dev devscripts lintian help2man iproute2 strace)
rhel_test_packages=(fence-agents-zvm libxml2 groff-base man-db gcc zlib-devel pacemaker pacemaker-cli pcs corosync
  rpm-build rpmlint cpio iproute strace)

missing_test_packages() {
  local p
  if command -v apt-get >/dev/null && command -v dpkg >/dev/null; then
    for p in "${debian_test_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done
  elif command -v dnf >/dev/null; then
    for p in "${rhel_test_packages[@]}"; do rpm -q "$p" >/dev/null 2>&1 || echo "$p"; done
  fi
}

# As root, installs what missing_test_packages lists (apt-get or dnf); otherwise leaves it to the closing lines.
install_test_packages() {
  local missing; missing=$(missing_test_packages | xargs)
  [ -n "$missing" ] && [ "$(id -u)" = 0 ] || return 0
  echo "build.sh: installing what the tests need: $missing"
  # shellcheck disable=SC2086
  if command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null; } \
      || echo "build.sh: apt-get could not install every package; the tests that need them are skipped" >&2
  else
    dnf install -y -q --setopt=strict=0 $missing || echo "build.sh: dnf could not install every package" >&2
  fi
}

# $1: results directory name under artifacts/, $2: test filter. One publish (the binaries the tests run)
# and one build of the test project; dotnet test then runs that build as it is.
run_tests() {
  install_test_packages
  publish
  local results="$root/artifacts/$1"
  rm -rf "$results"
  local status=0
  dotnet build tests/FenceZvm.Tests/FenceZvm.Tests.csproj -c "$configuration" -nologo -v quiet
  FENCE_ZVM_BIN="$bin" dotnet test tests/FenceZvm.Tests/FenceZvm.Tests.csproj -c "$configuration" -nologo --no-build --filter "$2" \
    --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?
  explain_skips "$results"
  summarize "$results"
  return $status
}

# Before the closing line: each reason tests were skipped for, with their classes, and what enables them.
explain_skips() {
  local reasons f
  reasons=$(for f in "$1"/*.trx; do [ -f "$f" ] || continue; skip_reasons "$f"; done | sort | uniq -c | sort -rn)
  [ -n "$reasons" ] || return 0
  echo
  echo "skipped tests, by reason:"
  echo "$reasons" | sed 's/^ *\([0-9]*\) /  \1 skipped: /'
  local missing; missing=$(missing_test_packages | xargs)
  if [ "$(id -u)" != 0 ]; then
    echo "to run them: sudo ./build.sh test   (as root it installs${missing:+ $missing and} runs every suite)"
  elif [ -n "$missing" ]; then
    echo "to run them: install $missing, then ./build.sh test"
  fi
}

# "CLASS: REASON" for every test a trx file records as not executed.
skip_reasons() {
  awk 'BEGIN { RS = "<Unit" }
    /^Test name=/ && match($0, / id="[^"]*"/) { id = substr($0, RSTART + 5, RLENGTH - 6)
      if (match($0, /className="[^"]*"/)) { cls = substr($0, RSTART + 11, RLENGTH - 12); sub(/^FenceZvm\.Tests\./, "", cls); class[id] = cls } }
    /^TestResult / && /outcome="NotExecuted"/ && match($0, / testId="[^"]*"/) { id = substr($0, RSTART + 9, RLENGTH - 10)
      skipped[id] = match($0, /<Message>[^<]*<\/Message>/) ? substr($0, RSTART + 9, RLENGTH - 19) : "(no reason given)" }
    END { for (id in skipped) print class[id] ": " skipped[id] }' "$1" \
    | sed -e 's/&apos;/'"'"'/g' -e 's/&quot;/"/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}

# The plain closing line CI reads, summed over every trx file.
summarize() {
  local passed=0 failed=0 skipped=0 total executed f counters
  for f in "$1"/*.trx; do
    [ -f "$f" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
    total=$(attr total "$counters"); executed=$(attr executed "$counters")
    passed=$((passed + $(attr passed "$counters")))
    failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
    skipped=$((skipped + total - executed))
  done
  echo "$passed passed, $failed failed, $skipped skipped"
}
attr() { local v; v=$(echo "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || true); echo "${v:-0}"; }

# Runs the agent against a simulated z/VM: CNODE1 active, CNODE2 inactive.
demo() {
  built || publish
  demo_work=$(mktemp -d); local work=$demo_work
  "$bin/smapi-sim" --listen 127.0.0.1:0 --port-file "$work/port" --state-file "$work/state.json" \
    --guest CNODE1=on --guest CNODE2=off --guest CMANAGER=on --user CMANAGER:demo-pw1 --deactivate-delay 1 >"$work/sim.log" 2>&1 &
  demo_sim=$!
  trap 'kill "$demo_sim" 2>/dev/null; wait "$demo_sim" 2>/dev/null; rm -rf "$demo_work"' EXIT
  for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
  [ -s "$work/port" ] || die "smapi-sim did not start: $(cat "$work/sim.log")"
  local port; port=$(cat "$work/port")
  echo "smapi-sim listening on 127.0.0.1:$port (CNODE1 active, CNODE2 inactive, user CMANAGER)"
  local common=(--disable-ssl -a 127.0.0.1 -u "$port" -l CMANAGER -p demo-pw1)
  local step
  for step in "-o status -n CNODE1" "-o off -n CNODE1" "-o status -n CNODE1" "-o on -n CNODE1" \
              "-o list" "-o list-status" "-o monitor" "-o reboot -n CNODE2"; do
    echo
    echo "\$ fence_zvmip -a 127.0.0.1 -u $port -l CMANAGER -p ******** --disable-ssl $step"
    # shellcheck disable=SC2086
    "$bin/fence_zvmip" "${common[@]}" $step && echo "(exit 0)" || echo "(exit $?)"
  done
  echo
  echo "\$ printf 'action=status\\nip=127.0.0.1\\n...' | fence_zvmip     # stdin, as pacemaker calls it"
  printf 'action=status\nip=127.0.0.1\nipport=%s\ndisable_ssl=1\nusername=CMANAGER\npassword=demo-pw1\nport=CNODE2\n' "$port" \
    | "$bin/fence_zvmip" && echo "(exit 0)" || echo "(exit $?)"
  echo
  echo "simulator state:"; cat "$work/state.json"; echo
}

# The RPMs of packaging/rpm/fence-zvm.spec from the published binaries (the spec's prebuilt_dir path: no
# network or SDK inside rpmbuild), plus the Source0 tarball (git archive of the working tree's tracked
# and new files) and the source RPM, whose %build publishes from source (RHEL, s390x). FENCE_ZVM_RPM_REUSE_BIN=1
# packages artifacts/bin as it is (the packaging test, run right after ./build.sh test published).
build_rpm() {
  if ! command -v rpmbuild >/dev/null; then
    command -v apt-get >/dev/null && [ "$(id -u)" = 0 ] || die "rpmbuild is missing: install rpm-build (RHEL) or rpm (Debian)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends rpm >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq --no-install-recommends rpm >/dev/null; }
  fi
  if [ "${FENCE_ZVM_RPM_REUSE_BIN:-0}" = 1 ] && built; then :; else publish; fi
  local spec="$root/packaging/rpm/fence-zvm.spec" out="$root/artifacts/rpm" version
  version=$(rpmspec -q --srpm --qf '%{version}' "$spec")
  rm -rf "$out" && mkdir -p "$out"
  source_tarball "fence-zvm-$version" "$out/fence-zvm-$version.tar.gz"
  local defines=(--define "_topdir $out/rpmbuild" --define "_sourcedir $out" --define "_rpmdir $out" --define "_srcrpmdir $out"
    --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" --define "_docdir_fmt %%{NAME}"
    # Debian's brp-compress uses bash's "read -d" but starts with #!/bin/sh (dash there): run it with bash.
    --define "__brp_compress bash %{_rpmconfigdir}/brp-compress %{?_prefix}")
  nuget_bundle "$out/fence-zvm-$version.tar.gz" "$out/fence-zvm-nuget-$version.tar.gz"
  rpmbuild -bs --quiet "${defines[@]}" "$spec" >/dev/null
  rpmbuild -bb --quiet "${defines[@]}" --define "prebuilt_dir $bin" "$spec"
  rm -rf "$out/rpmbuild"
  echo "built:"; ls -1 "$out"/*.rpm
}
# The working tree as it is (tracked and new files, not ignored ones), through a scratch index, as a
# git archive under directory $1: Source0 of the RPM, the .orig tarball of the Debian package. Writes $2.
source_tarball() {
  local index tree
  mkdir -p "$root/artifacts"; index=$(mktemp -u "$root/artifacts/git-index.XXXXXX")
  cp "$(git rev-parse --git-path index 2>/dev/null)" "$index" 2>/dev/null || die "the source packages need the git checkout (their sources are a git archive)"
  GIT_INDEX_FILE="$index" git add -A && tree=$(GIT_INDEX_FILE="$index" git write-tree) && rm -f "$index"
  git archive --format=tar.gz --prefix="$1/" -o "$2" "$tree"
}
# Every NuGet package the builds from source restore (nuget/*.nupkg): the framework-dependent build for
# the SDK's own RID and, where NativeAOT exists (x86_64, aarch64), the NativeAOT build with its compiler
# (Microsoft.DotNet.ILCompiler, runtime.<rid>.Microsoft.DotNet.ILCompiler) and runtime packs. Gathered by
# restoring the source tree ($1) into an empty package folder, so that the source RPM (Source1) and the
# Debian source package (the orig-nuget component) build from it alone, without network. Writes the
# tarball $2. The packs are those of this SDK's band: a builder's SDK of another patch level asks for others.
nuget_bundle() {
  local work project sdk_rid aot_rid=""; work=$(mktemp -d)
  sdk_rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
  case "$(uname -m)" in x86_64|aarch64) aot_rid=$(rid) ;; esac
  tar -xzf "$1" -C "$work"
  for project in "$work"/*/src/fence-zvm/fence-zvm.csproj "$work"/*/src/smapi-sim/smapi-sim.csproj; do
    dotnet restore "$project" -r "$sdk_rid" -p:PublishAot=false --packages "$work/packages" -nologo -v quiet
    [ -z "$aot_rid" ] || dotnet restore "$project" -r "$aot_rid" --packages "$work/packages" -nologo -v quiet
  done
  mkdir -p "$work/nuget"
  find "$work/packages" -name '*.nupkg' -exec cp {} "$work/nuget/" \;
  # The same packages make the same tarball (an orig tarball must not change between runs).
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - -C "$work" nuget | gzip -n >"$2"
  rm -rf "$work"
}
# The Debian source package of packaging/debian (.dsc, .orig.tar.gz, the .orig-nuget.tar.gz component of
# nuget_bundle, .debian.tar.xz) and, built from that source package once unpacked as a buildd would, the
# .debs for this architecture, into artifacts/deb/. dpkg-buildpackage runs with -d: the .NET SDK here may
# not come from a dpkg package (Microsoft's tarball in /usr/share/dotnet, say), so dotnet-sdk-10.0 can be
# unmet while dotnet is on PATH; every other build dependency is checked here first.
build_deb() {
  require_sdk
  command -v dpkg-buildpackage >/dev/null && command -v dh >/dev/null \
    || die "./build.sh deb needs dpkg-dev and debhelper: apt-get install dpkg-dev debhelper help2man"
  local out="$root/artifacts/deb" version upstream unmet
  version=$(dpkg-parsechangelog -l packaging/debian/changelog -S Version); upstream=${version%-*}
  unmet=$(dpkg-checkbuilddeps packaging/debian/control 2>&1 | sed -n 's/.*Unmet build dependencies: //p' \
    | sed -e 's/\(^\| \)dotnet-sdk-10\.0\( \|$\)/ /' -e 's/^ *//' -e 's/ *$//' || true)
  [ -z "$unmet" ] || die "missing build dependencies: $unmet (apt-get install them)"
  rm -rf "$out" && mkdir -p "$out/source" "$out/binary"
  source_tarball "fence-zvm-$upstream" "$out/fence-zvm_$upstream.orig.tar.gz"
  nuget_bundle "$out/fence-zvm_$upstream.orig.tar.gz" "$out/fence-zvm_$upstream.orig-nuget.tar.gz"
  local tree="$out/source/fence-zvm-$upstream"
  tar -xzf "$out/fence-zvm_$upstream.orig.tar.gz" -C "$out/source"
  tar -xzf "$out/fence-zvm_$upstream.orig-nuget.tar.gz" -C "$tree"
  cp -a packaging/debian "$tree/debian"
  cp "$out"/fence-zvm_"$upstream".orig*.tar.gz "$out/source/"
  (cd "$tree" && dpkg-buildpackage -S -us -uc -d) >"$out/source.log" 2>&1 || die "dpkg-buildpackage -S failed: see $out/source.log"
  mv "$out/source"/fence-zvm_"$version".dsc "$out/source"/fence-zvm_"$version".debian.tar.* "$out/"
  rm -rf "$out/source"
  # The binary packages from the source package alone, as a buildd unpacks it.
  dpkg-source -x "$out/fence-zvm_$version.dsc" "$out/binary/fence-zvm-$upstream" >/dev/null
  (cd "$out/binary/fence-zvm-$upstream" && dpkg-buildpackage -b -us -uc -d) >"$out/binary.log" 2>&1 \
    || die "dpkg-buildpackage -b failed: see $out/binary.log"
  mv "$out/binary"/*.deb "$out/"
  rm -rf "$out/binary"
  echo "built:"; ls -1 "$out"/*.dsc "$out"/*.tar.* "$out"/*.deb
  if command -v lintian >/dev/null; then
    echo "lintian:"; lintian --info --pedantic "$out"/*.dsc "$out"/*.deb || true
  fi
}
fuzz() { require_sdk; dotnet run --project tests/FenceZvm.Fuzz/FenceZvm.Fuzz.csproj -c "$configuration" -- "${1:-180}" "${2:-20261124}"; }
# The JIT-path builds (the proxy for s390x): the agent and the C# floor client framework-dependent, and the
# floor client NativeAOT, into $1/agent, $1/floor and $1/floor-aot.
publish_jit_path() {
  local quiet=(-c "$configuration" -nologo -v quiet -p:DebugType=none)
  dotnet publish src/fence-zvm/fence-zvm.csproj "${quiet[@]}" -p:PublishAot=false -o "$1/agent"
  dotnet publish bench/FloorClient/FloorClient.csproj "${quiet[@]}" -o "$1/floor"
  dotnet publish bench/FloorClient/FloorClient.csproj "${quiet[@]}" -p:PublishAot=true -r "$(rid)" -o "$1/floor-aot"
  rm -f "$1"/*/*.dbg
}
# ./build.sh bench [compare|latency|micro|throughput|jit] [ARGS...]: the end-to-end comparison with the upstream agent
# and the C floor (default; artifacts/bench/e2e.{md,json,csv}), the time to fence past the real logoff
# with the upstream agent and mass fencing (artifacts/bench/latency.md), the BenchmarkDotNet micro-benchmarks
# (default filter '*'), the simulator under 1, 16 and 64 concurrent clients, or the JIT path (the proxy
# for s390x: framework-dependent, DOTNET_ReadyToRun=0; artifacts/bench/jit.md).
bench() {
  publish
  local project=bench/FenceZvm.Bench/FenceZvm.Bench.csproj out="$root/artifacts/bench" kind=${1:-compare}
  [ $# -gt 0 ] && shift
  mkdir -p "$out"
  case "$kind" in
    compare) dotnet run -c "$configuration" --project "$project" -- compare --bin "$bin" --out "$out" "$@" ;;
    latency) dotnet run -c "$configuration" --project "$project" -- latency --bin "$bin" --out "$out" "$@" ;;
    micro) [ $# -gt 0 ] || set -- --filter '*'
      dotnet run -c "$configuration" --project "$project" -- --artifacts "$out/micro" "$@" ;;
    throughput) dotnet run -c "$configuration" --project "$project" -- sim-throughput "$@" | tee "$out/sim-throughput.txt"
      # The same load from a C client (bench/floor/smapi_load.c), cheaper than the .NET clients
      # sharing the cores, against the published smapi-sim; with the server's CPU per request.
      local work load=(1 16 64) c sim
      mkdir -p "$out/tools"; cc -O2 -pthread -o "$out/tools/smapi_load" bench/floor/smapi_load.c
      work=$(mktemp -d)
      "$bin/smapi-sim" --listen 127.0.0.1:0 --port-file "$work/port" --guest CNODE1=on --user FENCE:secret >/dev/null 2>&1 &
      sim=$!
      for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
      { echo "smapi-sim (NativeAOT) under the C load generator, 5 s per level, load average $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "clients  requests  errors  seconds  requests/s   p50 ms   p99 ms  server CPU us/request user+sys"
        for c in "${load[@]}"; do "$out/tools/smapi_load" 127.0.0.1 "$(cat "$work/port")" 5 "$c" "$sim" || true; done
      } | tee -a "$out/sim-throughput.txt"
      kill "$sim"; wait "$sim" 2>/dev/null || true; rm -rf "$work" ;;
    jit) publish_jit_path "$root/artifacts/jit"
      dotnet run -c "$configuration" --project "$project" -- jit --agent "$root/artifacts/jit/agent" --floor "$root/artifacts/jit/floor" \
        --aot "$bin" --aot-floor "$root/artifacts/jit/floor-aot" --out "$out" "$@" ;;
    *) die "unknown bench '$kind' (use: compare, latency, micro, throughput, jit)" ;;
  esac
}

case "${1:-build}" in
  build) publish ;;
  test) run_tests test-results "TestCategory!=Cluster&TestCategory!=Failover" ;;
  test-cluster) run_tests test-results-cluster "TestCategory=Cluster" ;;
  test-failover) export FENCE_ZVM_FAILOVER=1; run_tests test-results-failover "TestCategory=Failover" ;;
  demo) demo ;;
  rpm) build_rpm ;;
  deb) build_deb ;;
  fuzz) shift; fuzz "$@" ;;
  bench) shift; bench "$@" ;;
  format) require_sdk; dotnet format FenceZvm.sln --verify-no-changes ;;
  *) die "unknown command '$1' (use: build, demo, test, test-cluster, test-failover, format, rpm, deb, fuzz, bench)" ;;
esac
