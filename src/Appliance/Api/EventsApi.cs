using System.Text.Json;
using System.Threading.Channels;
using Appliance.Chain;
using Appliance.Contracts;
using Appliance.Node;
using Appliance.Queries;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Appliance.Api;

/// <summary>
/// GET /api/events: server-sent events, one "block" event per sealed block with its extrinsics and events.
/// A client that falls behind loses the oldest blocks, not the connection. At most
/// <see cref="EventStreamSlots.Capacity"/> clients at once: one more gets 503 TooManyEventClients.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder api)
    {
        api.MapGet(ApiRoutes.Events, Stream);
        return api;
    }

    private static async Task Stream(HttpContext context, ChainEventHub hub, EventStreamSlots slots, IOptions<JsonOptions> json, IHostApplicationLifetime lifetime)
    {
        using var slot = slots.TryTake();
        if (slot is null)
        {
            await ApiErrors.Problem(StatusCodes.Status503ServiceUnavailable, "TooManyEventClients",
                $"the node already streams events to {slots.Capacity} clients ({EventStreamSlots.Setting}); try again when one disconnects.").ExecuteAsync(context);
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var blocks = Channel.CreateBounded<SealedBlock>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        using var subscription = hub.Subscribe(block => blocks.Writer.TryWrite(block));
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(": subscribed\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var block in blocks.Reader.ReadAllAsync(stop.Token))
            {
                var data = JsonSerializer.Serialize(ViewMapper.Block(block), json.Value.SerializerOptions);
                await context.Response.WriteAsync($"event: block\nid: {block.Header.Number}\ndata: {data}\n\n", stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
