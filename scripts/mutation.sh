#!/usr/bin/env bash
# Mutation testing of Simulation.Core with Stryker.NET (a local tool, see .config/dotnet-tools.json).
#
#   scripts/mutation.sh [domain|experiments|all] [--since [BRANCH]] [extra Stryker options...]
#
#   domain        mutate Simulation.Core/Domain/**      (scored after the model split; see docs/TESTING.md)
#   experiments   mutate Simulation.Core/Experiments/** (default)
#   all           both folders, as stryker-config.json lists them
#   --since X     diff mode: only mutants in files changed since X (default main), for a quick check
#                 before a commit or in review
#
# The test-case filter in stryker-config.json leaves out the golden-output tests (Category=Golden),
# tests that run channelsim as a child process (Category=Process: a child does not see Stryker's
# active mutant, so they cost time and can kill nothing), on-demand long runs and the browser test.
# Reports go to StrykerOutput/<target>/<timestamp>/reports/ (mutation-report.html, .json).
# Set STRYKER_CONCURRENCY to change the number of parallel test runners (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

target=experiments
case "${1:-}" in
  domain|experiments|all) target=$1; shift ;;
  -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
esac

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --since)
      if [ $# -ge 2 ] && [[ "$2" != -* ]]; then args+=("--since:$2"); shift 2; else args+=("--since:main"); shift; fi ;;
    --since:*) args+=("$1"); shift ;;
    *) args+=("$1"); shift ;;
  esac
done

case "$target" in
  domain) mutate=(--mutate "**/Simulation.Core/Domain/**/*.cs") ;;
  experiments) mutate=(--mutate "**/Simulation.Core/Experiments/**/*.cs") ;;
  all) mutate=() ;;
esac

dotnet tool restore >/dev/null
output="StrykerOutput/$target"
mkdir -p "$output"
start=$(date +%s)
set +e
dotnet stryker --config-file stryker-config.json "${mutate[@]}" \
  --concurrency "${STRYKER_CONCURRENCY:-2}" --output "$output" "${args[@]}"
rc=$?
set -e
echo "mutation run on $target took $(( $(date +%s) - start )) s (exit $rc); reports under $output"
exit $rc
