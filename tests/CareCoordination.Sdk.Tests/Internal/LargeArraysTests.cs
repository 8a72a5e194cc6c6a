using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using CareCoordination.Sdk.Internal;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class LargeArraysTests
{
    [Fact]
    public void A_table_of_a_regions_size_is_zeroed_and_advised_for_huge_pages_on_linux()
    {
        var table = LargeArrays.Allocate<long>(4 << 20);

        Assert.Equal(4 << 20, table.Length);
        Assert.All(table.Where((_, i) => i % 4096 == 0), value => Assert.Equal(0, value));
        if (OperatingSystem.IsLinux())
        {
            // smaps flags a mapping advised with MADV_HUGEPAGE "hg"; the collector's own heap never asks for it.
            Assert.Contains("hg", FlagsOfMappingHolding(Marshal.UnsafeAddrOfPinnedArrayElement(table, table.Length / 2)));
        }
    }

    [Fact]
    public void A_table_of_a_regions_size_is_in_memory_as_soon_as_it_is_made()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var table = LargeArrays.Allocate<SignalSlotSized>(1 << 20);

        // mincore reports, page by page, whether the system backs the range: untouched pages of a new mapping it does not.
        var start = Marshal.UnsafeAddrOfPinnedArrayElement(table, 0);
        var from = start & ~(nint)4095;
        var length = (long)table.Length * Marshal.SizeOf<SignalSlotSized>() + (start - from);
        var resident = new byte[(length + 4095) / 4096];
        Assert.Equal(0, Mincore(from, (nuint)length, resident));
        Assert.All(resident, page => Assert.Equal(1, page & 1));
        Assert.All(table.Where((_, i) => i % 1000 == 0), slot => Assert.Equal(default, slot));
    }

    [Fact]
    public void A_table_made_where_the_collector_kept_memory_before_is_on_huge_pages_where_the_system_has_them()
    {
        if (!HugePagesCanBeCollapsed())
        {
            return;
        }

        // Memory the collector used and keeps is already backed by small pages, which the advice alone does not change.
        for (var i = 0; i < 4; i++)
        {
            var used = GC.AllocateArray<long>(8 << 20, pinned: true);
            used.AsSpan().Fill(i + 1);
        }

        GC.Collect();
        var table = LargeArrays.Allocate<long>(8 << 20);

        var start = Marshal.UnsafeAddrOfPinnedArrayElement(table, 0);
        var wholeStart = (start + (nint)((2 << 20) - 1)) & ~(nint)((2 << 20) - 1);
        var wholeEnd = (start + (nint)(64 << 20)) & ~(nint)((2 << 20) - 1);
        var huge = AnonHugePagesWithin(wholeStart, wholeEnd);

        // Collapsing is the system's to grant: where it has no free huge page to give now (a fragmented machine under
        // load), it refuses the table and a second asking alike, and there is nothing the table could have had.
        if (huge < wholeEnd - wholeStart && Madvise(wholeStart, (nuint)(wholeEnd - wholeStart), MadviseCollapse) != 0)
        {
            return;
        }

        Assert.True(huge >= wholeEnd - wholeStart, $"the table's whole 2 MiB pages are not all huge pages: {huge >> 20} of {(wholeEnd - wholeStart) >> 20} MiB");
        Assert.All(table.Where((_, i) => i % 512 == 0), value => Assert.Equal(0, value));
    }

    [Fact]
    public void A_small_table_is_an_ordinary_array()
    {
        var table = LargeArrays.Allocate<int>(1024);

        Assert.Equal(1024, table.Length);
        Assert.Equal(0, GC.GetGeneration(table));
    }

    [Fact]
    public void A_table_grown_keeps_its_entries_in_order()
    {
        var table = LargeArrays.Allocate<int>(300_000);
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = i + 1;
        }

        LargeArrays.Resize(ref table, 600_000);

        Assert.Equal(600_000, table.Length);
        Assert.Equal(Enumerable.Range(1, 300_000), table.Take(300_000));
        Assert.All(table.Skip(300_000), value => Assert.Equal(0, value));
    }

    // Collapsing needs Linux 6.1 or later and transparent huge pages not switched off.
    private static bool HugePagesCanBeCollapsed() =>
        OperatingSystem.IsLinux()
        && Environment.OSVersion.Version >= new Version(6, 1)
        && File.Exists("/sys/kernel/mm/transparent_hugepage/enabled")
        && !File.ReadAllText("/sys/kernel/mm/transparent_hugepage/enabled").Contains("[never]", StringComparison.Ordinal);

    // The huge pages of the mappings over [from, to), each counted up to its overlap with the range: the collector and
    // other tests' advice may split the table's memory into several mappings.
    private static long AnonHugePagesWithin(nint from, nint to) =>
        FieldOfMappingsOver(from, to, "AnonHugePages:")
            .Sum(mapping => Math.Min(mapping.Overlap, long.Parse(mapping.Value.Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024));

    private static string[] FlagsOfMappingHolding(nint address) =>
        FieldOfMappingsOver(address, address + 1, "VmFlags:").FirstOrDefault().Value?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    // The value of one field of /proc/self/smaps for each mapping that overlaps [from, to), with the bytes it overlaps.
    private static List<(long Overlap, string Value)> FieldOfMappingsOver(nint from, nint to, string field)
    {
        var found = new List<(long Overlap, string Value)>();
        long overlap = 0;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (IsMappingLine(line, out var start, out var end))
            {
                overlap = Math.Max(0, Math.Min(end, to) - Math.Max(start, from));
            }
            else if (overlap > 0 && line.StartsWith(field, StringComparison.Ordinal))
            {
                found.Add((overlap, line[field.Length..]));
            }
        }

        return found;
    }

    private static bool IsMappingLine(string line, out long start, out long end)
    {
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (dash > 0 && space > dash && IsHex(line.AsSpan(0, dash)))
        {
            start = long.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            end = long.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return true;
        }

        start = end = 0;
        return false;
    }

    private const int MadviseCollapse = 25;

    [DllImport("libc", EntryPoint = "madvise")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);

    [DllImport("libc", EntryPoint = "mincore")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mincore(nint address, nuint length, byte[] vector);

    private static bool IsHex(ReadOnlySpan<char> text) => !text.IsEmpty && text.ToString().All(Uri.IsHexDigit);

    // 40 bytes, as a signal's slot: pages then do not hold a whole number of elements.
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct SignalSlotSized(long A, long B, long C, long D, long E);
}
