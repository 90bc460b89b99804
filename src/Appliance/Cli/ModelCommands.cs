using System.CommandLine;
using Appliance.Models;
using Appliance.Models.Gguf;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance model make --shape NAME --out FILE [--seed S] [--type f32|f16|q8_0]</c> writes a llama GGUF with
/// random weights (type defaults to F32 for tiny, F16 for the real shapes); <c>appliance model info FILE</c>
/// checks a GGUF and prints its metadata and tensors; <c>appliance model run</c> generates once with llama.cpp;
/// <c>appliance model eval</c> scores a model on the validator's tasks.
/// </summary>
public static class ModelCommands
{
    public static Command Create(CliConsole console)
    {
        var model = new Command("model", "Make, inspect, run and evaluate GGUF models");
        model.Subcommands.Add(MakeCommand(console));
        model.Subcommands.Add(InfoCommand(console));
        model.Subcommands.Add(ModelRunCommand.Create(console));
        model.Subcommands.Add(ModelEvalCommand.Create(console));
        return model;
    }

    private static Command MakeCommand(CliConsole console)
    {
        var names = ModelShape.All.Select(s => s.Name).ToArray();
        var shape = new Option<string>("--shape")
        {
            Description = "Dimensions: " + string.Join("; ", ModelShape.All.Select(s => $"{s.Name} ({s.Description})")),
            HelpName = "NAME",
            Required = true,
        };
        shape.AcceptOnlyFromAmong(names);
        var output = new Option<string>("--out") { Description = "The GGUF file to write (replaced atomically)", HelpName = "FILE", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random weights; the same seed gives the same file", DefaultValueFactory = _ => 0 };
        var type = new Option<string?>("--type") { Description = "Weight type: f32, f16 or q8_0 (default: f32 for tiny, f16 otherwise); norms are always f32" };
        type.AcceptOnlyFromAmong("f32", "f16", "q8_0");
        var json = Output.JsonOption();
        var command = new Command("make", "Write a llama-architecture GGUF with random weights and a SentencePiece vocabulary") { shape, output, seed, type, json };
        command.SetAction(parse =>
        {
            var chosen = parse.GetValue(type) is { } name ? Enum.Parse<GgufTensorType>(name, ignoreCase: true) : (GgufTensorType?)null;
            var path = Path.GetFullPath(parse.GetValue(output)!);
            if (!Directory.Exists(Path.GetDirectoryName(path)))
            {
                throw new CliError($"OutputFolderMissing: {Path.GetDirectoryName(path)} does not exist. Expected --out in an existing folder.");
            }
            var made = TerminalProgress.Spin(console, $"writing {parse.GetValue(shape)} random weights",
                () => ModelMaker.Make(ModelShape.Find(parse.GetValue(shape)!)!, path, parse.GetValue(seed), chosen));
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new { made.Path, made.Shape, Type = made.Type.ToString().ToLowerInvariant(), made.Seed, made.Parameters, made.Bytes, Seconds = Math.Round(made.Elapsed.TotalSeconds, 3) });
                return 0;
            }
            console.Out.WriteLine($"wrote {made.Path}: {made.Shape}, {made.Type}, {made.Parameters:N0} parameters, {made.Bytes:N0} bytes in {made.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }

    private static Command InfoCommand(CliConsole console)
    {
        var path = new Argument<string>("file") { Description = "A GGUF file" };
        var json = Output.JsonOption();
        var command = new Command("info", "Check a GGUF file and print its metadata (arrays by type and length) and tensors") { path, json };
        command.SetAction(parse =>
        {
            GgufFile file;
            try
            {
                file = GgufReader.Read(parse.GetValue(path)!);
            }
            catch (InvalidDataException e)
            {
                throw new CliError(e.Message);
            }
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new
                {
                    file.Path,
                    Bytes = file.Length,
                    file.Version,
                    file.Alignment,
                    file.Architecture,
                    Parameters = file.ParameterCount,
                    Metadata = file.Metadata.ToDictionary(kv => kv.Key, kv => kv.Value.IsArray
                        ? new { Type = $"array of {kv.Value.ElementType.ToString().ToLowerInvariant()}", Length = kv.Value.ArrayLength }
                        : kv.Value.Value),
                    Tensors = file.Tensors.Select(t => new { t.Name, Type = t.Type.ToString(), t.Shape, t.Offset, Bytes = t.ByteSize }),
                });
                return 0;
            }
            console.Out.WriteLine($"{file.Path}: GGUF v{file.Version}, {file.Length:N0} bytes, {file.Tensors.Count} tensors, {file.ParameterCount:N0} parameters");
            Output.WriteTable(console, ["KEY", "TYPE", "VALUE"], file.Metadata.Select(kv => (IReadOnlyList<string>)
                [kv.Key, kv.Value.Type.ToString().ToLowerInvariant(), kv.Value.ToString()]));
            console.Out.WriteLine();
            Output.WriteTable(console, ["TENSOR", "TYPE", "SHAPE", "BYTES"], file.Tensors.Select(t => (IReadOnlyList<string>)
                [t.Name, t.Type.ToString(), string.Join(" × ", t.Shape), t.ByteSize.ToString("N0")]));
            return 0;
        });
        return command;
    }
}
