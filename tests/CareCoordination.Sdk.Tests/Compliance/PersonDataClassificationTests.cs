using System;
using System.Linq;
using System.Reflection;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Compliance;

public sealed class PersonDataClassificationTests
{
    private static readonly Type[] PersonTypes = [typeof(Bsn), typeof(Youth)];

    [Fact]
    public void Every_public_member_that_exposes_a_BSN_a_youth_or_a_date_of_birth_is_classified()
    {
        var unclassified = typeof(Bsn).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(ExposesPersonData)
            .Where(p => p.GetCustomAttribute<PersonDataAttribute>() is null)
            .Select(p => p.DeclaringType!.Name + "." + p.Name)
            .ToList();

        Assert.Empty(unclassified);
    }

    [Fact]
    public void The_check_sees_person_data_members_so_it_can_fail()
    {
        var seen = typeof(Bsn).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(ExposesPersonData)
            .Select(p => p.DeclaringType!.Name + "." + p.Name)
            .ToList();

        Assert.Contains("Signal.Youth", seen);
        Assert.Contains("Youth.DateOfBirth", seen);
        Assert.Contains("Family.Youths", seen);
        Assert.Contains("SignalRegistration.Youth", seen);
    }

    [Fact]
    public void The_classification_of_the_BSN_is_a_direct_identifier()
    {
        Assert.Equal(PersonDataClassification.DirectIdentifier, typeof(Bsn).GetCustomAttribute<PersonDataAttribute>()!.Classification);
        Assert.Equal(PersonDataClassification.QuasiIdentifier, typeof(Youth).GetProperty(nameof(Youth.DateOfBirth))!.GetCustomAttribute<PersonDataAttribute>()!.Classification);
    }

    private static bool ExposesPersonData(PropertyInfo property)
    {
        var type = property.PropertyType;
        if (PersonTypes.Contains(type) || (property.Name.Contains("Birth", StringComparison.Ordinal) && type == typeof(LocalDate)))
        {
            return true;
        }

        return type.IsGenericType && type.GetGenericArguments().Any(PersonTypes.Contains);
    }
}
