using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Catalog;

/// <summary>
/// One indicator (показатель) of the catalogue: what it measures, how it is computed and rolled up, its target, and
/// whether the sources forbid it as a management indicator (показатель с негативными последствиями).
/// </summary>
public sealed record IndicatorDefinition
{
    /// <summary>The source's code (for example «ШНОР-1», «NOR-R1», «OBJ-8») or a stable invented one.</summary>
    public required string Code { get; init; }
    public required string Direction { get; init; }
    public required string NameRu { get; init; }
    public required string NameEn { get; init; }
    public required IndicatorKind Kind { get; init; }
    public required IndicatorFormula Formula { get; init; }
    public required IndicatorUnit Unit { get; init; }

    /// <summary>Procedure codes of the vocabulary the data comes from.</summary>
    public required IReadOnlyList<string> Procedures { get; init; }

    /// <summary>Source-system codes of the vocabulary (ФИС ОКО, РИС ГИА, …).</summary>
    public required IReadOnlyList<string> Systems { get; init; }

    /// <summary>The levels at which the value is reported.</summary>
    public required IReadOnlyList<OrganizationLevel> Levels { get; init; }
    public required IndicatorRollup Rollup { get; init; }

    /// <summary>Which organisations or students are in scope (vocabulary population code).</summary>
    public required string Population { get; init; }

    /// <summary>Subject codes the measures are restricted to; empty = all subjects.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }

    /// <summary>Grades the measures are restricted to; empty = all grades.</summary>
    public required IReadOnlyList<int> Grades { get; init; }
    public required Periodicity Periodicity { get; init; }
    public required IndicatorTarget? Target { get; init; }
    public required IndicatorThresholds Thresholds { get; init; }
    public required bool HigherIsBetter { get; init; }

    /// <summary>True for ratings the sources forbid as management indicators; such values are analytical views only.</summary>
    public required bool NegativeConsequence { get; init; }
    public required Explicitness Explicitness { get; init; }
    public required IReadOnlyList<SourceReference> Sources { get; init; }
    public required string? Note { get; init; }

    /// <summary>False when a regional profile switched the indicator off (its direction may also be off).</summary>
    public required bool Enabled { get; init; }

    /// <summary>The catalogue file that defines the indicator.</summary>
    public required string File { get; init; }
}
