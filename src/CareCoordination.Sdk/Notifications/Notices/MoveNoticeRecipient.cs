using CareCoordination.Sdk.Families;
namespace CareCoordination.Sdk.Notifications.Notices;

/// <summary>Whom a <see cref="MoveNotice"/> is for.</summary>
public enum MoveNoticeRecipient
{
    /// <summary>A reporter with an active signal on the youth who moved.</summary>
    Reporter = 1,

    /// <summary>The match coordinator (<em>matchregisseur</em>) of the municipality the youth moved to.</summary>
    MunicipalMatchCoordinator,
}
