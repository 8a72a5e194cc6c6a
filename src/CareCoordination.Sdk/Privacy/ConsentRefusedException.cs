namespace CareCoordination.Sdk.Privacy;

/// <summary>Thrown when a consent is not given by the right persons for the youth's age; nothing is registered.</summary>
public sealed class ConsentRefusedException : PrivacyException
{
    internal ConsentRefusedException(string message, ConsentGiver required, ConsentGiver given)
        : base(message)
    {
        Required = required;
        Given = given;
    }

    /// <summary>Gets who must consent for the youth's age.</summary>
    public ConsentGiver Required { get; }

    /// <summary>Gets who consented.</summary>
    public ConsentGiver Given { get; }
}
