using System;

namespace CareCoordination.Sdk;

/// <summary>
/// Thrown when a change was made on an older version of something several professionals edit — a case, a plan, a
/// consent — than the current one: someone else changed it first (optimistic concurrency). Nothing is overwritten;
/// reload it, look at the other change, and try again. The one "stale version" of the SDK: every versioned change
/// names the version it was made on and is refused with this exception when that is not the current one.
/// </summary>
/// <remarks>The message and <see cref="What"/> name identifiers only, never a person.</remarks>
public sealed class StaleVersionException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public StaleVersionException()
        : this("The change was made on an older version than the current one.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    public StaleVersionException(string message)
        : base(message) => What = string.Empty;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StaleVersionException(string message, Exception innerException)
        : base(message, innerException) => What = string.Empty;

    private StaleVersionException(string what, int expected, int actual, string message)
        : base(message)
    {
        What = what;
        ExpectedVersion = expected;
        ActualVersion = actual;
    }

    /// <summary>Gets what was changed, for example <c>case-3</c>, <c>plan of case-3</c> or <c>consent-7</c>; empty when the thrower did not say.</summary>
    public string What { get; }

    /// <summary>Gets the version the change was made on.</summary>
    public int ExpectedVersion { get; }

    /// <summary>Gets the version it is at.</summary>
    public int ActualVersion { get; }

    /// <summary>
    /// The one version check of every versioned change (cases, plans, consents): refuses a change made on
    /// <paramref name="expected"/> when <paramref name="actual"/> is current; a caller that names no version changes
    /// whatever version it is at.
    /// </summary>
    /// <param name="what">What is changed, as <see cref="What"/> names it.</param>
    /// <param name="expected">The version the change was made on, or <see langword="null"/> for any.</param>
    /// <param name="actual">The version it is at.</param>
    /// <param name="format">The localised message, with what is changed, the current and the expected version as {0}, {1} and {2}.</param>
    /// <param name="named">What is changed, as the message names it.</param>
    internal static void ThrowIfStale(string what, int? expected, int actual, string format, object named)
    {
        if (expected is { } version && version != actual)
        {
            throw new StaleVersionException(what, version, actual, string.Format(System.Globalization.CultureInfo.CurrentCulture, format, named, actual, version));
        }
    }
}
