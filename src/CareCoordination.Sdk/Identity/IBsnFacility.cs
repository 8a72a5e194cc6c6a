using System.Threading;
using System.Threading.Tasks;

namespace CareCoordination.Sdk.Identity;

/// <summary>
/// The facility that attaches a youth's BSN to a signal for a reporter who may not use the BSN itself (Jeugdwet
/// art. 7.1.4.2: <em>voorziening</em>). The host implements it, for example against the BRP or the BSN services
/// (<em>BSN-voorzieningen</em>); the SDK ships a test double in <c>CareCoordination.Sdk.Testing</c>. Only the SDK sees
/// what it answers: <c>Facility.FacilitatedSignalDesk</c> never passes the BSN on to the reporter.
/// </summary>
public interface IBsnFacility
{
    /// <summary>Finds the one BSN the details belong to.</summary>
    /// <param name="details">What the reporter knows of the youth.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The BSN, or <see langword="null"/> when no person or more than one person fits the details.</returns>
    ValueTask<Bsn?> FindAsync(IdentifyingDetails details, CancellationToken cancellationToken);
}
