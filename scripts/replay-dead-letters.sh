#!/usr/bin/env bash
# Re-drives dead-lettered interview requests after a fix. Usage:
#   bash scripts/replay-dead-letters.sh <base url> <admin (master) key> [max]
#   bash scripts/replay-dead-letters.sh http://127.0.0.1:7071 "" 100     # local run (no key needed)
# Replaying twice never delivers twice: requests delivered meanwhile are skipped.
set -euo pipefail
base="${1:?base URL, e.g. https://<app>.azurewebsites.net}"
key="${2:-}"
max="${3:-100}"
curl -sS --fail-with-body -X POST ${key:+-H "x-functions-key: $key"} "${base%/}/api/ops/interview-alerts/replay?max=${max}"
echo
