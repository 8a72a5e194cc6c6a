namespace CareCoordination.Sdk.Privacy.Requests;

/// <summary>Thrown when a request of the youth or the parents cannot be decided as asked (it was decided already); nothing changed.</summary>
public sealed class SubjectRequestRefusedException : PrivacyException
{
    internal SubjectRequestRefusedException(string message, int request, SubjectRequestStatus status)
        : base(message)
    {
        Request = request;
        Status = status;
    }

    /// <summary>Gets the request's number.</summary>
    public int Request { get; }

    /// <summary>Gets where the request stands.</summary>
    public SubjectRequestStatus Status { get; }
}
