using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;

/// <summary>
/// Loaded into the service's own process by the service load run (DOTNET_STARTUP_HOOKS names this assembly), so that
/// the server's memory is measured from inside it: its working set and its GC heap, twice a second, as lines on standard
/// output that the load run reads. Nothing else of this assembly runs there.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks the startup hook up by this exact name, outside any namespace.")]
internal static class StartupHook
{
    /// <summary>The prefix of the memory lines on the service's standard output.</summary>
    public const string Prefix = "carecoordination-bench-memory ";

    private static Timer? _sampler;

    /// <summary>Called by the runtime before the service's Main.</summary>
    public static void Initialize() =>
        _sampler = new Timer(
            _ =>
            {
                var gc = GC.GetGCMemoryInfo();
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.WorkingSet} {gc.HeapSizeBytes} {GC.GetTotalMemory(false)}"));
                Console.Out.Flush();
            },
            null,
            TimeSpan.Zero,
            TimeSpan.FromMilliseconds(500));
}
