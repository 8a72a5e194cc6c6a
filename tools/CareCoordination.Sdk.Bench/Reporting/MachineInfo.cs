using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace CareCoordination.Sdk.Bench.Reporting;

/// <summary>The machine a report was measured on, as the report names it.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string OperatingSystem, string DotNet)
{
    public static MachineInfo Current() => new(
        CpuName(),
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cpu}, {Cores} cores, {MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB, {OperatingSystem}, {DotNet}");

    private static string CpuName()
    {
        // Linux names the model in /proc/cpuinfo; elsewhere the architecture is what .NET can tell without native calls.
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
        {
            var model = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null && model.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
            {
                return model[(colon + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
