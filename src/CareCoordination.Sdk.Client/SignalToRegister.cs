using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Client;

/// <summary>A signal (<em>signaal</em>) a vendor's system registers: about whom and on which legal criterion; the intake route belongs to the coordination case, not to a signal. The organisation and the professional come from the access token.</summary>
/// <param name="Youth">The youth, by BSN and date of birth; its <see cref="Youth.ToString"/> masks the BSN.</param>
/// <param name="Criterion">The legal reporting criterion; it stays in the reporter's records and is not stored in the index.</param>
public sealed record SignalToRegister(Youth Youth, ReportingCriterion Criterion);
