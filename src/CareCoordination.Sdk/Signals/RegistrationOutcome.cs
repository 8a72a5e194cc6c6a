using CareCoordination.Sdk.Index;
namespace CareCoordination.Sdk.Signals;

/// <summary>What a registration did to the reference index.</summary>
public enum RegistrationOutcome
{
    /// <summary>The registration was refused and changed nothing; see <see cref="RegistrationResult.Refusal"/>.</summary>
    Refused = 0,

    /// <summary>A new signal was registered; it may have created matches.</summary>
    Registered,

    /// <summary>The organisation already had an active signal on the youth: it was renewed, and nothing matched.</summary>
    Renewed,
}
