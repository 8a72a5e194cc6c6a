namespace CareCoordination.Sdk.Coordination;

/// <summary>How a coordination case ended; the municipality counts outcomes to see what coordination yields.</summary>
public enum CaseOutcome
{
    /// <summary>The family plan's goals were reached.</summary>
    GoalsReached = 1,

    /// <summary>The family manages again without coordination (<em>gezin heeft weer grip</em>).</summary>
    FamilyManagesIndependently,

    /// <summary>Youth protection kept the case for good.</summary>
    TransferredToYouthProtection,

    /// <summary>The family moved to another municipality; the case went with them.</summary>
    FamilyMoved,

    /// <summary>The family declined coordination.</summary>
    FamilyDeclined,
}
