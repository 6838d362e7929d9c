#!/usr/bin/env bash
# The test suite, runnable on a fresh machine: installs what the tests need when it is missing and
# can be installed (Chromium for the report's browser test, DejaVu fonts for chart text; apt-get,
# as root), then runs `dotnet test ChannelSim.sln -c Release` with any extra arguments, e.g.
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

exec dotnet test ChannelSim.sln -c Release "$@"
