using Grpc.Core;

namespace EduQuality.Server.Rpc;

/// <summary>A client stream whose every message is checked before the service sees it.</summary>
public sealed class CheckedStreamReader<T>(IAsyncStreamReader<T> inner, Func<T, Task> check) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (!await inner.MoveNext(cancellationToken))
        {
            return false;
        }

        await check(inner.Current);
        return true;
    }
}
