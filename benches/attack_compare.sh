#!/bin/bash
# The reproductions of issue 17's faults (docs/reliability.md), one line of outcome each:
#   sudo bash benches/attack_compare.sh path/to/netweb LABEL
# Run it with an old and a new binary to compare. Needs root (mknod, chown, setpriv),
# strace, flock and python3. Works only in its own temp folder: never on /dev itself.
BIN=$(realpath "$1"); L=${2:-netweb}
export NETWEB_TODAY=2026-11-25
SAMPLE=$(realpath "$(dirname "$0")/../examples/network.json")
W=$(mktemp -d); chmod 755 $W; cd $W
# A netweb file of 8,000 people and 60,000 relationships, for an import that takes a while.
python3 - <<'PY'
import json
n, m = 8000, 60000
people = [{"id": f"p{i}", "name": f"Person {i}"} for i in range(n)]
rels, k = [], 1
while len(rels) < m:
    rels += [{"a": f"p{i}", "b": f"p{(i + k) % n}"} for i in range(n)][: m - len(rels)]
    k += 1
json.dump({"version": 1, "people": people, "relationships": rels}, open("net8k.json", "w"))
json.dump({"version": 1, "people": people[:400]}, open("p400.json", "w"))
PY
fresh() { rm -rf d; mkdir d; cp $SAMPLE d/network.json; }
say() { echo "$L | $*"; }
# 1 device + fifo
mknod dev c 1 3; $BIN --file dev add X >/dev/null 2>e; rc=$?; t=$(stat -c %F dev); say "1 --file <char dev> add X: exit $rc, dev is now: $t"
mknod dev2 c 1 3; fresh; $BIN --file d/network.json export -o dev2 >/dev/null 2>e; rc=$?; say "1 export -o <char dev>: exit $rc, dev is now: $(stat -c %F dev2)"
mkfifo fifo; timeout 5 $BIN --file fifo add X >/dev/null 2>e; say "1 --file <fifo> add X: exit $? (124 = still blocked after 5 s)"
# 2 export over bak / lock
fresh; $BIN --file d/network.json add Someone >/dev/null; b1=$(md5sum < d/network.json.bak); $BIN --file d/network.json export -o d/network.json.bak >/dev/null 2>e; rc=$?; b2=$(md5sum < d/network.json.bak); say "2 export -o network.json.bak: exit $rc, backup $( [ "$b1" = "$b2" ] && echo kept || echo overwritten)"
# 2 lock deleted mid-write
fresh; $BIN --file d/network.json import net8k.json >/dev/null 2>imp.err & pid=$!
for i in $(seq 1 2000); do if ! flock -n d/network.json.lock true 2>/dev/null; then break; fi; sleep 0.005; done
kill -STOP $pid; rm -f d/network.json.lock; $BIN --file d/network.json edit priya-raman --company EDITED >/dev/null 2>e; erc=$?; kill -CONT $pid; wait $pid; irc=$?
c=$(python3 -c "import json;print([p.get('company') for p in json.load(open('d/network.json'))['people'] if p['id']=='priya-raman'][0])")
say "2 rm .lock during import, edit: edit exit $erc, import exit $irc, company after both: $c"
# 3 emptied file
fresh; $BIN --file d/network.json add Someone >/dev/null; : > d/network.json; $BIN --file d/network.json add X >/dev/null 2>e; rc=$?; n=$(python3 -c "import json;print(len(json.load(open('d/network.json.bak'))['people']))" 2>/dev/null || echo "empty/unreadable"); say "3 ': > network.json; add X': exit $rc, people in .bak: $n"
# 4 terminal
fresh; $BIN --file d/network.json add "$(printf 'Evil\e]52;c;aGk=\aClip')" >/dev/null; out=$($BIN --color always --file d/network.json list | grep -c $'\e]52')
say "4 list with an OSC 52 name: raw ESC ] 52 sequences on stdout: $out"
# 5 (timed separately)
# 6 limits
fresh; $BIN --file d/network.json suggest --limit 99999999999 >/dev/null 2>e; say "6 suggest --limit 99999999999: exit $?"
$BIN --file d/network.json suggest --limit 18446744073709551614 >/dev/null 2>e; say "6 suggest --limit 18446744073709551614: exit $?"
$BIN --file d/network.json suggest --limit 0 >/dev/null 2>e; say "6 suggest --limit 0: exit $?: $(head -c 90 e)"
$BIN --file d/network.json suggest --min-score NaN >/dev/null 2>e; say "6 suggest --min-score NaN: exit $?"
# 7 unbounded
( ulimit -v 3000000; timeout 3 $BIN --file /dev/zero list >/dev/null 2>e ); say "7 --file /dev/zero list (3 GB, 3 s caps): exit $?"
fresh; ( ulimit -v 3000000; timeout 3 $BIN --file d/network.json import /dev/urandom >/dev/null 2>e ); say "7 import /dev/urandom (3 GB, 3 s caps): exit $?"
# 8 backup removed first?
fresh; $BIN --file d/network.json add A >/dev/null; strace -f -qq -e trace=unlink,unlinkat -o tr $BIN --file d/network.json add B >/dev/null; say "8 add: unlink calls on .bak: $(grep -c 'network.json.bak' tr)"
# 9 sudo
fresh; chown -R 4242:4242 d; $BIN --file d/network.json add ByRoot >/dev/null; lo=$(stat -c '%U:%a' d/network.json.lock); setpriv --reuid 4242 --regid 4242 --clear-groups $BIN --file d/network.json add ByOwner >/dev/null 2>e; say "9 root add then owner add: lock $lo, owner exit $?"
# 10 rm prefix
fresh; $BIN --file d/network.json rm y >/dev/null 2>e; rc=$?; left=$(grep -c '"yusuf-demir"' d/network.json); say "10 rm y: exit $rc, Yusuf still there: $left"
# 11
fresh; big=$(stat -c %s d/network.json); sh -c "ulimit -f 4; exec $BIN --file d/network.json add TooBig" >/dev/null 2>e; say "11 ulimit -f 4, add on a ${big}-byte file: exit $? ($(head -c 80 e | tr '\n' ' '))"
printf 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Ann=\r\nEND:VCARD\r\n' > qp.vcf; rm -rf q; mkdir q; $BIN --file q/n.json import qp.vcf >/dev/null 2>e; say "11 QP trailing '=': name imported: $(python3 -c "import json;print(json.load(open('q/n.json'))['people'][0]['name'])" 2>/dev/null)"
printf 'name,email,Email\nAda,ada@a.org,ada@b.org\n' > dup.csv; rm -rf q; mkdir q; $BIN --file q/n.json import dup.csv >/dev/null 2>e; rc=$?; say "11 CSV name,email,Email: exit $rc, emails kept: $(python3 -c "import json;print(json.load(open('q/n.json'))['people'][0]['emails'])" 2>/dev/null)"
mkdir dot; (cd dot; $BIN --file . add X >/dev/null 2>../e; echo "exit $?" > ../rc); say "11 --file . add X: $(cat rc), left in the folder: $(ls -A dot | tr '\n' ' ')"
fresh; mkdir ex; touch -d '1 hour ago' ex/.netweb-export-killed.tmp; $BIN --file d/network.json export -o ex/out.json >/dev/null; say "11 export -o with an hour-old killed temp beside: temp $( [ -e ex/.netweb-export-killed.tmp ] && echo left || echo removed)"
fresh; (flock d/network.json.lock sleep 3) & sleep 0.3; $BIN --file d/network.json add Waiter >/dev/null 2>e; say "11 add behind a 3 s lock holder: said: $(tr '\n' ' ' < e | head -c 100)"
wait
# 5: quadratic imports and intro (seconds, one run each).
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Mails\r\n' > mails.vcf
seq -f 'EMAIL:m%g@example.org\r' 1 200000 >> mails.vcf; printf 'END:VCARD\r\n' >> mails.vcf
rm -rf q; mkdir q; s=$(date +%s.%N); timeout 600 $BIN --file q/n.json import net8k.json >/dev/null 2>e; say "5 import of 8,000 people / 60,000 ties: exit $?, $(echo "$(date +%s.%N) - $s" | bc) s"
rm -rf q; mkdir q; s=$(date +%s.%N); timeout 600 $BIN --file q/n.json import mails.vcf >/dev/null 2>e; say "5 import of one card with 200,000 EMAIL lines: exit $?, $(echo "$(date +%s.%N) - $s" | bc) s"
rm -rf q; mkdir q; cp p400.json q/n.json; s=$(date +%s.%N); timeout 600 $BIN --file q/n.json intro $(seq -f 'p%g' 0 399) >/dev/null 2>e; say "5 intro of 400 people: exit $?, $(echo "$(date +%s.%N) - $s" | bc) s"
cd /; rm -rf $W
