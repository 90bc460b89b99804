namespace Appliance.Contracts;

/// <param name="EmissionShare">The share of each block's TAO emission the subnet gets (by moving price on a dynamic chain, equal shares on a classic one).</param>
/// <param name="Pool">The subnet's alpha pool on a dynamic chain; null on a classic one.</param>
public sealed record SubnetView(
    ushort Netuid, string Owner, string OwnerHotkey, long Tempo, int N, long MaxUids, ulong Burn, ulong Lock, decimal EmissionShare, ulong NextEpochBlock,
    PoolView? Pool = null);

/// <summary>
/// A dynamic subnet's pool and emission, in rao (of TAO, or of alpha: 10^-9 α): reserves (TAO in, alpha in),
/// alpha outside the pool, the spot and moving prices in rao of TAO per alpha, what the last block put in
/// (TAO injected plus TAO spent on the protocol's buy; alpha into the pool; alpha minted outside it), and
/// whether the owner has started it (start_call) and from which block it emits.
/// </summary>
public sealed record PoolView(
    ulong TaoIn, ulong AlphaIn, ulong AlphaOut, ulong Price, ulong MovingPrice, ulong TaoEmission, ulong AlphaInEmission, ulong AlphaOutEmission,
    bool Started, ulong? FirstEmissionBlock);

/// <summary>
/// A dynamic subnet's pool after one block's coinbase (its SubnetEmission event), in rao: the spot and moving
/// prices (rao of TAO per alpha), the TAO injected into the pool and spent on the protocol's buy, the alpha
/// into the pool and the alpha minted outside it (GET /api/subnets/{netuid}/prices lists them oldest first).
/// </summary>
public sealed record PricePointView(ulong Block, ulong Price, ulong MovingPrice, ulong TaoIn, ulong ExcessTao, ulong AlphaIn, ulong AlphaOut);

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
