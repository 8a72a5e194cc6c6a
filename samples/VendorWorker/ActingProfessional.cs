using System.Threading;

namespace VendorWorker;

/// <summary>
/// On whose behalf the current requests go: a vendor's system acts for several professionals, each with a token of
/// their own. Set in an asynchronous flow, it holds for every request of that flow (retries included) and no other.
/// </summary>
internal static class ActingProfessional
{
    /// <summary>Gets whether the current flow acts for the organisation's care coordinator rather than its reporter.</summary>
    public static AsyncLocal<bool> IsCareCoordinator { get; } = new();
}
