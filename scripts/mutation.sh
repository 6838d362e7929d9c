#!/usr/bin/env bash
# Mutation testing of Simulation.Core with Stryker.NET (a local tool, see .config/dotnet-tools.json).
#
#   scripts/mutation.sh [domain|domain-data|experiments|all] [--since [BRANCH]] [extra Stryker options...]
#
#   domain        mutate Simulation.Core/Domain/** without its data folders (Parameters, Metrics,
#                 Validation); tests in Simulation.Tests/Domain only (see docs/TESTING.md)
#   domain-data   mutate those data folders (the catalog, the metric registry, the validation record)
#   experiments   mutate Simulation.Core/Experiments/** (default)
#   all           both folders, as stryker-config.json lists them
#   file=PATH     one file, e.g. file=Experiments/ShardSpec.cs
#   --since X     diff mode: only mutants in files changed since X (default main), for a quick check
#                 before a commit or in review
#
# The test-case filter in stryker-config.json leaves out the golden-output tests (Category=Golden),
# tests that run channelsim as a child process (Category=Process: per-test coverage cannot see into
# a child, so they would never be picked for a mutant and would only slow the initial runs),
# on-demand long runs, the browser test and the Slurm cluster test. Reports go to StrykerOutput/<target>/reports/
# (mutation-report.html for reading, mutation-report.json for tools).
# Set STRYKER_CONCURRENCY to change the number of parallel test runners (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

target=experiments
case "${1:-}" in
  domain|domain-data|experiments|all|file=*) target=$1; shift ;;
  -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
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

# Tests that can reach Simulation.Core/Experiments live in these three folders (no other test calls a
# session, the runner, the statistics or the CLI); running only them keeps the Experiments run short.
# Three slow tests are left out too (36 damaged checkpoints resumed through the real model, the
# 18-cell determinism matrix, the 60-replication CRN acceptance run: together about 60 s, so a few
# minutes per mutant once instrumented); faster tests cover the same code, and the score is then
# a lower bound of what the whole suite catches.
experiments_tests="(FullyQualifiedName~Simulation.Tests.Experiments.|FullyQualifiedName~Simulation.Tests.Cli.|FullyQualifiedName~Simulation.Tests.Reporting.)"
experiments_tests+="&FullyQualifiedName!~CheckpointCorruptionTests&FullyQualifiedName!~DeterminismMatrixTests&FullyQualifiedName!~CommonRandomNumbersAcceptanceTests"
# The interrupt tests (Ctrl+C during a long batch: 15 s plain, and with Stryker's instrumented model the
# batch they interrupt ran for more than 15 minutes of the coverage pass) test Simulation.Cli's signal
# handling; Experiments' part of it (the finished prefix is kept) has faster tests of its own.
experiments_tests+="&FullyQualifiedName!~InterruptTests&Category!=Calibration"
# Tests that run the whole model for a second or more (Category=ModelHeavy) run about 100 times slower
# under Stryker's instrumentation (measured: 1.6 s plain, 173 s in the coverage pass); the other
# experiments tests cover the same code with small runs or a fake model.
experiments_tests+="&Category!=ModelHeavy"
# Code that runs on the replication worker threads (the runner, the store, checkpoints, ensemble results)
# is seen by Stryker's per-test coverage as "executed outside any test", so each of those mutants
# (about 630) runs every selected test. The CLI test classes below run sessions of the real model
# through the commands; with them, each such mutant took 20-30 s and the run about 4 hours. The
# session, checkpoint, ensemble and merge behaviour they exercise is tested directly in
# Simulation.Tests/Experiments, which stays in; so do the CLI classes that do not run the model.
for cls in ExperimentCommandsTests ReportWriterTests SetOverrideTests CompareExamplesTests ChartSetTests \
  MergeParquetTests ReportCommandTests ReportProvenanceTests HelpAndCommandsTests SweepCommandTests SweepResumeTests \
  TraceReproducesRunTests PlainCsvFilesTests InitCommandTests CombinedPoliciesTests MergeOptionsTests; do
  experiments_tests+="&FullyQualifiedName!~.$cls."
done
excluded="Category!=Golden&Category!=Process&Category!=LongRunning&Category!=Browser&Category!=Slurm"
# The model's mechanisms are tested in Simulation.Tests/Domain; the tests elsewhere that run the model
# (checkpoints, determinism, CRN acceptance, the CLI) take seconds each and would be picked for nearly
# every domain mutant. The calibration tests (published figures at 100 replications) are left out for
# the same reason; the domain score is then a lower bound of what the whole suite catches. The quick
# tests that hold the catalog's and the registry's texts against the committed documents are in.
# The catalog, the metric registry and the validation record (Domain/Parameters, Metrics, Validation)
# are data built in static initialisers: every test covers every mutant there, so each of their
# hundreds of text mutants costs a run of all the domain tests (about 30 s). The domain target leaves
# them out and scores the mechanisms; the domain-data target scores them on its own (hours on 2 cores).
domain_data=(--mutate "!**/Simulation.Core/Domain/Parameters/**/*.cs" --mutate "!**/Simulation.Core/Domain/Metrics/**/*.cs"
  --mutate "!**/Simulation.Core/Domain/Validation/**/*.cs")
# The allocation tests (a warm model allocates nothing) guard speed, not behaviour, and run a dozen
# whole replications under every core mutant; the invariant property test (people balance over
# random valid parameter sets, about 2 s plain and several seconds instrumented) would run under every
# core mutant too, and the mechanism tests assert the same balances in their own worlds. Both are
# left out: a run that takes them needs about 3 hours on 2 cores (measured: 351 of 1,608 mutants in
# 29 minutes, the cheap ones first).
domain_tests="(FullyQualifiedName~Simulation.Tests.Domain.|FullyQualifiedName~Simulation.Tests.Docs.|FullyQualifiedName~GeneratedScenarioDocsTests|FullyQualifiedName~ScenarioDocumentationTests)&Category!=Calibration&FullyQualifiedName!~ModelAllocationTests&FullyQualifiedName!~ModelInvariantPropertyTests"
case "$target" in
  domain) mutate=(--mutate "**/Simulation.Core/Domain/**/*.cs" "${domain_data[@]}" --test-case-filter "$domain_tests&$excluded") ;;
  domain-data) mutate=(--mutate "**/Simulation.Core/Domain/Parameters/**/*.cs" --mutate "**/Simulation.Core/Domain/Metrics/**/*.cs"
    --mutate "**/Simulation.Core/Domain/Validation/**/*.cs" --test-case-filter "$domain_tests&$excluded") ;;
  experiments) mutate=(--mutate "**/Simulation.Core/Experiments/**/*.cs" --test-case-filter "$experiments_tests&$excluded") ;;
  file=*) mutate=(--mutate "**/${target#file=}") ;;
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
