namespace CareCoordination.Sdk.Coordination;

/// <summary>Thrown when a case or coordinator the caller names is not known to the coordination desk.</summary>
public sealed class CaseNotFoundException : CoordinationException
{
    internal CaseNotFoundException(string what)
        : base(what + " is not known to the coordination desk.") => What = what;

    /// <summary>Gets what was not found, for example <c>case-12</c>.</summary>
    public string What { get; }
}
