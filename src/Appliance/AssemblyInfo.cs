using System.Runtime.Versioning;

// The native parts (libsodium23, llama.cpp's linux-x64 builds) are Linux libraries.
[assembly: SupportedOSPlatform("linux")]
