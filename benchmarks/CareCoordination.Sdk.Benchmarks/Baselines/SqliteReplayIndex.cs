using System;
using CareCoordination.Sdk.Benchmarks.Replay;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Benchmarks.Baselines;

/// <summary>
/// The replay's rules in an in-memory SQLite database with prepared statements, indexed for every question the rules
/// ask: signals by youth and organisation, active signals by end day, archived signals by deletion day, families by
/// member. Each simulated day is one transaction, which flatters SQLite (a vendor would commit per registration), so
/// its ratio is a lower bound.
/// </summary>
internal sealed class SqliteReplayIndex : ReplayTarget
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _join;
    private readonly SqliteCommand _renew;
    private readonly SqliteCommand _sameYouth;
    private readonly SqliteCommand _family;
    private readonly SqliteCommand _offer;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _removeAtAgeLimit;
    private readonly SqliteCommand _archive;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;

    public SqliteReplayIndex(ReplayWorkload workload)
        : base(workload)
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _connection.Execute("CREATE TABLE signals (id INTEGER PRIMARY KEY, youth INTEGER NOT NULL, organisation INTEGER NOT NULL, active_until INTEGER NOT NULL, at_age_limit INTEGER NOT NULL, age_limit INTEGER NOT NULL, archived INTEGER NOT NULL, archived_until INTEGER, offered INTEGER NOT NULL)");
        _connection.Execute("CREATE INDEX signals_youth ON signals (youth, organisation)");
        _connection.Execute("CREATE INDEX signals_active_until ON signals (active_until) WHERE archived = 0");
        _connection.Execute("CREATE INDEX signals_archived_until ON signals (archived_until) WHERE archived = 1");
        _connection.Execute("CREATE TABLE members (family INTEGER NOT NULL, youth INTEGER NOT NULL, PRIMARY KEY (family, youth)) WITHOUT ROWID");
        _join = _connection.Prepare("INSERT OR IGNORE INTO members (family, youth) VALUES ($family, $youth)", "$family", "$youth");
        _renew = _connection.Prepare("UPDATE signals SET active_until = $until, at_age_limit = $limit WHERE youth = $youth AND organisation = $organisation AND archived = 0", "$until", "$limit", "$youth", "$organisation");
        _sameYouth = _connection.Prepare("SELECT organisation FROM signals WHERE youth = $youth AND organisation <> $organisation AND archived = 0", "$youth", "$organisation");
        _family = _connection.Prepare("SELECT s.organisation FROM members m JOIN signals s ON s.youth = m.youth WHERE m.family = $family AND m.youth <> $youth AND s.organisation <> $organisation AND s.archived = 0", "$family", "$youth", "$organisation");
        _offer = _connection.Prepare("UPDATE signals SET offered = 1 WHERE youth = $youth AND organisation <> $organisation AND archived = 1 AND offered = 0", "$youth", "$organisation");
        _insert = _connection.Prepare("INSERT INTO signals (youth, organisation, active_until, at_age_limit, age_limit, archived, offered) VALUES ($youth, $organisation, $until, $limit, $age, 0, 0)", "$youth", "$organisation", "$until", "$limit", "$age");
        _removeAtAgeLimit = _connection.Prepare("DELETE FROM signals WHERE archived = 0 AND active_until <= $day AND at_age_limit = 1", "$day");
        _archive = _connection.Prepare("UPDATE signals SET archived = 1, archived_until = MIN($until, age_limit), offered = 0 WHERE archived = 0 AND active_until <= $day", "$until", "$day");
        _delete = _connection.Prepare("DELETE FROM signals WHERE archived = 1 AND archived_until <= $day", "$day");
        _begin = _connection.Prepare("BEGIN");
        _commit = _connection.Prepare("COMMIT");
    }

    public override void Dispose()
    {
        foreach (var command in new[] { _join, _renew, _sameYouth, _family, _offer, _insert, _removeAtAgeLimit, _archive, _delete, _begin, _commit })
        {
            command.Dispose();
        }

        _connection.Dispose();
        base.Dispose();
    }

    protected override void RunDailyJob(int day, ReplayCounts counts)
    {
        _begin.ExecuteNonQuery();
        _removeAtAgeLimit.Parameters[0].Value = day;
        counts.RemovedAtAgeLimit += _removeAtAgeLimit.ExecuteNonQuery();
        _archive.Parameters[0].Value = Workload.ArchivedUntil[day];
        _archive.Parameters[1].Value = day;
        counts.ExpiredToArchive += _archive.ExecuteNonQuery();
        _delete.Parameters[0].Value = day;
        counts.DeletedFromArchive += _delete.ExecuteNonQuery();
        _commit.ExecuteNonQuery();
    }

    protected override void BeginDay(int day) => _begin.ExecuteNonQuery();

    protected override void EndDay() => _commit.ExecuteNonQuery();

    protected override void Register(int i, int day, ReplayCounts counts)
    {
        var youth = Workload.BsnNumber[i];
        var organisation = Workload.Organisation[i];
        var ageLimit = Workload.AgeLimitDay[i];
        if (ageLimit <= day)
        {
            counts.Refused++;
            return;
        }

        var family = Workload.Family[i];
        if (family != 0)
        {
            _join.Parameters[0].Value = family;
            _join.Parameters[1].Value = youth;
            _join.ExecuteNonQuery();
        }

        var endsAtAgeLimit = ageLimit <= Workload.ActiveUntil[day];
        var activeUntil = endsAtAgeLimit ? ageLimit : Workload.ActiveUntil[day];
        _renew.Parameters[0].Value = activeUntil;
        _renew.Parameters[1].Value = endsAtAgeLimit ? 1 : 0;
        _renew.Parameters[2].Value = youth;
        _renew.Parameters[3].Value = organisation;
        if (_renew.ExecuteNonQuery() > 0)
        {
            counts.Renewed++;
            return;
        }

        _sameYouth.Parameters[0].Value = youth;
        _sameYouth.Parameters[1].Value = organisation;
        counts.SameYouthMatches += Rows(_sameYouth);
        if (family != 0)
        {
            _family.Parameters[0].Value = family;
            _family.Parameters[1].Value = youth;
            _family.Parameters[2].Value = organisation;
            counts.FamilyMatches += Rows(_family);
        }

        _offer.Parameters[0].Value = youth;
        _offer.Parameters[1].Value = organisation;
        counts.ArchivedMatches += _offer.ExecuteNonQuery();
        _insert.Parameters[0].Value = youth;
        _insert.Parameters[1].Value = organisation;
        _insert.Parameters[2].Value = activeUntil;
        _insert.Parameters[3].Value = endsAtAgeLimit ? 1 : 0;
        _insert.Parameters[4].Value = ageLimit;
        _insert.ExecuteNonQuery();
        counts.Registered++;
    }

    private static int Rows(SqliteCommand query)
    {
        var rows = 0;
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }
}
