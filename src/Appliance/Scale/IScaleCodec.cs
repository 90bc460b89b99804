namespace Appliance.Scale;

/// <summary>A type with a SCALE encoding, so storage items and calls can read and write it generically.</summary>
public interface IScaleCodec<TSelf> where TSelf : IScaleCodec<TSelf>
{
    static abstract TSelf Read(ScaleReader reader);

    void Write(ScaleWriter writer);
}
