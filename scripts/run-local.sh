#!/usr/bin/env bash
# Starts everything for a local run: Azurite, the Paradox sandbox and the adapter (through `func start`
# when Azure Functions Core Tools are installed, else through the local runner), then prints a curl to try.
# Ports and the Paradox URL can be overridden with the environment variables below. Ctrl+C stops it all.
set -euo pipefail
cd "$(dirname "$0")/.."

ADAPTER_PORT="${ADAPTER_PORT:-7071}"
SANDBOX_PORT="${SANDBOX_PORT:-7072}"
AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
PARADOX_BASE_URL="${PARADOX_BASE_URL:-}"
USE_FUNC="${USE_FUNC:-auto}"   # auto | yes | no

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_for_port() { # name port
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "error: $1 did not start on port $2" >&2; exit 1
}

[ -d node_modules/azurite ] || npm ci --no-audit --no-fund
dotnet build Functions.sln -v quiet -nologo >/dev/null

mkdir -p .azurite
node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --loose --location .azurite \
  --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$AZURITE_QUEUE_PORT" \
  --tableHost 127.0.0.1 --tablePort "$AZURITE_TABLE_PORT" &
pids+=($!)
wait_for_port Azurite "$AZURITE_QUEUE_PORT"

# Azurite's public development account (documented by Microsoft; not a secret).
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${AZURITE_BLOB_PORT}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${AZURITE_QUEUE_PORT}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${AZURITE_TABLE_PORT}/devstoreaccount1;"

if [ -z "$PARADOX_BASE_URL" ]; then
  dotnet run --no-build --project src/Paradox.Sandbox -- --urls "http://127.0.0.1:${SANDBOX_PORT}" &
  pids+=($!)
  wait_for_port "Paradox sandbox" "$SANDBOX_PORT"
  PARADOX_BASE_URL="http://127.0.0.1:${SANDBOX_PORT}"
  export Paradox__AccountId="${Paradox__AccountId:-sandbox-account}"
  export Paradox__Secret="${Paradox__Secret:-sandbox-secret}"
fi
export Paradox__BaseUrl="$PARADOX_BASE_URL"

settings=src/InterviewAlerts.Functions/local.settings.json
[ -f "$settings" ] || cp local.settings.sample.json "$settings"

if [ "$USE_FUNC" = yes ] || { [ "$USE_FUNC" = auto ] && command -v func >/dev/null 2>&1; }; then
  (cd src/InterviewAlerts.Functions && func start --port "$ADAPTER_PORT") &
  pids+=($!)
  host="Azure Functions Core Tools"
else
  dotnet run --no-build --project src/InterviewAlerts.LocalRunner -- --urls "http://127.0.0.1:${ADAPTER_PORT}" --LocalSettings "$PWD/$settings" &
  pids+=($!)
  host="the local runner (no Core Tools found)"
fi
wait_for_port adapter "$ADAPTER_PORT"

cat <<TXT

Adapter running through ${host}.
  Webhook:          http://127.0.0.1:${ADAPTER_PORT}/api/interview-alerts
  Paradox target:   ${PARADOX_BASE_URL}
  Sandbox requests: ${PARADOX_BASE_URL}/sandbox/requests

Try it with the named callers from local settings (JSON caller localjson, BrassRing user acmebrassring,
operator localops; docs/operators/callers-and-keys.md):
  curl -i -X POST http://127.0.0.1:${ADAPTER_PORT}/api/interview-alerts -H 'Content-Type: application/json' -u localjson:local-dev-json-secret --data @samples/native-request.json
  curl -i -X POST http://127.0.0.1:${ADAPTER_PORT}/api/interview-alerts -H 'Content-Type: text/xml' -u acmebrassring:local-dev-password --data-binary @samples/brassring-envelope.xml
  curl -s ${PARADOX_BASE_URL}/sandbox/requests
  curl -s -u localjson:local-dev-json-secret http://127.0.0.1:${ADAPTER_PORT}/api/interview-alerts/<id from the answer>

Press Ctrl+C to stop.
TXT
wait
