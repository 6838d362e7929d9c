#!/usr/bin/env bash
# The test suite, runnable on a fresh machine: installs what the tests need when it is missing and
# can be installed (Chromium for the report's browser test, DejaVu fonts for chart text, Slurm and
# munge for the single-node cluster test of docs/cluster; apt-get, as root), then runs `dotnet test ChannelSim.sln -c Release` with any extra arguments, e.g.
#   ./test.sh --filter "Category!=Browser"
# CI (.ci/run) runs this same script, so the README's command is the one that is tested.
set -euo pipefail
cd "$(dirname "$0")"

have_chromium() {
  [ -n "${CHANNELSIM_CHROMIUM:-}" ] && [ -x "$CHANNELSIM_CHROMIUM" ] && return 0
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [ -x "$candidate" ] && return 0
  done
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

missing=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
have_chromium || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]} with apt-get" >&2
    if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null 2>&1; then
      echo "test.sh: warning: could not install ${missing[*]}; the tests that need them will say what is missing" >&2
    fi
  else
    echo "test.sh: ${missing[*]} missing and not installable here (needs root and apt-get);" \
      "install them, or skip the browser test with: ./test.sh --filter \"Category!=Browser\"" >&2
  fi
fi

# Slurm's daemons and client (about 11 s to install with fresh package lists on a 2-core machine); the
# Slurm test installs them itself when missing, but doing it here keeps the apt time out of the test run.
have_slurm() {
  local tool
  for tool in sbatch squeue sinfo slurmctld slurmd munged; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || return 1
  done
}
if ! have_slurm; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing slurm-wlm munge with apt-get" >&2
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null 2>&1 \
      && ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge) >/dev/null 2>&1; then
      echo "test.sh: warning: could not install slurm-wlm munge; the Slurm test will say what is missing" >&2
    fi
  else
    echo "test.sh: Slurm (slurm-wlm, munge) missing and not installable here (needs root and apt-get); the Slurm test" \
      "skips outside CI, or leave it out with: ./test.sh --filter \"Category!=Slurm\"" >&2
  fi
fi

exec dotnet test ChannelSim.sln -c Release "$@"
