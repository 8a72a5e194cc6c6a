using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CareCoordination.Sdk.Benchmarks.Baselines;

/// <summary>The straightforward index a vendor might write first: BSN strings as keys, a list per youth, LINQ to match.</summary>
internal sealed class NaiveDictionaryIndex
{
    private readonly Dictionary<string, List<NaiveSignal>> _signals = [];

    public int Register(string bsn, int organisation, int reporter, Instant now)
    {
        if (!_signals.TryGetValue(bsn, out var list))
        {
            list = [];
            _signals[bsn] = list;
        }

        var own = list.FirstOrDefault(s => s.Organisation == organisation);
        if (own is not null)
        {
            own.RegisteredAt = now;
            return 0;
        }

        var matches = list.Where(s => s.Organisation != organisation).Select(s => (s.Organisation, s.Reporter)).ToList();
        list.Add(new NaiveSignal(bsn, organisation, reporter, now));
        return matches.Count;
    }

    public void Withdraw(string bsn, int organisation)
    {
        if (_signals.TryGetValue(bsn, out var list))
        {
            list.RemoveAll(s => s.Organisation == organisation);
        }
    }

    public List<NaiveSignal> Lookup(string bsn) => _signals.TryGetValue(bsn, out var list) ? list.ToList() : [];

    internal sealed class NaiveSignal(string youth, int organisation, int reporter, Instant registeredAt)
    {
        public string Youth { get; } = youth;

        public int Organisation { get; } = organisation;

        public int Reporter { get; } = reporter;

        public Instant RegisteredAt { get; set; } = registeredAt;
    }
}
