namespace CareCoordination.Sdk.Tests;

/// <summary>Fails a model-based property with a sentence about the domain, which FsCheck then shrinks and reports.</summary>
internal static class PropertyCheck
{
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new Xunit.Sdk.XunitException(message);
        }
    }
}
