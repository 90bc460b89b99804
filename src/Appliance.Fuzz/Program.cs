using Appliance.Fuzz.Targets;
using SharpFuzz;

switch (args)
{
    case ["seed", var folder]:
        foreach (var (target, name, bytes) in Seeds.All())
        {
            Directory.CreateDirectory(Path.Combine(folder, target));
            File.WriteAllBytes(Path.Combine(folder, target, name), bytes);
        }
        return 0;
    case [var name] when FuzzTargets.Find(name) is { } target:
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var input = new MemoryStream();
            stream.CopyTo(input);
            target.Run(input.ToArray());
        });
        return 0;
    default:
        Console.Error.WriteLine($"usage: appliance-fuzz TARGET | seed FOLDER   (targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))})");
        return 2;
}
