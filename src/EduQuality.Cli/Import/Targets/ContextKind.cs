using EduQuality.Api.V1;
using EduQuality.Domain.Validation;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// One kind of context data sent through ContextService: the row message, its natural key, the organisation each row
/// names, the server's own validator of a batch and the call that sends one. <see cref="ContextKinds"/> lists them.
/// </summary>
/// <param name="Descriptor">The contract's row message.</param>
/// <param name="KeyFields">The contract fields of the natural key; the last one distinguishes rows of one organisation.</param>
/// <param name="Organization">The organisation code and academic year a row names.</param>
/// <param name="Validate">The server's validator of a batch (id, rows), with the organisations read for it.</param>
/// <param name="Send">Sends one batch (id, rows) and returns the server's acknowledgement.</param>
public sealed record ContextKind<TItem>(
    MessageDescriptor Descriptor,
    IReadOnlyList<string> KeyFields,
    Func<TItem, (string Code, int Year)> Organization,
    Func<string, IReadOnlyList<TItem>, OrganizationLookup, IReadOnlyList<Violation>> Validate,
    Func<ContextService.ContextServiceClient, string, IReadOnlyList<TItem>, CancellationToken, Task<ContextAck>> Send)
    where TItem : class, IMessage<TItem>, new();
