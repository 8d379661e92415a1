using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>Which results make a school's integral result (интегральный показатель учебных результатов).</summary>
public sealed record IntegralResultOptions
{
    /// <summary>
    /// Weight of each procedure; a procedure not listed (or with weight 0) does not count. Default: ВПР, ОГЭ and ЕГЭ
    /// equally, so the many ВПР works do not outweigh the state exams. КДР (<see cref="ProcedureKind.RegionalDiagnostic"/>)
    /// can be added as Krasnoyarsk does.
    /// </summary>
    public IReadOnlyDictionary<ProcedureKind, double> ProcedureWeights { get; init; } = new Dictionary<ProcedureKind, double>
    {
        [ProcedureKind.Vpr] = 1,
        [ProcedureKind.Oge] = 1,
        [ProcedureKind.Ege] = 1,
    };

    /// <summary>How a school's mean in a work is standardised (default: against all students of the region).</summary>
    public IntegralStandardisation Standardisation { get; init; } = IntegralStandardisation.Students;

    /// <summary>A school with fewer counted results in the year gets no integral that year (too noisy to rank).</summary>
    public int MinParticipants { get; init; } = 10;

    public void Validate()
    {
        if (ProcedureWeights.Values.Any(w => w < 0 || double.IsNaN(w)) || !ProcedureWeights.Values.Any(w => w > 0))
        {
            throw new ArgumentException("IntegralResultOptions.ProcedureWeights: weights must be ≥ 0 and at least one must be positive.");
        }

        if (MinParticipants < 1)
        {
            throw new ArgumentException($"IntegralResultOptions.MinParticipants = {MinParticipants} must be at least 1.");
        }
    }

    public double WeightOf(ProcedureKind procedure) => ProcedureWeights.GetValueOrDefault(procedure);
}

/// <summary>A procedure's part of an integral result: the participant-weighted mean z of its works.</summary>
public sealed record IntegralProcedurePart(ProcedureKind Procedure, double Z, long Participants, int Works, double? PercentOfMaximum);

/// <summary>A school's integral result in a year, on the standardised scale (0 = the region's level).</summary>
public sealed record IntegralResult(string SchoolCode, int Year, double Value, long Participants, IReadOnlyList<IntegralProcedurePart> Procedures);

/// <summary>
/// The integral result of a school for a year: for each counted procedure p, z_p = Σ_w n_w·z_w / Σ_w n_w over its
/// works w (procedure × subject × grade), where z_w is the school's standardised mean in the work and n_w its
/// participants; then Integral = Σ_p W_p·z_p / Σ_p W_p over the procedures the school wrote.
/// </summary>
public static class IntegralResultIndex
{
    /// <summary>The integral of one school and year, or null when it has fewer than the minimum counted results.</summary>
    public static IntegralResult? Compute(WorkScoreTable table, string schoolCode, int year, IntegralResultOptions? options = null)
    {
        options ??= new IntegralResultOptions();
        var parts = new List<IntegralProcedurePart>();
        foreach (var group in table.For(schoolCode, year).Where(w => options.WeightOf(w.Work.Procedure) > 0 && w.Participants > 0)
                     .GroupBy(w => w.Work.Procedure).OrderBy(g => g.Key))
        {
            var n = group.Sum(w => w.Participants);
            var z = group.Sum(w => w.Participants * w.Z) / n;
            var withPercent = group.Where(w => w.PercentOfMaximum is not null).ToList();
            double? percent = withPercent.Count == 0
                ? null
                : withPercent.Sum(w => w.Participants * w.PercentOfMaximum!.Value) / withPercent.Sum(w => w.Participants);
            parts.Add(new IntegralProcedurePart(group.Key, z, n, group.Count(), percent));
        }

        var participants = parts.Sum(p => p.Participants);
        if (parts.Count == 0 || participants < options.MinParticipants)
        {
            return null;
        }

        var weights = parts.Sum(p => options.WeightOf(p.Procedure));
        var value = parts.Sum(p => options.WeightOf(p.Procedure) * p.Z) / weights;
        return new IntegralResult(schoolCode, year, value, participants, parts);
    }

    /// <summary>The integral of every school with enough results, by year then school code.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyDictionary<string, IntegralResult>> ComputeAll(
        WorkScoreTable table, IntegralResultOptions? options = null)
    {
        options ??= new IntegralResultOptions();
        options.Validate();
        var byYear = new Dictionary<int, IReadOnlyDictionary<string, IntegralResult>>();
        foreach (var year in table.Years)
        {
            var schools = new Dictionary<string, IntegralResult>(StringComparer.Ordinal);
            foreach (var school in table.Schools)
            {
                if (Compute(table, school, year, options) is { } result)
                {
                    schools[school] = result;
                }
            }

            byYear[year] = schools;
        }

        return byYear;
    }
}
