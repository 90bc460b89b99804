namespace Appliance.Fuzz.Targets;

/// <summary>
/// One decoder fed arbitrary bytes. <see cref="Run"/> returns normally when the decoder accepts the input or
/// refuses it the documented way (its own exception type with a message); anything else escaping is a
/// finding: a crash, an unexpected exception type, or a check of the decoded value that fails.
/// </summary>
public interface IFuzzTarget
{
    string Name { get; }

    void Run(byte[] input);
}
