using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>
/// Where the SDK's replay allocates, and roughly where its time goes: bytes and time per call of the daily job, of
/// family changes, and of registrations by what they found. <c>--replay-allocations</c> runs it; the benchmark itself
/// runs without it, so its timings carry no probe. The bytes are exact; the times include the probe and the machine's
/// other load, so they say which phase is large, not how fast the index is.
/// </summary>
internal sealed class ReplayAllocations
{
    private readonly long[] _bytes = new long[Enum.GetValues<Phase>().Length];
    private readonly long[] _calls = new long[Enum.GetValues<Phase>().Length];
    private readonly long[] _ticks = new long[Enum.GetValues<Phase>().Length];
    private readonly long[] _paused = new long[Enum.GetValues<Phase>().Length];

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

    // The collector's pauses are counted apart: a phase that allocates little can still be where a collection that
    // the others' garbage made due happens to start, and its time then says more about the heap than about the phase.
    public static (long Bytes, long Ticks, long Paused) Now => (GC.GetAllocatedBytesForCurrentThread(), Stopwatch.GetTimestamp(), GC.GetTotalPauseDuration().Ticks);

    public void Add(Phase phase, (long Bytes, long Ticks, long Paused) since)
    {
        var now = Now;
        _bytes[(int)phase] += now.Bytes - since.Bytes;
        _ticks[(int)phase] += now.Ticks - since.Ticks;
        _paused[(int)phase] += now.Paused - since.Paused;
        _calls[(int)phase]++;
    }

    public void Write(TextWriter to, long registrations)
    {
        long total = 0;
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var i = (int)phase;
            total += _bytes[i];
            var perCall = _calls[i] == 0 ? 0 : _bytes[i] / (double)_calls[i];
            var nanoseconds = _calls[i] == 0 ? 0 : _ticks[i] * (1e9 / Stopwatch.Frequency) / _calls[i];
            var pausedNanoseconds = _calls[i] == 0 ? 0 : _paused[i] * 100.0 / _calls[i];
            to.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-36} {_calls[i],12:N0} calls {_bytes[i],16:N0} B {perCall,10:F1} B/call {nanoseconds,12:F0} ns/call {pausedNanoseconds,10:F0} ns/call in GC pauses"));
        }

        to.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all, per registration",-36} {registrations,12:N0} regs  {total,16:N0} B {total / (double)registrations,10:F1} B/registration"));
    }
}
