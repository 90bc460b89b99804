using System.Text.Json;
using Appliance.ApiClient;
using Appliance.Axon;
using Appliance.Contracts;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Validation.Tasks;

namespace Appliance.Validation;

/// <summary>
/// The validator loop, as the subnet template's forward(): every query interval read the metagraph, pick
/// miners with a served axon (all, or a random sample), send them one task through the dendrite at once,
/// score each answer (correctness × latency; a failure scores 0), fold the scores into the moving
/// averages, then let the <see cref="WeightSetter"/> put them on chain when the rate limit allows.
/// </summary>
public sealed class Validator
{
    private readonly ValidatorSettings _settings;
    private readonly NodeClient _node;
    private readonly Dendrite _dendrite;
    private readonly ValidatorState _state;
    private readonly ILogger _logger;
    private readonly ScoreBoard _scores;
    private readonly TaskGenerator _tasks;
    private readonly WeightSetter _weights;
    private readonly Random _sampling;
    private readonly Lock _recentGate = new();
    private readonly Queue<ValidatorRound> _recent = new();
    private static readonly TimeSpan WeightTick = TimeSpan.FromSeconds(1);

    public Validator(ValidatorSettings settings, Ed25519KeyPair hotkey, NodeClient node, Dendrite dendrite, ValidatorState state, ILogger logger)
    {
        (_settings, _node, _dendrite, _state, _logger) = (settings, node, dendrite, state, logger);
        Hotkey = new AccountId(hotkey.PublicKey).Address;
        _scores = new ScoreBoard(settings.Alpha);
        _scores.Load(state.Saved.Scores.Select(s => (s.Uid, s.Hotkey, s.Score)));
        _tasks = new TaskGenerator(HashCode.Combine(settings.Seed, state.Saved.Round));
        _sampling = new Random(settings.Seed);
        _weights = new WeightSetter(node, hotkey, settings.Netuid, state, logger);
    }

    public string Hotkey { get; }

    public IReadOnlyDictionary<ushort, double> Scores => _scores.Snapshot();

    public IReadOnlyList<ValidatorRound> RecentRounds()
    {
        lock (_recentGate)
        {
            return _recent.ToList();
        }
    }

    /// <summary>
    /// Queries every query interval; in between, ticks about once a second so a commit is revealed in its
    /// reveal epoch even when epochs are shorter than the query interval.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellation)
    {
        var tick = _settings.QueryInterval < WeightTick ? _settings.QueryInterval : WeightTick;
        var nextQuery = DateTimeOffset.MinValue;
        while (!cancellation.IsCancellationRequested)
        {
            var query = DateTimeOffset.UtcNow >= nextQuery;
            if (query)
            {
                nextQuery = DateTimeOffset.UtcNow + _settings.QueryInterval;
            }
            try
            {
                await RoundAsync(query, cancellation);
            }
            catch (Exception e) when (e is ClientError or HttpRequestException or InvalidDataException or JsonException)
            {
                _logger.LogWarning("Validator {Hotkey}: round skipped: {Reason}", Hotkey, e.Message);
            }
            await Task.Delay(tick, cancellation);
        }
    }

    /// <summary>One step: query the miners (when <paramref name="query"/>), then reveal or set weights as the chain allows.</summary>
    public async Task RoundAsync(bool query, CancellationToken cancellation)
    {
        var head = await _node.HeadAsync(cancellation);
        var metagraph = await _node.MetagraphAsync(_settings.Netuid, cancellation);
        if (metagraph.Neurons.All(n => n.Hotkey != Hotkey))
        {
            _logger.LogWarning("Validator {Hotkey} is not registered on subnet {Netuid}; waiting", Hotkey, _settings.Netuid);
            return;
        }
        var rules = SubnetRules.From(await _node.HyperparametersAsync(_settings.Netuid, cancellation));
        var miners = query ? metagraph.Neurons.Where(n => n.Axon is not null && n.Hotkey != Hotkey).ToList() : [];
        if (_settings.SampleSize > 0 && miners.Count > _settings.SampleSize)
        {
            miners = miners.OrderBy(_ => _sampling.Next()).Take(_settings.SampleSize).ToList();
        }
        if (miners.Count > 0)
        {
            await QueryAsync(miners, head.Number, cancellation);
        }
        await _weights.UpdateAsync(metagraph, rules, _scores, head.Number, cancellation);
    }

    private async Task QueryAsync(IReadOnlyList<NeuronView> miners, ulong block, CancellationToken cancellation)
    {
        var task = _tasks.Next();
        var round = ++_state.Saved.Round;
        var request = new TextCompletionRequest(task.Prompt, _settings.MaxTokens, 0.7f, (uint)round);
        var calls = miners.Select(m => _dendrite.CallAsync(AxonEndpoint.Url(m.Axon!.Ip, m.Axon.Port), m.Hotkey, request, _settings.Timeout, cancellation));
        var results = await Task.WhenAll(calls);
        var answers = new List<MinerAnswer>();
        foreach (var (miner, result) in miners.Zip(results))
        {
            var (status, completion, error, reward) = result switch
            {
                DendriteResult.Completed done => (200, done.Response.Completion, (string?)null,
                    AnswerScorer.Score(task.ExpectedAnswer, done.Response.Completion, done.Elapsed, _settings.Timeout)),
                DendriteResult.Failed failed => (failed.Status, (string?)null, $"{failed.Code}: {failed.Detail}", 0.0),
                _ => throw new InvalidOperationException("unknown dendrite result"),
            };
            _scores.Record(miner.Uid, miner.Hotkey, reward);
            answers.Add(new MinerAnswer(miner.Uid, miner.Hotkey, status, completion, error, result.Elapsed.TotalMilliseconds, reward, _scores[miner.Uid]));
        }
        _state.Saved.Scores = _scores.Entries().Select(e => new ValidatorState.SavedScore(e.Uid, e.Hotkey, e.Score)).ToList();
        _state.Save();
        var record = new ValidatorRound(round, block, DateTimeOffset.UtcNow, task.Kind, task.Prompt, task.ExpectedAnswer, answers);
        lock (_recentGate)
        {
            _recent.Enqueue(record);
            while (_recent.Count > ValidatorSettings.RecentRounds)
            {
                _recent.Dequeue();
            }
        }
        _logger.LogInformation("Validator {Hotkey} round {Round}: {Kind} task to {Count} miners, {Answered} answered, mean score {Mean:0.000}",
            Hotkey[..8], round, task.Kind, answers.Count, answers.Count(a => a.Status == 200), record.MeanScore);
    }
}
