namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>What schools are clustered by (кластерный подход).</summary>
public enum ClusterBasis
{
    /// <summary>Quantile groups of the social-wellbeing index (ИСБШ): schools in comparable social conditions.</summary>
    SocialIndexQuantiles,

    /// <summary>Urban/rural × size band by number of students.</summary>
    SettlementAndSize,

    /// <summary>Urban/rural × quantile groups of the social index within the settlement type.</summary>
    SettlementAndSocialQuantiles,

    /// <summary>Urban or rural only.</summary>
    Settlement,

    /// <summary>One cluster: the whole region.</summary>
    Region,
}

/// <summary>How the low end of a cluster is cut.</summary>
public enum ClusterCut
{
    /// <summary>The lowest <see cref="ClusterOptions.BottomShare"/> of the cluster (ties at the cut included).</summary>
    BottomShare,

    /// <summary>
    /// Below median − <see cref="ClusterOptions.RobustSd"/> × 1.4826·MAD of the cluster: a deviation from the cluster's
    /// median read as a deficit (the Ishimbay processing methods, DOMAIN.md §3.6.3), in robust standard deviations.
    /// </summary>
    RobustDeviation,
}

/// <summary>
/// The Ishimbay definition (DOMAIN.md §3.6.1): a ШНОР shows results worse than the schools of its cluster over a long
/// period. In a year a school is flagged when its integral is at the low end of its cluster (<see cref="ClusterCut"/>);
/// persistence over years is applied by <see cref="LowResultsIdentification"/>. The default treats the region as one
/// cluster with a robust outlier cut, because the regression already compares a school with its context
/// (docs/analysis-low-results.md §3 has the measured alternatives).
/// </summary>
public sealed record ClusterOptions
{
    /// <summary>What schools are clustered by; default: the region is one cluster (context is handled by the regression).</summary>
    public ClusterBasis Basis { get; init; } = ClusterBasis.Region;

    /// <summary>Number of quantile groups of the social index (default 4, quartiles).</summary>
    public int SocialQuantiles { get; init; } = 4;

    /// <summary>Upper limits (exclusive) of the size bands by students; default: &lt; 100, 100–299, 300–699, ≥ 700.</summary>
    public IReadOnlyList<int> SizeBandLimits { get; init; } = [100, 300, 700];

    /// <summary>For <see cref="ClusterCut.BottomShare"/>: the share of each cluster, lowest first, flagged in a year (default 0.10, the bottom decile).</summary>
    public double BottomShare { get; init; } = 0.10;

    /// <summary>How the low end is cut (default: the robust deviation below the cluster median).</summary>
    public ClusterCut Cut { get; init; } = ClusterCut.RobustDeviation;

    /// <summary>Robust SDs below the cluster median for <see cref="ClusterCut.RobustDeviation"/> (default 2).</summary>
    public double RobustSd { get; init; } = 2.0;

    /// <summary>A cluster with fewer schools (with an integral in the year) is merged into its smaller neighbour.</summary>
    public int MinClusterSize { get; init; } = 10;

    /// <summary>Replaces <see cref="Basis"/> with the caller's own clustering: school → (key, Russian name, English name).</summary>
    public Func<SchoolProfile, ClusterLabel>? Custom { get; init; }

    public void Validate()
    {
        if (BottomShare is <= 0 or > 1)
        {
            throw new ArgumentException($"ClusterOptions.BottomShare = {BottomShare} must be in (0, 1].");
        }

        if (RobustSd < 0)
        {
            throw new ArgumentException($"ClusterOptions.RobustSd = {RobustSd} must be ≥ 0.");
        }

        if (SocialQuantiles < 1 || MinClusterSize < 1)
        {
            throw new ArgumentException("ClusterOptions: SocialQuantiles and MinClusterSize must be at least 1.");
        }
    }
}

/// <summary>A cluster's key (sorting puts neighbours next to each other) and names.</summary>
public sealed record ClusterLabel(string Key, string NameRu, string NameEn);

/// <summary>A cluster in one year: its schools with an integral, the cut and the median.</summary>
public sealed record ClusterInfo(ClusterLabel Label, int Size, double Cut, double Median);

/// <summary>A school in one year's clustering.</summary>
public sealed record ClusterSchool(string SchoolCode, ClusterLabel Cluster, double Integral, int Rank, int ClusterSize, double Cut, bool Flagged);

/// <summary>One year's clusters and schools.</summary>
public sealed record ClusterYear(int Year, IReadOnlyList<ClusterInfo> Clusters, IReadOnlyDictionary<string, ClusterSchool> Schools);

/// <summary>Assigns clusters and flags the low end of each, year by year.</summary>
public static class ClusterMethod
{
    public static IReadOnlyDictionary<int, ClusterYear> Run(
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, IntegralResult>> integrals,
        Func<int, IReadOnlyDictionary<string, SchoolProfile>> profiles,
        Func<int, SocialWellbeingResult> socialIndex,
        ClusterOptions? options = null)
    {
        options ??= new ClusterOptions();
        options.Validate();
        var years = new Dictionary<int, ClusterYear>();
        foreach (var (year, results) in integrals.OrderBy(y => y.Key))
        {
            var context = profiles(year);
            var index = socialIndex(year);
            var peers = new SortedPeers(index, context);
            var members = results.Values.Where(r => context.ContainsKey(r.SchoolCode))
                .GroupBy(r => Assign(context[r.SchoolCode], index, peers, options))
                .Select(g => (Label: g.Key, Schools: g.ToList()))
                .OrderBy(c => c.Label.Key, StringComparer.Ordinal)
                .ToList();
            MergeSmall(members, options.MinClusterSize);
            var clusters = new List<ClusterInfo>();
            var schools = new Dictionary<string, ClusterSchool>(StringComparer.Ordinal);
            foreach (var (label, list) in members)
            {
                var values = list.Select(r => r.Value).ToArray();
                var robust = options.Cut == ClusterCut.RobustDeviation;
                var cut = robust
                    ? LowResultsMath.Median(values) - (options.RobustSd * LowResultsMath.RobustStandardDeviation(values))
                    : LowResultsMath.BottomCut(values, options.BottomShare);
                clusters.Add(new ClusterInfo(label, list.Count, cut, LowResultsMath.Median(values)));
                foreach (var school in list)
                {
                    schools[school.SchoolCode] = new ClusterSchool(
                        school.SchoolCode, label, school.Value, LowResultsMath.Rank(values, school.Value), list.Count, cut,
                        robust ? school.Value < cut : school.Value <= cut);
                }
            }

            years[year] = new ClusterYear(year, clusters, schools);
        }

        return years;
    }

    /// <summary>The cluster of a school under the options; <paramref name="context"/> holds every school of the year.</summary>
    public static ClusterLabel Assign(
        SchoolProfile school, SocialWellbeingResult index, IReadOnlyDictionary<string, SchoolProfile> context, ClusterOptions options) =>
        Assign(school, index, new SortedPeers(index, context), options);

    private static ClusterLabel Assign(SchoolProfile school, SocialWellbeingResult index, SortedPeers peers, ClusterOptions options)
    {
        if (options.Custom is { } custom)
        {
            return custom(school);
        }

        var (settlementKey, settlementRu, settlementEn) = school.Settlement == SchoolSettlement.Rural
            ? ("R", "сельские", "rural")
            : ("U", "городские", "urban");
        switch (options.Basis)
        {
            case ClusterBasis.SettlementAndSize:
                var band = options.SizeBandLimits.Count(limit => school.Students >= limit);
                var (ru, en) = SizeBandName(options.SizeBandLimits, band);
                return new ClusterLabel($"{settlementKey}-{band}", $"{settlementRu}, {ru}", $"{settlementEn}, {en}");
            case ClusterBasis.SettlementAndSocialQuantiles:
                var q = Quantile(index.Find(school.SchoolCode)?.Index ?? 0, peers.Of(school.Settlement), options.SocialQuantiles);
                return new ClusterLabel(
                    $"{settlementKey}-Q{q}",
                    $"{settlementRu}, ИСБШ: группа {q} из {options.SocialQuantiles}",
                    $"{settlementEn}, social index group {q} of {options.SocialQuantiles}");
            case ClusterBasis.Settlement:
                return new ClusterLabel(settlementKey, settlementRu, settlementEn);
            case ClusterBasis.Region:
                return new ClusterLabel("ALL", "все школы региона", "all schools of the region");
            default:
                var group = Quantile(index.Find(school.SchoolCode)?.Index ?? 0, peers.All, options.SocialQuantiles);
                return new ClusterLabel(
                    $"Q{group}",
                    $"ИСБШ: группа {group} из {options.SocialQuantiles} (1 — наименее благополучные)",
                    $"social index group {group} of {options.SocialQuantiles} (1 = least advantaged)");
        }
    }

    /// <summary>1 + ⌊(peers with a lower index) · groups / peers⌋: group 1 holds the least advantaged.</summary>
    private static int Quantile(double value, double[] sortedPeers, int groups)
    {
        if (sortedPeers.Length == 0)
        {
            return 1;
        }

        var below = Array.BinarySearch(sortedPeers, value);
        if (below < 0)
        {
            below = ~below;
        }

        while (below > 0 && sortedPeers[below - 1] >= value)
        {
            below--;
        }

        return Math.Min(groups, 1 + (below * groups / sortedPeers.Length));
    }

    private static (string Ru, string En) SizeBandName(IReadOnlyList<int> limits, int band)
    {
        if (limits.Count == 0)
        {
            return ("все размеры", "any size");
        }

        if (band == 0)
        {
            return ($"до {limits[0]} обучающихся", $"under {limits[0]} students");
        }

        return band == limits.Count
            ? ($"от {limits[^1]} обучающихся", $"{limits[^1]} students or more")
            : ($"{limits[band - 1]}–{limits[band] - 1} обучающихся", $"{limits[band - 1]}–{limits[band] - 1} students");
    }

    private static void MergeSmall(List<(ClusterLabel Label, List<IntegralResult> Schools)> clusters, int minSize)
    {
        while (clusters.Count > 1 && clusters.Select((c, i) => (c.Schools.Count, i)).Min() is var (size, i) && size < minSize)
        {
            var neighbour = i == 0 ? 1
                : i == clusters.Count - 1 ? i - 1
                : clusters[i - 1].Schools.Count <= clusters[i + 1].Schools.Count ? i - 1 : i + 1;
            var (first, second) = (Math.Min(i, neighbour), Math.Max(i, neighbour));
            var a = clusters[first];
            var b = clusters[second];
            var label = new ClusterLabel(a.Label.Key + "+" + b.Label.Key, a.Label.NameRu + " + " + b.Label.NameRu, a.Label.NameEn + " + " + b.Label.NameEn);
            clusters[first] = (label, [.. a.Schools, .. b.Schools]);
            clusters.RemoveAt(second);
        }
    }

    /// <summary>The social index values of the region and of each settlement type, sorted once per year.</summary>
    private sealed class SortedPeers(SocialWellbeingResult index, IReadOnlyDictionary<string, SchoolProfile> context)
    {
        private readonly Dictionary<SchoolSettlement, double[]> _bySettlement = [];
        private double[]? _all;

        public double[] All => _all ??= index.Schools.Values.Select(s => s.Index).Order().ToArray();

        public double[] Of(SchoolSettlement settlement)
        {
            if (!_bySettlement.TryGetValue(settlement, out var values))
            {
                values = index.Schools.Values
                    .Where(s => context.GetValueOrDefault(s.SchoolCode)?.Settlement == settlement)
                    .Select(s => s.Index)
                    .Order()
                    .ToArray();
                _bySettlement[settlement] = values;
            }

            return values;
        }
    }
}
