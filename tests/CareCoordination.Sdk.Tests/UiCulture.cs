using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CareCoordination.Sdk.Tests;

/// <summary>
/// The culture a test reads messages in. Every test starts in the invariant culture, whatever the machine's LANG says,
/// so the many tests that assert English messages read the neutral English; a test that wants Dutch or British
/// English says so with <see cref="Use"/>.
/// </summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private UiCulture(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Reads messages in <paramref name="name"/> (for example nl-NL) until disposed.</summary>
    public static UiCulture Use(string name) => new(CultureInfo.GetCultureInfo(name));

    /// <summary>Runs <paramref name="read"/> in the culture <paramref name="name"/> and returns what it read.</summary>
    public static T In<T>(string name, Func<T> read)
    {
        using (Use(name))
        {
            return read();
        }
    }

#pragma warning disable CA2255 // The test assembly is loaded by the test host only; its threads must not take the machine's culture.
    [ModuleInitializer]
    internal static void StartInvariant()
#pragma warning restore CA2255
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
