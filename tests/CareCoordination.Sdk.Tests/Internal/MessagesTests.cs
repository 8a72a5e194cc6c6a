using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed partial class MessagesTests
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly Bsn Citizen = Bsn.Parse("111222333");

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

    [Fact]
    public void No_message_shows_a_BSN_unmasked_in_either_language_whatever_fills_its_placeholders()
    {
        // Some areas have no message with a placeholder, so the messages of all areas are checked together.
        var managers = BaseNames().Select(name => (Name: name, Manager: new ResourceManager(name, typeof(ReferenceIndex).Assembly))).ToArray();

        AssertNoBsnUnmasked(managers.SelectMany(m => Entries(m.Manager, CultureInfo.InvariantCulture).Select(e => (m.Name + "." + e.Key, e.Value))), English);
        AssertNoBsnUnmasked(managers.SelectMany(m => Entries(m.Manager, Dutch).Select(e => (m.Name + "." + e.Key, e.Value))), Dutch);
    }

    [Fact]
    public void The_QuickStart_story_exists_in_English_and_Dutch_with_the_same_placeholders()
    {
        var english = StoryEntries("Story.resx");
        var dutch = StoryEntries("Story.nl.resx");

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(), dutch.Keys.Order());
        Assert.All(english, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(dutch[entry.Key]), entry.Key + " is empty in Dutch");
            Assert.True(Placeholders(entry.Value).SetEquals(Placeholders(dutch[entry.Key])), entry.Key + " has other placeholders in Dutch: " + dutch[entry.Key]);
        });
    }

    [Fact]
    public void No_line_of_the_QuickStart_story_shows_a_BSN_unmasked_in_either_language()
    {
        AssertNoBsnUnmasked(StoryEntries("Story.resx").Select(e => (e.Key, e.Value)), English);
        AssertNoBsnUnmasked(StoryEntries("Story.nl.resx").Select(e => (e.Key, e.Value)), Dutch);
    }

    // Every message with placeholders is formatted with a BSN, a youth and a signal in every placeholder (a format
    // such as {0:D9} included), in the culture it is written for; none may spell out the nine digits.
    private static void AssertNoBsnUnmasked(IEnumerable<(string Key, string Value)> messages, CultureInfo culture)
    {
        var digits = Citizen.RevealDigits();
        var youth = new Youth(Citizen, new LocalDate(2015, 6, 1));
        var signal = new Signal(new SignalId(7), Citizen, new OrganisationId(1), new ProfessionalId(101), 0, 0, default);
        var withPlaceholders = messages.Where(m => Placeholders(m.Value).Count > 0).ToArray();

        Assert.NotEmpty(withPlaceholders);
        Assert.All(withPlaceholders, message =>
        {
            var count = Placeholders(message.Value).Max(n => int.Parse(n, CultureInfo.InvariantCulture)) + 1;
            foreach (var value in new object[] { Citizen, youth, signal })
            {
                var text = string.Format(culture, message.Value, Enumerable.Repeat(value, count).ToArray());
                Assert.False(text.Contains(digits, System.StringComparison.Ordinal), message.Key + " shows the BSN unmasked: " + text);
            }
        });
    }

    // The sample is an executable the tests do not reference, so its resources are read from the source.
    private static Dictionary<string, string> StoryEntries(string file) =>
        XDocument.Load(Path.Combine(RepositoryFiles.Root, "samples", "QuickStart", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

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
