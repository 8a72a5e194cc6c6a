using System;

namespace CareCoordination.Sdk.Compliance;

/// <summary>
/// Declares that a type or member holds person data and how it is classified, so that redaction is
/// declared, not remembered. A test in the SDK fails when a public member that exposes person data is
/// not classified.
/// </summary>
[AttributeUsage(
    AttributeTargets.Struct | AttributeTargets.Class | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter,
    AllowMultiple = false,
    Inherited = false)]
public sealed class PersonDataAttribute : Attribute
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="classification">How sensitive the data is.</param>
    public PersonDataAttribute(PersonDataClassification classification) => Classification = classification;

    /// <summary>Gets how sensitive the data is.</summary>
    public PersonDataClassification Classification { get; }
}
