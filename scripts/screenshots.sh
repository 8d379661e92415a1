#!/usr/bin/env bash
# Regenerates the console screenshots in docs/screenshots (linked from the README and docs/console.md): runs only
# ScreenshotTests with EDUQ_UPDATE_SCREENSHOTS=1. An ordinary test run writes them to TestResults/screenshots instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
EDUQ_UPDATE_SCREENSHOTS=1 dotnet test tests/EduQuality.Console.Tests -c Release --filter "FullyQualifiedName~ScreenshotTests" "$@"
