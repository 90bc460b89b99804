using System.Diagnostics;
using System.Text.Json;

namespace Appliance.Bench;

/// <summary>
/// node-llama-cpp's side of <see cref="GenerationVsNodeLlamaCpp"/>: installs node-llama-cpp@3.22.1 into
/// <c>folder</c> when it is missing (npm's ordinary client; <c>--ignore-scripts</c> so that its postinstall
/// never tries to download or build llama.cpp — the prebuilt CPU binaries come with
/// @node-llama-cpp/linux-x64), then runs bench/llama_node.mjs there, where its import resolves.
/// </summary>
public static class NodeLlamaCpp
{
    public const string Version = "3.22.1";

    public sealed record Result(string Version, string LlamaCpp, string Build, JsonElement Gpu, int PromptTokens, SequenceResult[] Results);

    public sealed record SequenceResult(int Sequences, int ContextPerSequence, int Threads, double[] FirstMs, double[] FullMs);

    public static Result Measure(GenerationSettings settings, string folder)
    {
        Install(folder);
        var script = Path.Combine(folder, "llama_node.mjs");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "llama_node.mjs"), script, overwrite: true);
        var output = RunProcess("node", folder,
            script, settings.ModelPath, $"{settings.Tokens}", $"{settings.Threads}", $"{settings.ContextPerSequence}", $"{settings.Runs}",
            string.Join(',', settings.SequenceCounts), settings.Prompt);
        return JsonSerializer.Deserialize<Result>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static void Install(string folder)
    {
        if (File.Exists(Path.Combine(folder, "node_modules", "node-llama-cpp", "package.json")))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Installing node-llama-cpp@{Version} into {folder}");
        RunProcess("npm", folder, "install", "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", $"node-llama-cpp@{Version}");
    }

    private static string RunProcess(string file, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{file} {arguments[0]} exited with {process.ExitCode}: {error.Result.Trim()}");
    }
}
