#!/usr/bin/env bash
# End-to-end time and peak memory of writes (`netweb add`, `netweb log`) and a read (`netweb show`)
# on generated networks of 10k and 100k people, with the peak as a multiple of the file.
# Each `add` runs on a fresh copy of the file, so every run saves the same amount.
# Usage: benches/write_e2e.sh [RUNS]   (needs /usr/bin/time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release --quiet --bin netweb --example generate
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %8s %8s %8s %12s %8s\n' people file_MB command best_s peak_RSS_MB x_file
measure() {
  local n=$1 file=$2 what=$3 best=999 peak=0
  shift 3
  for _ in $(seq "$runs"); do
    cp "$file" "$dir/run.json"
    rm -f "$dir/run.json.bak"
    sync
    /usr/bin/time -f '%e %M' -o "$dir/t" target/release/netweb --file "$dir/run.json" "$@" >/dev/null
    read -r secs kb <"$dir/t"
    best=$(echo "$secs $best" | awk '{print ($1 < $2) ? $1 : $2}')
    peak=$(( kb / 1024 > peak ? kb / 1024 : peak ))
  done
  local mb
  mb=$(stat -c %s "$file" | awk '{print $1 / 1048576}')
  printf '%-8s %8.1f %8s %8s %12s %8.2f\n' "$n" "$mb" "$what" "$best" "$peak" "$(echo "$peak $mb" | awk '{print $1 / $2}')"
}
for n in 10000 100000; do
  target/release/examples/generate "$n" >"$dir/net.json" 2>/dev/null
  id=$(grep -m1 -o '"id": "[^"]*"' "$dir/net.json" | cut -d'"' -f4)
  measure "$n" "$dir/net.json" show show "$id"
  measure "$n" "$dir/net.json" add add "Zed Benchmark" --interest rust
  measure "$n" "$dir/net.json" log log "$id" --note benchmark
done
