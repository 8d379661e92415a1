using static EduQuality.Domain.Analysis.LowResults.LowResultsMath;

namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>Builds the explanations of list membership in Russian and English with the numbers behind them.</summary>
public static class LowResultsReasons
{
    public const string RegressionMethod = "REGRESSION";
    public const string ClusterMethodCode = "CLUSTER";
    public const string SocialIndexMethod = "ISBSH";

    public static ListReason Regression(
        string code, IReadOnlyList<int> window, IReadOnlyList<int> flagged, IReadOnlyDictionary<int, RegressionYear> regressions)
    {
        var figures = new List<ReasonFigure>();
        var ru = new List<string>();
        var en = new List<string>();
        foreach (var year in flagged)
        {
            var model = regressions[year];
            var school = model.Schools[code];
            figures.Add(new ReasonFigure("actual", year, school.Actual));
            figures.Add(new ReasonFigure("predicted", year, school.Predicted));
            figures.Add(new ReasonFigure("residual", year, school.Residual));
            figures.Add(new ReasonFigure("cut", year, model.Cut));
            figures.Add(new ReasonFigure("rSquared", year, model.RSquared));
            ru.Add($"{year}: факт {Ru(school.Actual)}, прогноз {Ru(school.Predicted)}, остаток {Ru(school.Residual)} "
                + $"({Ru(school.ResidualInScale, 1)} SD; порог {Ru(model.Cut)}; R² = {Ru(model.RSquared)})");
            en.Add($"{year}: actual {En(school.Actual)}, predicted {En(school.Predicted)}, residual {En(school.Residual)} "
                + $"({En(school.ResidualInScale, 1)} SD; cut {En(model.Cut)}; R² = {En(model.RSquared)})");
        }

        return new ListReason(
            RegressionMethod,
            $"Регрессионный метод (Красноярский край): интегральный результат ниже ожидаемого при социальных условиях школы "
                + $"в {flagged.Count} из {window.Count} лет. " + string.Join("; ", ru) + ".",
            $"Regression-residual method (Krasnoyarsk Krai): integral result below the value expected from the school's social "
                + $"conditions in {flagged.Count} of {window.Count} years. " + string.Join("; ", en) + ".",
            figures);
    }

    public static ListReason Cluster(
        string code, IReadOnlyList<int> window, IReadOnlyList<int> flagged, IReadOnlyDictionary<int, ClusterYear> clusters, ClusterOptions options)
    {
        var figures = new List<ReasonFigure>();
        var ru = new List<string>();
        var en = new List<string>();
        foreach (var year in flagged)
        {
            var school = clusters[year].Schools[code];
            var median = clusters[year].Clusters.First(c => c.Label == school.Cluster).Median;
            figures.Add(new ReasonFigure("integral", year, school.Integral));
            figures.Add(new ReasonFigure("median", year, median));
            figures.Add(new ReasonFigure("rank", year, school.Rank));
            figures.Add(new ReasonFigure("clusterSize", year, school.ClusterSize));
            figures.Add(new ReasonFigure("cut", year, school.Cut));
            ru.Add($"{year}: кластер «{school.Cluster.NameRu}», интегральный результат {Ru(school.Integral)}, "
                + $"место {school.Rank} из {school.ClusterSize} (медиана {Ru(median)}, порог {Ru(school.Cut)})");
            en.Add($"{year}: cluster “{school.Cluster.NameEn}”, integral result {En(school.Integral)}, "
                + $"rank {school.Rank} of {school.ClusterSize} (median {En(median)}, cut {En(school.Cut)})");
        }

        return new ListReason(
            ClusterMethodCode,
            $"Кластерный метод (Ишимбай): результаты хуже, чем у школ своего кластера ({CutRu(options)}) "
                + $"в {flagged.Count} из {window.Count} лет. " + string.Join("; ", ru) + ".",
            $"Cluster method (Ishimbay): results worse than the schools of its cluster ({CutEn(options)}) "
                + $"in {flagged.Count} of {window.Count} years. " + string.Join("; ", en) + ".",
            figures);
    }

    private static string CutRu(ClusterOptions options) => options.Cut == ClusterCut.RobustDeviation
        ? $"ниже медианы кластера более чем на {Ru(options.RobustSd, 1)} устойчивых SD"
        : $"нижние {PercentRu(options.BottomShare, 0)} кластера";

    private static string CutEn(ClusterOptions options) => options.Cut == ClusterCut.RobustDeviation
        ? $"more than {En(options.RobustSd, 1)} robust SDs below the cluster median"
        : $"bottom {PercentEn(options.BottomShare, 0)} of the cluster";

    public static ListReason SocialIndex(SocialWellbeingScore school, SocialWellbeingResult result)
    {
        var worst = school.WorstComponents(3).ToList();
        var figures = new List<ReasonFigure>
        {
            new("index", null, school.Index),
            new("rank", null, school.Rank),
            new("schools", null, result.Schools.Count),
            new("cut", null, result.Cut),
        };
        figures.AddRange(worst.Select(c => new ReasonFigure(SocialComponents.Code(c), null, school.Contributions[c])));
        var worstRu = string.Join(", ", worst.Select(c => $"{SocialComponents.Code(c)} {SocialComponents.NameRu(c)} ({Ru(school.Contributions[c])})"));
        var worstEn = string.Join(", ", worst.Select(c => $"{SocialComponents.Code(c)} {SocialComponents.NameEn(c)} ({En(school.Contributions[c])})"));
        return new ListReason(
            SocialIndexMethod,
            $"Индекс социального благополучия (ИСБШ) {Ru(school.Index)} — в нижних {PercentRu(result.BottomShare, 0)} региона: "
                + $"место {school.Rank} из {result.Schools.Count} (порог {Ru(result.Cut)})."
                + (worst.Count > 0 ? $" Больше всего снижают индекс: {worstRu}." : ""),
            $"Social wellbeing index (ИСБШ) {En(school.Index)}, in the bottom {PercentEn(result.BottomShare, 0)} of the region: "
                + $"rank {school.Rank} of {result.Schools.Count} (cut {En(result.Cut)})."
                + (worst.Count > 0 ? $" Pulled down most by: {worstEn}." : ""),
            figures);
    }
}
