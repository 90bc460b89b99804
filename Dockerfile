# Subnet Appliance image. No Docker engine runs where this project is developed, so this file is not
# built in CI; it is kept minimal: build with the .NET SDK, run on the ASP.NET runtime with libsodium.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Appliance -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends libsodium23 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
ENV APPLIANCE_WALLETS_DIR=/data/wallets
VOLUME /data
ENTRYPOINT ["dotnet", "/app/appliance.dll"]
