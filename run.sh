#!/usr/bin/env bash
# The main job: builds the server, starts a local PostgreSQL in ./.eduq unless a connection string is configured
# (EduQuality__ConnectionString), applies the schema, loads the demo region into an empty database through the
# public gRPC API, and serves gRPC and JSON on 127.0.0.1. Extra arguments are passed to the server
# (for example --EduQuality:GrpcPort=6080).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-postgres.sh
dotnet build src/EduQuality.Server/EduQuality.Server.csproj -c Release -nologo -v quiet
exec dotnet src/EduQuality.Server/bin/Release/net10.0/EduQuality.Server.dll \
  --EduQuality:DataDirectory="$PWD/.eduq" --EduQuality:LoadDemoWhenEmpty=true "$@"
