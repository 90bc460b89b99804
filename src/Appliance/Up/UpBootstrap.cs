using System.Text.Json;
using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Wallets;

namespace Appliance.Up;

/// <summary>
/// Brings the chain to what <c>appliance up</c> is configured to run, through the node's own HTTP API and
/// ordinary signed extrinsics: a subnet owned by the dev account (//Alice) with the configured tempo and
/// commit-reveal, a wallet per miner and validator, funded, registered, and the validators staked. Every
/// step first looks at the chain and does only what is missing, so a restart (or a run cut short) resumes.
/// </summary>
public sealed class UpBootstrap(NodeClient node, WalletStore wallets, ApplianceSecrets secrets, UpOptions options, ILogger logger)
{
    private const string OwnerHotkeyUri = "//Alice//subnet-owner";
    private static readonly Rao Headroom = Rao.FromTao(10);

    public async Task<NetUid> RunAsync(CancellationToken cancellation)
    {
        using var alice = DevAccounts.Alice();
        var owner = new AccountId(alice.PublicKey).Address;
        var participants = options.EffectiveMiners.Select(m => m.Name).Concat(options.EffectiveValidators.Select(v => v.Name)).ToList();
        foreach (var name in participants.Where(name => !wallets.Exists(name)))
        {
            CreateWallet(name);
        }

        var subnet = (await Subnets(cancellation)).FirstOrDefault(s => s.Owner == owner);
        if (subnet is null)
        {
            using var ownerHotkey = DevAccounts.FromUri(OwnerHotkeyUri);
            await WaitAllAsync([await SubmitAsync(alice, new RegisterNetwork(new AccountId(ownerHotkey.PublicKey)), cancellation)], cancellation);
            subnet = (await Subnets(cancellation)).First(s => s.Owner == owner);
            logger.LogInformation("Subnet {Netuid} created, owned by {Owner}", subnet.Netuid, owner);
        }
        var netuid = new NetUid(subnet.Netuid);
        if (subnet.Pool is { Started: false })
        {
            await WaitAllAsync([await SubmitAsync(alice, new StartCall(netuid), cancellation)], cancellation);
            subnet = (await Subnets(cancellation)).First(s => s.Netuid == netuid.Value);
            logger.LogInformation("Subnet {Netuid} started (start_call): it emits and takes stake from block {Block}", netuid, subnet.Pool?.FirstEmissionBlock);
        }

        var pending = new List<string>();
        var hyperparameters = await node.HyperparametersAsync(netuid, cancellation);
        foreach (var (name, value) in DesiredHyperparameters())
        {
            if (!Matches(hyperparameters.GetValueOrDefault(name), value))
            {
                pending.Add(await SubmitAsync(alice, new SudoSetHyperparameter(netuid, name, value), cancellation));
            }
        }
        await WaitAllAsync(pending, cancellation);
        await EnrolAsync(alice, subnet, participants, cancellation);
        logger.LogInformation("Subnet {Netuid} ready: {Miners} miners and {Validators} validators registered", netuid,
            options.EffectiveMiners.Count, options.EffectiveValidators.Count);
        return netuid;
    }

    /// <summary>
    /// Adds one participant while up runs (a miner added from the UI): its wallet when missing, its funds and
    /// its registration; the subnet's hyperparameters stay as the owner last set them.
    /// </summary>
    public async Task AddAsync(NetUid netuid, string name, CancellationToken cancellation)
    {
        using var alice = DevAccounts.Alice();
        if (!wallets.Exists(name))
        {
            CreateWallet(name);
        }
        var subnet = (await Subnets(cancellation)).First(s => s.Netuid == netuid.Value);
        await EnrolAsync(alice, subnet, [name], cancellation);
    }

    /// <summary>Funds, registers and (validators) stakes each participant that needs it, waiting for each step's extrinsics.</summary>
    private async Task EnrolAsync(Ed25519KeyPair alice, SubnetView subnet, IReadOnlyList<string> participants, CancellationToken cancellation)
    {
        var netuid = new NetUid(subnet.Netuid);
        var pending = new List<string>();
        var metagraph = await Metagraph(netuid, cancellation);
        var registered = metagraph.Neurons.Select(n => n.Hotkey).ToHashSet();
        foreach (var name in participants)
        {
            var info = wallets.Show(name);
            var account = await node.AccountAsync(info.ColdkeyAddress, cancellation);
            var needed = Headroom.Value
                + (registered.Contains(HotkeyAddress(info)) ? 0 : subnet.Burn)
                + StakeShortfall(name, HotkeyAddress(info), subnet, account);
            if (account.Free < needed)
            {
                pending.Add(await SubmitAsync(alice, new TransferKeepAlive(AccountId.Parse(info.ColdkeyAddress), new Rao(needed - account.Free)), cancellation));
            }
        }
        await WaitAllAsync(pending, cancellation);

        pending.Clear();
        foreach (var name in participants.Where(name => !registered.Contains(HotkeyAddress(wallets.Show(name)))))
        {
            using var coldkey = wallets.OpenColdkey(name, secrets.WalletPassword);
            using var hotkey = wallets.OpenHotkey(name, WalletStore.DefaultHotkey);
            pending.Add(await SubmitAsync(coldkey, new BurnedRegister(netuid, new AccountId(hotkey.PublicKey)), cancellation));
        }
        await WaitAllAsync(pending, cancellation);

        pending.Clear();
        foreach (var validator in options.EffectiveValidators.Where(v => participants.Contains(v.Name)))
        {
            var info = wallets.Show(validator.Name);
            var hotkey = HotkeyAddress(info);
            var shortfall = StakeShortfall(validator.Name, hotkey, subnet, await node.AccountAsync(info.ColdkeyAddress, cancellation));
            if (shortfall > 0)
            {
                using var coldkey = wallets.OpenColdkey(validator.Name, secrets.WalletPassword);
                pending.Add(await SubmitAsync(coldkey, new AddStake(AccountId.Parse(hotkey), netuid, new Rao(shortfall)), cancellation));
            }
        }
        await WaitAllAsync(pending, cancellation);
    }

    private IEnumerable<(string Name, long Value)> DesiredHyperparameters() =>
    [
        (Hyperparameters.Tempo.Name, options.Tempo),
        (Hyperparameters.CommitRevealWeightsEnabled.Name, options.CommitReveal ? 1 : 0),
        (Hyperparameters.CommitRevealPeriod.Name, options.CommitRevealPeriod),
        (Hyperparameters.WeightsRateLimit.Name, options.WeightsRateLimit),
        // Axons move to new ports when up restarts; they must be able to announce themselves again at once.
        (Hyperparameters.ServingRateLimit.Name, 0),
    ];

    /// <summary>
    /// Rao of TAO by which the configured stake of <paramref name="name"/> (0 for miners) exceeds what it holds on
    /// its hotkey, valued at the pool's price on a dynamic chain (its stake is alpha there).
    /// </summary>
    private ulong StakeShortfall(string name, string hotkey, SubnetView subnet, AccountView account)
    {
        var wanted = Rao.FromTao(options.EffectiveValidators.FirstOrDefault(v => v.Name == name)?.StakeTao ?? 0).Value;
        var staked = account.Stakes.Where(s => s.Hotkey == hotkey && s.Netuid == subnet.Netuid).Aggregate(0UL, (sum, s) => sum + s.Amount);
        var value = subnet.Pool is { } pool ? (ulong)((UInt128)staked * pool.Price / Rao.PerTao) : staked;
        return wanted > value ? wanted - value : 0;
    }

    private static bool Matches(JsonElement current, long wanted) => current.ValueKind switch
    {
        JsonValueKind.True => wanted == 1,
        JsonValueKind.False => wanted == 0,
        JsonValueKind.Number => current.TryGetInt64(out var value) && value == wanted,
        _ => false,
    };

    private void CreateWallet(string name)
    {
        var info = NewWallet.Create(wallets, name, WalletStore.DefaultHotkey, secrets.WalletPassword).Info;
        logger.LogInformation("Wallet {Name} created: coldkey {Coldkey}, hotkey {Hotkey}", name, info.ColdkeyAddress, HotkeyAddress(info));
    }

    private static string HotkeyAddress(WalletInfo info) => info.Hotkeys.First(h => h.Name == WalletStore.DefaultHotkey).Address;

    private Task<List<SubnetView>> Subnets(CancellationToken cancellation) => node.SubnetsAsync(cancellation);

    private Task<MetagraphView> Metagraph(NetUid netuid, CancellationToken cancellation) =>
        node.MetagraphAsync(netuid, cancellation);

    private async Task<string> SubmitAsync(Ed25519KeyPair signer, RuntimeCall call, CancellationToken cancellation) =>
        (await Submission.SubmitAsync(node, signer, call, Rao.Zero, wait: false, cancellation)).Hash;

    /// <summary>Waits for every extrinsic; one that failed in its block stops start-up with its error.</summary>
    private async Task WaitAllAsync(IReadOnlyList<string> hashes, CancellationToken cancellation)
    {
        foreach (var hash in hashes)
        {
            var status = await node.WaitForInclusionAsync(hash, TimeSpan.FromSeconds(60), cancellation);
            if (status.Success != true)
            {
                throw new ClientError("BootstrapFailed", $"extrinsic {hash} failed in block #{status.Block}: {status.Error}");
            }
        }
    }
}
