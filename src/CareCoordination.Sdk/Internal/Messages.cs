using System.Globalization;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Formats the messages a professional or a family reads. The texts come from the areas' XxxMessages resources in
/// <see cref="CultureInfo.CurrentUICulture"/> (English neutral, Dutch in nl/); numbers and dates follow
/// <see cref="CultureInfo.CurrentCulture"/>, as the host's other text does.
/// </summary>
/// <remarks>
/// Callers pass identities as the SDK prints them: a <see cref="Identity.Bsn"/> formats masked, and no caller passes
/// <see cref="Identity.Bsn.RevealDigits"/>; the tests feed real BSNs through every message and look for the digits.
/// </remarks>
internal static class Messages
{
    /// <summary>Formats a resource text with the current culture.</summary>
    public static string Format(string format, object? arg0) => string.Format(CultureInfo.CurrentCulture, format, arg0);

    /// <summary>Formats a resource text with the current culture.</summary>
    public static string Format(string format, object? arg0, object? arg1) => string.Format(CultureInfo.CurrentCulture, format, arg0, arg1);

    /// <summary>Formats a resource text with the current culture.</summary>
    public static string Format(string format, object? arg0, object? arg1, object? arg2) => string.Format(CultureInfo.CurrentCulture, format, arg0, arg1, arg2);

    /// <summary>Formats a resource text with the current culture.</summary>
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
