using System;

namespace CareCoordination.Sdk.Client;

/// <summary>The service refused a request: its problem details (RFC 9457), with the access rule when one refused.</summary>
public sealed class CareCoordinationApiException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    public CareCoordinationApiException()
        : this("The reference index service refused the request.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public CareCoordinationApiException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CareCoordinationApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal CareCoordinationApiException(int status, string? title, string? detail, string? rule)
        : base($"{status} {title}: {detail}")
    {
        Status = status;
        Title = title;
        Detail = detail;
        Rule = rule;
    }

    /// <summary>Gets the HTTP status.</summary>
    public int Status { get; }

    /// <summary>Gets the problem's title.</summary>
    public string? Title { get; }

    /// <summary>Gets what is wrong, as the service says it (never with a BSN).</summary>
    public string? Detail { get; }

    /// <summary>Gets the access rule that refused, for a 401 or 403.</summary>
    public string? Rule { get; }
}
