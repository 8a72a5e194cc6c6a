#!/usr/bin/env bash
# Counts the instructions of one registration on RegistrationBenchmarks' hot path (ReferenceIndex.Register into a
# Span<Match>) with valgrind's callgrind: repeatable to a fraction of a percent whatever else the machine does, where
# BenchmarkDotNet's times on this 2-core VM vary by up to a factor of two between runs. Compare two checkouts by
# running it in each (each checkout's benchmarks built in Release; the probe of this checkout loads either).
#
#   bash scripts/registration-instructions.sh [checkout] [active signals] [instant|time|replay]
#
# instant loads every signal at one instant (all a checkout before December 2026 can), time over the last 700 days as
# RegistrationBenchmarks does now. replay counts a whole replay of ReplayBenchmarks' workload instead, presized and keyed
# by BSN, of that many youths and twice as many registrations: registrations, family changes and nights, per
# registration (at 20000 the index's tables fit in the cache, so this is its own work and not its waits). Tiered compilation is off, so the numbers are those of fully optimised code without
# profile-guided optimisation; runtime and library code is JIT-compiled too (ReadyToRun off) so that it is attributed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
checkout="$(cd "${1:-$here}" && pwd)"
signals="${2:-100000}"
mode="${3:-time}"
command -v valgrind > /dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 1; }
dotnet build "$here/benchmarks/CareCoordination.Sdk.InstructionProbe" -c Release -v quiet -nologo > /dev/null
probe="$here/benchmarks/CareCoordination.Sdk.InstructionProbe/bin/Release/net10.0/CareCoordination.Sdk.InstructionProbe.dll"
benchmarks="$checkout/benchmarks/CareCoordination.Sdk.Benchmarks/bin/Release/net10.0/CareCoordination.Sdk.Benchmarks.dll"
[ -f "$benchmarks" ] || { echo "build the benchmarks of $checkout first: dotnet build $checkout/benchmarks/CareCoordination.Sdk.Benchmarks -c Release" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The client requests that switch counting on and off, in a library the probe loads (valgrind's own header).
printf '#include <valgrind/callgrind.h>\nvoid probe_start(void) { CALLGRIND_START_INSTRUMENTATION; }\nvoid probe_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }\n' > "$work/probe.c"
gcc -shared -fPIC -O1 -o "$work/libcallgrindprobe.so" "$work/probe.c"
measured=4
iterations=12
counted=$((measured * 32768))
if [ "$mode" = replay ]; then
  iterations=$((2 * signals))
  counted=$iterations
fi
for run in empty full; do
  PROBE_CALLGRIND_LIBRARY="$work/libcallgrindprobe.so" PROBE_EMPTY=$([ "$run" = empty ] && echo 1 || echo 0) PROBE_CALLGRIND=$measured \
  DOTNET_TieredCompilation=0 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 DOTNET_PerfMapJitDumpPath="$work" \
    valgrind --tool=callgrind --dump-instr=yes --instr-atstart=no --callgrind-out-file="$work/$run.callgrind" \
    dotnet "$probe" "$benchmarks" "$signals" "$iterations" "$mode" > "$work/$run.log" 2>&1 || { cat "$work/$run.log" >&2; exit 1; }
  pid="$(sed -n 's/^pid: //p' "$work/$run.callgrind")"
  mv "$work/perf-$pid.map" "$work/$run.map"
done
if [ "$mode" = replay ]; then
  echo "$checkout ($(git -C "$checkout" rev-parse --short HEAD)), a replay of $signals youths and $counted registrations, presized, keyed by BSN"
else
  echo "$checkout ($(git -C "$checkout" rev-parse --short HEAD)), $signals active signals loaded $mode, $measured iterations of 32,768 registrations"
fi
python3 "$here/scripts/registration-instructions.py" "$counted" "$work/empty.callgrind" "$work/empty.map" "$work/full.callgrind" "$work/full.map" "${TOP:-25}"
