#!/usr/bin/env bash
# Runs the BenchmarkDotNet benchmarks with a throwaway PostgreSQL server for the durable-store benchmarks.
# Arguments go to BenchmarkDotNet, e.g.: bash scripts/benchmark.sh --filter '*LookupBenchmarks*'
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/postgres.sh
source "$root/scripts/postgres.sh"
start_postgres CARECOORDINATION_BENCH_POSTGRES
cd "$root"
dotnet run -c Release --project benchmarks/CareCoordination.Sdk.Benchmarks -- "$@"
