#!/usr/bin/env bash
# Compares two builds on the replay by running them at the same time, one on each of the first two cores, and swapping
# the cores every round. On a shared virtual machine the time of one build moves by 10-25 % from one minute to the
# next, and the cores themselves may differ: two builds run one after the other measure the machine's moment as much
# as the builds, two run side by side see the same moment, and swapping cancels the cores' difference.
#
#   bash scripts/both-at-once.sh <checkout A> <checkout B> <rounds> <benchmark arguments...>
#   bash scripts/both-at-once.sh . /tmp/base 4 --replay 5000000 10000000 presized
#   A_EXTRA="pseudonymised FeistelAes" bash scripts/both-at-once.sh . . 8 --replay 5000000 10000000 presized
#
# A_EXTRA and B_EXTRA, when set, are appended to A's and B's arguments: one checkout against itself with another
# option, such as the pseudonymised index against the one keyed by BSN.
#
# Each checkout's benchmarks must be built in Release first. Prints each round's registrations (ns each, nights
# included) and nights (µs), and at the end the geometric means of A over B: below 1 is A faster. Use an even number
# of rounds, so that each build spends as many rounds on each core. Needs taskset (util-linux) and two cores.
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
a="$(cd "$1" && pwd)"
b="$(cd "$2" && pwd)"
rounds="$3"
shift 3
read -r -a a_extra <<< "${A_EXTRA:-}"
read -r -a b_extra <<< "${B_EXTRA:-}"

command -v taskset > /dev/null || { echo "taskset is missing: apt-get install util-linux" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "two cores are needed, this machine has $(nproc)" >&2; exit 1; }
dll=benchmarks/CareCoordination.Sdk.Benchmarks/bin/Release/net10.0/CareCoordination.Sdk.Benchmarks.dll
for checkout in "$a" "$b"; do
  [ -f "$checkout/$dll" ] || { echo "build the benchmarks of $checkout first: dotnet build $checkout/benchmarks/CareCoordination.Sdk.Benchmarks -c Release" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The replay's last line: "... registrations 1596 ns each, daily job 733 us a night".
figures() { sed -n 's/.*registrations \([0-9]*\) ns each, daily job \([0-9]*\) us a night.*/\1 \2/p' "$1" | tail -1; }

echo "A = $a ($(git -C "$a" rev-parse --short HEAD)) ${A_EXTRA:-}, B = $b ($(git -C "$b" rev-parse --short HEAD)) ${B_EXTRA:-}: $*"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    first="$a"; second="$b"; first_extra=("${a_extra[@]}"); second_extra=("${b_extra[@]}")
  else
    first="$b"; second="$a"; first_extra=("${b_extra[@]}"); second_extra=("${a_extra[@]}")
  fi
  taskset -c 0 dotnet "$first/$dll" "$@" "${first_extra[@]}" > "$work/core0" 2>&1 &
  taskset -c 1 dotnet "$second/$dll" "$@" "${second_extra[@]}" > "$work/core1" 2>&1 || { cat "$work/core1" >&2; exit 1; }
  wait $! || { cat "$work/core0" >&2; exit 1; }
  read -r ns0 night0 <<< "$(figures "$work/core0")"
  read -r ns1 night1 <<< "$(figures "$work/core1")"
  if [ $((round % 2)) = 1 ]; then echo "$round A $ns0 $night0 B $ns1 $night1 core0=A"; else echo "$round A $ns1 $night1 B $ns0 $night0 core0=B"; fi >> "$work/rounds"
  tail -1 "$work/rounds" | awk '{printf "round %d (core 0: %s): A %s ns, night %s µs | B %s ns, night %s µs\n", $1, substr($8, 7), $3, $4, $6, $7}'
done
awk '{ r += log($3 / $6); n += log($4 / $7); k++ }
     END { printf "A / B over %d rounds, geometric mean: registrations %.3f, nights %.3f\n", k, exp(r / k), exp(n / k) }' "$work/rounds"
