using System;
using Spectre.Console;

namespace CareCoordination.Sdk.Bench;

/// <summary>The entry point of <c>carecoordination-bench</c>.</summary>
internal static class Program
{
    private static int Main(string[] args) => BenchApp.Run(args, AnsiConsole.Console, Console.Out, Console.Error);
}
