using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Cli.Import.Tables;
using EduQuality.Domain.Validation;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// Context data of one <see cref="ContextKind{TItem}"/>, sent through ContextService one batch per call and validated
/// locally by the server's validator; rows are mapped by the contract message's descriptor (<see cref="FlatRowMapper"/>).
/// The academic year comes from a column or, for a file of one year, from <c>--year</c> (a layout constant).
/// </summary>
public sealed class ContextTarget<TItem>(
    ContextKind<TItem> kind,
    ContextService.ContextServiceClient context,
    OrganizationService.OrganizationServiceClient organizations,
    string layoutName,
    int? year) : IImportTarget<TItem>
    where TItem : class, Google.Protobuf.IMessage<TItem>, new()
{
    private readonly OrganizationLookup _organizations = new(organizations);

    public IReadOnlySet<string> Fields { get; } = FlatRowMapper.Fields(kind.Descriptor);

    public IReadOnlyList<string> TaskFields { get; } = [];

    public string BatchTag => year is { } y ? string.Create(CultureInfo.InvariantCulture, $"{layoutName}-{y}") : layoutName;

    public string KeyField => kind.KeyFields[^1];

    public string NaturalKey(TItem item) =>
        string.Join("/", kind.KeyFields.Select(f => Convert.ToString(kind.Descriptor.FindFieldByName(f).Accessor.GetValue(item), CultureInfo.InvariantCulture)));

    public TItem? Map(SourceRow row, LayoutBinding binding, Action<string, string, string> problem) => FlatRowMapper.Map<TItem>(row, binding, problem);

    public async Task<IReadOnlyList<Violation>> ValidateAsync(IReadOnlyList<TItem> chunk, CancellationToken cancellationToken)
    {
        await _organizations.LoadAsync(chunk.Select(kind.Organization), cancellationToken);
        return kind.Validate("local", chunk, _organizations);
    }

    public Task<IReadOnlyList<ChunkAck>> SendAsync(IReadOnlyList<ImportChunk<TItem>> chunks, CancellationToken cancellationToken) =>
        ServerRefusal.SendEachAsync(chunks, async chunk =>
        {
            var ack = await kind.Send(context, chunk.BatchId, chunk.Items, cancellationToken);
            return new ChunkAck(ack.BatchId, ack.Rows, ack.Inserted, ack.Corrected, ack.Unchanged, ack.Duplicate);
        });
}
