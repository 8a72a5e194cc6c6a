using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Asks the processor to start loading memory that the next steps will read. In a region's index a youth's row, the
/// first slot of its chain and its siblings' rows and slots are each a likely cache miss, and each is found only
/// through the one before: started together, the misses overlap instead of waiting one after another.
/// </summary>
/// <remarks>
/// A prefetch is a hint: it never faults and changes nothing the program can observe, so an address that a
/// concurrent resize or the garbage collector has since made stale costs one useless load at most. Where the
/// processor has no prefetch instruction .NET exposes (outside x86), it does nothing.
/// </remarks>
internal static class CacheLines
{
    /// <summary>
    /// Starts loading every cache line of <paramref name="at"/> into every level of the cache: two when it straddles a
    /// line boundary.
    /// </summary>
    /// <remarks>
    /// The address is taken as a pointer and never dereferenced: reading a field of the reference instead would make
    /// the JIT check it for null with a load, and that load would wait for the very miss the prefetch is to hide.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref T at)
    {
        if (Sse.IsSupported)
        {
            var start = (byte*)Unsafe.AsPointer(ref at);
            Sse.Prefetch0(start);
            Sse.Prefetch0(start + Unsafe.SizeOf<T>() - 1);
        }
    }
}
