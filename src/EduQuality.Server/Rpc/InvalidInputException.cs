using EduQuality.Domain.Validation;

namespace EduQuality.Server.Rpc;

/// <summary>Input refused as a whole; mapped to INVALID_ARGUMENT with a google.rpc.BadRequest naming each violation.</summary>
public sealed class InvalidInputException(string message, IReadOnlyList<Violation> violations) : Exception(message)
{
    public IReadOnlyList<Violation> Violations { get; } = violations;

    public static InvalidInputException Single(string field, string value, string problem) =>
        new($"{field}: {problem}", [new Violation(null, field, value, problem)]);
}
