#!/usr/bin/env bash
# Runs the ALIZÉ platform on this machine with demo data: builds what is missing or out of date,
# then starts Kafka, MongoDB, every service and the seeders (see local-stack/). Ctrl-C stops it all.
# Data lives in .alize/ (git-ignored) and survives a restart; delete that folder to start afresh.
set -euo pipefail
cd "$(dirname "$0")"

launcher=local-stack/target/local-stack-exec.jar
stale() {
  [ ! -f "$launcher" ] && return 0
  [ -n "$(find . -path ./.alize -prune -o -path '*/target' -prune -o \
          \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$launcher" -print -quit)" ]
}
if stale; then
  echo "Construction de la plateforme (./mvnw package, sans les tests)…"
  ./mvnw -q -B -ntp -DskipTests package
fi
exec java -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$launcher" "$@"
