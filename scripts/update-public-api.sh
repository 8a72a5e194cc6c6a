#!/usr/bin/env bash
# Records every public symbol the PublicApiAnalyzers report as undeclared (RS0016) in each package's
# PublicAPI.Unshipped.txt. Run it after adding public API on purpose, then review the diff.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for project in "$root"/src/*/*.csproj; do
  dir="$(dirname "$project")"
  dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>/dev/null \
    | grep -F "$dir/" | grep -F "RS0016" \
    | sed -n "s/.*Symbol '\(.*\)' is not part of the declared public API.*/\1/p" \
    | sort -u > "$dir/.new-api" || true
  { cat "$dir/PublicAPI.Unshipped.txt"; cat "$dir/.new-api"; } | grep -v '^#nullable enable$' | sort -u \
    | { echo '#nullable enable'; cat; } > "$dir/.merged-api"
  mv "$dir/.merged-api" "$dir/PublicAPI.Unshipped.txt"
  rm -f "$dir/.new-api"
done
