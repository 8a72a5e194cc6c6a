using System;
using System.Runtime.InteropServices;

namespace CareCoordination.Sdk.InstructionProbe;

/// <summary>
/// Switches callgrind's instrumentation on and off through its client requests, compiled into a small native library by
/// scripts/registration-instructions.sh (PROBE_CALLGRIND_LIBRARY). Client requests take effect at once, where
/// callgrind_control reaches the process only when valgrind next polls, after some of the untimed cleanup already ran.
/// </summary>
internal static class Callgrind
{
    private const string Library = "callgrindprobe";

    static Callgrind() => NativeLibrary.SetDllImportResolver(
        typeof(Callgrind).Assembly,
        (name, _, _) => name == Library ? NativeLibrary.Load(Environment.GetEnvironmentVariable("PROBE_CALLGRIND_LIBRARY")!) : IntPtr.Zero);

    /// <summary>Starts counting.</summary>
    public static void Start() => probe_start();

    /// <summary>Stops counting.</summary>
    public static void Stop() => probe_stop();

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void probe_start();

    [DllImport(Library)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void probe_stop();
}
