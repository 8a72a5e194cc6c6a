#!/usr/bin/env bash
# Where inside one JIT-compiled method a replay spends its time: records the replay with perf (timer samples, which is
# all a virtual machine without performance counters offers) while the JIT writes that method's disassembly with its
# code bytes, then prints the method's hottest instructions with the few before each. A sample lands on the
# instruction after the one that kept it from retiring, so a load that misses the cache shows as the instruction after it.
#
#   bash scripts/hot-instructions.sh <checkout> <Class:Method> [top] [benchmark arguments...]
#   bash scripts/hot-instructions.sh . ReferenceIndex:RegisterCore 12 --replay 5000000 10000000 presized
#
# The checkout's benchmarks must be built in Release. Needs perf (apt-get install linux-perf) and python3.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,11p' "$0" >&2; exit 2; }
checkout="$(cd "$1" && pwd)"
method="$2"
top="${3:-12}"
shift $(( $# >= 3 ? 3 : 2 ))
[ $# -gt 0 ] || set -- --replay 5000000 10000000 presized
command -v perf > /dev/null || { echo "perf is missing: apt-get install linux-perf" >&2; exit 1; }
dll="$checkout/benchmarks/CareCoordination.Sdk.Benchmarks/bin/Release/net10.0/CareCoordination.Sdk.Benchmarks.dll"
[ -f "$dll" ] || { echo "build the benchmarks of $checkout first: dotnet build $checkout/benchmarks/CareCoordination.Sdk.Benchmarks -c Release" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The perf map (PerfMapEnabled=3) names each compiled body with its address and size; the disassembly gives the
# offsets within it. The map is written to /tmp, where perf looks for it.
DOTNET_JitDisasm="${method#*:}" DOTNET_JitDisasmWithCodeBytes=1 DOTNET_JitStdOutFile="$work/disasm.txt" \
DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0 \
  perf record -F 4999 -o "$work/perf.data" dotnet "$dll" "$@" 2> "$work/perf.log" | tail -1
perf script -i "$work/perf.data" -F pid,ip 2> /dev/null > "$work/samples.txt"
python3 "$(dirname "$0")/hot-instructions.py" "$method" "$work/disasm.txt" "$work/samples.txt" "$top"
# The runtime leaves its perf map in /tmp after the run; this one is read.
rm -f "/tmp/perf-$(awk 'NR == 1 { print $1 }' "$work/samples.txt").map"
