namespace Appliance.Axon;

/// <summary>
/// Every way the axon turns a request down, with its HTTP status; the body is JSON {error, detail}. Statuses
/// follow bittensor's axon where it has one (400 unparsable synapse, 401 not verified, 403 blacklisted,
/// 404 unknown synapse, 408 timeout, 500 failure); the rest are HTTP's own (413, 421, 429, 503).
/// </summary>
public sealed record AxonRefusal(int Status, string Code, string Detail)
{
    public static AxonRefusal MalformedHeaders(string detail) => new(StatusCodes.Status400BadRequest, nameof(MalformedHeaders), detail);

    public static AxonRefusal BodyHashMismatch(string sent, string computed) => new(StatusCodes.Status400BadRequest, nameof(BodyHashMismatch),
        $"computed_body_hash is {sent}, but the body's SHA3-256 is {computed}.");

    public static AxonRefusal InvalidSynapse(string detail) => new(StatusCodes.Status400BadRequest, nameof(InvalidSynapse), detail);

    public static AxonRefusal BadSignature(string caller) => new(StatusCodes.Status401Unauthorized, nameof(BadSignature),
        $"the signature is not {caller}'s over nonce.dendrite_hotkey.axon_hotkey.uuid.body_hash.");

    public static AxonRefusal ReplayedNonce(ulong nonce, ulong last) => new(StatusCodes.Status401Unauthorized, nameof(ReplayedNonce),
        $"replayed nonce: {nonce} is not newer than {last}, the last nonce accepted from this caller.");

    public static AxonRefusal StaleNonce(ulong nonce, TimeSpan age, TimeSpan allowed) => new(StatusCodes.Status401Unauthorized, nameof(StaleNonce),
        $"nonce {nonce} is {age.TotalSeconds:0.00} s old; at most {allowed.TotalSeconds:0.00} s is accepted.");

    public static AxonRefusal Blacklisted(string detail) => new(StatusCodes.Status403Forbidden, nameof(Blacklisted), detail);

    public static AxonRefusal UnknownSynapse(string path) => new(StatusCodes.Status404NotFound, nameof(UnknownSynapse),
        $"'{path}' is not a synapse this axon serves; it serves POST /{TextCompletion.Name}.");

    public static AxonRefusal Timeout(TimeSpan timeout) => new(StatusCodes.Status408RequestTimeout, nameof(Timeout),
        $"the completion took longer than the request's timeout of {timeout.TotalSeconds:0.###} s.");

    public static AxonRefusal PayloadTooLarge(long limit) => new(StatusCodes.Status413PayloadTooLarge, nameof(PayloadTooLarge),
        $"the body is larger than this axon's limit of {limit} bytes.");

    /// <summary>421: the request was signed for another axon (the caller's metagraph is likely stale), so no answer here can be right.</summary>
    public static AxonRefusal WrongAxon(string sent, string served) => new(StatusCodes.Status421MisdirectedRequest, nameof(WrongAxon),
        $"bt_header_axon_hotkey is {sent}, but this axon serves {served}.");

    public static AxonRefusal TooManyRequests(int limit) => new(StatusCodes.Status429TooManyRequests, nameof(TooManyRequests),
        $"this caller already has {limit} requests in progress, the most allowed at once.");

    public static AxonRefusal GenerationFailed(string detail) => new(StatusCodes.Status500InternalServerError, nameof(GenerationFailed), detail);

    public static AxonRefusal PermitsUnavailable(string detail) => new(StatusCodes.Status503ServiceUnavailable, nameof(PermitsUnavailable), detail);

    public IResult ToResult() => Results.Json(new { error = Code, detail = Detail }, statusCode: Status);
}
