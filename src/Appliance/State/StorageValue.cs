using Appliance.Scale;

namespace Appliance.State;

/// <summary>A single typed value in state (FRAME's StorageValue).</summary>
public sealed class StorageValue<T>(string module, string item) where T : IScaleCodec<T>
{
    private readonly byte[] _key = StorageKey.Prefix(module, item);

    public T? Get(IStateReader state) =>
        state.Get(_key) is { } bytes ? ScaleReader.DecodeAll(bytes, T.Read) : default;

    public T GetOrDefault(IStateReader state, T fallback) =>
        state.Get(_key) is { } bytes ? ScaleReader.DecodeAll(bytes, T.Read) : fallback;

    public void Set(StateOverlay state, T value)
    {
        var writer = new ScaleWriter();
        value.Write(writer);
        state.Set(_key, writer.ToArray());
    }
}
