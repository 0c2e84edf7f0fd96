#!/usr/bin/env bash
# Generated requests against the built API (schemathesis, from PyPI), as several roles: fails on any 5xx
# and on any answer its documented schema does not describe (every refusal's ErrorBody, every command's result).
#   bash infra/test-services/schemathesis.sh [work dir]
# Needs the build (npm run build) and python3. Prints each role's summary and the total of generated
# requests; exits non-zero when a request got a 5xx, the OpenAPI document has an error, or fewer than
# MIN_REQUESTS (default 5000) were generated in all.
set -uo pipefail
work=${1:-$(mktemp -d)}
version=4.32.5
port=${SCHEMATHESIS_PORT:-3931}
examples=${SCHEMATHESIS_EXAMPLES:-5}
min_requests=${MIN_REQUESTS:-5000}
root=$(cd "$(dirname "$0")/../.." && pwd)

if [ ! -x "$work/st-venv/bin/schemathesis" ]; then
  python3 -m venv "$work/st-venv" && "$work/st-venv/bin/pip" install -q "schemathesis==$version" || { echo "schemathesis could not be installed"; exit 1; }
fi

data="$work/st-data"
rm -rf "$data"
PORT=$port DATA_DIR="$data" LOG_LEVEL=error RATE_LIMIT_PER_MINUTE=10000000 DEV_TOKEN_RATE_PER_MINUTE=10000 \
  SERVICE_DEADLINES_INTERVAL_MS=0 DEMAND_ESCALATION_INTERVAL_MS=0 \
  node "$root/dist/apps/api/apps/api/src/main.js" >"$work/st-api.log" 2>&1 &
api=$!
trap 'kill $api 2>/dev/null; wait $api 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 0.5; done

token() { # role, region, organisation
  curl -fsS -X POST "http://127.0.0.1:$port/auth/dev-token" -H 'Content-Type: application/json' \
    -d "{\"sub\":\"st-$1\",\"role\":\"$1\",\"regionCode\":\"$2\",\"orgId\":\"$3\"}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))'
}

status=0
total=0
for who in "CITY_AUTHORITY 440100 GZ-MIIT" "HUB 440100 GZ-HUB" "ENTERPRISE 440106 91440106MA59C3PL24" "AUDITOR 440100 GZ-AUDIT"; do
  set -- $who
  echo "--- as $1"
  "$work/st-venv/bin/schemathesis" run "http://127.0.0.1:$port/docs-json" --checks "${SCHEMATHESIS_CHECKS:-not_a_server_error,response_schema_conformance}" -n "$examples" -w 2 \
    -H "Authorization: Bearer $(token "$1" "$2" "$3")" --continue-on-failure --suppress-health-check all \
    >"$work/st-$1.log" 2>&1
  sed -n '/= SUMMARY =/,$p' "$work/st-$1.log" | cut -c1-200
  generated=$(grep -oE '[0-9]+ generated' "$work/st-$1.log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
  total=$((total + generated))
  # The verdict is the API's: a failure (a 5xx, or an answer its documented schema does not describe)
  # or an OpenAPI error fails; an error inside the tool itself (a "Runtime Error" of its generator)
  # does not, as long as the run generated its requests.
  if grep -qE '= FAILURES =|Schema Error' "$work/st-$1.log" || [ "$generated" -eq 0 ]; then
    status=1
    sed -n '/= FAILURES =/,/= WARNINGS =/p' "$work/st-$1.log" | cut -c1-300 | head -n 60
  fi
done
if grep -q '"level":50' "$work/st-api.log"; then echo "the API logged errors:"; grep '"level":50' "$work/st-api.log" | head -n 5; status=1; fi
echo "generated requests: $total (at least $min_requests wanted)"
[ "$total" -ge "$min_requests" ] || status=1
exit $status
