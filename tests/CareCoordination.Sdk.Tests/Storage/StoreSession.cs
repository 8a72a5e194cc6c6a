using System;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>Opens a store, uses it and closes it again, as a process that starts, works and stops would.</summary>
internal static class StoreSession
{
    public static T Use<TStore, T>(Func<TStore> open, Action<TStore> close, Func<TStore, T> action)
    {
        var store = open();
        try
        {
            return action(store);
        }
        finally
        {
            close(store);
        }
    }
}
