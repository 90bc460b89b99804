namespace Appliance.Mining.Llama;

/// <summary>llama.cpp refused something (a model that does not load, a context it cannot create, a failed decode).
/// The message reads "Code: what happened".</summary>
public sealed class LlamaException(string message) : Exception(message);
