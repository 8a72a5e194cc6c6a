namespace CareCoordination.Sdk.Matching;

/// <summary>Why a notification goes to its recipient.</summary>
public enum NotificationRecipientRole
{
    /// <summary>The recipient is the contact professional of one of the matched signals.</summary>
    Reporter = 1,

    /// <summary>The recipient is the organisation coordinator (<em>instellingscoördinator</em>) of a matched organisation, who receives a copy.</summary>
    OrganisationCoordinator,

    /// <summary>The recipient is the designated match coordinator (<em>matchregisseur</em>), who makes sure the professionals contact each other.</summary>
    MatchCoordinator,
}
