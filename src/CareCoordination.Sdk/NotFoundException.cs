using System;
using System.Collections.Generic;

namespace CareCoordination.Sdk;

/// <summary>
/// Thrown when a caller names something the SDK does not know: a case or a coordinator at the desk, an organisation's
/// active signal on a youth, an organisation, a professional or a family, an information obligation. The one "not
/// found" of the SDK, a <see cref="KeyNotFoundException"/> so that a vendor's existing handlers catch it.
/// </summary>
/// <remarks>The message and <see cref="What"/> name identifiers only; a youth appears with a masked BSN.</remarks>
public sealed class NotFoundException : KeyNotFoundException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public NotFoundException()
        : this("The SDK does not know what was named.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message; the caller keeps it free of the full BSN.</param>
    public NotFoundException(string message)
        : base(message) => What = string.Empty;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message; the caller keeps it free of the full BSN.</param>
    /// <param name="innerException">The cause.</param>
    public NotFoundException(string message, Exception innerException)
        : base(message, innerException) => What = string.Empty;

    private NotFoundException(string what, string message)
        : base(message) => What = what;

    /// <summary>Gets what was not found, for example <c>case-12</c> or <c>coordinator-3</c>; empty when the thrower did not say.</summary>
    public string What { get; }

    /// <summary>Says that something is not known to a part of the SDK, for example "case-12 is not known to the coordination desk."</summary>
    internal static NotFoundException Unknown(string what, string knownTo) => new(what, what + " is not known to " + knownTo + ".");

    /// <summary>Says that something is not there, in the caller's own words.</summary>
    internal static NotFoundException Missing(string what, string message) => new(what, message);
}
