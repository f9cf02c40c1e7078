#!/usr/bin/env bash
# Checks what ./orderly does with the command jar (docs/benchmarks.md, "The command jar"): it runs the commands from the
# jar extracted once beside it (orderly-cli/target/orderly-extracted), owner-only, with a class-data archive per look-up;
# a rebuilt jar is detected and extracted again, without the old archives; a stale extraction is replaced; and the
# answers are the jar's own. Uses the built jar
# (./orderly builds it when it is missing or older than the sources) and a throw-away ORDERLY_HOME.
#
#   orderly-cli/launcher-check.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/orderly-cli/target/orderly.jar"
extracted="$root/orderly-cli/target/orderly-extracted"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export ORDERLY_HOME="$home/home"
failures=0
check() { # check DESCRIPTION COMMAND…: passes when the command succeeds
  local what="$1"; shift
  if "$@"; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi
}
stamp_of_jar() { stat -c '%s %.9Y %i' "$jar"; }
answer() { "$root/orderly" travel --passport NGA --to DEU --on 2026-11-23 2>/dev/null | head -2; }

rm -rf "$extracted"   # from scratch, as on a fresh checkout
"$root/orderly" --version >/dev/null   # builds the jar if it must, and extracts it
check "the extraction records the jar it came from" test "$(cat "$extracted/jar.stamp")" = "$(stamp_of_jar)"
check "the extraction is its owner's only" test "$(stat -c '%a' "$extracted")" = 700
check "no file of the extraction is readable by others" test -z "$(find "$extracted" -perm /o=rwx -print -quit)"
check "the extraction holds the application jar and its libraries" test -f "$extracted/orderly.jar" -a -d "$extracted/lib"

"$root/orderly" parties >/dev/null 2>&1   # a warm home: the database made, the registry snapshot written
expected="$(ORDERLY_SHARED_DATA="${ORDERLY_SHARED_DATA:-$root/../shared/data}" java -jar "$jar" travel --passport NGA --to DEU --on 2026-11-23 2>/dev/null | head -2)"
check "the extracted jar answers as the jar does" test "$(answer)" = "$expected"
check "its first run wrote the look-up's class-data archive" test -n "$(find "$extracted" -maxdepth 1 -name 'travel.*.jsa' -print -quit)"
check "the next run, from the archive, answers the same" test "$(answer)" = "$expected"
check "the archive is its owner's only" test -z "$(find "$extracted" -perm /o=rwx -print -quit)"

before="$(stat -c '%i' "$extracted")"
touch "$jar"   # what a rebuild does to the jar (a new modification time; usually a new size too)
"$root/orderly" --version >/dev/null
check "a rebuilt jar is extracted again" test "$(stat -c '%i' "$extracted")" != "$before"
check "the new extraction records the rebuilt jar" test "$(cat "$extracted/jar.stamp")" = "$(stamp_of_jar)"
check "the rebuilt jar's extraction starts without the old jar's archives" test -z "$(find "$extracted" -maxdepth 1 -name 'travel.*.jsa' -print -quit)"
check "no half-made extraction is left behind" test -z "$(find "$root/orderly-cli/target" -maxdepth 1 -name 'orderly-extracting.*' -print -quit)"

echo "stale" >"$extracted/jar.stamp"   # an extraction of another jar
check "a stale extraction is replaced before a command runs" test "$(answer)" = "$expected"
check "… and records the jar again" test "$(cat "$extracted/jar.stamp")" = "$(stamp_of_jar)"

if [ "$(id -u)" != 0 ]; then   # (root writes anywhere: the check needs another user)
  chmod u-w "$root/orderly-cli/target"   # extracting cannot happen (e.g. a read-only checkout): the jar itself runs
  echo "stale" >"$extracted/jar.stamp"
  check "when it cannot extract, the launcher runs the jar itself" test "$(answer)" = "$expected"
  chmod u+w "$root/orderly-cli/target"
  "$root/orderly" --version >/dev/null
fi

if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; exit 1; fi
echo "all checks passed"
