#!/usr/bin/env bash
# Known-bug harness: every *.patch in this folder injects one bug that has slipped past the tests
# before (or could), as a 'git diff' against the code. For each patch this script makes a
# throw-away git worktree of HEAD in a temporary folder, applies the patch, builds, runs the test
# suite without the golden-output tests (a byte difference there would kill every mutant without
# saying which test should have caught it), and removes the worktree. A mutant is killed when at
# least one test fails. The last line is "N of M mutants killed".
#
#   Simulation.Tests/Mutants/run.sh [PATCH...]      (default: every *.patch here)
#
#   MUTANT_REV=<commit>          code to mutate (default HEAD: commit the tests you want to count)
#   MUTANT_TEST_FILTER=<filter>  dotnet test --filter (default Category!=Golden)
#   MUTANT_LOG_DIR=<dir>         where build and test logs are kept (default: a new temporary folder)
#
# Adding a mutant is dropping a file: make the change, 'git diff > Simulation.Tests/Mutants/NAME.patch',
# undo the change. A patch that no longer applies, or no longer builds, is reported as an error and
# counts as not killed: refresh it against the current code.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
rev=$(git -C "$repo" rev-parse "${MUTANT_REV:-HEAD}")
filter=${MUTANT_TEST_FILTER:-Category!=Golden}
logs=${MUTANT_LOG_DIR:-$(mktemp -d -t channelsim-mutants-XXXXXX)}
mkdir -p "$logs"
work=$(mktemp -d -t channelsim-mutant-worktrees-XXXXXX)

if [ $# -gt 0 ]; then
  patches=()
  for p in "$@"; do patches+=("$(cd "$(dirname "$p")" && pwd)/$(basename "$p")"); done
else
  shopt -s nullglob
  patches=("$here"/*.patch)
fi
if [ ${#patches[@]} -eq 0 ]; then
  echo "no patches found in $here" >&2
  exit 2
fi

current=""
cleanup() {
  if [ -n "$current" ] && [ -d "$current" ]; then git -C "$repo" worktree remove --force "$current" >/dev/null 2>&1; fi
  git -C "$repo" worktree prune >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "mutating $(git -C "$repo" log -1 --format='%h %s' "$rev" | cut -c1-80)"
echo "tests: dotnet test --filter \"$filter\"; logs in $logs"
killed=0
total=0
for patch in "${patches[@]}"; do
  name=$(basename "$patch" .patch)
  total=$((total + 1))
  current="$work/$name"
  start=$(date +%s)
  git -C "$repo" worktree add --detach --quiet "$current" "$rev"
  if ! git -C "$current" apply --whitespace=nowarn "$patch" >"$logs/$name.apply.log" 2>&1; then
    result="ERROR: the patch does not apply to $rev (see $logs/$name.apply.log)"
  elif ! (cd "$current" && dotnet build ChannelSim.sln -c Release >"$logs/$name.build.log" 2>&1); then
    result="ERROR: does not build (see $logs/$name.build.log)"
  else
    (cd "$current" && dotnet test ChannelSim.sln -c Release --no-build --filter "$filter" --blame-hang-timeout 10m >"$logs/$name.test.log" 2>&1)
    rc=$?
    # "  Failed Simulation.Tests.Class.Method(args) [12 ms]" -> "Class.Method(args)"
    failed=$(grep -E '^\s+Failed [A-Za-z]' "$logs/$name.test.log" | sed -E 's/^\s+Failed (.*) \[[^]]*\]\s*$/\1/' | sed -E 's/^Simulation\.Tests\.//' | sort -u)
    count=$(printf '%s\n' "$failed" | grep -c . || true)
    if [ "$rc" -ne 0 ] && [ "$count" -gt 0 ]; then
      killed=$((killed + 1))
      result="killed by $count test(s): $(printf '%s\n' "$failed" | head -3 | cut -c1-110 | paste -sd ';' - | sed 's/;/; /g')$([ "$count" -gt 3 ] && echo ' ...')"
    elif [ "$rc" -ne 0 ]; then
      killed=$((killed + 1))
      result="killed: the test run failed or hung without a failing test name (see $logs/$name.test.log)"
    else
      result="SURVIVED: every test passed (see $logs/$name.test.log)"
    fi
  fi
  git -C "$repo" worktree remove --force "$current" >/dev/null 2>&1
  current=""
  echo "$name ($(( $(date +%s) - start )) s): $result"
done
echo "$killed of $total mutants killed"
