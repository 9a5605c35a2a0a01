#!/usr/bin/env bash
# The performance benchmark: starts the packaged system (PostgreSQL, Kafka, Keycloak, the five services and the
# gateway) on free ports with its own empty data folder, warms it up, measures, stops it, prints a table and writes
# the figures to bench/results/latest.json. Takes about 18 minutes on 2 cores (plus the build if something changed).
#
#   bench/run.sh [--proposals N] [--seconds S] [--out FILE] [--no-build] [--scale-only | --propagation-only]
#                [--hold MINUTES]
#
#   --proposals N   proposals generated for the list and search measurements (default 100000)
#   --seconds S     length of each load run (default 10)
#   --out FILE      where the JSON goes (default bench/results/latest.json)
#   --no-build      do not run Maven; fail if a packaged jar is missing
#   --scale-only    only the data generator and the list and search measurements
#   --propagation-only
#                   only adoption → draft and event → task visible, each stage of the slowest samples listed
#                   (about 6 minutes with the warm-up; writes bench/target/propagation.json unless --out is given)
#   --hold MINUTES  start and seed the system, print where it is, keep it up (for profiling by hand), measure nothing;
#                   with --scale-only: measure the lists at scale, then keep the loaded system up
#
# Needs, besides the JDK: wrk and pgbench (Debian packages wrk and postgresql-client), installed here with apt-get
# when missing (as root, or with sudo). Not part of ./mvnw verify. KYODO_SERVICE_JVM_ARGS changes the services' JVM
# options, as for deploy/run-local.sh.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

BUILD=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --proposals|--seconds|--out|--hold) ARGS+=("$1" "$2"); shift ;;
    --scale-only|--propagation-only) ARGS+=("$1") ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see $0 --help)" >&2; exit 2 ;;
  esac
  shift
done

# Benchmark-only prerequisites, from Debian's packages.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v pgbench >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (apt-get) …"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

MODULES=directory-service,proposal-service,agreement-service,evaluation-service,notification-service,gateway,bench
if [ "$BUILD" = 1 ]; then
  echo "Building the packaged applications (./mvnw -q -DskipTests package -pl $MODULES -am) …"
  ./mvnw -q -B -DskipTests package -pl "$MODULES" -am
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  jp.kyodo.bench.Benchmark --repo "$REPO" "${ARGS[@]}"
