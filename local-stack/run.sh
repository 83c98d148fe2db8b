#!/bin/sh
# Builds the checkout (skipping tests) and starts the whole leadflow stack on this machine.
# Arguments go to the launcher: --reset, --no-services, --demo, --help ...
# SKIP_BUILD=1 starts straight away with what was built last time.
set -e
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q package -DskipTests
fi
# exec, so Ctrl-C reaches the launcher itself and it can stop the children in order
exec java -jar local-stack/target/local-stack.jar "$@"
