#!/usr/bin/env bash
# Brings each package's PublicAPI.Unshipped.txt in line with its code: adds every public symbol the
# PublicApiAnalyzers report as undeclared (RS0016) and drops every declared one that no longer exists (RS0017).
# Run it after changing public API on purpose, then review the diff.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for project in "$root"/src/*/*.csproj; do
  dir="$(dirname "$project")"
  output="$(dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>/dev/null || true)"
  grep -F "$dir/" <<<"$output" | grep -F "RS0016" \
    | sed -n "s/.*Symbol '\(.*\)' is not part of the declared public API.*/\1/p" | sort -u > "$dir/.new-api" || true
  grep -F "RS0017" <<<"$output" | grep -F "$dir/" \
    | sed -n "s/.*Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" | sort -u > "$dir/.gone-api" || true
  { cat "$dir/PublicAPI.Unshipped.txt"; cat "$dir/.new-api"; } | grep -v '^#nullable enable$' | grep -vxF -f "$dir/.gone-api" | sort -u \
    | { echo '#nullable enable'; cat; } > "$dir/.merged-api" || true
  mv "$dir/.merged-api" "$dir/PublicAPI.Unshipped.txt"
  rm -f "$dir/.new-api" "$dir/.gone-api"
done
