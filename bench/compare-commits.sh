#!/usr/bin/env bash
# Before/after: runs a bench script that prints one number (ms) as its last line in a checkout of
# REF and in this working tree, alternately, ROUNDS times each, and prints both medians and their ratio.
#   bash bench/compare-commits.sh REF ROUNDS bench/migration-test-once.ts example
# NODE=<path> runs both on another Node (tsx is this tree's).
set -euo pipefail
ref=$1 rounds=$2 script=$3
shift 3
here=$(cd "$(dirname "$0")/.." && pwd)
old=$(mktemp -d "${TMPDIR:-/tmp}/pma-compare-XXXXXX")
trap 'git -C "$here" worktree remove --force "$old" >/dev/null 2>&1 || rm -rf "$old"' EXIT
git -C "$here" worktree add -q --detach "$old" "$ref"
ln -s "$here/node_modules" "$old/node_modules"
before=() after=()
for _ in $(seq "$rounds"); do
  before+=("$(cd "$old" && "${NODE:-node}" "$here/node_modules/tsx/dist/cli.mjs" "$here/$script" "$@" 2>/dev/null | tail -1)")
  after+=("$(cd "$here" && "${NODE:-node}" "$here/node_modules/tsx/dist/cli.mjs" "$here/$script" "$@" 2>/dev/null | tail -1)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
b=$(median "${before[@]}") a=$(median "${after[@]}")
echo "$script $*: $ref ${b} ms, working tree ${a} ms, ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}')×, median of $rounds (A/B alternated)"
echo "  $ref: ${before[*]}"
echo "  working tree: ${after[*]}"
