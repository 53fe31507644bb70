#!/usr/bin/env bash
# Starts everything for a local run: Azurite, the Paradox sandbox and the adapter (through `func start`
# when Azure Functions Core Tools are installed, else through the local runner), then prints a curl to try.
# Ports and the Paradox URL can be overridden with the environment variables below. Ctrl+C (or SIGTERM) at any
# step stops everything it started: each child runs in its own process group, and the whole group is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

ADAPTER_PORT="${ADAPTER_PORT:-7071}"
SANDBOX_PORT="${SANDBOX_PORT:-7072}"
AZURITE_BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
PARADOX_BASE_URL="${PARADOX_BASE_URL:-}"
USE_FUNC="${USE_FUNC:-auto}"   # auto | yes | no

logs="$(mktemp -d)"
groups=()   # process group ids of everything started (each child is its own group leader)

stop_all() {
  local status=$?
  trap - EXIT INT TERM
  for group in "${groups[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  for group in "${groups[@]}"; do
    for _ in $(seq 1 50); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$group" 2>/dev/null || true
  done
  rm -rf "$logs"
  exit "$status"
}
trap stop_all EXIT
trap 'echo; echo "Stopping..."; exit 130' INT
trap 'echo "Stopping..."; exit 143' TERM

# Runs a command in the background as its own process group (setsid) and records the group.
start() {
  setsid "$@" &
  groups+=("$!")
}

# Runs a step to completion in its own process group, so Ctrl+C/SIGTERM interrupt it at once (bash runs traps
# only between commands; `wait` returns as soon as a signal arrives). Prints the step's output if it fails.
step() { # description, command...
  local description="$1"; shift
  echo "$description..."
  start "$@" >"$logs/step.log" 2>&1
  local pid="${groups[-1]}" status=0
  wait "$pid" || status=$?
  unset 'groups[-1]'
  if [ "$status" -ne 0 ]; then
    echo "error: $description failed (exit $status):" >&2
    cat "$logs/step.log" >&2
    exit "$status"
  fi
}

wait_for_port() { # name, port, log file, process group
  for _ in $(seq 1 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null; then return 0; fi
    if ! kill -0 "$4" 2>/dev/null; then
      echo "error: $1 stopped before listening on port $2:" >&2
      [ -f "$3" ] && cat "$3" >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "error: $1 did not start on port $2" >&2
  [ -f "$3" ] && cat "$3" >&2
  exit 1
}

[ -d node_modules/azurite ] || step "Installing Azurite (npm ci)" npm ci --no-audit --no-fund
# --disable-build-servers: no compiler or MSBuild server is left running after the script stops.
step "Building the adapter and the Paradox sandbox" bash -c \
  'dotnet build src/InterviewAlerts.LocalRunner -nologo -v quiet --disable-build-servers &&
   dotnet build src/Paradox.Sandbox -nologo -v quiet --disable-build-servers'

mkdir -p .azurite
start node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --loose --location .azurite \
  --blobHost 127.0.0.1 --blobPort "$AZURITE_BLOB_PORT" --queueHost 127.0.0.1 --queuePort "$AZURITE_QUEUE_PORT" \
  --tableHost 127.0.0.1 --tablePort "$AZURITE_TABLE_PORT" >"$logs/azurite.log" 2>&1
wait_for_port Azurite "$AZURITE_QUEUE_PORT" "$logs/azurite.log" "${groups[-1]}"

# Azurite's public development account (documented by Microsoft; not a secret).
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:${AZURITE_BLOB_PORT}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${AZURITE_QUEUE_PORT}/devstoreaccount1;TableEndpoint=http://127.0.0.1:${AZURITE_TABLE_PORT}/devstoreaccount1;"

if [ -z "$PARADOX_BASE_URL" ]; then
  start dotnet run --no-build --project src/Paradox.Sandbox -- --urls "http://127.0.0.1:${SANDBOX_PORT}" >"$logs/sandbox.log" 2>&1
  wait_for_port "Paradox sandbox" "$SANDBOX_PORT" "$logs/sandbox.log" "${groups[-1]}"
  PARADOX_BASE_URL="http://127.0.0.1:${SANDBOX_PORT}"
  export Paradox__AccountId="${Paradox__AccountId:-sandbox-account}"
  export Paradox__Secret="${Paradox__Secret:-sandbox-secret}"
fi
export Paradox__BaseUrl="$PARADOX_BASE_URL"

# Created by the Functions project's build from local.settings.sample.json when missing.
settings=src/InterviewAlerts.Functions/local.settings.json

if [ "$USE_FUNC" = yes ] || { [ "$USE_FUNC" = auto ] && command -v func >/dev/null 2>&1; }; then
  start bash -c 'cd src/InterviewAlerts.Functions && exec func start --port "$1"' func-start "$ADAPTER_PORT"
  host="Azure Functions Core Tools"
else
  start dotnet run --no-build --project src/InterviewAlerts.LocalRunner -- --urls "http://127.0.0.1:${ADAPTER_PORT}" --LocalSettings "$PWD/$settings"
  host="the local runner (no Core Tools found)"
fi
wait_for_port adapter "$ADAPTER_PORT" "" "${groups[-1]}"

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
# Runs until Ctrl+C/SIGTERM, or until any child stops (then everything else is stopped too).
wait -n "${groups[@]}" || true
echo "A process stopped; stopping the rest." >&2
exit 1
