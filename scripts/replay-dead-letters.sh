#!/usr/bin/env bash
# Re-drives the held dead letters of one reason code (at most 500 per call) after a fix. Usage:
#   bash scripts/replay-dead-letters.sh <base url> <admin (master) key> <reason code> [caller]
#   bash scripts/replay-dead-letters.sh http://127.0.0.1:7071 "" retries_exhausted     # local run (no key needed)
# Replaying twice never delivers twice: requests delivered meanwhile are skipped. Single requests: see
# docs/operators/operations.md, "Operator API".
set -euo pipefail
base="${1:?base URL, e.g. https://<app>.azurewebsites.net}"
key="${2:-}"
reason="${3:?reason code, e.g. retries_exhausted (GET /api/ops/dead-letters lists them)}"
caller="${4:-}"
body="{\"reasonCode\":\"${reason}\"${caller:+,\"caller\":\"${caller}\"}}"
curl -sS --fail-with-body -X POST ${key:+-H "x-functions-key: $key"} -H "Content-Type: application/json" -d "$body" \
  "${base%/}/api/ops/dead-letters/replay"
echo
