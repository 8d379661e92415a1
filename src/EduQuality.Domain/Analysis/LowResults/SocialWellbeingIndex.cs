namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>
/// How the social-wellbeing index (ИСБШ) is built. The sources give the nine components but not how they combine
/// (DOMAIN.md §3.6.3, [ABSENT]); the default is REFERENCE-FACTS §5.3: the mean of the standardised components,
/// oriented so that higher = more advantaged, and ШНСУ candidates = the bottom quartile of the region.
/// </summary>
public sealed record SocialWellbeingOptions
{
    /// <summary>Weight of each component; a missing or zero weight leaves the component out. Default: 1 each.</summary>
    public IReadOnlyDictionary<SocialComponent, double> Weights { get; init; } =
        SocialComponents.All.ToDictionary(c => c, _ => 1.0);

    /// <summary>
    /// Components for which a higher value means a more advantaged school. Empty by default: all nine count against
    /// wellbeing, so their standardised values enter the index with a minus sign.
    /// </summary>
    public IReadOnlySet<SocialComponent> HigherIsAdvantaged { get; init; } = new HashSet<SocialComponent>();

    /// <summary>The share of schools with the lowest index that are ШНСУ candidates (catalogue ШНСУ-S bottomShare 0.25).</summary>
    public double BottomShare { get; init; } = 0.25;

    public void Validate()
    {
        if (Weights.Values.Any(w => w < 0 || double.IsNaN(w)) || !Weights.Values.Any(w => w > 0))
        {
            throw new ArgumentException("SocialWellbeingOptions.Weights: weights must be ≥ 0 and at least one must be positive.");
        }

        if (BottomShare is < 0 or > 1)
        {
            throw new ArgumentException($"SocialWellbeingOptions.BottomShare = {BottomShare} must be in 0..1.");
        }
    }
}

/// <summary>One school's index and its parts.</summary>
/// <param name="SchoolCode">The school.</param>
/// <param name="Index">ИСБШ: the weighted mean of oriented z-scores; higher = more advantaged, 0 = the region's average.</param>
/// <param name="Rank">1 = the lowest index in the region.</param>
/// <param name="IsShnsuCandidate">Whether the school is in the bottom share (at or below <see cref="SocialWellbeingResult.Cut"/>).</param>
/// <param name="Contributions">Each component's oriented z-score times its normalised weight; they sum to the index.</param>
public sealed record SocialWellbeingScore(
    string SchoolCode,
    double Index,
    int Rank,
    bool IsShnsuCandidate,
    IReadOnlyDictionary<SocialComponent, double> Contributions)
{
    /// <summary>The components that pull the index down most, worst first.</summary>
    public IEnumerable<SocialComponent> WorstComponents(int count) =>
        Contributions.Where(c => c.Value < 0).OrderBy(c => c.Value).Take(count).Select(c => c.Key);
}

/// <summary>The index of every school of a population and the ШНСУ cut.</summary>
public sealed record SocialWellbeingResult(
    IReadOnlyDictionary<string, SocialWellbeingScore> Schools,
    IReadOnlyDictionary<SocialComponent, (double Mean, double StandardDeviation)> ComponentStatistics,
    double Cut,
    double BottomShare)
{
    public SocialWellbeingScore? Find(string schoolCode) => Schools.GetValueOrDefault(schoolCode);

    /// <summary>Codes of the ШНСУ candidates, lowest index first.</summary>
    public IReadOnlyList<string> Candidates =>
        Schools.Values.Where(s => s.IsShnsuCandidate).OrderBy(s => s.Index).ThenBy(s => s.SchoolCode, StringComparer.Ordinal)
            .Select(s => s.SchoolCode).ToList();
}

/// <summary>
/// ИСБШ (индекс социального благополучия школы): ИСБШ_i = Σ_k w_k · s_k · z_ik / Σ_k w_k, where
/// z_ik = (x_ik − mean_k) / SD_k over the schools given (population SD; a component that does not vary gives 0) and
/// s_k = −1 for components that count against wellbeing, +1 otherwise.
/// </summary>
public static class SocialWellbeingIndex
{
    public static SocialWellbeingResult Compute(IReadOnlyList<SchoolProfile> schools, SocialWellbeingOptions? options = null)
    {
        options ??= new SocialWellbeingOptions();
        options.Validate();
        var components = SocialComponents.All.Where(c => options.Weights.GetValueOrDefault(c) > 0).ToList();
        var weightSum = components.Sum(c => options.Weights[c]);
        var statistics = new Dictionary<SocialComponent, (double Mean, double StandardDeviation)>();
        var contributions = schools.Select(_ => new Dictionary<SocialComponent, double>()).ToList();
        foreach (var component in components)
        {
            var values = schools.Select(s => s.Factors.Value(component)).ToArray();
            statistics[component] = (LowResultsMath.Mean(values), LowResultsMath.StandardDeviation(values));
            var z = LowResultsMath.Standardise(values);
            var sign = options.HigherIsAdvantaged.Contains(component) ? 1.0 : -1.0;
            var weight = options.Weights[component] / weightSum;
            for (var i = 0; i < schools.Count; i++)
            {
                contributions[i][component] = sign * weight * z[i];
            }
        }

        var indices = contributions.Select(c => c.Values.Sum()).ToArray();
        var cut = LowResultsMath.BottomCut(indices, options.BottomShare);
        var scores = new Dictionary<string, SocialWellbeingScore>(StringComparer.Ordinal);
        for (var i = 0; i < schools.Count; i++)
        {
            scores[schools[i].SchoolCode] = new SocialWellbeingScore(
                schools[i].SchoolCode,
                indices[i],
                LowResultsMath.Rank(indices, indices[i]),
                indices[i] <= cut,
                contributions[i]);
        }

        return new SocialWellbeingResult(scores, statistics, cut, options.BottomShare);
    }
}
