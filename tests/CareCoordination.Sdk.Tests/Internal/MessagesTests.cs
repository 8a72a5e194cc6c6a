using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Resources;
using System.Text.RegularExpressions;
using CareCoordination.Sdk.Signals;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed partial class MessagesTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    public static TheoryData<string> MessageResources()
    {
        var data = new TheoryData<string>();
        foreach (var name in BaseNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_core_ships_messages_for_each_area_that_speaks_to_professionals()
    {
        var names = BaseNames();

        Assert.Contains("CareCoordination.Sdk.Signals.SignalMessages", names);
        Assert.Contains("CareCoordination.Sdk.Organisations.OrganisationMessages", names);
    }

    [Theory]
    [MemberData(nameof(MessageResources))]
    public void Every_message_exists_in_English_and_Dutch_with_the_same_placeholders(string baseName)
    {
        var manager = new ResourceManager(baseName, typeof(ReferenceIndex).Assembly);
        var english = Entries(manager, CultureInfo.InvariantCulture);
        var dutch = Entries(manager, Dutch);

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(), dutch.Keys.Order());
        Assert.All(english, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(dutch[entry.Key]), entry.Key + " is empty in Dutch");
            Assert.True(Placeholders(entry.Value).SetEquals(Placeholders(dutch[entry.Key])), entry.Key + " has other placeholders in Dutch: " + dutch[entry.Key]);
        });
    }

    [Fact]
    public void Every_message_resource_in_the_source_has_a_Dutch_twin()
    {
        var english = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*Messages.resx", SearchOption.AllDirectories).ToArray();

        Assert.NotEmpty(english);
        Assert.All(english, file => Assert.True(File.Exists(Path.ChangeExtension(file, ".nl.resx")), file + " has no .nl.resx"));
    }

    [Fact]
    public void A_culture_without_messages_of_its_own_reads_the_English_ones()
    {
        var german = UiCulture.In("de-DE", () => SignalMessages.SignalRegistered);
        var british = UiCulture.In("en-GB", () => SignalMessages.SignalRegistered);
        var flemish = UiCulture.In("nl-BE", () => SignalMessages.SignalRegistered);

        Assert.Equal("The signal was registered.", german);
        Assert.Equal("The signal was registered.", british);
        Assert.Equal("Het signaal is geregistreerd in de verwijsindex.", flemish);
    }

    private static string[] BaseNames() =>
        [.. typeof(ReferenceIndex).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith("Messages.resources", System.StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length])];

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        // tryParents: false, so a Dutch key that is missing is not filled in from English.
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
