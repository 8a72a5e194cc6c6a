using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using CareCoordination.Sdk.InstructionProbe;
using System.Runtime.Loader;

// Runs RegistrationBenchmarks.ReferenceIndex of any checkout's benchmarks build, outside BenchmarkDotNet, so that
// valgrind's callgrind can count the instructions of the timed registrations alone: with PROBE_CALLGRIND=k it switches
// callgrind's instrumentation on around the registrations of the last k iterations (and off for the untimed cleanup).
// PROBE_EMPTY=1 skips those registrations, so that what switching costs can be subtracted. With lookup in place of
// instant or time it times (or counts) LookupBenchmarks.ReferenceIndex instead; with replay it counts a whole replay
// of <active signals> youths and <iterations> registrations (ReplayProbe).
// Usage: <benchmarks dll> <active signals> <iterations> <instant|time|lookup|replay>
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: <CareCoordination.Sdk.Benchmarks.dll> <active signals> <iterations> <instant|time|lookup|replay>");
    return 2;
}

var dll = Path.GetFullPath(args[0]);
var activeSignals = int.Parse(args[1], CultureInfo.InvariantCulture);
var iterations = int.Parse(args[2], CultureInfo.InvariantCulture);
var overTime = args[3] == "time";
var directory = Path.GetDirectoryName(dll)!;
AssemblyLoadContext.Default.Resolving += (context, name) =>
    File.Exists(Path.Combine(directory, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(directory, name.Name + ".dll")) : null;
var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
if (args[3] == "lookup")
{
    return LookupProbe.Run(assembly, activeSignals, iterations);
}

if (args[3] == "replay")
{
    return ReplayProbe.Run(assembly, activeSignals, iterations);
}

const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
var benchmarkType = assembly.GetType("CareCoordination.Sdk.Benchmarks.RegistrationBenchmarks", throwOnError: true)!;
var dataType = assembly.GetType("CareCoordination.Sdk.Benchmarks.IndexData", throwOnError: true)!;
var benchmark = Activator.CreateInstance(benchmarkType)!;
benchmarkType.GetProperty("ActiveSignals")!.SetValue(benchmark, activeSignals);
benchmarkType.GetMethod("Prepare", Any)!.Invoke(benchmark, null);
var data = benchmarkType.GetField("_data", Any)!.GetValue(benchmark)!;

// An older checkout loads every signal at one instant only; both loads hold the same signals on the same youths.
var index = overTime
    ? dataType.GetMethod("LoadIndexRegisteredOverTime")!.Invoke(data, null)!
    : dataType.GetMethod("LoadIndex")!.Invoke(data, [null, null])!;
benchmarkType.GetField("_index", Any)!.SetValue(benchmark, index);
var pool = (int[])dataType.GetProperty("Pool")!.GetValue(data)!;
var newOrganisation = (int)dataType.GetField("NewOrganisation", Any)!.GetValue(null)!;
var makeRegistration = dataType.GetMethod("Registration")!;
var registrations = Array.CreateInstance(makeRegistration.ReturnType, pool.Length);
for (var i = 0; i < pool.Length; i++)
{
    registrations.SetValue(makeRegistration.Invoke(data, [pool[i], newOrganisation]), i);
}

benchmarkType.GetField("_registrations", Any)!.SetValue(benchmark, registrations);
var matches = benchmarkType.GetField("_matches", Any)!;
matches.SetValue(benchmark, Array.CreateInstance(matches.FieldType.GetElementType()!, 8));
var register = benchmarkType.GetMethod("ReferenceIndex")!.CreateDelegate<Func<int>>(benchmark);
var cleanUp = benchmarkType.GetMethod("CleanUpIndex")!.CreateDelegate<Action>(benchmark);

// As many as BenchmarkDotNet invokes per iteration ([InvocationCount(IndexData.PoolSize / 2)]).
var perIteration = (int)dataType.GetField("PoolSize")!.GetValue(null)! / 2;
var run = TimedIterations.Run(register, perIteration, iterations, "registrations", cleanUp);
Console.WriteLine(FormattableString.Invariant($"{activeSignals} active signals, loaded {args[3]}: {run.Summary}, {run.Total} matches"));
return 0;
