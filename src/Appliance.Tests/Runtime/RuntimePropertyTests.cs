using Appliance.Chain.Genesis;
using System.Text.Json.Nodes;
using Appliance.Crypto;
using Appliance.Mempool;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.State;
using Appliance.Tests.Support;
using CsCheck;

namespace Appliance.Tests.Runtime;

/// <summary>
/// Random sequences of signed calls (transfers, subnet and neuron registrations, stakes, weights, commits and
/// reveals, hyperparameter changes) through the real pool and block producer on a real SQLite chain, with
/// epochs every few blocks. After every block: every rao is somewhere (TestChain's invariant), and issuance
/// moved by exactly what the coinbase minted less what the block's events say was burned. Every call the
/// runtime refuses wrote nothing and said nothing. At the end `chain verify` replays the log to the same
/// head. CsCheck shrinks a failing sequence and prints it with its seed.
/// </summary>
public sealed class RuntimePropertyTests
{
    /// <summary>Sequences per run; APPLIANCE_PROPERTY_ITERATIONS raises it for a long search.</summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("APPLIANCE_PROPERTY_ITERATIONS"), out var n) ? n : 20;

    private static readonly Rao[] Amounts =
    [
        Rao.Zero, new(1), new(Rao.PerTao / 1000), new(Rao.PerTao), new(50 * Rao.PerTao), new(1_500 * Rao.PerTao),
        new(30_000 * Rao.PerTao), new(ulong.MaxValue),
    ];

    private static readonly (Hyperparameter Parameter, long[] Values)[] Changes =
    [
        (Hyperparameters.Tempo, [1, 2, 3, 0]),
        (Hyperparameters.WeightsRateLimit, [0, 1, 3]),
        (Hyperparameters.CommitRevealWeightsEnabled, [0, 1, 2]),
        (Hyperparameters.CommitRevealPeriod, [1, 2, 0]),
        (Hyperparameters.MaxAllowedUids, [2, 3, 8]),
        (Hyperparameters.ImmunityPeriod, [0, 2, 100]),
        (Hyperparameters.MinBurn, [0, 1_000_000, 5_000_000_000]),
        (Hyperparameters.Kappa, [0, 32_767, 65_535, 70_000]),
        (Hyperparameters.MaxAllowedValidators, [1, 2, 64]),
        (Hyperparameters.Yuma3, [0, 1]),
    ];

    public enum StepKind { Transfer, RegisterNetwork, Register, AddStake, RemoveStake, SetWeights, Commit, Reveal, SetHyperparameter, Seal }

    /// <summary>One random step; the numbers pick keys, subnets and amounts from small sets so that calls meet each other.</summary>
    public sealed record Step(StepKind Kind, int Who, int Other, int Net, int Amount);

    private static readonly Gen<Step> StepGen = Gen.Select(
        Gen.Frequency(
            (4, Gen.Const(StepKind.Seal)), (3, Gen.Const(StepKind.Transfer)), (1, Gen.Const(StepKind.RegisterNetwork)),
            (4, Gen.Const(StepKind.Register)), (3, Gen.Const(StepKind.AddStake)), (2, Gen.Const(StepKind.RemoveStake)),
            (3, Gen.Const(StepKind.SetWeights)), (2, Gen.Const(StepKind.Commit)), (2, Gen.Const(StepKind.Reveal)),
            (2, Gen.Const(StepKind.SetHyperparameter))),
        Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[0, 3], Gen.Int[0, Amounts.Length - 1],
        (kind, who, other, net, amount) => new Step(kind, who, other, net, amount));

    [Fact]
    public void RandomCallSequences_IssuanceAccountedEveryBlock_RefusalsWriteNothing_ReplayGivesTheSameHead()
    {
        StepGen.Array[10, 60].Sample(steps =>
        {
            using var world = new World();
            world.Setup();
            foreach (var step in steps)
            {
                world.Apply(step);
            }
            world.Seal(1);
            var verified = ChainVerifier.Verify(world.Chain.DataDir);
            Assert.True(verified.Valid, verified.Problem);
            Assert.Equal(world.Chain.Chain.Head.Hash, verified.HeadHash);
        }, iter: Iterations, threads: 1, print: steps => string.Join(Environment.NewLine, steps.Select(s => s.ToString())));
    }

    /// <summary>A chain with four funded coldkeys (//Alice is sudo) and six funded hotkeys, subnet 1 owned by //Alice.</summary>
    private sealed class World : IDisposable
    {
        private readonly Ed25519KeyPair[] _coldkeys;
        private readonly Ed25519KeyPair[] _hotkeys;
        private readonly List<(int Hotkey, NetUid NetUid, ushort[] Uids, ushort[] Values, ushort[] Salt)> _commits = [];

        public World()
        {
            _coldkeys = [Chain.Alice, TestChain.Key("//Bob"), TestChain.Key("//Charlie"), TestChain.Key("//Dave")];
            _hotkeys = Enumerable.Range(0, 6).Select(i => TestChain.Key($"//property-hot-{i}")).ToArray();
        }

        public TestChain Chain { get; } = new(GenesisConfig.Development(EmissionModel.Classic));

        public void Setup()
        {
            foreach (var key in _coldkeys.Skip(1))
            {
                Accept(Chain.Submit(Chain.Alice, new TransferAllowDeath(TestChain.Id(key), new Rao(20_000 * Rao.PerTao))));
            }
            foreach (var key in _hotkeys)
            {
                Accept(Chain.Submit(Chain.Alice, new TransferAllowDeath(TestChain.Id(key), new Rao(100 * Rao.PerTao))));
            }
            Accept(Chain.Submit(Chain.Alice, new RegisterNetwork(TestChain.Id(_hotkeys[0]))));
            Accept(Chain.Submit(Chain.Alice, new SudoSetHyperparameter(new NetUid(1), Hyperparameters.Tempo.Name, 3)));
            Seal(1);
        }

        public void Apply(Step step)
        {
            if (step.Kind == StepKind.Seal)
            {
                Seal(1 + step.Amount % 4);
                return;
            }
            var (signer, call) = CallFor(step);
            AssertRefusalWritesNothing(signer, call);
            Chain.Submit(signer, call);
        }

        private (Ed25519KeyPair Signer, RuntimeCall Call) CallFor(Step step)
        {
            var coldkey = _coldkeys[step.Who % _coldkeys.Length];
            var hotkey = _hotkeys[step.Other % _hotkeys.Length];
            var netuid = new NetUid((ushort)step.Net);
            var amount = Amounts[step.Amount];
            switch (step.Kind)
            {
                case StepKind.Transfer:
                    var accounts = _coldkeys.Concat(_hotkeys).ToArray();
                    return (coldkey, new TransferAllowDeath(TestChain.Id(accounts[step.Other % accounts.Length]), amount));
                case StepKind.RegisterNetwork:
                    return (coldkey, new RegisterNetwork(TestChain.Id(hotkey)));
                case StepKind.Register:
                    return (coldkey, new BurnedRegister(netuid, TestChain.Id(hotkey)));
                case StepKind.AddStake:
                    return (coldkey, new AddStake(TestChain.Id(hotkey), netuid, amount));
                case StepKind.RemoveStake:
                    return (coldkey, new RemoveStake(TestChain.Id(hotkey), netuid, amount));
                case StepKind.SetWeights:
                    var (uids, values) = Row(step);
                    return (_hotkeys[step.Who % _hotkeys.Length], new SetWeights(netuid, uids, values, 0));
                case StepKind.Commit:
                    return Commit(step, netuid);
                case StepKind.Reveal:
                    return Reveal(step, netuid);
                default:
                    var (parameter, choices) = Changes[step.Other % Changes.Length];
                    return (coldkey, new SudoSetHyperparameter(netuid, parameter.Name, choices[step.Amount % choices.Length]));
            }
        }

        private static (ushort[] Uids, ushort[] Values) Row(Step step)
        {
            var count = 1 + step.Other % 3;
            var uids = Enumerable.Range(step.Amount % 2, count).Select(u => (ushort)u).ToArray();
            var values = uids.Select((_, i) => (ushort)(step.Amount * 7_000 + i * 1_000)).ToArray();
            return (uids, values);
        }

        private (Ed25519KeyPair, RuntimeCall) Commit(Step step, NetUid netuid)
        {
            var hotkeyIndex = step.Who % _hotkeys.Length;
            var (uids, values) = Row(step);
            ushort[] salt = [(ushort)step.Amount, (ushort)step.Other];
            _commits.Add((hotkeyIndex, netuid, uids, values, salt));
            var hash = WeightRules.CommitHash(TestChain.Id(_hotkeys[hotkeyIndex]), netuid, uids, values, salt, 0);
            return (_hotkeys[hotkeyIndex], new CommitWeights(netuid, hash));
        }

        /// <summary>Reveals the hotkey's oldest commit on the subnet; with none, a reveal that matches nothing.</summary>
        private (Ed25519KeyPair, RuntimeCall) Reveal(Step step, NetUid netuid)
        {
            var hotkeyIndex = step.Who % _hotkeys.Length;
            var index = _commits.FindIndex(c => c.Hotkey == hotkeyIndex && c.NetUid == netuid);
            if (index < 0)
            {
                var (uids, values) = Row(step);
                return (_hotkeys[hotkeyIndex], new RevealWeights(netuid, uids, values, [1], 0));
            }
            var commit = _commits[index];
            _commits.RemoveAt(index);
            return (_hotkeys[hotkeyIndex], new RevealWeights(netuid, commit.Uids, commit.Values, commit.Salt, 0));
        }

        /// <summary>The call run on a scratch copy of the head's state: if the runtime refuses it, it wrote nothing and said nothing.</summary>
        private void AssertRefusalWritesNothing(Ed25519KeyPair signer, RuntimeCall call)
        {
            using var head = Chain.Chain.OpenSnapshot();
            var scratch = new StateOverlay(head);
            var events = new List<RuntimeEvent>();
            var error = call.Dispatch(new DispatchContext(scratch, TestChain.Id(signer), Chain.Chain.Head.Number + 1, events, 0));
            if (error is not null && (scratch.Changes.Count > 0 || events.Count > 0))
            {
                Assert.Fail($"{call.Info.Name} refused with {error.Code} but wrote {scratch.Changes.Count} keys and deposited {string.Join(", ", events.Select(e => e.Name))}");
            }
        }

        /// <summary>Seals <paramref name="blocks"/> blocks, checking each one's issuance change against its mint and burns.</summary>
        public void Seal(int blocks)
        {
            for (var i = 0; i < blocks; i++)
            {
                Rao before;
                int subnets;
                using (var state = Chain.Chain.OpenSnapshot())
                {
                    before = BalancesModule.Issuance(state);
                    subnets = SubnetsModule.AllSubnets(state).Count();
                }
                var block = Chain.Seal();
                var minted = subnets == 0 ? 0UL : BlockEmission.ForIssuance(before).Value / (ulong)subnets * (ulong)subnets;
                var burned = block.Events.Aggregate(0UL, (sum, e) => sum + Burned(e));
                Assert.Equal(before.Value + minted - burned, Chain.Issuance().Value);
            }
        }

        /// <summary>What an event says left issuance: fees and tips, registration burns, dust of reaped accounts.</summary>
        private static ulong Burned(RuntimeEvent e) => e.Name switch
        {
            "TransactionFeePaid" => Value(e.Fields, "actual_fee") + Value(e.Fields, "tip"),
            "NeuronRegistered" => Value(e.Fields, "burn"),
            "DustLost" => Value(e.Fields, "amount"),
            _ => 0,
        };

        private static ulong Value(JsonObject fields, string name) => fields[name]!.GetValue<ulong>();

        private static void Accept(AdmissionResult result) => Assert.True(result.Accepted, result.Detail);

        public void Dispose()
        {
            foreach (var key in _coldkeys.Skip(1).Concat(_hotkeys))
            {
                key.Dispose();
            }
            Chain.Dispose();
        }
    }
}
