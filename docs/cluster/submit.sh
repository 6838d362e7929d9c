#!/usr/bin/env bash
# Submits a sharded job as a Slurm array, then its merge, which waits for every shard to succeed
# (--dependency=afterok; if a shard fails the merge never starts).
#   docs/cluster/submit.sh run           # run-shards.sbatch, then merge.sbatch
#   docs/cluster/submit.sh calibration   # calibration-wave.sbatch for WAVE, then calibration-merge.sbatch
# Every setting is an environment variable, passed on to the jobs (sbatch exports the environment):
# CHANNELSIM, SHARDS, OUT_ROOT and the per-recipe ones (SCENARIO, REPLICATIONS, SEED, RUN_OPTIONS;
# CALIBRATION, WAVE, CALIBRATE_OPTIONS; MERGE_OPTIONS), plus the job sizes below. Last line of output:
# "<array job id> <merge job id>".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kind=${1:-run}

export CHANNELSIM=${CHANNELSIM:-channelsim}
export SHARDS=${SHARDS:-16}
CPUS_PER_SHARD=${CPUS_PER_SHARD:-4}
MEM_PER_SHARD=${MEM_PER_SHARD:-4G}
TIME_PER_SHARD=${TIME_PER_SHARD:-02:00:00}
MERGE_MEM=${MERGE_MEM:-8G}
MERGE_TIME=${MERGE_TIME:-00:20:00}
SBATCH_OPTIONS=${SBATCH_OPTIONS:-}            # for every job, e.g. "--partition=long --account=proj42"

case "$kind" in
  run)
    export OUT_ROOT=${OUT_ROOT:-results/baseline-2024-10k}
    array_recipe=run-shards.sbatch merge_recipe=merge.sbatch job_dir=$OUT_ROOT ;;
  calibration)
    export OUT_ROOT=${OUT_ROOT:-results/calibration}
    export WAVE=${WAVE:-1}
    array_recipe=calibration-wave.sbatch merge_recipe=calibration-merge.sbatch job_dir=$OUT_ROOT/wave-$WAVE ;;
  *)
    echo "usage: $0 run|calibration (settings in environment variables; see the comments in $0)" >&2
    exit 2 ;;
esac

mkdir -p "$job_dir/logs"
# shellcheck disable=SC2086
array_job=$(sbatch --parsable --array="1-$SHARDS" --cpus-per-task="$CPUS_PER_SHARD" --mem="$MEM_PER_SHARD" \
  --time="$TIME_PER_SHARD" --output="$job_dir/logs/%x-%A_%a.out" $SBATCH_OPTIONS "$here/$array_recipe")
array_job=${array_job%%;*}                    # --parsable prints "id;cluster" on a multi-cluster site
# shellcheck disable=SC2086
merge_job=$(sbatch --parsable --dependency="afterok:$array_job" --cpus-per-task=1 --mem="$MERGE_MEM" \
  --time="$MERGE_TIME" --output="$job_dir/logs/%x-%j.out" $SBATCH_OPTIONS "$here/$merge_recipe")
merge_job=${merge_job%%;*}
echo "submitted $SHARDS shards as array job $array_job and the merge as job $merge_job; results in $job_dir/merged, logs in $job_dir/logs" >&2
echo "$array_job $merge_job"
