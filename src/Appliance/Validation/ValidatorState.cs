using System.Text.Json;
using System.Text.Json.Serialization;
using Appliance.Wallets;

namespace Appliance.Validation;

/// <summary>
/// What a validator must not forget across restarts: its moving averages and the weights it committed but
/// has not revealed yet (with their salts: without them a commit can never be revealed). Saved atomically
/// as JSON after every change.
/// </summary>
public sealed class ValidatorState
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private readonly string _path;

    private ValidatorState(string path, SavedState saved)
    {
        _path = path;
        Saved = saved;
    }

    public SavedState Saved { get; }

    public static ValidatorState Open(string path)
    {
        if (!File.Exists(path))
        {
            return new ValidatorState(path, new SavedState());
        }
        try
        {
            return new ValidatorState(path, JsonSerializer.Deserialize<SavedState>(File.ReadAllText(path), Json) ?? new SavedState());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"ValidatorStateCorrupt: {path} is not a validator state file ({e.Message}).");
        }
    }

    public void Save() => AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(Saved, Json), overwrite: true);

    public sealed class SavedState
    {
        public long Round { get; set; }
        public List<SavedScore> Scores { get; set; } = [];
        public List<PendingCommit> Commits { get; set; } = [];
    }

    public sealed record SavedScore(ushort Uid, string Hotkey, double Score);

    /// <summary>A commit_weights sent in <see cref="Epoch"/>; revealed with exactly these values and salt.</summary>
    public sealed record PendingCommit(
        ulong Epoch, string Hash, IReadOnlyList<ushort> Uids, IReadOnlyList<ushort> Values, IReadOnlyList<ushort> Salt,
        [property: JsonPropertyName("version_key")] ulong VersionKey);
}
