using CareCoordination.Sdk.Identity;
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
