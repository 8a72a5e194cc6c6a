using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

public sealed class PublicStorageContractTests
{
    [Fact]
    public void The_core_opens_its_internals_to_its_own_tests_and_benchmarks_only_so_every_store_package_uses_the_public_contract()
    {
        var friends = typeof(ReferenceIndex).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Order().ToArray();

        Assert.Equal(["CareCoordination.Sdk.Benchmarks", "CareCoordination.Sdk.Tests"], friends);
    }
}
