# Subnet Appliance for a CUDA box. No Docker engine runs where this project is developed, so this file is
# not built in CI; it is kept minimal. The build stage publishes the appliance with LLamaSharp's CUDA 12
# backend (-p:LlamaBackend=cuda12; the CPU backend stays as the fallback). The runtime stage is NVIDIA's
# CUDA 12 runtime (cudart and cuBLAS, which the CUDA build of llama.cpp links, and /usr/local/cuda/version.json,
# which LLamaSharp reads to choose it) with the ASP.NET Core runtime. Run with the NVIDIA container toolkit:
#   docker build -t appliance . && docker run --gpus all -p 9944:9944 -v appliance-data:/data appliance
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Appliance -c Release -p:LlamaBackend=cuda12 -o /app

FROM nvidia/cuda:12.8.1-runtime-ubuntu24.04
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
COPY --from=build /app /app
VOLUME /data
EXPOSE 9944
# Wallets in the volume too: the default, ~/.appliance/wallets, would not outlive the container.
ENTRYPOINT ["dotnet", "/app/appliance.dll", "up", "--data", "/data", "--wallets-dir", "/data/wallets", "--urls", "http://0.0.0.0:9944"]
