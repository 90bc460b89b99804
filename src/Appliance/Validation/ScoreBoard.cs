namespace Appliance.Validation;

/// <summary>
/// The validator's exponential moving average of each UID's scores (the subnet template's
/// moving_average_alpha, 0.1 by default): score ← α·reward + (1 − α)·score. A UID whose hotkey changed
/// (the slot was re-registered) starts again from zero.
/// </summary>
public sealed class ScoreBoard(double alpha)
{
    private readonly Dictionary<ushort, (string Hotkey, double Score)> _scores = [];

    public double Alpha { get; } = alpha is > 0 and <= 1 ? alpha : throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1].");

    public void Record(ushort uid, string hotkey, double reward)
    {
        var previous = _scores.TryGetValue(uid, out var entry) && entry.Hotkey == hotkey ? entry.Score : 0;
        _scores[uid] = (hotkey, Alpha * Math.Clamp(reward, 0, 1) + (1 - Alpha) * previous);
    }

    public double this[ushort uid] => _scores.TryGetValue(uid, out var entry) ? entry.Score : 0;

    public IReadOnlyDictionary<ushort, double> Snapshot() => _scores.ToDictionary(p => p.Key, p => p.Value.Score);

    /// <summary>Restores saved scores (validator restart).</summary>
    public void Load(IEnumerable<(ushort Uid, string Hotkey, double Score)> saved)
    {
        foreach (var (uid, hotkey, score) in saved)
        {
            _scores[uid] = (hotkey, score);
        }
    }

    public IEnumerable<(ushort Uid, string Hotkey, double Score)> Entries() => _scores.Select(p => (p.Key, p.Value.Hotkey, p.Value.Score));
}
