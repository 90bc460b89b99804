using System.Buffers;
using Appliance.Queries;

namespace Appliance.Api;

/// <summary>
/// A kept metagraph document sent as it is kept, its parts one after the other with one Content-Length, so that
/// no request joins them into one buffer.
/// </summary>
public sealed class MetagraphDocumentResult(MetagraphDocument document) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = document.Length;
        // The small head is buffered and goes out with the neurons in one flush.
        response.BodyWriter.Write(document.Head.Span);
        await response.BodyWriter.WriteAsync(document.Neurons, httpContext.RequestAborted);
    }
}
