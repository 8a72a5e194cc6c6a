namespace VendorWorker;

/// <summary>The worker's settings (section <c>Worker</c>).</summary>
internal sealed class WorkerSettings
{
    /// <summary>Gets or sets the service's address.</summary>
    public string ServiceAddress { get; set; } = "http://localhost:5080/";

    /// <summary>Gets or sets the access token (from the region's authorisation server).</summary>
    public string? AccessToken { get; set; }

    /// <summary>Gets or sets where the worker keeps its outbox, acknowledgements, cursor and seen notifications.</summary>
    public string StateFolder { get; set; } = "vendor-worker-state";

    /// <summary>Gets or sets how many signals the simulated outbox holds.</summary>
    public int Signals { get; set; } = 20;

    /// <summary>Gets or sets the seed of the outbox's youths: two workers with the same seed signal the same youths, and match.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets whether the worker stops once its outbox is acknowledged and the feed has nothing new.</summary>
    public bool StopWhenDone { get; set; }

    /// <summary>Gets or sets how long one feed read waits for a notification, in seconds.</summary>
    public int FeedWaitSeconds { get; set; } = 30;

    /// <summary>Gets or sets where the worker listens for the service's webhooks (for example <c>http://127.0.0.1:5090/</c>), or <see langword="null"/> to use the feed only.</summary>
    public string? WebhookListenUrl { get; set; }

    /// <summary>Gets or sets the organisation's webhook secret in Base64, as the region gave it; required with <see cref="WebhookListenUrl"/>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Gets or sets the access token of the organisation's care coordinator (role <c>coordinator</c>), or <see langword="null"/>
    /// for no case work. With it, the worker takes up the case a match of its own signal opens (intake, case holder,
    /// assessment) on that professional's behalf: a reporter registers signals, but may not read or hold a case.
    /// </summary>
    public string? CaseWorkAccessToken { get; set; }
}
