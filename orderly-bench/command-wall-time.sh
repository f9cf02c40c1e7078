#!/usr/bin/env bash
# The wall time of Orderly's commands as a user runs them (a fresh JVM each), a baseline against a candidate in the same
# run, alternating, on copies of one warm ORDERLY_HOME (each its own copy: a jar migrates the database it opens). Each side
# is a jar (run as `java -jar JAR`) or a launcher (run as it is, e.g. ./orderly: its JVM options and extracted jar).
# Each travel question asks a fresh pair of states (seeded), the same pair of both jars, whose answers must agree. Wall
# time and CPU time (user + system) of each run: on a shared machine the CPU time is the steadier figure.
#
#   orderly-bench/command-wall-time.sh BASELINE.jar|LAUNCHER CANDIDATE.jar|LAUNCHER WARM_HOME [ROUNDS] [SEED]
#   e.g. orderly-bench/command-wall-time.sh orderly-cli/target/orderly.jar ./orderly /tmp/warm 10
#
# WARM_HOME: an ORDERLY_HOME that a command has used once (its embedded database made and the demo data loaded), e.g.
# after `ORDERLY_HOME=/tmp/warm ./orderly parties >/dev/null`. Prints one line per run and the medians.
set -euo pipefail
baseline="$1"; candidate="$2"; warm="$3"; rounds="${4:-10}"; seed="${5:-20261206}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -a "$warm" "$work/baseline-home"
cp -a "$warm" "$work/candidate-home"
export ORDERLY_SHARED_DATA="${ORDERLY_SHARED_DATA:-$(cd "$(dirname "$0")/.." && pwd)/../shared/data}"
states=(NGA DEU FRA JPN MAR USA BRA IND CHN GBR KEN ZAF MEX TUR EGY IDN PAK ARG CAN AUS SEN GHA ETH PHL VNM UKR POL ITA ESP SWE)
RANDOM="$seed"

# How a side runs: a jar with `java -jar`, anything else (a launcher) as it is.
command_of() { case "$1" in *.jar) echo java -jar "$1" ;; *) echo "$1" ;; esac; }

# One run: prints "label wall-ms cpu-ms" (CPU: user + system of the JVM and what it started), keeps the output.
run() {
  local label="$1" jar="$2" home="$3"; shift 3
  local start end cpu
  start=$(date +%s%N)
  # shellcheck disable=SC2046 # the side's command is split into words on purpose (paths without spaces)
  /usr/bin/time -o "$work/$label.cpu" -f '%U %S' env ORDERLY_HOME="$home" $(command_of "$jar") "$@" >"$work/$label.out" 2>"$work/$label.err"
  end=$(date +%s%N)
  cpu=$(tail -1 "$work/$label.cpu" | awk '{printf "%d", ($1 + $2) * 1000}')
  echo "$label $(( (end - start) / 1000000 )) $cpu" >>"$work/times"
  printf '%-22s %6d ms wall %6d ms CPU  %s\n' "$label" $(( (end - start) / 1000000 )) "$cpu" "$*"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up: each side's first command on its copy (the baseline migrates nothing; the candidate migrates and writes its
# registry snapshot; a launcher builds or extracts its jar if it must), not counted.
# shellcheck disable=SC2046
ORDERLY_HOME="$work/baseline-home" $(command_of "$baseline") travel --passport NGA --to DEU >/dev/null 2>&1
# shellcheck disable=SC2046
ORDERLY_HOME="$work/candidate-home" $(command_of "$candidate") travel --passport NGA --to DEU >/dev/null 2>&1
for ((i = 1; i <= rounds; i++)); do
  p=$((RANDOM % ${#states[@]}))
  d=$(( (p + 1 + RANDOM % (${#states[@]} - 1)) % ${#states[@]} ))   # another state than the passport's
  passport="${states[p]}"; destination="${states[d]}"
  for side in baseline candidate; do
    jar="$baseline"; [ "$side" = candidate ] && jar="$candidate"
    run "travel-$side" "$jar" "$work/$side-home" travel --passport "$passport" --to "$destination" --on 2026-11-23
  done
  if ! diff -q <(head -2 "$work/travel-baseline.out") <(head -2 "$work/travel-candidate.out") >/dev/null; then
    echo "the answers differ for $passport → $destination:"; head -2 "$work/travel-baseline.out" "$work/travel-candidate.out"; exit 1
  fi
  # Each command of both jars back to back, so that neither follows the other's database shutdown.
  for command in help parties; do
    for side in baseline candidate; do
      jar="$baseline"; [ "$side" = candidate ] && jar="$candidate"
      if [ "$command" = help ]; then run "help-$side" "$jar" "$work/$side-home" --help
      else run "parties-$side" "$jar" "$work/$side-home" parties --kind ORGANISATION; fi
    done
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "medians of $rounds runs (ms):           wall    CPU"
for label in travel-baseline travel-candidate help-baseline help-candidate parties-baseline parties-candidate; do
  printf '  %-20s %12d %6d\n' "$label" "$(awk -v l="$label" '$1 == l {print $2}' "$work/times" | median)" \
    "$(awk -v l="$label" '$1 == l {print $3}' "$work/times" | median)"
done
if grep -q "outOfOrder" "$work/parties-candidate.err"; then echo "the candidate printed Flyway's out-of-order warning"; exit 1; fi
