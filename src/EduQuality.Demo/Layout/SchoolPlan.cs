using EduQuality.Api.V1;

namespace EduQuality.Demo.Layout;

/// <summary>Everything the generator knows about one demo school; fixed once the region is built.</summary>
internal sealed class SchoolPlan
{
    public required int Ordinal { get; init; }

    public required string Code { get; init; }

    public required string MunicipalityCode { get; init; }

    public required string Name { get; init; }

    public required SchoolKind Kind { get; init; }

    public required GeneralSchoolType Type { get; init; }

    public required Settlement Settlement { get; init; }

    /// <summary>Typical students per grade before scaling.</summary>
    public required int BaseCohortSize { get; init; }

    /// <summary>Probability that a student of average ability goes on to grades 10–11 here; 0 for a basic school.</summary>
    public required double SeniorShare { get; init; }

    /// <summary>Latent social advantage, mean 0 over general schools.</summary>
    public double SocialAdvantage { get; set; }

    public SocialFactors Factors { get; set; } = new(0, 0, 0, 0, 0, false, false, false, false);

    /// <summary>Mean ability of the school's students on the latent scale (school effect).</summary>
    public double SchoolEffect { get; set; }

    /// <summary>Students registered (after scaling), for organisations without grades.</summary>
    public int FixedStudents { get; init; }

    /// <summary>Extra shift of ability per year, negative for planted low-result years.</summary>
    public Dictionary<int, double> YearShift { get; } = [];

    /// <summary>ВПР works whose results are inflated: (year, grade, subject).</summary>
    public HashSet<(int Year, int Grade, string Subject)> InflatedSlices { get; } = [];

    public bool WritesAssessments => Kind == SchoolKind.General;

    public bool HasSeniorGrades => SeniorShare > 0;

    public bool IsAdvanced => Type is GeneralSchoolType.Lyceum or GeneralSchoolType.Gymnasium;

    public double ShiftIn(int year) => YearShift.GetValueOrDefault(year);
}
