namespace Appliance.Models.Trained;

/// <summary>
/// The models the appliance ships (this folder; the build copies them to <c>models/</c> beside the executable):
/// a small llama trained on the validator's tasks by <c>appliance-train</c>, and the same recipe stopped after far
/// fewer steps. With the random tiny model they are up's three miners of visibly different quality. README.md
/// here gives the commands that reproduce them.
/// </summary>
public static class TrainedModels
{
    public const string TrainedFile = "subnet-tasks.gguf";
    public const string UnderTrainedFile = "subnet-tasks-undertrained.gguf";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "models");

    public static string Trained => Path.Combine(Folder, TrainedFile);

    public static string UnderTrained => Path.Combine(Folder, UnderTrainedFile);
}
