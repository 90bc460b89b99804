using System.Text.Json;
using Appliance.Contracts;
using Appliance.Mempool;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>POST /api/extrinsics ({"hex": "0x…"}) → 202 {hash} or 400 {error, detail}; GET /api/extrinsics/{hash}.</summary>
public static class ExtrinsicsApi
{
    public static IEndpointRouteBuilder MapExtrinsics(this IEndpointRouteBuilder api)
    {
        api.MapPost("/extrinsics", Submit);
        api.MapGet("/extrinsics/{hash}", Status);
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
            ? TypedResults.Accepted($"/api/extrinsics/{result.Hash}", new SubmittedView(result.Hash.ToString()!, "pending"))
            : ApiErrors.BadRequest(result.Code, result.Detail);
    }

    private static Results<Ok<ExtrinsicStatusView>, ProblemHttpResult> Status(string hash, ChainService chain, TransactionPool pool)
    {
        if (!Hash256.TryParse(hash, out var parsed))
        {
            return ApiErrors.BadRequest("InvalidHash", $"'{hash}' is not a 0x-prefixed 32-byte hash.");
        }
        using var connection = chain.OpenConnection();
        if (BlockStore.ExtrinsicByHash(connection, parsed) is { } row)
        {
            var block = BlockStore.ByNumber(connection, row.BlockNumber)!;
            return TypedResults.Ok(new ExtrinsicStatusView(
                parsed.ToString(), "included", (ulong)row.BlockNumber, new Hash256(block.Hash).ToString(), (int)row.Idx, row.Success == 1, row.Error));
        }
        return pool.Contains(parsed)
            ? TypedResults.Ok(new ExtrinsicStatusView(parsed.ToString(), "pending", null, null, null, null, null))
            : ApiErrors.NotFound("ExtrinsicNotFound", $"{parsed} is neither pooled nor in a block.");
    }
}
