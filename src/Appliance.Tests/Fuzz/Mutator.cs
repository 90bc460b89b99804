namespace Appliance.Tests.Fuzz;

/// <summary>
/// AFL's classic havoc steps without coverage: bit flips, interesting byte values, runs inserted, deleted or
/// duplicated, truncation and splicing of two seeds, stacked 1–4 deep on a random seed.
/// </summary>
public sealed class Mutator(Random random, IReadOnlyList<byte[]> seeds)
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x10, 0x40, (byte)'"', (byte)'{', (byte)'\n', (byte)':'];

    public byte[] Next()
    {
        var bytes = new List<byte>(seeds[random.Next(seeds.Count)]);
        for (var steps = random.Next(1, 5); steps > 0; steps--)
        {
            Mutate(bytes);
        }
        return [.. bytes];
    }

    private void Mutate(List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            bytes.Add(Interesting[random.Next(Interesting.Length)]);
            return;
        }
        var at = random.Next(bytes.Count);
        switch (random.Next(7))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                bytes[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2:
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 16)));
                break;
            case 3:
                bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256)));
                break;
            case 4:
                var length = Math.Min(bytes.Count - at, random.Next(1, 32));
                bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                break;
            case 5:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            default:
                var other = seeds[random.Next(seeds.Count)];
                var from = random.Next(other.Length);
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.AsSpan(from).ToArray());
                break;
        }
    }
}
