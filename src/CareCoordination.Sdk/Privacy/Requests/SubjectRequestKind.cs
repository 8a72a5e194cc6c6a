namespace CareCoordination.Sdk.Privacy.Requests;

/// <summary>What the youth or the parents ask of the organisation that made a signal (domain rule 10; AVG art. 16, 17 and 21).</summary>
public enum SubjectRequestKind
{
    /// <summary>An objection (<em>bezwaar</em>): the youth or the parents object to the signal. Upheld, the signal is removed, never archived.</summary>
    Objection = 1,

    /// <summary>
    /// A correction request (<em>correctieverzoek</em>): the signal is about the wrong youth, or its data (who signalled,
    /// when, until when) are wrong. A signal holds nothing else that could be corrected in place, so upheld, the signal
    /// is removed, never archived; the organisation signals anew if it is still concerned about the right youth.
    /// </summary>
    Correction,

    /// <summary>An erasure request (<em>verzoek tot verwijdering</em>). Upheld, the signal is removed, never archived.</summary>
    Erasure,
}
