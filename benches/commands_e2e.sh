#!/usr/bin/env bash
# Every command, whole (start, load, work, print, save), on generated networks of 1k, 10k
# and 100k people, beside Python's bare `json.load` of the same file as the yardstick.
# Each netweb run alternates with a json.load run, so both see the same load on a shared
# machine; the ratio is median(netweb) / median(json.load) of those runs. Writers (add,
# edit, log) work on a fresh copy of the file each run. Prints a markdown table.
#
# Usage: benches/commands_e2e.sh [RUNS] [SIZES]     e.g. benches/commands_e2e.sh 5 "1000 10000 100000"
# Env:   NETWEB=path/to/netweb (default: target/release/netweb, built first)
#        ONLY="stats interests" (command names as in the table's first column, default all)
# Needs python3 and /usr/bin/time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
sizes=${2:-"1000 10000 100000"}
if [ -z "${NETWEB:-}" ]; then
  cargo build --release --quiet --bin netweb --example generate
  NETWEB=target/release/netweb
else
  cargo build --release --quiet --example generate
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
now() { date +%s%N; }

# One command: RUNS alternated pairs of (json.load, netweb). Prints "netweb_s python_s peak_MB lines".
measure() {
  local file=$1
  shift
  rm -f "$dir/py" "$dir/nw" "$dir/mem"
  local peak=0 lines=0
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(now)
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$file"
    t1=$(now)
    echo "$(( (t1 - t0) / 1000000 ))" >>"$dir/py"
    rm -rf "$dir/w" && mkdir "$dir/w" && cp "$file" "$dir/w/run.json"
    t0=$(now)
    NETWEB_TODAY=2026-12-07 /usr/bin/time -f '%M' -o "$dir/mem" \
      "$NETWEB" --color never --file "$dir/w/run.json" "$@" >"$dir/out" 2>"$dir/err" \
      || { echo "netweb $* failed:" >&2; cat "$dir/err" >&2; }
    t1=$(now)
    echo "$(( (t1 - t0) / 1000000 ))" >>"$dir/nw"
    local kb
    kb=$(tail -1 "$dir/mem")
    peak=$(( kb / 1024 > peak ? kb / 1024 : peak ))
    lines=$(wc -l <"$dir/out")
  done
  echo "$(median <"$dir/nw") $(median <"$dir/py") $peak $lines"
}

declare -a names
declare -A result
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "netweb: $NETWEB; $runs alternated runs per cell" >&2
for n in $sizes; do
  file=$dir/net$n.json
  target/release/examples/generate "$n" >"$file" 2>/dev/null
  # Two people of the file, for the commands that take one or two.
  mapfile -t ids < <(grep -o '"id": "[^"]*"' "$file" | head -2 | cut -d'"' -f4)
  a=${ids[0]} b=${ids[1]}
  while IFS='|' read -r name args; do
    [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]] && continue
    # shellcheck disable=SC2086
    eval "set -- $args"
    r=$(measure "$file" "$@")
    [ -z "${result[$name,seen]:-}" ] && names+=("$name") && result[$name,seen]=1
    result[$name,$n]=$r
    echo "$n $name: $r" >&2
  done <<EOF
stats|stats
stats --json|--json stats
interests|interests
suggest --groups|suggest --groups
suggest --limit 20|suggest --limit 20
export --format html|export --format html
export --format json|export --format json
show|show $a
history|history $a
add|add 'Zed Benchmark' --interest rust
edit|edit $a --interest benchmarking
log|log $a --note benchmark
link|link $a $b
due|due
list|list
path|path $a $b
intros|intros
EOF
done

printf '\n| command |'
for n in $sizes; do printf ' %sk: s (× json.load) |' "$((n / 1000))"; done
printf ' peak MB | lines |\n|---|'
for _ in $sizes; do printf -- '---|'; done
printf -- '---|---|\n'
last=${sizes##* }
for name in "${names[@]}"; do
  printf '| `%s` |' "$name"
  for n in $sizes; do
    read -r nw py _ _ <<<"${result[$name,$n]:-0 1 0 0}"
    awk -v a="$nw" -v b="$py" 'BEGIN {printf " %.2f (%.2f×) |", a / 1000, (b > 0 ? a / b : 0)}'
  done
  read -r _ _ peak lines <<<"${result[$name,$last]:-0 1 0 0}"
  printf ' %s | %s |\n' "$peak" "$lines"
done
printf '| python3 `json.load` (the yardstick) |'
for n in $sizes; do
  # The median, over the commands, of each command's json.load median.
  for name in "${names[@]}"; do
    read -r _ py _ _ <<<"${result[$name,$n]:-0 0 0 0}"
    echo "$py"
  done | median | awk '{printf " %.2f |", $1 / 1000}'
done
printf ' | |\n'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
