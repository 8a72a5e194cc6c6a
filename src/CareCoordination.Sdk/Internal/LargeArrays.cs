using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Allocates the arrays the index keeps for its life and reads at random (its slots, youth tables, siblings and
/// expiry calendar) so that Linux may back them with transparent huge pages, and commits them when they are made.
/// </summary>
/// <remarks>
/// At a region's size nearly every lookup in these tables misses the cache, and with 4 KiB pages it also misses the
/// processor's address-translation cache: hundreds of megabytes are hundreds of thousands of pages. Each such miss is
/// a page walk, and in a virtual machine a nested one. With 2 MiB pages the translations of the whole index fit in
/// that cache. Most distributions enable huge pages only for memory a process asks for (<c>madvise</c> mode), and the
/// .NET collector does not ask, so the arrays are allocated where they never move (the pinned object heap) and advised
/// here. The advice is a hint: where the system refuses it (another operating system, huge pages off, a C library
/// without <c>madvise</c>) the arrays are ordinary arrays and the index works the same. The advised range is rounded
/// out to whole huge pages, because the collector lays consecutive pinned arrays side by side and a page of slots is
/// not itself a multiple of 2 MiB; advice on a neighbour's memory changes nothing but its page size.
/// </remarks>
internal static class LargeArrays
{
    // Below this an array spans too few huge pages to matter, and small indexes (tests, a vendor's demo) stay ordinary.
    private const long MinimumBytes = 1 << 20;
    private const long HugePage = 2 << 20;
    private const int Page = 4096;
    private const int MadviseHugePage = 14;
    private const int MadviseCollapse = 25;

    private static bool s_adviceRefused = !OperatingSystem.IsLinux();

    /// <summary>
    /// A zeroed array of <paramref name="length"/> elements; when it is large, advised for huge pages, committed (every
    /// page of it is touched once, so that the system backs it now) and collapsed into huge pages where it landed on
    /// memory the collector had used before.
    /// </summary>
    /// <remarks>
    /// Committing moves the page faults of a reserved table from the first weeks of registrations, where each one
    /// stalls a registration under the index lock while the system zeroes a page, to the moment the table is reserved.
    /// </remarks>
    public static T[] Allocate<T>(int length)
        where T : unmanaged
    {
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes < MinimumBytes)
        {
            return new T[length];
        }

        var array = GC.AllocateArray<T>(length, pinned: true);
        if (!Volatile.Read(ref s_adviceRefused))
        {
            Advise(Marshal.UnsafeAddrOfPinnedArrayElement(array, 0), bytes);
        }

        Commit(array);
        if (!Volatile.Read(ref s_adviceRefused))
        {
            Collapse(Marshal.UnsafeAddrOfPinnedArrayElement(array, 0), bytes);
        }

        return array;
    }

    /// <summary>Replaces <paramref name="array"/> by a larger one from <see cref="Allocate{T}"/> holding its elements.</summary>
    public static void Resize<T>(ref T[] array, int length)
        where T : unmanaged
    {
        var larger = Allocate<T>(length);
        array.AsSpan().CopyTo(larger);
        array = larger;
    }

    // A write, not a read: a read of a page never written maps the system's shared zero page and commits nothing.
    private static void Commit<T>(T[] array)
        where T : unmanaged
    {
        var step = Math.Max(1, Page / Unsafe.SizeOf<T>());
        for (var i = 0; i < array.Length; i += step)
        {
            array[i] = default;
        }

        // The last element may lie on a page of its own past the last one the steps reached.
        array[^1] = default;
    }

    private static void Advise(nint start, long bytes)
    {
        var from = start & ~(nint)(HugePage - 1);
        var to = (start + (nint)bytes + (nint)(HugePage - 1)) & ~(nint)(HugePage - 1);
        try
        {
            // The result is not checked: a refusal of part of the range (ENOMEM where it runs past the heap's mapping)
            // still advises the rest, and a refusal of all of it leaves ordinary pages.
            _ = Madvise(from, (nuint)(to - from), MadviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_adviceRefused, true);
        }
    }

    // The collector reuses memory it got earlier: where a table lands on pages already in use, the advice alone changes
    // nothing, because the system gives huge pages only where a 2 MiB range is touched for the first time. Collapsing
    // copies what is there into huge pages (Linux 6.1 and later; elsewhere it is refused and the pages stay as they
    // are). The range is rounded out as the advice's is: a neighbour's contents are copied, not changed.
    private static void Collapse(nint start, long bytes)
    {
        var from = start & ~(nint)(HugePage - 1);
        var to = (start + (nint)bytes + (nint)(HugePage - 1)) & ~(nint)(HugePage - 1);
        _ = Madvise(from, (nuint)(to - from), MadviseCollapse);
    }

    // DllImport rather than LibraryImport, which would need unsafe code for the whole library: the signature is blittable.
    [DllImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);
}
