using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CareCoordination.Sdk.Internal;

/// <summary>The one vocabulary for argument checks, so that every public entry point refuses bad input the same way.</summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }

    public static string NotBlank([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The value must not be empty or white space.", name);
        }

        return value.Trim();
    }

    // Identifiers are checked on every registration: the check inlines, and the throw stays out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            ThrowNotPositive(value, name);
        }

        return value;
    }

    public static T NotDefault<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, IEquatable<T>
    {
        if (value.Equals(default))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The value must not be default({typeof(T).Name})."),
                name);
        }

        return value;
    }

    [DoesNotReturn]
    private static void ThrowNotPositive(int value, string? name) =>
        throw new ArgumentOutOfRangeException(name, value, "The value must be positive.");
}
