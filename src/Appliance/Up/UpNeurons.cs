using System.Collections.Concurrent;
using Appliance.ApiClient;
using Appliance.Axon;
using Appliance.Configuration;
using Appliance.Crypto;
using Appliance.Mining;
using Appliance.Mining.Llama;
using Appliance.Primitives;
using Appliance.Validation;
using Appliance.Wallets;

namespace Appliance.Up;

/// <summary>
/// The appliance's own miners and validators on its subnet, once it is bootstrapped: a miner per configured
/// entry (axon + serve_axon, models shared through <see cref="ModelCatalog"/>) and a validator loop per
/// configured entry. The admin API and the UI stop, start and add them; one gate orders those changes.
/// </summary>
public sealed class UpNeurons : IAsyncDisposable
{
    private readonly UpOptions _options;
    private readonly ApplianceSecrets _secrets;
    private readonly WalletStore _wallets;
    private readonly ModelCatalog _models;
    private readonly NodeClient _client;
    private readonly NodeValidatorPermits _permits;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, MinerSlot> _miners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ValidatorSlot> _validators = new(StringComparer.Ordinal);
    private readonly HttpClient _axonHttp = new() { Timeout = TimeSpan.FromMinutes(5) };

    public UpNeurons(
        NetUid netuid, UpOptions options, NodeOptions node, ApplianceSecrets secrets, WalletStore wallets, ModelCatalog models, NodeClient client,
        ILoggerFactory loggers)
    {
        Netuid = netuid;
        (_options, _secrets, _wallets, _models, _client, _loggers) = (options, secrets, wallets, models, client, loggers);
        _logger = loggers.CreateLogger<UpNeurons>();
        _permits = new NodeValidatorPermits(client, loggers.CreateLogger<NodeValidatorPermits>());
        foreach (var miner in options.EffectiveMiners)
        {
            var generator = new MinerGenerator(models.For(miner), miner.Temperature, miner.MaxTokens);
            _miners[miner.Name] = new MinerSlot(miner, wallets.OpenHotkey(miner.Name, WalletStore.DefaultHotkey), generator);
        }
        foreach (var validator in options.EffectiveValidators)
        {
            var hotkey = wallets.OpenHotkey(validator.Name, WalletStore.DefaultHotkey);
            var settings = new ValidatorSettings(netuid, TimeSpan.FromSeconds(validator.QueryIntervalSeconds),
                TimeSpan.FromSeconds(validator.TimeoutSeconds), validator.SampleSize, validator.Alpha, validator.Seed);
            var state = ValidatorState.Open(Path.Combine(node.DataDir, "validators", $"{validator.Name}.json"));
            var loop = new Validator(settings, hotkey, client, new Dendrite(_axonHttp, hotkey), state, loggers.CreateLogger($"Appliance.Validation.{validator.Name}"));
            _validators[validator.Name] = new ValidatorSlot(validator, hotkey, loop);
        }
    }

    public NetUid Netuid { get; }

    /// <summary>Starts every configured miner, then every validator.</summary>
    public async Task StartAllAsync(CancellationToken cancellation)
    {
        foreach (var name in _miners.Keys)
        {
            await StartMinerAsync(name, cancellation);
        }
        foreach (var name in _validators.Keys)
        {
            await StartValidatorAsync(name);
        }
    }

    public IReadOnlyList<MinerStatus> MinerStatuses() => _miners.Values.Select(m => new MinerStatus(
        m.Options.Name, Ss58Of(m.Hotkey), m.Running is not null, m.Running?.Url.ToString(), m.Generator.ModelName, m.Generator.Temperature,
        m.Generator.MaxTokens, m.Generator.Requests, m.Generator.Tokens, Math.Round(m.Generator.TokensPerSecond, 2))).ToList();

    public IReadOnlyList<ValidatorStatus> ValidatorStatuses() => _validators.Values.Select(v =>
    {
        var rounds = v.Loop.RecentRounds();
        return new ValidatorStatus(v.Options.Name, v.Loop.Hotkey, v.Running is not null, rounds.Count == 0 ? 0 : rounds[^1].Round, v.Loop.Scores, rounds);
    }).ToList();

    /// <summary>Starts the named miner's axon again (serve_axon announces its new port); false when there is no such miner.</summary>
    public async Task<bool> StartMinerAsync(string name, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation);
        try
        {
            if (!_miners.TryGetValue(name, out var slot))
            {
                return false;
            }
            await StartAxonAsync(slot, cancellation);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Adds a miner while up runs: checks everything first, loads its model (shared when already loaded), then
    /// creates, funds and registers its wallet (the subnet's hyperparameters stay as they are) and starts its
    /// axon. It lasts until up stops; Up:Miners keeps one for good. Returns the problems that refused it, none
    /// when it runs.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddMinerAsync(MinerOptions miner, CancellationToken cancellation)
    {
        var problems = new List<string>();
        UpOptionsValidation.CheckMiner(miner, (ok, field, what) =>
        {
            if (!ok)
            {
                problems.Add($"{field} {what}.");
            }
        });
        if (!_models.Permits(miner.Model))
        {
            problems.Add($"Model {miner.Model} is outside the models folders: put it in {_models.Folder} or configure it (Up:Model, Up:Miners).");
        }
        await _gate.WaitAsync(cancellation);
        try
        {
            if (_miners.ContainsKey(miner.Name) || _validators.ContainsKey(miner.Name))
            {
                problems.Add($"Name '{miner.Name}' is taken by another miner or validator.");
            }
            else if (problems.Count == 0 && _wallets.Exists(miner.Name))
            {
                // A wallet made elsewhere (the Wallets page, the CLI) is its owner's: the appliance signs only with its own.
                _wallets.OpenColdkey(miner.Name, _secrets.WalletPassword).Dispose();
            }
            if (problems.Count > 0)
            {
                return problems;
            }
            var generator = new MinerGenerator(_models.For(miner), miner.Temperature, miner.MaxTokens);
            await new UpBootstrap(_client, _wallets, _secrets, _options, _logger).AddAsync(Netuid, miner.Name, cancellation);
            var slot = new MinerSlot(miner, _wallets.OpenHotkey(miner.Name, WalletStore.DefaultHotkey), generator);
            try
            {
                await StartAxonAsync(slot, cancellation);
            }
            catch
            {
                slot.Hotkey.Dispose();
                throw;
            }
            _miners[miner.Name] = slot;
            _logger.LogInformation("Miner {Name} added on {Model}", miner.Name, generator.ModelName);
            return [];
        }
        catch (WalletException e) when (e.Code == WalletError.WrongPassword)
        {
            return [$"WalletTaken: a wallet named '{miner.Name}' exists and is not one the appliance made; choose another name."];
        }
        catch (Exception e) when (e is ClientError or LlamaException or IOException or WalletException)
        {
            return [e.Message];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts the slot's axon and announces it with serve_axon, unless it already runs.</summary>
    private async Task StartAxonAsync(MinerSlot slot, CancellationToken cancellation)
    {
        if (slot.Running is null)
        {
            var axon = new AxonOptions { Port = slot.Options.Port, Netuid = Netuid, Hotkey = slot.Hotkey };
            slot.Running = await Miner.StartAsync(slot.Options.Name, axon, slot.Generator, _client, _permits, _loggers, cancellation);
        }
    }

    public async Task<bool> StopMinerAsync(string name)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_miners.TryGetValue(name, out var slot))
            {
                return false;
            }
            if (slot.Running is { } running)
            {
                slot.Running = null;
                await running.DisposeAsync();
                _logger.LogInformation("Miner {Name} stopped", name);
            }
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> StartValidatorAsync(string name)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_validators.TryGetValue(name, out var slot))
            {
                return false;
            }
            if (slot.Running is null)
            {
                var cancel = new CancellationTokenSource();
                slot.Running = (cancel, Task.Run(() => RunValidatorAsync(slot, cancel.Token)));
            }
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> StopValidatorAsync(string name)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_validators.TryGetValue(name, out var slot))
            {
                return false;
            }
            if (slot.Running is { } stop)
            {
                slot.Running = null;
                await stop.Cancel.CancelAsync();
                await stop.Loop;
                stop.Cancel.Dispose();
                _logger.LogInformation("Validator {Name} stopped", name);
            }
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops validators first, then miners (in-flight requests finish or time out), and lets go of their keys.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var name in _validators.Keys.ToList())
        {
            await StopValidatorAsync(name);
        }
        foreach (var name in _miners.Keys.ToList())
        {
            await StopMinerAsync(name);
        }
        foreach (var slot in _miners.Values)
        {
            slot.Hotkey.Dispose();
        }
        foreach (var slot in _validators.Values)
        {
            slot.Hotkey.Dispose();
        }
        _axonHttp.Dispose();
    }

    private async Task RunValidatorAsync(ValidatorSlot slot, CancellationToken cancellation)
    {
        try
        {
            await slot.Loop.RunAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Validator {Name} stopped on an error", slot.Options.Name);
        }
    }

    private static string Ss58Of(Ed25519KeyPair key) => Keys.Ss58.Encode(key.PublicKey);

    private sealed class MinerSlot(MinerOptions options, Ed25519KeyPair hotkey, MinerGenerator generator)
    {
        public MinerOptions Options { get; } = options;
        public Ed25519KeyPair Hotkey { get; } = hotkey;
        public MinerGenerator Generator { get; } = generator;
        public Miner? Running { get; set; }
    }

    private sealed class ValidatorSlot(ValidatorOptions options, Ed25519KeyPair hotkey, Validator loop)
    {
        public ValidatorOptions Options { get; } = options;
        public Ed25519KeyPair Hotkey { get; } = hotkey;
        public Validator Loop { get; } = loop;
        public (CancellationTokenSource Cancel, Task Loop)? Running { get; set; }
    }
}
