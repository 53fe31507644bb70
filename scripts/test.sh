#!/usr/bin/env bash
# Runs every test: unit, contract, end-to-end (tests start Azurite themselves on free ports) and infrastructure.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
dotnet test Functions.sln -nologo "$@"
