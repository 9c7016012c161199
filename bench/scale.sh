#!/usr/bin/env bash
# Scale benchmark (issue 15; run on demand, not part of the tests):
#   bash bench/scale.sh                 # after `bash .ci/setup`
#   SCALE_SIZES="10000 40000" SCALE_STORES=sqlite bash bench/scale.sh
# For each corpus and size: wall time, CPU time (user + system) and peak
# memory (/usr/bin/time -v, maximum resident set) of
#   single  frise ingest --store S DIR            (one process)
#   4 jobs  frise extract on GNU parallel -j4 (--chunk articles a job),
#           then frise ingest --candidates         (the reduce step)
# into SQLite and into PostgreSQL (a throwaway server, tests/pg.py). The
# corpora: `gen`, bench/make_corpus.py's generated French articles; `real`,
# the shared crisis and Timeline17 articles (shared/eval/mlcrisis-dev,
# tls-en-dev) repeated, copy k with every year (in the path and the text)
# shifted by k, so that copies are distinct stories.
# Prints one row per run and writes them to $BENCH_DIR/scale.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
frise=$(realpath "${FRISE:-build/frise}")
work=${BENCH_DIR:-/tmp/frise-scale}
sizes=${SCALE_SIZES-10000 40000 100000}
real_sizes=${SCALE_REAL_SIZES-10000 40000}
stores=${SCALE_STORES:-sqlite postgresql}
chunk=${SCALE_CHUNK:-500}
mkdir -p "$work"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1732665600} TZ=UTC

if [ "${1:-}" != --inner ]; then
  for p in time parallel; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
      { echo "scale: $p is missing (apt-get install $p)" >&2; exit 2; }
  done
  # the corpora, once: hard links into one folder per size
  if [ ! -f "$work/gen/99999.txt" ]; then
    /usr/bin/python3 bench/make_corpus.py "$work/gen" --articles 100000 --mb 0 >&2
    rm -f "$work/gen/all.txt"
  fi
  for n in $sizes; do
    d="$work/gen-$n"
    [ -d "$d" ] && [ "$(ls "$d" | wc -l)" -eq "$n" ] && continue
    rm -rf "$d"; mkdir -p "$d"
    (cd "$work/gen" && ls | sed -n "1,${n}p" | xargs ln -t "$d")
  done
  for n in $real_sizes; do
    d="$work/real-$n"
    [ -d "$d" ] && [ "$(find "$d" -type f | wc -l)" -eq "$n" ] && continue
    rm -rf "$d"
    /usr/bin/python3 - "$root/../shared/eval" "$d" "$n" <<'PY'
import os, re, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = []
for top in ('mlcrisis-dev', 'tls-en-dev'):
    for d, _, names in sorted(os.walk(os.path.join(src, top))):
        files += [os.path.join(d, f) for f in sorted(names) if f.endswith('.txt') and 'reference' not in f]
year = re.compile(r'\b(19[5-9]\d|20[0-4]\d)\b')
k = done = 0
while done < n:
    for f in files:
        if done >= n:
            break
        rel = os.path.relpath(f, src)                 # tls-en-dev/haiti_bbc/2010-01-12/12.txt
        shift = lambda m: str(int(m.group(1)) + k)
        parts = rel.split(os.sep)
        dest = os.path.join(out, '%03d' % k, *[year.sub(shift, p) for p in parts[1:-1]],
                            '%s_%s' % (parts[1], parts[-1]))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(f, encoding='utf8', errors='replace') as r, open(dest, 'w', encoding='utf8') as w:
            w.write(year.sub(shift, r.read()))
        done += 1
    k += 1
PY
  done
  if [[ " $stores " == *" postgresql "* ]]; then
    exec /usr/bin/python3 tests/pg.py run -- bash "$0" --inner
  fi
  exec bash "$0" --inner
fi

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1 /proc/loadavg)"
echo "machine: $machine"
out=${SCALE_OUT:-$work/scale.tsv}
printf 'corpus\tarticles\tstore\tmode\twall_s\tcpu_s\tpeak_mb\tevents\n' > "$out"
printf '%-5s %8s %-10s %-7s %9s %9s %9s %8s\n' corpus articles store mode wall_s cpu_s peak_MB events

# timed FILE CMD...: runs CMD under /usr/bin/time -v; appends "wall cpu peak_kb" to FILE
timed() {
  local f=$1; shift
  /usr/bin/time -v -o "$work/time.txt" "$@"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
              /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
              END { printf "%.2f %.2f %d\n", w, u + s, m }' "$work/time.txt" >> "$f"
}

target() { # target STORE NAME
  if [ "$1" = sqlite ]; then echo "$work/$2.db"; else echo "${FRISE_TEST_PG_URL}&schema=$2"; fi
}

events_of() {
  "$frise" events --store "$1" --json --all | /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'
}

for corpus in gen real; do
  list=$sizes; [ $corpus = real ] && list=$real_sizes
  for n in $list; do
    dir="$work/$corpus-$n"
    for store in $stores; do
      for mode in single 4jobs; do
        name="b_${corpus}_${n}_${store}_${mode}"
        t=$(target "$store" "$name")
        rm -f "$work/$name.db" "$work/$name.db-wal" "$work/$name.db-shm" "$work/steps.txt"
        if [ $mode = single ]; then
          timed "$work/steps.txt" "$frise" ingest -q --max-files 1000000 --store "$t" "$dir"
        else
          find "$dir" -name '*.txt' | sort > "$work/list.txt"
          timed "$work/steps.txt" sh -c "parallel --will-cite -k -j4 -n $chunk '$frise' extract -q :::: '$work/list.txt' > '$work/cands.jsonl'"
          timed "$work/steps.txt" "$frise" ingest -q --candidates --store "$t" "$work/cands.jsonl"
          rm -f "$work/cands.jsonl"
        fi
        read -r wall cpu peak < <(awk '{ w += $1; c += $2; if ($3 > m) m = $3 } END { print w, c, m }' "$work/steps.txt")
        ev=$(events_of "$t")
        printf '%-5s %8d %-10s %-7s %9.1f %9.1f %9d %8d\n' $corpus "$n" $store $mode "$wall" "$cpu" $((peak / 1024)) "$ev"
        printf '%s\t%d\t%s\t%s\t%.1f\t%.1f\t%d\t%d\n' $corpus "$n" $store $mode "$wall" "$cpu" $((peak / 1024)) "$ev" >> "$out"
        rm -f "$work/$name.db" "$work/$name.db-wal" "$work/$name.db-shm"
      done
    done
  done
done
echo "machine: $machine (at the end)"
