using System.Text.Json;

namespace Appliance.Axon;

/// <summary>The TextCompletion synapse: <c>POST /TextCompletion</c> with a snake_case JSON request, answered with a completion.</summary>
public static class TextCompletion
{
    public const string Name = "TextCompletion";
    public const float MaxTemperature = 2;

    /// <summary>snake_case; every request field required, a null or a wrongly typed value refused.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static bool TryParse(ReadOnlySpan<byte> body, AxonLimits limits, out TextCompletionRequest? request, out string error)
    {
        try
        {
            request = JsonSerializer.Deserialize<TextCompletionRequest>(body, Json);
        }
        catch (JsonException e)
        {
            request = null;
            error = $"the body is not a {Name} request: {e.Message}";
            return false;
        }
        error = request is null ? $"the body is JSON null, not a {Name} request." : request.Problem(limits) ?? "";
        return error.Length == 0;
    }
}

public sealed record TextCompletionRequest(string Prompt, int MaxTokens, float Temperature, uint Seed)
{
    public string? Problem(AxonLimits limits) => this switch
    {
        { Prompt.Length: 0 } => "prompt is empty.",
        _ when Prompt.Length > limits.MaxPromptChars => $"prompt is {Prompt.Length} characters; this axon takes at most {limits.MaxPromptChars}.",
        _ when MaxTokens < 1 || MaxTokens > limits.MaxTokens => $"max_tokens must be 1 to {limits.MaxTokens}, got {MaxTokens}.",
        _ when !(Temperature >= 0 && Temperature <= TextCompletion.MaxTemperature) =>
            $"temperature must be 0 to {TextCompletion.MaxTemperature}, got {Temperature}.",
        _ => null,
    };
}

public sealed record TextCompletionResponse(string Completion, int CompletionTokens, long ElapsedMs);
