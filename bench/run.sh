#!/usr/bin/env bash
# Roster's benchmark: bench/run.sh <small|medium|large> [--seed N] [--duration S] [--warmup S] [--connections C]
#                                  [--generate-only]
#                     bench/run.sh broadcasts [--members N]   (broadcast enqueue and dispatch, see docs/notifications.md)
# Generates (or reuses) a data set, starts the packaged server on it, measures every scenario with wrk next to
# pgbench, the raw SQL and COPY, and writes docs/performance.md and docs/performance.csv. See docs/performance.md.
set -euo pipefail

cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  echo "usage: bench/run.sh <small|medium|large> [--seed N] [--duration S] [--warmup S] [--connections C] [--generate-only]" >&2
  exit 2
fi

# Load tools from Debian when missing: wrk, and pgbench (shipped by postgresql-15 here, not by the embedded binaries).
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ -x /usr/lib/postgresql/15/bin/pgbench ] || missing+=(postgresql-15)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[bench] installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

echo "[bench] building Roster"
mvn -q -DskipTests package

exec java -Xmx1g -cp "bench/target/classes:bench/target/lib/*" io.roster.bench.BenchMain "$@"
