using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Fluent;

namespace CareCoordination.Sdk.Tests;

/// <summary>The one place that generates valid domain values for FsCheck properties.</summary>
public static class DomainArbitraries
{
    public static Arbitrary<Bsn> Bsn() =>
        Gen.Choose(1, 999_999_999)
            .Select(NextValid)
            .ToArbitrary();

    /// <summary>Histories of the index over six youths (two families) and four organisations, spanning years.</summary>
    public static Arbitrary<IndexOperation[]> Histories() =>
        Gen.ArrayOf(Operation()).ToArbitrary();

    public static Gen<IndexOperation> Operation() =>
        Gen.Frequency(
            (6, from y in Gen.Choose(0, IndexModel.YouthCount - 1)
                from o in Gen.Choose(0, IndexModel.OrganisationCount - 1)
                select (IndexOperation)new IndexOperation.Register(y, o)),
            (2, from y in Gen.Choose(0, IndexModel.YouthCount - 1)
                from o in Gen.Choose(0, IndexModel.OrganisationCount - 1)
                from r in Gen.Elements(WithdrawalReason.Unjustified, WithdrawalReason.RiskGone, WithdrawalReason.ObjectionUpheld, WithdrawalReason.ErasureRequested)
                select (IndexOperation)new IndexOperation.Withdraw(y, o, r)),
            (2, Gen.Choose(1, 400).Select(d => (IndexOperation)new IndexOperation.AdvanceDays(d))),
            (2, Gen.Constant((IndexOperation)new IndexOperation.Expire())),
            (1, Gen.Choose(0, IndexModel.YouthCount - 1).Select(y => (IndexOperation)new IndexOperation.Death(y))));

    private static Sdk.Identity.Bsn NextValid(int start)
    {
        for (var n = start; ; n = n >= 999_999_999 ? 1 : n + 1)
        {
            if (Sdk.Identity.Bsn.PassesElevenTest(n))
            {
                return Sdk.Identity.Bsn.FromNumber(n);
            }
        }
    }
}
