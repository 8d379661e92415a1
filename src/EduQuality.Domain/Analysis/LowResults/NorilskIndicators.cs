using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;

namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>Whether an indicator value could be computed.</summary>
public enum IndicatorStatus
{
    Computed,

    /// <summary>Computable from results, but the results it needs (for example КДР) are not there.</summary>
    NoData,

    /// <summary>Needs data the results and lists do not hold (teachers, websites, programmes).</summary>
    NeedsOtherData,
}

/// <summary>What "positive dynamics" of a school's results compares year over year (not defined in the source, [D]).</summary>
public enum DynamicsMeasure
{
    /// <summary>The participant-weighted standardised mean of the works (robust to scale and difficulty changes).</summary>
    StandardisedMean,

    /// <summary>The participant-weighted mean score (catalogue R1-S1: ОГЭ primary, ЕГЭ test score).</summary>
    MeanScore,

    /// <summary>The participant-weighted mean percentage of the maximum.</summary>
    PercentOfMaximum,
}

/// <summary>Settings of the Norilsk programme indicators.</summary>
public sealed record NorilskOptions
{
    public DynamicsMeasure Measure { get; init; } = DynamicsMeasure.StandardisedMean;

    /// <summary>
    /// False (default): the share of positive dynamics is over target schools with the results in both years; true:
    /// over all target schools, as the source's wording «от общего числа ШНОР и ШНСУ» reads literally.
    /// </summary>
    public bool DenominatorAllTargetSchools { get; init; }
}

/// <summary>One indicator value for one year and scope (a municipality code or <see cref="NorilskIndicators.RegionScope"/>).</summary>
/// <param name="Value">A percentage for shares, a number for counts; null unless computed.</param>
/// <param name="PreviousValue">The same measure a year earlier where the indicator is read as a change (NOR-E4).</param>
/// <param name="TargetMet">Whether the value meets the catalogue target; null without a target or a value.</param>
public sealed record NorilskIndicatorValue(
    string Code,
    string NameRu,
    string NameEn,
    int Year,
    string Scope,
    IndicatorStatus Status,
    double? Value,
    long? Numerator,
    long? Denominator,
    double? PreviousValue,
    IndicatorTarget? Target,
    bool? TargetMet,
    string NoteRu,
    string NoteEn);

/// <summary>
/// The programme indicators of DOMAIN.md §3.6.4 (Norilsk, 004) and the Ishimbay list indicators that follow from the
/// lists and results. The target group of year t is ШНОР ∪ ШНСУ of the list fixed after year t − 1 (the list is
/// published in August, the programme runs during year t); dynamics compare year t with t − 1. Procedures, subjects,
/// grades, thresholds and targets are read from the catalogue, so a regional override changes them.
/// </summary>
public static class NorilskIndicators
{
    public const string RegionScope = "REGION";

    /// <summary>The indicators this class computes from results and lists.</summary>
    public static IReadOnlyList<string> ComputedCodes { get; } =
        ["NOR-E1", "NOR-E3", "NOR-E4", "NOR-R1", "NOR-R2", "NOR-R3", "NOR-R4", "NOR-R5", "NOR-R6", "NOR-R7", "ШНОР-S", "ШНСУ-S", "ШНОР-D2", "ШНОР-D2N"];

    public static IReadOnlyList<NorilskIndicatorValue> Compute(
        LowResultsReport report, IndicatorCatalog catalog, NorilskOptions? options = null)
    {
        options ??= new NorilskOptions();
        var values = new List<NorilskIndicatorValue>();
        for (var i = 0; i < report.Lists.Count; i++)
        {
            var lists = report.Lists[i];
            var previous = i == 0 ? null : report.Lists[i - 1];
            foreach (var scope in Scopes(report))
            {
                var inScope = SchoolsIn(report, scope);
                values.AddRange(ListShares(catalog, lists, scope, inScope));
                if (previous is null)
                {
                    continue;
                }

                var target = previous.Codes(ListKind.Target).Where(inScope.Contains).Order(StringComparer.Ordinal).ToList();
                values.AddRange(ListChanges(catalog, previous, lists, scope, inScope));
                foreach (var code in new[] { "NOR-R1", "NOR-R2", "NOR-R3", "NOR-R4", "NOR-R5", "NOR-R6", "NOR-R7" })
                {
                    if (Active(catalog, code) is { } definition)
                    {
                        values.Add(PositiveDynamics(report, definition, lists.Year, previous.Year, scope, target, options));
                    }
                }

                if (Active(catalog, "NOR-E3") is { } e3)
                {
                    values.Add(IntegralDynamics(report, e3, lists.Year, previous.Year, scope, target, options));
                }

                if (Active(catalog, "NOR-E4") is { } e4)
                {
                    values.Add(LowResultCount(report, e4, lists.Year, previous.Year, scope, target));
                }
            }

            values.AddRange(OtherData(catalog, lists.Year));
        }

        return values;
    }

    /// <summary>Why an indicator this class does not compute needs other data, by its catalogue procedures.</summary>
    public static (string Ru, string En) OtherDataReason(IndicatorDefinition definition)
    {
        var names = definition.Procedures
            .Select(p => IndicatorCatalog.Vocabulary.Procedures.GetValueOrDefault(p))
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();
        return (
            "Нужны данные вне результатов и списков: " + string.Join("; ", names.Select(p => p.NameRu)) + ".",
            "Needs data outside results and lists: " + string.Join("; ", names.Select(p => p.NameEn)) + ".");
    }

    /// <summary>The indicator when it is enabled in an enabled direction (a region may switch indicators off).</summary>
    private static IndicatorDefinition? Active(IndicatorCatalog catalog, string code) =>
        catalog.ActiveIndicators.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal));

    private static IEnumerable<string> Scopes(LowResultsReport report) =>
        report.Profiles.Values.Select(p => p.MunicipalityCode).Distinct().Order(StringComparer.Ordinal).Append(RegionScope);

    private static HashSet<string> SchoolsIn(LowResultsReport report, string scope) =>
        report.Profiles.Values.Where(p => scope == RegionScope || p.MunicipalityCode == scope).Select(p => p.SchoolCode)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<NorilskIndicatorValue> ListShares(IndicatorCatalog catalog, YearLists lists, string scope, HashSet<string> inScope)
    {
        var shnor = lists.Codes(ListKind.Shnor).Count(inScope.Contains);
        var shnsu = lists.Codes(ListKind.Shnsu).Count(inScope.Contains);
        foreach (var (code, count, list) in new[] { ("NOR-E1", shnor, "ШНОР"), ("ШНОР-S", shnor, "ШНОР"), ("ШНСУ-S", shnsu, "ШНСУ") })
        {
            if (Active(catalog, code) is { } definition)
            {
                yield return Share(definition, lists.Year, scope, count, inScope.Count,
                    $"Школ в списке {list} {lists.Year} года: {count} из {inScope.Count}.",
                    $"Schools on the {list} list of {lists.Year}: {count} of {inScope.Count}.");
            }
        }
    }

    private static IEnumerable<NorilskIndicatorValue> ListChanges(
        IndicatorCatalog catalog, YearLists before, YearLists after, string scope, HashSet<string> inScope)
    {
        var was = before.Codes(ListKind.Target).Where(inScope.Contains).ToHashSet(StringComparer.Ordinal);
        var now = after.Codes(ListKind.Target).Where(inScope.Contains).ToHashSet(StringComparer.Ordinal);
        var left = was.Count(c => !now.Contains(c));
        var entered = now.Count(c => !was.Contains(c));
        var listed = was.Union(now).Count();
        foreach (var (code, count, ru, en) in new[] { ("ШНОР-D2", left, "покинули", "left"), ("ШНОР-D2N", entered, "вошли в", "entered") })
        {
            if (Active(catalog, code) is { } definition)
            {
                yield return Share(definition, after.Year, scope, count, listed,
                    $"{count} из {listed} школ списков ШНОР/ШНСУ {before.Year}–{after.Year} {ru} список.",
                    $"{count} of {listed} schools on the ШНОР/ШНСУ lists of {before.Year}–{after.Year} {en} the list.");
            }
        }
    }

    private static NorilskIndicatorValue PositiveDynamics(
        LowResultsReport report, IndicatorDefinition definition, int year, int previousYear, string scope, List<string> target, NorilskOptions options)
    {
        var procedures = definition.Procedures
            .Select(p => IndicatorCatalog.Vocabulary.Procedures.GetValueOrDefault(p)?.Kind)
            .OfType<ProcedureKind>()
            .ToHashSet();
        bool Matches(WorkScore w) => procedures.Contains(w.Work.Procedure)
            && (definition.Subjects.Count == 0 || definition.Subjects.Contains(w.Work.Subject))
            && (definition.Grades.Count == 0 || definition.Grades.Contains(w.Work.Grade));
        var threshold = (double)(definition.Thresholds.PositiveChange ?? 0);
        var comparable = 0;
        var positive = 0;
        foreach (var school in target)
        {
            var now = Measure(report.Table.For(school, year).Where(Matches), options.Measure);
            var before = Measure(report.Table.For(school, previousYear).Where(Matches), options.Measure);
            if (now is null || before is null)
            {
                continue;
            }

            comparable++;
            positive += now - before > threshold ? 1 : 0;
        }

        if (comparable == 0)
        {
            return Missing(definition, year, scope, IndicatorStatus.NoData,
                $"Нет результатов {string.Join(", ", definition.Procedures)} у школ целевой группы за {previousYear} и {year} годы.",
                $"No {string.Join(", ", definition.Procedures)} results of the target schools for both {previousYear} and {year}.");
        }

        var denominator = options.DenominatorAllTargetSchools ? target.Count : comparable;
        return Share(definition, year, scope, positive, denominator,
            $"Положительная динамика ({MeasureRu(options.Measure)}, прирост > {LowResultsMath.Ru(threshold)}) "
                + $"у {positive} из {denominator} школ ШНОР/ШНСУ списка {previousYear} года ({comparable} с результатами в оба года).",
            $"Positive dynamics ({options.Measure}, change > {LowResultsMath.En(threshold)}) "
                + $"at {positive} of {denominator} ШНОР/ШНСУ schools of the {previousYear} list ({comparable} with results in both years).");
    }

    private static NorilskIndicatorValue IntegralDynamics(
        LowResultsReport report, IndicatorDefinition definition, int year, int previousYear, string scope, List<string> target, NorilskOptions options)
    {
        var changes = target
            .Select(s => (Now: report.Integrals.GetValueOrDefault(year)?.GetValueOrDefault(s)?.Value,
                Before: report.Integrals.GetValueOrDefault(previousYear)?.GetValueOrDefault(s)?.Value))
            .Where(c => c.Now is not null && c.Before is not null)
            .Select(c => c.Now!.Value - c.Before!.Value)
            .ToList();
        if (changes.Count == 0)
        {
            return Missing(definition, year, scope, IndicatorStatus.NoData, "Нет интегральных результатов целевой группы за оба года.",
                "No integral results of the target schools for both years.");
        }

        var positive = changes.Count(c => ListDynamicsAnalysis.Classify(c, report.Options.DynamicsBand) == ResultDynamics.Positive);
        var denominator = options.DenominatorAllTargetSchools ? target.Count : changes.Count;
        return Share(definition, year, scope, positive, denominator,
            $"Прочтение: доля школ ШНОР/ШНСУ с положительной динамикой интегрального результата (ВПР, ОГЭ, ЕГЭ): {positive} из {denominator}.",
            $"Read as the share of ШНОР/ШНСУ schools whose integral result (ВПР, ОГЭ, ЕГЭ) improved: {positive} of {denominator}.");
    }

    private static NorilskIndicatorValue LowResultCount(
        LowResultsReport report, IndicatorDefinition definition, int year, int previousYear, string scope, List<string> target)
    {
        var procedures = definition.Procedures
            .Select(p => IndicatorCatalog.Vocabulary.Procedures.GetValueOrDefault(p)?.Kind)
            .OfType<ProcedureKind>()
            .ToHashSet();
        long Count(int y) => target.Sum(s => report.Table.For(s, y).Where(w => procedures.Contains(w.Work.Procedure)).Sum(w => w.LowResults));
        var now = Count(year);
        var before = Count(previousYear);
        return new NorilskIndicatorValue(definition.Code, definition.NameRu, definition.NameEn, year, scope, IndicatorStatus.Computed,
            now, now, null, before, definition.Target, null,
            $"Результатов ниже минимума или с отметкой «2» в школах ШНОР/ШНСУ списка {previousYear} года: {now} (годом ранее {before}).",
            $"Results below the minimum or with mark «2» at the ШНОР/ШНСУ schools of the {previousYear} list: {now} (a year earlier {before}).");
    }

    private static IEnumerable<NorilskIndicatorValue> OtherData(IndicatorCatalog catalog, int year)
    {
        foreach (var definition in catalog.ActiveIndicators.Where(d => d.Code.StartsWith("NOR-", StringComparison.Ordinal) && !ComputedCodes.Contains(d.Code)))
        {
            var (ru, en) = OtherDataReason(definition);
            yield return Missing(definition, year, RegionScope, IndicatorStatus.NeedsOtherData, ru, en);
        }
    }

    /// <summary>The participant-weighted measure over the works, or null without participants.</summary>
    private static double? Measure(IEnumerable<WorkScore> works, DynamicsMeasure measure)
    {
        var list = measure == DynamicsMeasure.PercentOfMaximum ? works.Where(w => w.PercentOfMaximum is not null).ToList() : works.ToList();
        var n = list.Sum(w => w.Participants);
        if (n == 0)
        {
            return null;
        }

        return measure switch
        {
            DynamicsMeasure.MeanScore => list.Sum(w => w.Participants * w.MeanScore) / n,
            DynamicsMeasure.PercentOfMaximum => list.Sum(w => w.Participants * w.PercentOfMaximum!.Value) / n,
            _ => list.Sum(w => w.Participants * w.Z) / n,
        };
    }

    private static string MeasureRu(DynamicsMeasure measure) => measure switch
    {
        DynamicsMeasure.MeanScore => "средний балл",
        DynamicsMeasure.PercentOfMaximum => "средний % от максимума",
        _ => "стандартизованный средний балл",
    };

    private static NorilskIndicatorValue Share(
        IndicatorDefinition definition, int year, string scope, long numerator, long denominator, string noteRu, string noteEn)
    {
        double? percent = denominator == 0 ? null : 100.0 * numerator / denominator;
        bool? met = percent is { } p && definition.Target is { Value: not null } target && target.Comparator != TargetComparator.Yes
            ? target.IsMetBy((decimal)p)
            : null;
        return new NorilskIndicatorValue(definition.Code, definition.NameRu, definition.NameEn, year, scope,
            denominator == 0 ? IndicatorStatus.NoData : IndicatorStatus.Computed, percent, numerator, denominator, null, definition.Target, met, noteRu, noteEn);
    }

    private static NorilskIndicatorValue Missing(IndicatorDefinition definition, int year, string scope, IndicatorStatus status, string ru, string en) =>
        new(definition.Code, definition.NameRu, definition.NameEn, year, scope, status, null, null, null, null, definition.Target, null, ru, en);
}
