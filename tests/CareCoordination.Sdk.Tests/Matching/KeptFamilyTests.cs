using System.Runtime.CompilerServices;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Matching;
using Xunit;

namespace CareCoordination.Sdk.Tests.Matching;

public sealed class KeptFamilyTests
{
    [Fact]
    public void A_kept_family_takes_24_bytes_so_that_its_entry_in_the_family_table_is_32()
    {
        Assert.Equal(24, Unsafe.SizeOf<KeptFamily>());
    }

    [Fact]
    public void A_kept_family_gives_back_the_address_and_municipality_it_was_kept_with_or_none()
    {
        var address = AddressKey.Create("1234 AB", 12, "a");
        var kept = new KeptFamily(memberStart: 8, youths: 2, carers: 1, address, MunicipalityCode.FromNumber(344));
        var withoutAddress = new KeptFamily(memberStart: 0, youths: 1, carers: 0, address: null, municipality: null);

        Assert.Equal(address, kept.Address);
        Assert.Equal(MunicipalityCode.FromNumber(344), kept.Municipality);
        Assert.Equal(3, kept.Members);
        Assert.Null(withoutAddress.Address);
        Assert.Null(withoutAddress.Municipality);
    }
}
