# EduQuality server image: one process = one Orleans silo + gRPC (h2c) + HTTP/1.1 JSON.
# Build from the repository root:   docker build -t eduquality/server:dev .
# Run it against a PostgreSQL:       docker run -e EduQuality__ConnectionString='Host=...;...' -p 5080:5080 -p 5081:5081 eduquality/server:dev
# deploy/README.md describes every setting, the compose file and the Kubernetes manifests.

# ---------------------------------------------------------------------------------------------------------------
# Build stage
# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# 1. Restore with only the files that decide the package graph, so this layer is reused until one of them changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
# COPY flattens a wildcard, so every src/<Name>/<Name>.csproj lands here and is moved back to src/<Name>/.
# This relies on the house rule that each project's folder is named after its project file.
COPY src/*/*.csproj ./
RUN for project in *.csproj; do \
        mkdir -p "src/${project%.csproj}" && mv "$project" "src/${project%.csproj}/"; \
    done
COPY proto/ proto/
RUN dotnet restore src/EduQuality.Server/EduQuality.Server.csproj

# 2. Compile and publish with the full sources.
COPY src/ src/
RUN dotnet publish src/EduQuality.Server/EduQuality.Server.csproj -c Release -o /app/publish \
        --no-restore -p:UseAppHost=false

# ---------------------------------------------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Files stay owned by root: the non-root user can read but not rewrite the application.
COPY --from=build /app/publish ./

# Containers must listen on every interface; the server's default is 127.0.0.1.
# ASPNETCORE_HTTP_PORTS is cleared because the server binds its own Kestrel endpoints (gRPC and HTTP ports below);
# the base image's default (8080) would only produce an "Overriding address(es)" warning.
# A PostgreSQL connection string (EduQuality__ConnectionString) is required at run time: the image has no local
# PostgreSQL to fall back on.
ENV EduQuality__ListenAddress=0.0.0.0 \
    EduQuality__GrpcPort=5080 \
    EduQuality__HttpPort=5081 \
    EduQuality__SiloPort=11111 \
    EduQuality__GatewayPort=30000 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1

# 5080 gRPC (HTTP/2 cleartext), 5081 HTTP/1.1 JSON and console, 11111 Orleans silo-to-silo, 30000 Orleans gateway.
EXPOSE 5080 5081 11111 30000

# The aspnet base image ships a non-root user "app"; APP_UID (1654) is set by the base image.
USER $APP_UID

ENTRYPOINT ["dotnet", "EduQuality.Server.dll"]
