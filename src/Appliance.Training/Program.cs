using System.CommandLine;
using Appliance.Models.Gguf;
using Appliance.Training;
using Appliance.Training.Data;
using Spectre.Console;

// appliance-train: trains a small llama on the validator's tasks and writes it as a GGUF the miner serves.
var output = new Option<string>("--out") { Description = "The GGUF to write (replaced atomically at every checkpoint)", HelpName = "FILE", Required = true };
var steps = new Option<int?>("--steps") { Description = "Optimizer steps (default 2000, or unlimited with --minutes)" };
var stopAt = new Option<int?>("--stop-at") { Description = "Stop after this step while the schedule spans --steps: that longer run's checkpoint", HelpName = "STEP" };
var minutes = new Option<double?>("--minutes") { Description = "Stop after this much wall time; the learning-rate schedule follows the clock" };
var seed = new Option<int>("--seed") { Description = "Seeds the weights and the task stream", DefaultValueFactory = _ => 1 };
var dim = new Option<int>("--dim") { Description = "Embedding width", DefaultValueFactory = _ => new TrainingShape().Dimension };
var layers = new Option<int>("--layers") { Description = "Decoder blocks", DefaultValueFactory = _ => new TrainingShape().Layers };
var heads = new Option<int>("--heads") { Description = "Attention heads", DefaultValueFactory = _ => new TrainingShape().Heads };
var ff = new Option<int>("--ff") { Description = "SwiGLU width", DefaultValueFactory = _ => new TrainingShape().FeedForward };
var context = new Option<int>("--context") { Description = "Context length written to the GGUF (tokens)", DefaultValueFactory = _ => new TrainingShape().ContextLength };
var threads = new Option<int>("--threads") { Description = "Threads libtorch uses (more than the free cores is much slower: its workers spin)", DefaultValueFactory = _ => 1 };
var batch = new Option<int>("--batch") { Description = "Tasks per step", DefaultValueFactory = _ => 32 };
var rate = new Option<double>("--lr") { Description = "Peak learning rate", DefaultValueFactory = _ => 1e-3 };
var checkpoint = new Option<int>("--checkpoint-every") { Description = "Steps between checkpoints written to --out (0: only at the end)", DefaultValueFactory = _ => 250 };
var init = new Option<string?>("--init") { Description = "Start from the weights of a GGUF appliance-train wrote (same shape) instead of random ones", HelpName = "FILE" };
var mix = new Option<string>("--mix") { Description = "How often each task kind is drawn: kind=weight pairs, 1 for a kind not named", DefaultValueFactory = _ => KindMix.Default };
var type = new Option<string>("--type") { Description = "Weight type: f16 or q8_0 (norms stay f32)", DefaultValueFactory = _ => "f16" };
type.AcceptOnlyFromAmong("f16", "q8_0");

var root = new RootCommand("Train a small llama on the subnet validator's tasks and write it as a GGUF for the miner")
{
    output, steps, stopAt, minutes, seed, dim, layers, heads, ff, context, threads, batch, rate, checkpoint, type, init, mix,
};
root.SetAction(parse =>
{
    var shape = new TrainingShape(parse.GetValue(dim), parse.GetValue(layers), parse.GetValue(heads), parse.GetValue(ff), parse.GetValue(context));
    var limit = parse.GetValue(minutes) is { } m ? TimeSpan.FromMinutes(m) : (TimeSpan?)null;
    var options = new TrainingOptions(
        parse.GetValue(output)!, parse.GetValue(steps) ?? (limit is null ? 2000 : int.MaxValue), parse.GetValue(seed), shape,
        string.Join(' ', ["appliance-train", .. args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a)]),
        parse.GetValue(threads), parse.GetValue(batch), parse.GetValue(rate), Math.Min(100, parse.GetValue(steps) ?? 100), limit,
        parse.GetValue(checkpoint), Enum.Parse<GgufTensorType>(parse.GetValue(type)!, ignoreCase: true), parse.GetValue(init), parse.GetValue(mix)!, parse.GetValue(stopAt));
    var problems = shape.Problems().ToList();
    if (options.Steps < 1 || options.BatchSize < 1 || options.Threads < 1 || limit <= TimeSpan.Zero || options.StopAt < 1)
    {
        problems.Add("--steps, --stop-at, --batch, --threads and --minutes must be positive.");
    }
    try
    {
        KindMix.Parse(options.Mix);
    }
    catch (FormatException e)
    {
        problems.Add(e.Message);
    }
    if (options.Init is not null && !File.Exists(options.Init))
    {
        problems.Add($"InitNotFound: {options.Init} does not exist.");
    }
    if (!Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(options.Output))))
    {
        problems.Add($"OutputFolderMissing: {Path.GetDirectoryName(Path.GetFullPath(options.Output))} does not exist.");
    }
    if (problems.Count > 0)
    {
        problems.ForEach(p => Console.Error.WriteLine($"error: {p}"));
        return 2;
    }
    try
    {
        return Training.Run(options);
    }
    catch (InvalidDataException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
});
return root.Parse(args).Invoke();
