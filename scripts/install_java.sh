#!/usr/bin/env bash
# Make sure a Java runtime that Spark 4 accepts (17 or 21) is on PATH.
# Used by .ci/run before the Spark tests; safe to run again (does nothing then).
set -euo pipefail

java_major() {
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1
}

if command -v java >/dev/null 2>&1; then
    major="$(java_major)"
    if [ "$major" = "17" ] || [ "$major" = "21" ]; then
        echo "java $major present"
        exit 0
    fi
    echo "java $major found; Spark 4 needs 17 or 21, installing 17"
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "no apt-get: install a JDK 17 or 21 by hand (Spark tests will be skipped)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq openjdk-17-jre-headless >/dev/null
echo "java $(java_major) installed"
