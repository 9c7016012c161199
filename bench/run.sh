#!/usr/bin/env bash
# Side-by-side speed benchmark (run on demand, not part of the test suite):
#   bash bench/run.sh            # after `bash .ci/setup`
# Builds a >= 50 MB French corpus from the repository's texts, then measures
# throughput (MB/s) and peak memory of frise tag, frise build (10,000
# articles, every output), rendering a 10,000-event store as SVG, and the
# two peers on the same text: chrono-node's French parser (npm) and
# python3-dateparser's search_dates (Debian). Installs the peers itself.
# The peers are far slower, so they run on a prefix of the same corpus
# (BENCH_PEER_KB, default 2048 KB for chrono, 256 KB for dateparser).
set -euo pipefail
cd "$(dirname "$0")/.."
frise=${FRISE:-build/frise}
work=${BENCH_DIR:-/tmp/frise-bench}
mkdir -p "$work"

need=()
for p in python3-dateparser time nodejs npm; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
fi
if [ ! -d bench/node_modules/chrono-node ]; then
  (cd bench && npm install --no-audit --no-fund --silent >&2)
fi

[ -f "$work/corpus/all.txt" ] || /usr/bin/python3 bench/make_corpus.py "$work/corpus" --articles 10000 --mb 50 >&2
mb=$(stat -c %s "$work/corpus/all.txt")

# measure NAME BYTES CMD...: prints a row, records MB/s in $rate
measure() {
  local name=$1 bytes=$2; shift 2
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null
  read -r secs kb < "$work/time"
  rate=$(/usr/bin/python3 -c "print('%.1f' % ($bytes / 1e6 / max($secs, 1e-3)))")
  printf '%-34s %8.1f MB %8.2f s %8s MB/s %8d MB peak\n' "$name" "$(/usr/bin/python3 -c "print($bytes/1e6)")" "$secs" "$rate" $((kb / 1024))
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
measure "frise tag (1 core)" "$mb" "$frise" tag --lang fr --dct 2024-11-27 --format tsv --max-size 64 "$work/corpus/all.txt"
frise_rate=$rate

ls "$work"/corpus/0*.txt | head -n 10000 > "$work/list"
bytes10k=$(xargs cat < "$work/list" | wc -c)
mkdir -p "$work/build10k"; cp $(cat "$work/list") "$work/build10k/" 2>/dev/null || xargs -a "$work/list" cp -t "$work/build10k/"
rm -rf "$work/out" "$work/store.db"*
measure "frise build (10,000 articles)" "$bytes10k" "$frise" build -q --store "$work/store.db" -o "$work/out" "$work/build10k"
events=$(sqlite3 "$work/store.db" 'select count(*) from events' 2>/dev/null || echo '?')
echo "  store: $events events"
measure "frise render svg (store above)" "$bytes10k" "$frise" render --store "$work/store.db" --format svg -o "$work/out/all.svg"

head -c "$(( ${BENCH_PEER_KB:-2048} * 1024 ))" "$work/corpus/all.txt" | iconv -c -f utf8 -t utf8 > "$work/peer-chrono.txt"
read -r cb cs cf < <(node bench/chrono.mjs "$work/peer-chrono.txt")
chrono_rate=$(/usr/bin/python3 -c "print('%.3f' % ($cb/1e6/$cs))")
printf '%-34s %8.1f MB %8.2f s %8s MB/s (%d dates)\n' "chrono-node fr" "$(/usr/bin/python3 -c "print($cb/1e6)")" "$cs" "$chrono_rate" "$cf"

head -c "$(( ${BENCH_DATEPARSER_KB:-256} * 1024 ))" "$work/corpus/all.txt" | iconv -c -f utf8 -t utf8 > "$work/peer-dp.txt"
read -r db ds df < <(/usr/bin/python3 bench/dateparser_bench.py "$work/peer-dp.txt")
dp_rate=$(/usr/bin/python3 -c "print('%.4f' % ($db/1e6/$ds))")
printf '%-34s %8.2f MB %8.2f s %8s MB/s (%d dates)\n' "dateparser search_dates fr" "$(/usr/bin/python3 -c "print($db/1e6)")" "$ds" "$dp_rate" "$df"

/usr/bin/python3 -c "
f, c, d = $frise_rate, $chrono_rate, $dp_rate
print('ratio frise/chrono-node: %.0fx (target >= 50x)' % (f / c))
print('ratio frise/dateparser:  %.0fx (target >= 500x)' % (f / d))"
