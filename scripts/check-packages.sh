#!/usr/bin/env bash
# The packages as a vendor gets them: packs the eight packages (after a Release build of the solution), checks what
# each carries, installs them from a local folder into a fresh console project outside the repository, and runs
# README's C# program as that project's Program.cs, exactly as written. Exits non-zero on the first problem.
# Usage: scripts/check-packages.sh WORK_DIR
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:?usage: check-packages.sh WORK_DIR}"
fail() { printf '[check-packages] %s\n' "$*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work/feed" "$work/app" "$work/packages"
dotnet pack "$root/CareCoordination.Sdk.sln" -c Release --no-build --nologo -o "$work/feed" >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log" >&2; fail "dotnet pack failed"; }

core="$(find "$work/feed" -maxdepth 1 -name 'CareCoordination.Sdk.[0-9]*.nupkg' | head -n 1)"
[ -n "$core" ] || fail "no CareCoordination.Sdk package was packed"
version="$(basename "$core" .nupkg)"
version="${version#CareCoordination.Sdk.}"
packages=(CareCoordination.Sdk CareCoordination.Sdk.Extensions.DependencyInjection CareCoordination.Sdk.Sqlite
  CareCoordination.Sdk.PostgreSql CareCoordination.Sdk.Testing CareCoordination.Sdk.Hosting CareCoordination.Sdk.AspNetCore
  CareCoordination.Sdk.Client)
for id in "${packages[@]}"; do
  nupkg="$work/feed/$id.$version.nupkg"
  [ -f "$nupkg" ] || fail "$id $version was not packed"
  [ -f "$work/feed/$id.$version.snupkg" ] || fail "$id has no symbol package"
  # Its own README (what the package is for), not the repository's; the icon; where the source lives.
  [ "$(unzip -p "$nupkg" README.md | head -n 1 | tr -d '\r')" = "# $id" ] || fail "$id does not carry its own README"
  unzip -l "$nupkg" icon.png >/dev/null || fail "$id has no icon"
  nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
  grep -q '<repository type="git" url="https://' <<<"$nuspec" || fail "$id names no repository"
  grep -q '<projectUrl>https://' <<<"$nuspec" || fail "$id names no project URL"
  # Our packages ship in step: a dependency on another of ours is on exactly this version.
  if grep -o '<dependency id="CareCoordination[^"]*" version="[^"]*"' <<<"$nuspec" | grep -v "version=\"\[$version\]\"" >&2; then
    fail "$id depends on another CareCoordination package at a version other than exactly [$version]"
  fi
  # Deterministic without CI=true: the assembly names no path of this checkout (paths are mapped to /_/).
  if unzip -p "$nupkg" "lib/net10.0/$id.dll" | grep -a -q -F "$root/"; then
    fail "$id's assembly contains the checkout path $root/"
  fi
done
# Dutch messages ship in the core package as a satellite assembly beside the English (neutral) ones.
unzip -l "$core" lib/net10.0/nl/CareCoordination.Sdk.resources.dll >/dev/null \
  || fail "CareCoordination.Sdk carries no Dutch messages (lib/net10.0/nl/CareCoordination.Sdk.resources.dll)"

# A fresh project that restores only from the packed folder, and takes third-party packages (NodaTime, Npgsql, ...)
# from this machine's package folder without going online; its own package folder keeps the freshly packed packages
# apart from any earlier pack with the same version.
global_packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
cat >"$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources><clear /><add key="packed" value="$work/feed" /></packageSources>
  <fallbackPackageFolders><clear /><add key="machine" value="$global_packages" /></fallbackPackageFolders>
</configuration>
XML
{
  echo '<Project Sdk="Microsoft.NET.Sdk">'
  echo '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>'
  echo '    <ImplicitUsings>disable</ImplicitUsings><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup>'
  echo '  <ItemGroup>'
  for id in "${packages[@]}"; do echo "    <PackageReference Include=\"$id\" Version=\"[$version]\" />"; done
  echo '  </ItemGroup>'
  echo '</Project>'
} >"$work/app/VendorApp.csproj"
# README's first C# block, as written.
awk '/^```csharp$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' "$root/README.md" >"$work/app/Program.cs"
[ -s "$work/app/Program.cs" ] || fail "README.md has no csharp block"

(cd "$work/app" && dotnet run --nologo) >"$work/run.log" 2>&1 || { cat "$work/run.log" >&2; fail "README's program did not build or run"; }
expected="Match on youth *****2333: De Regenboog is involved too; JGZ Utrecht coordinates"
grep -q -F "$expected" "$work/run.log" || { cat "$work/run.log" >&2; fail "README's program did not print: $expected"; }
printf '[check-packages] %s %s: packed, installed from a local folder, README program ran\n' "${#packages[@]}" "$version" >&2
