namespace EduQuality.Grains.Results;

/// <summary>A version number that watchers can wait on; used inside one grain activation.</summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Version { get; private set; }

    public void Set(long version)
    {
        if (version == Version)
        {
            return;
        }

        Version = version;
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    public async Task<long> WaitAsync(long knownVersion, TimeSpan timeout)
    {
        if (knownVersion != Version)
        {
            return Version;
        }

        await Task.WhenAny(_changed.Task, Task.Delay(timeout));
        return Version;
    }
}
