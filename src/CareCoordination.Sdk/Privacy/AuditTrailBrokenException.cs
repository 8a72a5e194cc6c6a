using System.Globalization;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Thrown when the audit trail does not verify as the store opens: a record was changed, removed, moved, forged or
/// purged without a signature, or records at the end are missing against the last checkpoint. The store is left as
/// it was, for the privacy officer to investigate; <see cref="Verification"/> names the first broken link.
/// </summary>
public sealed class AuditTrailBrokenException : PrivacyException
{
    internal AuditTrailBrokenException(AuditVerification verification)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"The audit trail does not verify at record #{verification.FirstBrokenSequence}: {verification.Reason}. Keep the store as it is and report it to the privacy officer (docs/security.md)."))
    {
        Verification = verification;
    }

    /// <summary>Gets the verification that failed.</summary>
    public AuditVerification Verification { get; }
}
