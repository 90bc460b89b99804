namespace Appliance.Tests.Support;

/// <summary>The tiny random llama model, written once per test run.</summary>
public static class TinyModel
{
    public static string Path => "/tmp/tiny-try.gguf";
}
