namespace Platform.BuildingBlocks.Hosting;

/// <summary>
/// Stable problem <c>type</c> URIs (RFC 9457). Clients branch on these, so a published value never changes.
/// </summary>
public static class Problems
{
    public const string BaseUri = "https://property-platform.dev/problems/";

    public const string Unauthenticated = BaseUri + "unauthenticated";
    public const string Forbidden = BaseUri + "forbidden";
    public const string NotFound = BaseUri + "not-found";
    public const string MethodNotAllowed = BaseUri + "method-not-allowed";
    public const string BadRequest = BaseUri + "bad-request";
    public const string Validation = BaseUri + "validation";
    public const string Conflict = BaseUri + "conflict";
    public const string PreconditionFailed = BaseUri + "precondition-failed";
    public const string UnsupportedMediaType = BaseUri + "unsupported-media-type";
    public const string RateLimited = BaseUri + "rate-limited";
    public const string Internal = BaseUri + "internal";
    public const string BadGateway = BaseUri + "bad-gateway";
    public const string Unavailable = BaseUri + "unavailable";
    public const string GatewayTimeout = BaseUri + "gateway-timeout";
    public const string StoreUnavailable = BaseUri + "store-unavailable";

    /// <summary>The type for a rule-specific code, e.g. <c>Type("requisition-missing-signature")</c>.</summary>
    public static string Type(string code) => BaseUri + code;

    /// <summary>The generic type for a status code, used when an error carries no rule-specific type.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        412 => PreconditionFailed,
        415 => UnsupportedMediaType,
        422 => Validation,
        429 => RateLimited,
        502 => BadGateway,
        503 => Unavailable,
        504 => GatewayTimeout,
        >= 500 => Internal,
        _ => BaseUri + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
