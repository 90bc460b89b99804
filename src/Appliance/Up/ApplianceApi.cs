using System.Text.Json;
using Appliance.Api;
using Appliance.ApiClient;
using Appliance.Contracts;

namespace Appliance.Up;

/// <summary>
/// What <c>appliance up</c> adds to the node's API: GET /api/miners and /api/validators (status, counters,
/// recent validator rounds), and under /api/admin/ the actions that change the appliance itself, which need
/// the admin token as a bearer token (<see cref="AdminGate"/>).
/// </summary>
public static class ApplianceApi
{
    public static WebApplication MapAppliance(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<AdminGate>();
        app.Use((context, next) => gate.InvokeAsync(context, next));
        var api = app.MapGroup(ApiRoutes.Prefix);
        api.MapGet("/miners", (ApplianceRunner runner) => TypedResults.Ok(runner.Neurons?.MinerStatuses() ?? []));
        api.MapGet("/validators", (ApplianceRunner runner) => TypedResults.Ok(runner.Neurons?.ValidatorStatuses() ?? []));

        var admin = api.MapGroup("/admin").WithMetadata(AdminGate.AdminOnly.Instance);
        admin.MapPost("/miners/{name}/stop", async (string name, ApplianceRunner runner) =>
            runner.Neurons is { } neurons ? Outcome(await neurons.StopMinerAsync(name), "miner", name, "stopped") : NotReady());
        admin.MapPost("/miners/{name}/start", async (string name, ApplianceRunner runner, CancellationToken cancellation) =>
            runner.Neurons is { } neurons ? Outcome(await neurons.StartMinerAsync(name, cancellation), "miner", name, "running") : NotReady());
        admin.MapPost("/miners", async (MinerOptions miner, ApplianceRunner runner, CancellationToken cancellation) =>
            runner.Neurons is not { } neurons ? NotReady()
            : await neurons.AddMinerAsync(miner, cancellation) is { Count: > 0 } problems
                ? ApiErrors.BadRequest("MinerRefused", string.Join(" ", problems))
                : Results.Ok(new { name = miner.Name, state = "running" }));
        admin.MapPost("/validators/{name}/stop", async (string name, ApplianceRunner runner) =>
            runner.Neurons is { } neurons ? Outcome(await neurons.StopValidatorAsync(name), "validator", name, "stopped") : NotReady());
        admin.MapPost("/validators/{name}/start", async (string name, ApplianceRunner runner) =>
            runner.Neurons is { } neurons ? Outcome(await neurons.StartValidatorAsync(name), "validator", name, "running") : NotReady());
        admin.MapPost("/subnets/{netuid}/hyperparameters", async (ushort netuid, HyperparameterChange change, OwnerSudo sudo, CancellationToken cancellation) =>
        {
            try
            {
                var status = await sudo.SetAsync(netuid, change.Name ?? "", change.Value.ValueKind == JsonValueKind.Undefined ? "" : change.Value.ToString(), cancellation);
                return status.Success == true ? Results.Ok(status) : Results.Json(status, statusCode: StatusCodes.Status422UnprocessableEntity);
            }
            catch (ClientError e)
            {
                return ApiErrors.BadRequest(e.Code, e.Detail);
            }
        });
        return app;
    }

    /// <summary>The body of a hyperparameter change: subtensor's name and the value as the CLI takes it (1.26, true, 360).</summary>
    public sealed record HyperparameterChange(string? Name, JsonElement Value);

    private static IResult NotReady() =>
        Results.Json(new { error = "NotReady", detail = "the appliance's subnet is not running yet." }, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IResult Outcome(bool found, string kind, string name, string state) => found
        ? Results.Ok(new { name, state })
        : Results.Json(new { error = "NotFound", detail = $"there is no {kind} named '{name}'." }, statusCode: StatusCodes.Status404NotFound);
}
