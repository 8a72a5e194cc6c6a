using CareCoordination.Sdk.Families;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// A family (<em>gezin</em>) as the family table keeps it under its identifier: its members by the index's key in one
/// run of the table's member pool, youths first and then carers, with its address and municipality. No object per
/// family: a family change from the population register rewrites the run in place or takes another, so that it
/// allocates nothing, keyed by BSN or by pseudonym alike.
/// </summary>
/// <remarks>
/// 24 bytes, so that the table's entry with the identifier is 32: the identifier is the table's key and not repeated
/// here, and the address and municipality are held as <c>default(AddressKey)</c> and the code's number, 0 when there is
/// none, rather than in nullable wrappers: the runtime lays a wrapper out on a word of its own. A family change reads
/// its family's entry first, mostly a cache miss at a region's size; an entry of 48 bytes lay across two cache lines
/// more often, and a family took 34 bytes more.
/// </remarks>
/// <param name="memberStart">Where its run of members starts in the pool.</param>
/// <param name="youths">How many youths the run holds first.</param>
/// <param name="carers">How many parents or carers follow them.</param>
/// <param name="address">The household's address, keyed as the index keeps it, or <see langword="null"/>.</param>
/// <param name="municipality">The municipality of that address, or <see langword="null"/>.</param>
internal readonly struct KeptFamily(int memberStart, int youths, int carers, AddressKey? address, MunicipalityCode? municipality)
{
    private readonly AddressKey _address = address ?? default;
    private readonly short _municipality = (short)(municipality?.Value ?? 0);

    /// <summary>Gets where its run of members starts in the pool.</summary>
    public int MemberStart { get; } = memberStart;

    /// <summary>Gets how many youths the run holds first.</summary>
    public int Youths { get; } = youths;

    /// <summary>Gets how many parents or carers follow them.</summary>
    public int Carers { get; } = carers;

    /// <summary>Gets the municipality of the household's address, or <see langword="null"/>.</summary>
    public MunicipalityCode? Municipality => _municipality == 0 ? null : MunicipalityCode.FromNumber(_municipality);

    /// <summary>Gets the household's address, keyed as the index keeps it, or <see langword="null"/>.</summary>
    public AddressKey? Address => _address.IsDefault ? null : _address;

    /// <summary>How many members the run holds.</summary>
    public int Members => Youths + Carers;
}
