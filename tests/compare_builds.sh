#!/usr/bin/env bash
# Compares what two frise executables make of the same articles, byte for
# byte: every output of `frise build`, `frise articles --json` and `frise
# tag --format json`, with the clock and the time zone pinned. Used to check
# that a restructuring changes nothing, or to list what a change changes.
#
#   tests/compare_builds.sh OLD_FRISE NEW_FRISE [CORPUS…]
#
# CORPUS defaults to the seed articles and ../shared/eval/mlcrisis-dev/libya
# (when it is there). Prints one line per differing file and exits 1 when
# any differs, 0 when all are identical.
set -uo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OLD_FRISE NEW_FRISE [CORPUS...]" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2")
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -eq 0 ]; then
  set -- "$here/articles"
  [ -d "$here/../shared/eval/mlcrisis-dev/libya" ] && set -- "$@" "$here/../shared/eval/mlcrisis-dev/libya"
fi
export SOURCE_DATE_EPOCH=1732665600 TZ=UTC LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for corpus in "$@"; do
  name=$(basename "$corpus")
  for side in old new; do
    bin=$old; [ $side = new ] && bin=$new
    d="$work/$name/$side"
    mkdir -p "$d"
    "$bin" build -q "$corpus" -o "$d/build" 2>"$d/build.stderr"
    echo "exit $?" >>"$d/build.stderr"
    "$bin" articles --json "$corpus" >"$d/articles.json" 2>"$d/articles.stderr"
    "$bin" tag --format json "$corpus" >"$d/tag.json" 2>"$d/tag.stderr"
  done
  (cd "$work/$name/old" && find . -type f | sort) >"$work/$name/files"
  (cd "$work/$name/new" && find . -type f | sort) | diff -q - "$work/$name/files" >/dev/null ||
    { echo "$name: the two runs wrote different sets of files"; status=1; }
  while read -r f; do
    if ! cmp -s "$work/$name/old/$f" "$work/$name/new/$f"; then
      echo "$name: ${f#./} differs"
      status=1
    fi
  done <"$work/$name/files"
done
[ $status -eq 0 ] && echo "identical: $*"
exit $status
