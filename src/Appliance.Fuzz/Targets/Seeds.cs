using System.Text;
using System.Text.Json;
using Appliance.Axon;
using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Models.Gguf;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Wallets;

namespace Appliance.Fuzz.Targets;

/// <summary>
/// Valid inputs for each target, made by the appliance's own writers: the corpus the fuzzer starts from
/// (`appliance-fuzz seed DIR` writes them to Corpus/TARGET/) and what the tests mutate.
/// </summary>
public static class Seeds
{
    public static IEnumerable<(string Target, string Name, byte[] Bytes)> All()
    {
        using var alice = DevAccounts.Alice();
        using var bob = DevAccounts.FromUri("//Bob");
        var genesis = Hash256.Of("fuzz-genesis"u8.ToArray());
        var bobId = new AccountId(bob.PublicKey);
        RuntimeCall[] calls =
        [
            new TransferAllowDeath(bobId, new Rao(1_500_000_000)),
            new BurnedRegister(new NetUid(1), bobId),
            new AddStake(bobId, new NetUid(1), new Rao(Rao.PerTao)),
            new AddStakeLimit(bobId, new NetUid(1), new Rao(Rao.PerTao), 1_200_000_000, true),
            new MoveStake(bobId, bobId, new NetUid(1), new NetUid(0), new Rao(Rao.PerTao)),
            new StartCall(new NetUid(1)),
            new SetWeights(new NetUid(1), [0, 1, 2], [65_535, 30_000, 1], 0),
            new RevealWeights(new NetUid(1), [0, 3], [100, 200], [7, 8], 0),
        ];
        foreach (var call in calls)
        {
            yield return ("extrinsic", call.Info.Name, SignedExtrinsic.Create(alice, call, 3, new Rao(10), genesis, RuntimeVersion.SpecVersion).Encoded);
        }
        yield return ("gguf", "two-tensors", TinyGguf());
        var data = Keyfile.Describe(bob, phrase: null);
        yield return ("keyfile", "hotkey", Encoding.UTF8.GetBytes(KeyfileJson.Serialize(data)));
        yield return ("keyfile", "coldkey", Encoding.UTF8.GetBytes(KeyfileJson.Serialize(Keyfile.Encrypt(data, "fuzz", new Argon2idCost(1, 8 * 1024)))));
        yield return ("synapse", "text-completion", Synapse(alice, bob));
    }

    private static byte[] TinyGguf()
    {
        using var output = new MemoryStream();
        GgufWriter.Write(output,
            [
                new("general.architecture", GgufValue.String("llama")),
                new("llama.block_count", GgufValue.UInt32(1)),
                new("tokenizer.ggml.tokens", GgufValue.Array(["<s>", "a", "b"])),
                new("tokenizer.ggml.scores", GgufValue.Array([0f, -1f, -2f])),
            ],
            [
                new GgufTensorSource("token_embd.weight", GgufTensorType.F32, [4, 3], s => s.Write(new byte[48])),
                new GgufTensorSource("output_norm.weight", GgufTensorType.F32, [4], s => s.Write(new byte[16])),
            ]);
        return output.ToArray();
    }

    private static byte[] Synapse(Ed25519KeyPair dendrite, Ed25519KeyPair axon)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new TextCompletionRequest("What is 2 + 3?", 16, 0.7f, 42), TextCompletion.Json);
        var headers = SynapseHeaders.Sign(dendrite, Ss58.Encode(axon.PublicKey), body, 1_700_000_000_000_000_000, Guid.Parse("6f1c2a52-1d5e-4f39-9d7e-1f0b7a9c3e11"), TimeSpan.FromSeconds(12));
        var text = new StringBuilder()
            .Append($"{SynapseHeaders.DendriteHotkeyName}: {headers.DendriteHotkey}\n")
            .Append($"{SynapseHeaders.NonceName}: {headers.Nonce}\n")
            .Append($"{SynapseHeaders.UuidName}: {headers.Uuid}\n")
            .Append($"{SynapseHeaders.SignatureName}: {headers.Signature}\n")
            .Append($"{SynapseHeaders.AxonHotkeyName}: {headers.AxonHotkey}\n")
            .Append($"{SynapseHeaders.BodyHashName}: {headers.BodyHash}\n")
            .Append($"{SynapseHeaders.TimeoutName}: 12.0\n\n");
        return [.. Encoding.UTF8.GetBytes(text.ToString()), .. body];
    }
}
