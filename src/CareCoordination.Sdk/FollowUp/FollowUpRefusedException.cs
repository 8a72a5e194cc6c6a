using System;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.FollowUp;

/// <summary>A follow-up step was refused: the one recording is not the match coordinator, or the contact is not one of the match's parties. An unknown match is a <see cref="NotFoundException"/>, as everything the SDK does not know.</summary>
public sealed class FollowUpRefusedException : InvalidOperationException
{
    /// <summary>Initializes a new instance.</summary>
    public FollowUpRefusedException()
        : this("The follow-up step was refused.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">Why.</param>
    public FollowUpRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public FollowUpRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal FollowUpRefusedException(string message, OrganisationId? matchCoordinator)
        : base(message)
    {
        MatchCoordinator = matchCoordinator;
    }

    /// <summary>Gets the match's coordinator.</summary>
    public OrganisationId? MatchCoordinator { get; }
}
