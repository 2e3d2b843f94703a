#!/usr/bin/env bash
# The web page in a real browser: builds newsgraph, ingests the example corpus and a crafted
# article (tests/browser/xss.jsonl) into a temporary database, serves it on a free loopback port
# and runs check.mjs (playwright-core driving Debian's headless Chromium). Screenshots go to
# target/browser/. Needs /usr/bin/chromium and node; .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release -q -p newsgraph
bin="$PWD/target/release/newsgraph"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$bin" ingest --quiet --db "$work/web.db" examples/corpus tests/browser/xss.jsonl
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --db "$work/web.db" --addr "127.0.0.1:$port" 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/v1/stats')" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
mkdir -p target/browser
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --silent --prefix tests/browser
fi
node tests/browser/check.mjs "http://127.0.0.1:$port" target/browser
