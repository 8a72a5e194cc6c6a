using System;
using System.Collections.Generic;
using System.IO;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>Looks for a BSN in the bytes a real store wrote: as nine ASCII digits, and as a 32-bit integer in either byte order.</summary>
public static class StoredBytes
{
    /// <summary>Writes a family of three youths, each with signals from two organisations, through an index into a store.</summary>
    /// <param name="store">The store.</param>
    /// <param name="pseudonymiser">The pseudonymiser, or <see langword="null"/> for an index keyed by BSN.</param>
    /// <param name="seed">Chooses the youths, so that tests sharing a server use their own numbers.</param>
    /// <returns>The youths' and the carer's BSNs.</returns>
    public static IReadOnlyList<Bsn> WriteFamily(ISignalStore store, YouthPseudonymiser? pseudonymiser, int seed)
    {
        var people = TestBsns.Generate(4, seed);
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, null, pseudonymiser);
        index.AddOrReplaceFamily(Family.Create(new FamilyId(seed), [people[0], people[1], people[2]], [people[3]]));
        for (var i = 0; i < 3; i++)
        {
            var youth = new Youth(people[i], new LocalDate(2012 + i, 3, 1));
            foreach (var organisation in new[] { TestRegion.YouthHealthCare, TestRegion.SocialWork })
            {
                index.Register(new SignalRegistration(youth, organisation, TestRegion.ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems)).ThrowIfRefused();
            }
        }

        return people;
    }

    /// <summary>Tells whether any of the files holds the BSN.</summary>
    /// <param name="files">The files.</param>
    /// <param name="bsn">The BSN.</param>
    /// <returns>Whether one does.</returns>
    public static bool AnyContains(IEnumerable<string> files, Bsn bsn)
    {
        var number = bsn.RevealNumber();
        byte[][] patterns =
        [
            System.Text.Encoding.ASCII.GetBytes(bsn.RevealDigits()),
            BitConverter.GetBytes(number),
            [(byte)(number >> 24), (byte)(number >> 16), (byte)(number >> 8), (byte)number],
        ];
        foreach (var file in files)
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
            }

            foreach (var pattern in patterns)
            {
                if (bytes.AsSpan().IndexOf(pattern) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
