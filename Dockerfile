# GcmBot container image. Build from the repository root:  docker build -t gcmbot .
# Multi-stage: the SDK image builds and publishes; the runtime image is Microsoft's chiselled ASP.NET Core image
# (no shell, no package manager, non-root "app" user). The "-extra" flavour carries ICU and time zone data, which GcmBot
# needs for people's time zones and the four languages.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so that the restore layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props BotFramework.props ./
COPY bot/GcmBot.Bot/GcmBot.Bot.csproj bot/GcmBot.Bot/
COPY cards/GcmBot.Cards/GcmBot.Cards.csproj cards/GcmBot.Cards/
COPY graph-integration/GcmBot.GraphIntegration/GcmBot.GraphIntegration.csproj graph-integration/GcmBot.GraphIntegration/
RUN dotnet restore bot/GcmBot.Bot/GcmBot.Bot.csproj
COPY bot/ bot/
COPY cards/ cards/
COPY graph-integration/ graph-integration/
RUN dotnet publish bot/GcmBot.Bot/GcmBot.Bot.csproj --configuration Release --no-restore --output /app \
    && mkdir -p /data

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app ./
# The embedded SQLite database, for a single instance without PostgreSQL; several instances need PostgreSQL.
COPY --from=build --chown=app:app /data /data
ENV Urls=http://+:8080 \
    Storage__DataFolder=/data \
    DOTNET_gcServer=0
EXPOSE 8080
VOLUME ["/data"]
USER app
# Liveness: the bot's own probe (the chiselled image has no curl); readiness is GET /healthz, for the load balancer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/GcmBot.Bot.dll", "--probe", "http://localhost:8080/alive"]
ENTRYPOINT ["dotnet", "/app/GcmBot.Bot.dll"]
