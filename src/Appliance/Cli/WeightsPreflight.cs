using System.Text.Json;
using Appliance.ApiClient;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;

namespace Appliance.Cli;

/// <summary>
/// The weights checks that a queued extrinsic would otherwise meet only in its block, made with the
/// runtime's own rules (<see cref="WeightRules"/>, <see cref="RevealWindow"/>) against the subnet's
/// hyperparameters, the hotkey's last_update, its commits on chain and its pooled extrinsics, which run first:
/// a set or commit queued behind another one is rate-limited by it, a reveal queued behind its own commit is
/// too early, and a reveal of a commit on chain is checked against its reveal window as the runtime will.
/// </summary>
public sealed class WeightsPreflight(
    IReadOnlyDictionary<string, JsonElement> hyperparameters, NeuronStatus? neuron, IReadOnlyList<WeightCommit> commits, AccountId hotkey, NetUid netuid)
{
    public static async Task<WeightsPreflight> LoadAsync(NodeClient client, AccountId hotkey, NetUid netuid, CancellationToken cancellation)
    {
        var hyperparameters = await client.HyperparametersAsync(netuid, cancellation);
        var metagraph = await client.MetagraphAsync(netuid, cancellation);
        var neuron = metagraph.Neurons.FirstOrDefault(n => n.Hotkey == hotkey.Address);
        var commits = (await client.HotkeyCommitsAsync(hotkey.Address, cancellation))
            .Where(c => c.Netuid == netuid.Value)
            .Select(c => new WeightCommit(Hash256.TryParse(c.Hash, out var hash) ? hash : throw new ClientError("BadNodeResponse", $"'{c.Hash}' is not a commit hash."), c.Epoch, c.Block))
            .ToList();
        return new WeightsPreflight(hyperparameters, neuron is null ? null : new NeuronStatus(neuron.LastUpdate), commits, hotkey, netuid);
    }

    private bool CommitReveal => Number(Hyperparameters.CommitRevealWeightsEnabled) != 0;

    /// <summary>set_weights: commit-reveal off, the hotkey registered, and weights_rate_limit passed after the pooled weights.</summary>
    public string? Set(SignerState state) =>
        CommitReveal ? SubtensorErrors.CommitRevealEnabled(netuid).ToString()
        : Registration() ?? RateLimit(state, (lastUpdate, limit) => SubtensorErrors.SettingWeightsTooFast(lastUpdate, limit).ToString());

    /// <summary>commit_weights: commit-reveal on, the hotkey registered, and weights_rate_limit passed after the pooled weights.</summary>
    public string? Commit(SignerState state) =>
        !CommitReveal ? SubtensorErrors.CommitRevealDisabled(netuid).ToString()
        : Registration() ?? RateLimit(state, (lastUpdate, limit) => SubtensorErrors.CommittingWeightsTooFast(lastUpdate, limit).ToString());

    /// <summary>reveal_weights: commit-reveal on, and not before the reveal epoch of a commit still in the pool.</summary>
    public string? Reveal(SignerState state, Hash256 commitHash)
    {
        if (!CommitReveal)
        {
            return SubtensorErrors.CommitRevealDisabled(netuid).ToString();
        }
        if (Registration() is { } unregistered)
        {
            return unregistered;
        }
        var tempo = Number(Hyperparameters.Tempo);
        var window = new RevealWindow(netuid, tempo, (ulong)Number(Hyperparameters.CommitRevealPeriod), SubnetsModule.EpochIndex(state.NextBlock, netuid, tempo));
        if (state.LastPending(call => call is CommitWeights commit && commit.NetUid == netuid && commit.CommitHash == commitHash) is not { } pending)
        {
            return window.FindRevealable(commits, commitHash, hotkey, out _, out _)?.ToString();
        }
        var queued = new WeightCommit(commitHash, window.CurrentEpoch, state.NextBlock);
        return window.TooEarly(queued)
            ? $"{SubtensorErrors.RevealTooEarly(queued.Epoch, queued.Epoch + window.RevealPeriod, window.FirstRevealBlock(queued.Epoch), window.CurrentEpoch)}{Preflight.Blocking(pending)}"
            : null;
    }

    private string? Registration() => neuron is null ? SubtensorErrors.HotKeyNotRegisteredInSubNet(hotkey, netuid).ToString() : null;

    /// <summary>
    /// A pooled set or commit on this subnet sets last_update in the block it lands in, at the earliest the next
    /// one, which is also the earliest this extrinsic can run.
    /// </summary>
    private string? RateLimit(SignerState state, Func<ulong, ulong, string> tooFast)
    {
        var pending = state.LastPending(call => call is SetWeights set && set.NetUid == netuid || call is CommitWeights commit && commit.NetUid == netuid);
        var lastUpdate = pending is null ? neuron!.LastUpdate : state.NextBlock;
        var limit = (ulong)Number(Hyperparameters.WeightsRateLimit);
        return WeightRules.TooSoon(lastUpdate, state.NextBlock, limit)
            ? tooFast(lastUpdate, limit) + (pending is null ? "" : Preflight.Blocking(pending))
            : null;
    }

    /// <summary>A hyperparameter as the API shows it: a number, or true/false for a flag.</summary>
    private long Number(Hyperparameter parameter) => hyperparameters.TryGetValue(parameter.Name, out var value)
        ? value.ValueKind switch
        {
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            _ => value.GetInt64(),
        }
        : throw new ClientError("BadNodeResponse", $"the node's hyperparameters of subnet {netuid} have no '{parameter.Name}'.");
}

/// <summary>What the checks need of the hotkey's neuron; null when it holds no uid in the subnet.</summary>
public sealed record NeuronStatus(ulong LastUpdate);
