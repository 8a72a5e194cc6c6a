namespace CareCoordination.Sdk.Plans;

/// <summary>Who in the family takes part in the plan (<em>deelname van ouders en jeugdige</em>).</summary>
public enum FamilyMember
{
    /// <summary>The parents or carers.</summary>
    Parents = 1,

    /// <summary>The youth.</summary>
    Youth,
}
