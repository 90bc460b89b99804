using System.Text.Json;
using Appliance.Contracts;
using Appliance.Mempool;
using Appliance.Primitives;
using Appliance.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>POST /api/extrinsics ({"hex": "0x…"}) → 202 {hash} or 400 {error, detail}; GET /api/extrinsics/{hash}.</summary>
public static class ExtrinsicsApi
{
    public static IEndpointRouteBuilder MapExtrinsics(this IEndpointRouteBuilder api)
    {
        api.MapPost(ApiRoutes.Extrinsics, Submit);
        api.MapGet(ApiRoutes.Extrinsic, Status);
        return api;
    }

    private static async Task<Results<Accepted<SubmittedView>, ProblemHttpResult>> Submit(HttpRequest request, TransactionPool pool, MempoolOptions limits)
    {
        var maxBody = limits.MaxExtrinsicBytes * 2 + 1024;
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > maxBody)
            {
                return ApiErrors.BadRequest("TooLarge", $"the request body exceeds {maxBody} bytes; an extrinsic is at most {limits.MaxExtrinsicBytes} bytes.");
            }
        }
        string? hex;
        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            hex = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("hex", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return ApiErrors.BadRequest("InvalidRequest", "the body is not JSON; send {\"hex\": \"0x…\"}.");
        }
        if (hex is null)
        {
            return ApiErrors.BadRequest("InvalidRequest", "the body has no string field 'hex'; send {\"hex\": \"0x…\"}.");
        }
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length % 2 != 0 || !digits.All(Uri.IsHexDigit))
        {
            return ApiErrors.BadRequest("MalformedHex", "'hex' must be an even number of hex digits, optionally 0x-prefixed.");
        }
        var result = pool.Submit(Convert.FromHexString(digits));
        return result.Accepted
            ? TypedResults.Accepted("/" + ApiRoutes.Path(ApiRoutes.Extrinsic, result.Hash!.Value), new SubmittedView(result.Hash.ToString()!, "pending"))
            : ApiErrors.BadRequest(result.Error, result.Detail);
    }

    private static Results<Ok<ExtrinsicStatusView>, ProblemHttpResult> Status(string hash, ChainQueries queries)
    {
        if (!Hash256.TryParse(hash, out var parsed))
        {
            return ApiErrors.BadRequest("InvalidHash", $"'{hash}' is not a 0x-prefixed 32-byte hash.");
        }
        return queries.ExtrinsicStatus(parsed) is { } status
            ? TypedResults.Ok(status)
            : ApiErrors.NotFound("ExtrinsicNotFound", $"{parsed} is neither pooled nor in a block.");
    }
}
