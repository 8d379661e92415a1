namespace EduQuality.Cli.Commands;

/// <summary>Reports progress on the reporting thread, so that timestamps and order are exact.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
