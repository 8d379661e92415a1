namespace EduQuality.Domain.Catalog;

/// <summary>A direction (направление) of quality management, such as R2 «Система работы со школами с низкими результатами».</summary>
public sealed record CatalogDirection
{
    public required string Code { get; init; }
    public required DirectionGroup Group { get; init; }
    public required string NameRu { get; init; }
    public required string NameEn { get; init; }
    public required IReadOnlyList<DirectionSource> Sources { get; init; }

    /// <summary>False when a regional profile switched the direction off.</summary>
    public required bool Enabled { get; init; }

    /// <summary>The catalogue file that defines the direction.</summary>
    public required string File { get; init; }
}
