using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Tests.Signals;

/// <summary>One step of a random history of the reference index, over a small universe of youths and organisations.</summary>
public abstract record IndexOperation
{
    public sealed record Register(int Youth, int Organisation) : IndexOperation;

    public sealed record Withdraw(int Youth, int Organisation, WithdrawalReason Reason) : IndexOperation;

    public sealed record AdvanceDays(int Days) : IndexOperation;

    public sealed record Expire : IndexOperation;

    public sealed record Death(int Youth) : IndexOperation;
}
