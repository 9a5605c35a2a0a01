#!/usr/bin/env bash
# Runs the whole kyodo system locally on embedded infrastructure: PostgreSQL, Kafka, Keycloak and an SMTP server
# (GreenMail), then the five services and the gateway from their packaged jars, on the default ports (gateway 8080,
# services 8081-8085, Keycloak 8180, Kafka 9092, PostgreSQL 15432, SMTP 3025 with its API on 8025). Data persists in
# <repo>/.kyodo/ between runs; Ctrl-C stops it all.
#
#   deploy/run-local.sh [--reset] [--no-build] [--infra-only] [--test-clock]
#
#   --reset       start from empty data (deletes <repo>/.kyodo/)
#   --no-build    do not run Maven; fail if a packaged jar is missing
#   --infra-only  only PostgreSQL, Kafka, Keycloak and SMTP (run the services yourself, e.g. with quarkus:dev)
#   --test-clock  notification-service's clock can be moved (PUT http://127.0.0.1:8085/test-clock; demos only)
#
# Environment: JAVA_HOME (the JDK to run on), KYODO_CACHE (cache folder, default ~/.cache/kyodo),
# KYODO_SERVICE_JVM_ARGS (JVM options of the services, default "-XX:+UseSerialGC -Xmx256m -XX:MetaspaceSize=192m").
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

RESET=()
BUILD=1
INFRA_ONLY=()
TEST_CLOCK=()
for arg in "$@"; do
  case "$arg" in
    --reset) RESET=(--reset) ;;
    --no-build) BUILD=0 ;;
    --infra-only) INFRA_ONLY=(--infra-only) ;;
    --test-clock) TEST_CLOCK=(--test-clock) ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (see $0 --help)" >&2; exit 2 ;;
  esac
done

SERVICES=(directory-service proposal-service agreement-service evaluation-service notification-service gateway)
STACK_CLASSPATH=deploy/stack/target/classpath.txt
STACK_CLASSES=deploy/stack/target/classes
if [ ${#INFRA_ONLY[@]} -gt 0 ]; then MODULES=(); else MODULES=("${SERVICES[@]}"); fi

# Whether any file under the given paths (build output excluded) is newer than the reference file.
changed_since() {
  local reference="$1"; shift
  [ -n "$(find "$@" -name target -prune -o -type f -newer "$reference" -print -quit 2>/dev/null)" ]
}

needs_build() {
  if [ ! -f "$STACK_CLASSPATH" ] || [ ! -d "$STACK_CLASSES" ] || changed_since "$STACK_CLASSPATH" deploy/stack pom.xml; then
    return 0
  fi
  local m jar
  for m in "${MODULES[@]}"; do
    jar="$m/target/quarkus-app/quarkus-run.jar"
    if [ ! -f "$jar" ] || changed_since "$jar" "$m" platform pom.xml; then
      return 0
    fi
  done
  return 1
}

if [ "$BUILD" = 1 ]; then
  missing_modules=()
  for m in "${MODULES[@]}"; do
    [ -f "$m/pom.xml" ] || missing_modules+=("$m")
  done
  if [ ${#missing_modules[@]} -gt 0 ]; then
    echo "Cannot build: these modules do not exist in this checkout yet: ${missing_modules[*]}" >&2
    echo "(deploy/run-local.sh --infra-only starts PostgreSQL, Kafka and Keycloak alone.)" >&2
    exit 1
  fi
  if needs_build; then
    start=$(date +%s)
    if [ ${#MODULES[@]} -eq 0 ]; then
      echo "Building deploy/stack …"
      ./mvnw -q -B -DskipTests -f deploy/stack/pom.xml package
    else
      pl="$(IFS=,; echo "${MODULES[*]}"),deploy/stack"
      echo "Building the packaged applications (./mvnw -q -DskipTests package -pl $pl -am) …"
      ./mvnw -q -B -DskipTests package -pl "$pl" -am
    fi
    echo "Built in $(( $(date +%s) - start )) s"
  else
    echo "Packaged applications are up to date (skipping the build)"
  fi
fi

if [ ! -f "$STACK_CLASSPATH" ] || [ ! -d "$STACK_CLASSES" ]; then
  echo "deploy/stack is not built; run without --no-build, or: ./mvnw -f deploy/stack/pom.xml package" >&2
  exit 1
fi
if [ "$BUILD" = 0 ]; then
  missing=()
  for m in "${MODULES[@]}"; do
    [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || missing+=("$m")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Not built (no <module>/target/quarkus-app/quarkus-run.jar): ${missing[*]}" >&2
    echo "Build first: ./mvnw package -DskipTests   (or run without --no-build)" >&2
    exit 1
  fi
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "$STACK_CLASSES:$(cat "$STACK_CLASSPATH")" \
  jp.kyodo.stack.LocalStack --repo "$REPO" "${RESET[@]}" "${INFRA_ONLY[@]}" "${TEST_CLOCK[@]}"
