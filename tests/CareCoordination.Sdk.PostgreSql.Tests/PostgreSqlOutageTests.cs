using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Availability;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL store through a server restart and an outage, on a cluster of these tests' own (the shared test
/// server is never restarted).
/// </summary>
public sealed class PostgreSqlOutageTests(ThrowawayPostgres server) : IClassFixture<ThrowawayPostgres>
{
    private static readonly OrganisationId[] Organisations = [TestRegion.School, TestRegion.SocialWork, TestRegion.YouthHealthCare, TestRegion.YouthProtection];
    private static readonly Bsn[] Youths = TestBsns.Generate(20_000, seed: 12);

    [Fact]
    public void Every_registration_acknowledged_while_postgresql_restarts_under_eight_writers_is_stored_once_and_answers_its_retried_key()
    {
        var store = new PostgreSqlSignalStore(server.ConnectionString, "restart");
        var index = NewIndex(store);
        var acknowledged = new ConcurrentDictionary<string, (long Id, int Youth)>();
        var unavailable = 0;
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 8).Select(writer => new Thread(() =>
        {
            try
            {
                for (var i = 0; !stop.IsSet; i++)
                {
                    var youth = Youths[(i * 8) + writer];
                    var key = string.Create(CultureInfo.InvariantCulture, $"writer-{writer}-{i}");
                    while (true)
                    {
                        try
                        {
                            var result = index.Register(Registration(youth, Organisations[writer % 4], key));
                            result.ThrowIfRefused();
                            acknowledged[key] = (result.Signal.Id.Value, youth.RevealNumber());
                            break;
                        }
                        catch (StoreUnavailableException)
                        {
                            // A vendor client retries the same registration, with its key, until the store is back.
                            Interlocked.Increment(ref unavailable);
                            Thread.Sleep(20);
                        }
                    }
                }
            }
#pragma warning disable CA1031 // The failure is reported by the test thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Enqueue(e);
            }
        })).ToList();
        try
        {
            writers.ForEach(w => w.Start());
            SpinWait.SpinUntil(() => acknowledged.Count >= 100 || !failures.IsEmpty, TimeSpan.FromSeconds(60));
            server.Restart();
            var afterRestart = acknowledged.Count;
            SpinWait.SpinUntil(() => acknowledged.Count >= afterRestart + 100 || !failures.IsEmpty, TimeSpan.FromSeconds(60));
        }
        finally
        {
            stop.Set();
            writers.ForEach(w => w.Join());
        }

        Assert.Empty(failures);
        Assert.True(unavailable > 0, "no writer saw the restart: the test proved nothing");
        store.Dispose();

        using var reopened = new PostgreSqlSignalStore(server.ConnectionString, "restart");
        var rebuilt = NewIndex(reopened);
        var stored = StoredRows.Of(reopened);
        Assert.Equal(acknowledged.Count, stored.Count);
        foreach (var (key, (id, youth)) in acknowledged)
        {
            Assert.Single(stored, s => s.Id.Value == id && s.Youth.Value == youth);
            var retry = rebuilt.Register(Registration(Bsn.FromNumber(youth), Organisations[int.Parse(key.Split('-')[1], CultureInfo.InvariantCulture) % 4], key));
            Assert.Equal(id, retry.Signal.Id.Value);
        }

        Assert.Equal(acknowledged.Count, rebuilt.ActiveSignalCount);
    }

    [Fact]
    public void While_the_server_is_stopped_a_registration_fails_with_a_transient_error_that_names_no_password_and_leaves_the_index_unchanged_then_succeeds_once_it_is_back()
    {
        using var store = new PostgreSqlSignalStore(server.ConnectionString, "outage");
        var index = NewIndex(store);
        index.Register(Registration(Youths[0], TestRegion.School, "before")).ThrowIfRefused();

        StoreUnavailableException error;
        try
        {
            server.Stop();
            error = Assert.Throws<StoreUnavailableException>(() => index.Register(Registration(Youths[1], TestRegion.School, "during")));
            Assert.Throws<StoreUnavailableException>(() => index.Register(Registration(Youths[1], TestRegion.School, "during")));
            Assert.Equal(1, index.ActiveSignalCount);
        }
        finally
        {
            server.Start();
        }

        Assert.Equal("PostgreSQL schema", error.Kind);
        Assert.Equal("outage", error.Name);
        Assert.DoesNotContain(ThrowawayPostgres.Password, error.ToString(), StringComparison.Ordinal);
        var retry = index.Register(Registration(Youths[1], TestRegion.School, "during"));
        Assert.Equal(RegistrationOutcome.Registered, retry.Outcome);
        Assert.Equal(2, index.ActiveSignalCount);
        Assert.Equal(2, StoredRows.Of(store).Count);
    }

    private static ReferenceIndex NewIndex(ISignalStore store) =>
        new(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)), store);

    private static SignalRegistration Registration(Bsn youth, OrganisationId organisation, string key) =>
        new SignalRegistration(new Youth(youth, new LocalDate(2015, 6, 1)), organisation, TestRegion.ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems)
            .WithIdempotencyKey(key);
}
