using System;
using System.Globalization;
using System.IO;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>
/// Where the SDK's replay allocates: bytes per call of the daily job, of family changes, and of registrations by what
/// they found. <c>--replay-allocations</c> runs it; the benchmark itself runs without it, so its timings carry no probe.
/// </summary>
internal sealed class ReplayAllocations
{
    private readonly long[] _bytes = new long[Enum.GetValues<Phase>().Length];
    private readonly long[] _calls = new long[Enum.GetValues<Phase>().Length];

    public enum Phase
    {
        DailyJob,
        FamilyChange,
        RenewalOrRefusal,
        RegistrationWithoutMatch,
        RegistrationWithSameYouthMatchOnly,
        RegistrationWithFamilyMatch,
        RegistrationWithArchivedMatch,
    }

    public static long Now => GC.GetAllocatedBytesForCurrentThread();

    public void Add(Phase phase, long since)
    {
        _bytes[(int)phase] += Now - since;
        _calls[(int)phase]++;
    }

    public void Write(TextWriter to, long registrations)
    {
        long total = 0;
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var i = (int)phase;
            total += _bytes[i];
            to.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-36} {_calls[i],12:N0} calls {_bytes[i],16:N0} B {(_calls[i] == 0 ? 0 : _bytes[i] / (double)_calls[i]),10:F1} B/call"));
        }

        to.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all, per registration",-36} {registrations,12:N0} regs  {total,16:N0} B {total / (double)registrations,10:F1} B/registration"));
    }
}
