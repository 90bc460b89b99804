namespace Appliance.Contracts;

public sealed record SubnetView(ushort Netuid, string Owner, string OwnerHotkey, long Tempo, int N, long MaxUids, ulong Burn, ulong Lock, decimal EmissionShare, ulong NextEpochBlock);

public sealed record AxonView(string Ip, ushort Port, uint Version, byte Protocol, ulong Block);

public sealed record NeuronView(
    ushort Uid, string Hotkey, string Coldkey, ulong Stake, double Rank, double Trust, double Consensus, double Incentive, double Dividends,
    ulong Emission, double ValidatorTrust, bool ValidatorPermit, ulong LastUpdate, bool Active, ulong BlockAtRegistration, AxonView? Axon);

/// <summary>A hotkey's uid in one subnet (GET /api/hotkeys/{ss58}/neurons lists one per subnet it is registered in).</summary>
public sealed record HotkeyNeuronView(ushort Netuid, NeuronView Neuron);

/// <summary>One of a hotkey's unrevealed weight commits on a subnet: its hash and the epoch and block it was made in.</summary>
public sealed record WeightCommitView(ushort Netuid, string Hash, ulong Epoch, ulong Block);

public sealed record MetagraphView(ushort Netuid, ulong Block, IReadOnlyList<NeuronView> Neurons);

public sealed record NeuronDetailView(NeuronView Neuron, IReadOnlyList<IReadOnlyList<int>> Weights, IReadOnlyList<IReadOnlyList<int>> Bonds, IReadOnlyList<NominatorView> Nominators, ushort Take);

public sealed record NominatorView(string Coldkey, ulong Amount);
