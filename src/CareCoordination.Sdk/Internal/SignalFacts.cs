using System.Runtime.InteropServices;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// What the registration path reads of a signal (<em>signaal</em>): the fields of its slot that a match is decided on
/// and answered with, in 32 bytes. A youth's row keeps them for the first slot of its active chain
/// (<see cref="YouthRows"/>), so that a registration that finds its youth and its siblings in their rows waits for no
/// slot behind them; the match finder collects them for every candidate, so that answering and designating the
/// coordinator read no slot again.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 8)]
internal struct SignalFacts
{
    /// <summary>The signal's identifier.</summary>
    public long Id;

    /// <summary>When the signal was made or last renewed, as Unix ticks.</summary>
    public long RegisteredTicks;

    public int Organisation;

    public int Reporter;

    /// <summary>Active: the day number of the expiry date. Archived: the day number of the archive date.</summary>
    public int Day;

    public byte Expiry;

    /// <summary>The slot's state (<see cref="SignalSlot.Active"/> or <see cref="SignalSlot.Archived"/>).</summary>
    public byte State;

    /// <summary>Archived only: whether it has been offered as a match once.</summary>
    public bool Offered;

    /// <summary>Whether another slot follows in the chain: without one, the chain is this signal alone.</summary>
    public bool Followed;

    /// <summary>The facts of a slot as it is now.</summary>
    public static SignalFacts Of(ref SignalSlot slot) => new()
    {
        Id = slot.Id,
        RegisteredTicks = slot.RegisteredTicks,
        Organisation = slot.Organisation,
        Reporter = slot.Reporter,
        Day = slot.Day,
        Expiry = slot.Expiry,
        State = slot.State,
        Offered = slot.Offered,
        Followed = slot.Next >= 0,
    };
}
