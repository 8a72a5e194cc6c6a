using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Organisations;

/// <summary>The name of an <see cref="OrganisationKind"/> in messages, in the current UI culture.</summary>
internal static class OrganisationKindNames
{
    /// <summary>Gets the kind's name: the code name in English (as the messages have always said), the field's name in Dutch.</summary>
    public static string Of(OrganisationKind kind) =>
        OrganisationMessages.ResourceManager.GetString("Kind_" + kind.ToString(), OrganisationMessages.Culture) ?? kind.ToString();
}
