namespace CareCoordination.Sdk.Matching;

/// <summary>What two signals share that makes them a match (domain rule 5).</summary>
public enum MatchKind
{
    /// <summary>Both signals are about the same youth, from different organisations (<em>persoonsmatch</em>).</summary>
    SameYouth = 1,

    /// <summary>The signals are about different youths of the same family (<em>gezinsmatch</em>); notifications say only that the youths differ.</summary>
    Family,

    /// <summary>The other signal was archived and is offered once now that the youth is signalled again (<em>historische match</em>).</summary>
    Archived,

    /// <summary>
    /// The signals are about different youths registered at the same address in the BRP, not of one family
    /// (<em>adresmatch</em>); an institution's address the region designated never matches. Notifications say only that
    /// the youths differ.
    /// </summary>
    Address,
}
