using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// The slots of all signals, in pages of 65 536 so that growth never copies the whole index and no single array
/// lands in a huge large-object-heap block. Freed slots are reused before new ones are taken. Not thread-safe: the
/// index guards it.
/// </summary>
internal sealed class SignalSlots
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int PageMask = PageSize - 1;

    private SignalSlot[][] _pages = new SignalSlot[4][];
    private int _pageCount;
    private int _highWater;
    private int _freeHead = -1;

    /// <summary>Gets the number of slots ever taken; every slot index is below it.</summary>
    public int HighWater => _highWater;

    /// <summary>Gets the number of bytes the pages hold.</summary>
    public long AllocatedBytes => (long)_pageCount * PageSize * System.Runtime.CompilerServices.Unsafe.SizeOf<SignalSlot>();

    public ref SignalSlot this[int index]
    {
        // Every chain walk reads slots through this; in the registration path the JIT otherwise leaves it a call.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Debug.Assert((uint)index < (uint)_highWater, "Slot index in range.");
            return ref _pages[index >> PageBits][index & PageMask];
        }
    }

    /// <summary>
    /// Starts loading a slot (<see cref="CacheLines"/>); -1, the end of a chain, is passed over.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int index)
    {
        if (index >= 0)
        {
            CacheLines.Prefetch(ref this[index]);
        }
    }

    public int Take()
    {
        if (_freeHead >= 0)
        {
            var reused = _freeHead;
            _freeHead = this[reused].Next;

            // A freed slot lies anywhere: the next one starts loading now, so the next registration finds it waiting.
            Prefetch(_freeHead);
            return reused;
        }

        var index = _highWater;
        if ((index >> PageBits) == _pageCount)
        {
            if (_pageCount == _pages.Length)
            {
                System.Array.Resize(ref _pages, _pages.Length * 2);
            }

            _pages[_pageCount++] = LargeArrays.Allocate<SignalSlot>(PageSize);
        }

        _highWater++;
        return index;
    }

    public void Release(int index)
    {
        ref var slot = ref this[index];
        slot = default;
        slot.Next = _freeHead;
        _freeHead = index;
    }

    public void EnsureCapacity(int slots)
    {
        var pagesNeeded = (slots + PageSize - 1) >> PageBits;
        if (pagesNeeded > _pages.Length)
        {
            System.Array.Resize(ref _pages, pagesNeeded);
        }

        while (_pageCount < pagesNeeded)
        {
            _pages[_pageCount++] = LargeArrays.Allocate<SignalSlot>(PageSize);
        }
    }
}
