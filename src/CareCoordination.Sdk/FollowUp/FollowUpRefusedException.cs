using System;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.FollowUp;

/// <summary>A follow-up step was refused: the match is unknown, or the one recording is not the match coordinator, or the contact is not one of the match's parties.</summary>
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

    /// <summary>Gets the match's coordinator, when the match is known.</summary>
    public OrganisationId? MatchCoordinator { get; }
}
