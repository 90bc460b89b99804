# Subnet Appliance for a CUDA box. No Docker engine runs where this project is developed, so this file is
# not built in CI; it is kept minimal. The build stage fetches llama.cpp's CUDA 13 libraries
# (@node-llama-cpp/linux-x64-cuda@3.22.1, via npm pack) and publishes the appliance; the runtime stage is
# NVIDIA's CUDA 13 runtime with the .NET runtime and libsodium. Run with the NVIDIA container toolkit:
#   docker build -t appliance . && docker run --gpus all -p 9944:9944 -v appliance-data:/data appliance
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Appliance -c Release -p:LlamaBackend=cuda -o /app

FROM nvidia/cuda:13.0.1-runtime-ubuntu24.04
RUN apt-get update && apt-get install -y --no-install-recommends libsodium23 ca-certificates libicu74 && rm -rf /var/lib/apt/lists/*
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
COPY --from=build /app /app
VOLUME /data
EXPOSE 9944
ENTRYPOINT ["dotnet", "/app/appliance.dll", "up", "--data", "/data", "--urls", "http://0.0.0.0:9944"]
