#!/usr/bin/env bash
# Cold process times of the compiled CLI and server against `node -e 0` in the same hyperfine run, on a
# temporary SQLite database with the seed corpus imported. Needs hyperfine (apt-get install hyperfine)
# and a build (npm run build). Usage: bench/cold-start.sh [seeds folder, default ../shared/seeds]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seeds="${1:-$root/../shared/seeds}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DATABASE_URL="file:$work/cold.db" LOG_LEVEL=warn
cli="$root/bin/uppfoljning.js"
node "$cli" import "$seeds"/*.txt >/dev/null

# The server: start on a free port, poll /healthz until 200, stop.
cat >"$work/ready.sh" <<READY
#!/usr/bin/env bash
port=\$((40000 + RANDOM % 20000))
PORT=\$port node --disable-warning=DEP0111 "$root/dist/main.js" >/dev/null 2>&1 &
pid=\$!
until curl -sf -o /dev/null "http://127.0.0.1:\$port/healthz"; do sleep 0.02; done
kill \$pid; wait \$pid 2>/dev/null || true
READY
chmod +x "$work/ready.sh"

cd "$work"
hyperfine -N --warmup 1 --runs "${RUNS:-10}" --export-markdown "$work/cli.md" \
  'node -e 0' "node $cli version" "node $cli agreements" "node $cli deadlines" \
  "node $cli ask 'när ska delårsrapporten lämnas?' --today 2026-03-01"
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-markdown "$work/server.md" -n 'node -e 0' 'node -e 0' -n 'server ready (/healthz 200)' "$work/ready.sh"
cat "$work/cli.md" "$work/server.md"
