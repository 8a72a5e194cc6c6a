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
/// unless it is a member of such a value itself (whoever holds the value already has it) or in the reviewed list below;
/// and every public method that takes such data takes an <see cref="Actor"/> too, so that a change of a person's data goes
/// through the access rules with an audit record, unless it is reviewed below (by rule or by name).
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

    // Reviewed: each entry says why taking person data without an actor is not a way around the access rules.
    private static readonly Dictionary<string, string> ReviewedTakers = new()
    {
        ["CoordinationCase.Replay"] = "rebuilds a case from the case's own stored events, which the caller already holds (the desk's store, on start); it reads nothing of the SDK's",
        ["YouthKeying.KeyOf"] = "a value conversion: the key a BSN the caller holds is kept under (the number itself, or its keyed pseudonym); it reads nothing stored",
        ["Pseudonymiser.Of"] = "a value conversion: the keyed pseudonym of a BSN the caller holds; it reads nothing stored",
        ["ConsentPolicy.WhoDecides"] = "a value conversion: who decides for a youth of the date of birth the caller holds, on a day, from the policy's ages; it reads nothing stored",
        ["MatchNotifier.CreateNotifications"] = "addresses a match the caller already holds (from the door or an index event) to its parties, with the professionals' contact details from the organisation directory; it reads no person's data from the index",
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
    public void No_public_member_takes_person_data_without_an_actor_apart_from_the_reviewed_ones()
    {
        var assembly = typeof(Bsn).Assembly;
        var holders = PersonDataHolders(assembly);
        var offenders = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => !holders.Contains(t)))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName))
            {
                if (TakesPersonDataWithoutActor(method, holders) && WhyTakingIsReviewed(type, method) is null)
                {
                    offenders.Add(type.Name + "." + method.Name + "(" + string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name)) + ")");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Take person data without an actor: " + string.Join("; ", offenders));
    }

    [Fact]
    public void The_reviewed_lists_name_only_members_that_exist_and_still_return_or_take_person_data()
    {
        var assembly = typeof(Bsn).Assembly;
        var holders = PersonDataHolders(assembly);
        foreach (var entry in Reviewed.Keys)
        {
            var (type, member) = Named(assembly, entry);
            Assert.Contains(type.GetMethods(), m => (m.Name == member || m.Name == "get_" + member) && Holds(m.ReturnType, holders));
        }

        foreach (var entry in ReviewedTakers.Keys)
        {
            var (type, member) = Named(assembly, entry);
            Assert.Contains(type.GetMethods(), m => m.Name == member && TakesPersonDataWithoutActor(m, holders));
        }

        // The rules excuse something each: the index's listeners, and the events' equality.
        var excused = assembly.GetExportedTypes().Where(t => !holders.Contains(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName && TakesPersonDataWithoutActor(m, holders)).Select(m => (Type: t, Method: m)))
            .ToList();
        Assert.Contains(excused, e => !e.Type.IsInterface && ListensToTheIndex(e.Type, e.Method));
        Assert.Contains(excused, e => IsRecordEquality(e.Type, e.Method));
        Assert.DoesNotContain(excused, e => ListensToTheIndex(e.Type, e.Method) && !e.Method.Name.StartsWith("On", StringComparison.Ordinal));
    }

    private static (Type Type, string Member) Named(Assembly assembly, string entry)
    {
        var dot = entry.IndexOf('.', StringComparison.Ordinal);
        return (assembly.GetExportedTypes().Single(t => t.Name == entry[..dot]), entry[(dot + 1)..]);
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

    private static bool TakesPersonDataWithoutActor(MethodInfo method, HashSet<Type> holders) =>
        method.GetParameters().Any(p => Holds(p.ParameterType, holders)) && !method.GetParameters().Any(p => p.ParameterType == typeof(Actor));

    // Why a member that takes person data without an actor is no way in, or null when nothing says so. The index's
    // listeners, and the equality of events, are reviewed by rule; everything else by name, here or in Reviewed (the
    // registrations, which name their organisation and professional).
    private static string? WhyTakingIsReviewed(Type type, MethodInfo method)
    {
        if (ListensToTheIndex(type, method))
        {
            return "the index calls it with an event it raised itself, inside its own operation; it is no way in for a vendor";
        }

        if (IsRecordEquality(type, method))
        {
            return "the equality of an event record with another the caller already holds; it reads nothing stored";
        }

        return ReviewedTakers.GetValueOrDefault(type.Name + "." + method.Name) ?? Reviewed.GetValueOrDefault(type.Name + "." + method.Name);
    }

    // By interface mapping, not by name: the observer interface's own members, and the members that implement them. The
    // compiler maps a member taking an 'in' event through a private bridge of the type's own that calls the public
    // member of the same signature, so a mapped bridge of the type stands for that member (a default implementation of
    // the interface's stands for none).
    private static bool ListensToTheIndex(Type type, MethodInfo method)
    {
        if (type == typeof(IReferenceIndexObserver))
        {
            return true;
        }

        if (type.IsInterface || !typeof(IReferenceIndexObserver).IsAssignableFrom(type))
        {
            return false;
        }

        var map = type.GetInterfaceMap(typeof(IReferenceIndexObserver));
        return map.TargetMethods.Select((target, i) => (Target: target, Member: map.InterfaceMethods[i])).Any(m =>
            m.Target.MethodHandle == method.MethodHandle
            || (m.Target.DeclaringType == type && !m.Target.IsPublic && m.Member.Name == method.Name
                && m.Member.GetParameters().Select(p => p.ParameterType).SequenceEqual(method.GetParameters().Select(p => p.ParameterType))));
    }

    // A record's Equals(Base) override, which the compiler writes for a record deriving from another record.
    private static bool IsRecordEquality(Type type, MethodInfo method) =>
        method.Name == nameof(Equals)
        && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null
        && method.GetBaseDefinition().DeclaringType != method.DeclaringType;

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
