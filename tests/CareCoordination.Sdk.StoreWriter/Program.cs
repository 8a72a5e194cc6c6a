using System;
using System.Globalization;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.PostgreSql;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

// The writer of the kill test: registers signals into a durable store as fast as it can, each with its own idempotency
// key, and prints one line before each registration and one per registration the index acknowledged, until the test
// kills it with SIGKILL. With --standby first, it opens the store as a standby: it prints "standby" to standard error,
// waits without the writer lock until the store is free, and then writes. With --writers N, N threads register at once,
// so that the group committer merges their registrations into shared commits, as a busy region's would be.
// Usage: [--standby] [--writers N] <sqlite|postgres> <path|connection string> <seed> [PostgreSQL schema].
var standby = args.Length > 0 && args[0] == "--standby";
var arguments = standby ? args[1..] : args;
var writers = 1;
if (arguments.Length > 1 && arguments[0] == "--writers")
{
    writers = int.Parse(arguments[1], CultureInfo.InvariantCulture);
    arguments = arguments[2..];
}

if (arguments.Length is < 3 or > 4)
{
    Console.Error.WriteLine("usage: CareCoordination.Sdk.StoreWriter [--standby] [--writers N] <sqlite|postgres> <path|connection string> <seed> [schema]");
    return 2;
}

var seed = int.Parse(arguments[2], CultureInfo.InvariantCulture);
var schema = arguments.Length == 4 ? arguments[3] : "carecoordination";
ISignalStore store;
if (standby)
{
    Console.Error.WriteLine("standby");
    var polling = new StandbyOptions { PollInterval = TimeSpan.FromMilliseconds(250) };
    store = arguments[0] == "sqlite"
        ? await SqliteSignalStore.OpenAsStandbyAsync(arguments[1], null, polling, CancellationToken.None)
        : await PostgreSqlSignalStore.OpenAsStandbyAsync(arguments[1], schema, polling, CancellationToken.None);
}
else
{
    store = arguments[0] == "sqlite" ? new SqliteSignalStore(arguments[1]) : new PostgreSqlSignalStore(arguments[1], schema);
}

var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);
var youths = TestBsns.Generate(5_000, seed: 1);
var organisations = new[] { TestRegion.School, TestRegion.SocialWork, TestRegion.YouthHealthCare, TestRegion.YouthProtection };
var output = new Lock();
Console.Out.Flush();
var threads = new Thread[writers];
for (var w = 0; w < writers; w++)
{
    var writer = w;
    threads[w] = new Thread(() => Write(writer)) { IsBackground = true };
    threads[w].Start();
}

foreach (var thread in threads)
{
    thread.Join();
}

return 0;

void Write(int writer)
{
    var random = new Random(seed * 1_000 + writer);
    for (var i = 0; i < 200_000; i++)
    {
        var organisation = organisations[random.Next(organisations.Length)];
        var youth = new Youth(youths[random.Next(youths.Length)], new LocalDate(2015, 6, 1));
        var key = writers == 1
            ? string.Create(CultureInfo.InvariantCulture, $"writer-{seed}-{i}")
            : string.Create(CultureInfo.InvariantCulture, $"writer-{seed}-{writer}-{i}");
        Print(string.Create(CultureInfo.InvariantCulture, $"try {youth.Bsn.RevealNumber()} {organisation.Value} {key}\n"));
        var result = index.Register(new SignalRegistration(youth, organisation, TestRegion.ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems).WithIdempotencyKey(key));
        result.ThrowIfRefused();

        // Printed only after Register returned: every "ack" line the test reads is an acknowledged registration.
        Print(string.Create(CultureInfo.InvariantCulture, $"ack {result.Signal.Id.Value} {youth.Bsn.RevealNumber()} {organisation.Value} {key} {result.Outcome}\n"));
    }
}

void Print(string line)
{
    lock (output)
    {
        Console.Out.Write(line);
        Console.Out.Flush();
    }
}
