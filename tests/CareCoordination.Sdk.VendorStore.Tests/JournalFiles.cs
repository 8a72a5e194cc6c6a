using System;
using System.Globalization;
using System.IO;

namespace CareCoordination.Sdk.VendorStore.Tests;

/// <summary>A folder of journal files for one test class, removed with it.</summary>
internal sealed class JournalFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carecoordination-journal-").FullName;
    private int _files;

    public string NewPath() => Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"store-{++_files}.jsonl"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
