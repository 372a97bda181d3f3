#!/usr/bin/env bash
# The time tests again under host zones far from UTC: results must never depend on the host's zone.
# (The unit run covers TZ=UTC; see package.json.)
set -euo pipefail
cd "$(dirname "$0")/.."
for zone in Asia/Tokyo America/New_York; do
  echo "== time tests with TZ=$zone"
  TZ="$zone" IOP_RESULTS_NAME="time-${zone//\//-}" npx vitest run src/time test/time
done
