#!/usr/bin/env bash
# Runs every test: domain unit tests and the integration tests, which start their own throwaway PostgreSQL
# (or use EDUQ_TEST_PG) and the real server on real sockets. Results land in TestResults/*.trx.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
rm -rf TestResults
dotnet test EduQuality.sln -c Release --logger trx --results-directory TestResults "$@"
