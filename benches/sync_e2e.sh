#!/usr/bin/env bash
# End-to-end time of `netweb sync` with a vdir of 5,000 cards (issue 20 asks for under 2 s),
# best of RUNS, on an optimised build:
#   out:   a 5,000-person network into an empty vdir (5,000 cards written)
#   in:    an empty network takes the 5,000-card vdir in (5,000 people made)
#   again: the same sync with nothing changed (every card read and compared)
#   edits: 50 cards edited "on the phone" since (50 people updated)
# Usage: benches/sync_e2e.sh [RUNS] [CARDS]   (needs /usr/bin/time: apt-get install time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
n=${2:-5000}
cargo build --release --quiet --bin netweb --example generate
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin=target/release/netweb
echo "machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
target/release/examples/generate "$n" >"$dir/net.json" 2>/dev/null
export NETWEB_TODAY=2026-11-25
# Wall-clock seconds and CPU seconds (user + system) as "wall/cpu"; the machine is shared,
# so the CPU time is the steadier number.
secs() {
  /usr/bin/time -f '%e %U %S' -o "$dir/t" "$@" >/dev/null
  awk '{printf "%.2f/%.2f", $1, $2 + $3}' "$dir/t"
}
best() { echo "$1 $2" | awk '{split($1, a, "/"); split($2, b, "/"); print (a[1] < b[1]) ? $1 : $2}'; }
b_out=999/0 b_in=999/0 b_again=999/0 b_edits=999/0
for _ in $(seq "$runs"); do
  rm -rf "$dir/v" "$dir/a" "$dir/b"; mkdir -p "$dir/v" "$dir/a" "$dir/b"
  cp "$dir/net.json" "$dir/a/net.json"
  b_out=$(best "$(secs $bin --file "$dir/a/net.json" sync "$dir/v")" "$b_out")
  b_in=$(best "$(secs $bin --file "$dir/b/net.json" sync "$dir/v")" "$b_in")
  b_again=$(best "$(secs $bin --file "$dir/b/net.json" sync "$dir/v")" "$b_again")
  for f in $(ls "$dir/v" | head -50); do
    sed -i 's/^END:VCARD/TITLE:Edited\r\nEND:VCARD/' "$dir/v/$f"
  done
  b_edits=$(best "$(secs $bin --file "$dir/b/net.json" sync "$dir/v")" "$b_edits")
done
printf '%-6s %-6s %s\n' cards case best_wall/cpu_s
printf '%-6s %-6s %s\n' "$n" out "$b_out" "$n" in "$b_in" "$n" again "$b_again" "$n" edits "$b_edits"
