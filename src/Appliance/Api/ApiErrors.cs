using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>Errors as problem details carrying the design's {error, detail}: title and error hold the code.</summary>
public static class ApiErrors
{
    public static ProblemHttpResult BadRequest(string code, string detail) => Problem(StatusCodes.Status400BadRequest, code, detail);

    public static ProblemHttpResult NotFound(string code, string detail) => Problem(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: code, extensions: new Dictionary<string, object?> { ["error"] = code });
}
