using System.Runtime.InteropServices;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// One signal as the index keeps it: 40 bytes, no references, so that ten million of them are one flat run of
/// memory the garbage collector never has to trace.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct SignalSlot
{
    public const byte Free = 0;
    public const byte Active = 1;
    public const byte Archived = 2;

    /// <summary>The signal's identifier; 0 while the slot is free.</summary>
    public long Id;

    /// <summary>When the signal was made or last renewed, as Unix ticks.</summary>
    public long RegisteredTicks;

    /// <summary>The youth's BSN as a number.</summary>
    public int Youth;

    public int Organisation;

    public int Reporter;

    /// <summary>The next slot in the same youth's chain (active or archived), or -1; in a free slot, the next free slot.</summary>
    public int Next;

    /// <summary>Active: the day number of the expiry date. Archived: the day number of the archive date.</summary>
    public int Day;

    public byte Expiry;

    public byte State;

    /// <summary>Archived only: whether it has been offered as a match once.</summary>
    public bool Offered;

    /// <summary>
    /// Archived only: whether the daily job archived it where it lay, in its youth's active chain, instead of moving it
    /// to the archive chain. Every walk of an active chain already passes over a slot past its end date.
    /// </summary>
    public bool ArchivedInPlace;
}
