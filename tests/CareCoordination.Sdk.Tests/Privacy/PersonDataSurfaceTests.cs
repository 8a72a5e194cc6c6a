using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy;

/// <summary>
/// No public member hands out person data around the access rules: every public method or property that returns a
/// <see cref="Bsn"/>, a <see cref="Youth"/>, a <see cref="Family"/> or a type that holds one takes an <see cref="Actor"/>,
/// unless it is a member of such a value itself (whoever holds the value already has it) or in the reviewed list below.
/// </summary>
public sealed class PersonDataSurfaceTests
{
    // Reviewed: each entry says why it is not a way around the access rules.
    private static readonly Dictionary<string, string> Reviewed = new()
    {
        ["ReferenceIndex.Register"] = "a reporting organisation's system registers its own signal; the result echoes back only the youth it sent, and the registration names its organisation and professional, who act",
        ["ReferenceIndex.RegisterBatch"] = "as Register, one registration at a time",
        ["ReferenceIndex.RegisterAsync"] = "as Register, awaited until durable",
        ["ReferenceIndex.RegisterBatchAsync"] = "as RegisterBatch, awaited until durable",
        ["IBsnFacility.FindAsync"] = "the host implements it (the BSN facility's lookup, behind its own access rules); the SDK calls it, a vendor never reads through it",
        ["SubstituteNumber.AsIndexKey"] = "a value conversion of a number the caller already holds; it reads nothing stored",
        ["CareCoordinationJson.RevealingBsnConverter"] = "a serialisation builder a host opts into to write BSNs it already holds; it reads nothing from the SDK",
    };

    [Fact]
    public void No_public_member_returns_person_data_without_an_actor_apart_from_the_reviewed_ones()
    {
        var assembly = typeof(Bsn).Assembly;
        var holders = PersonDataHolders(assembly);
        var offenders = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => !holders.Contains(t)))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var name = type.Name + "." + (method.IsSpecialName && method.Name.StartsWith("get_", StringComparison.Ordinal) ? method.Name[4..] : method.Name);
                if (Holds(method.ReturnType, holders) && !method.GetParameters().Any(p => p.ParameterType == typeof(Actor)) && !Reviewed.ContainsKey(name))
                {
                    offenders.Add(name + " returns " + method.ReturnType.Name);
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_reviewed_list_names_only_members_that_exist_and_still_return_person_data()
    {
        var assembly = typeof(Bsn).Assembly;
        var holders = PersonDataHolders(assembly);
        foreach (var entry in Reviewed.Keys)
        {
            var (typeName, member) = (entry[..entry.IndexOf('.', StringComparison.Ordinal)], entry[(entry.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            var type = assembly.GetExportedTypes().Single(t => t.Name == typeName);
            Assert.Contains(type.GetMethods(), m => (m.Name == member || m.Name == "get_" + member) && Holds(m.ReturnType, holders));
        }
    }

    [Fact]
    public void The_check_sees_through_collections_nullables_and_the_types_that_hold_a_BSN()
    {
        var holders = PersonDataHolders(typeof(Bsn).Assembly);

        Assert.Contains(typeof(Signal), holders);
        Assert.Contains(typeof(Sdk.Matching.Match), holders);
        Assert.True(Holds(typeof(IReadOnlyList<Signal>), holders));
        Assert.True(Holds(typeof(Bsn?), holders));
        Assert.DoesNotContain(typeof(Sdk.Coordination.CoordinationCase), holders);
        Assert.DoesNotContain(typeof(AuditRecord), holders);
    }

    private static bool Holds(Type type, HashSet<Type> holders) =>
        holders.Contains(type)
        || (Nullable.GetUnderlyingType(type) is { } inner && Holds(inner, holders))
        || (type.IsArray && Holds(type.GetElementType()!, holders))
        || (type.IsByRef && Holds(type.GetElementType()!, holders))
        || (type.IsGenericType && type.GetGenericArguments().Any(a => Holds(a, holders)));

    // A type holds person data when a public property of it, or of a public type derived from it, does.
    private static HashSet<Type> PersonDataHolders(Assembly assembly)
    {
        var holders = new HashSet<Type> { typeof(Bsn), typeof(Youth), typeof(Family) };
        var types = assembly.GetExportedTypes();
        bool changed;
        do
        {
            changed = false;
            foreach (var type in types.Where(t => !holders.Contains(t)))
            {
                if (type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => Holds(p.PropertyType, holders))
                    || types.Any(d => d != type && type.IsAssignableFrom(d) && holders.Contains(d)))
                {
                    changed |= holders.Add(type);
                }
            }
        }
        while (changed);
        return holders;
    }
}
