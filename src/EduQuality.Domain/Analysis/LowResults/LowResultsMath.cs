using System.Globalization;

namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>Small statistics used by the low-results methods: means, standard deviations, ranks and bottom shares.</summary>
public static class LowResultsMath
{
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Average();

    /// <summary>Population standard deviation (divides by n); 0 for fewer than two values.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = Mean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>z = (x − mean) / SD with the population SD; all zeros when the values do not vary.</summary>
    public static double[] Standardise(IReadOnlyList<double> values)
    {
        var mean = Mean(values);
        var sd = StandardDeviation(values);
        return values.Select(v => sd > 0 ? (v - mean) / sd : 0).ToArray();
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Median absolute deviation scaled by 1.4826, a robust SD that equals the SD for normal data.</summary>
    public static double RobustStandardDeviation(IReadOnlyList<double> values)
    {
        var median = Median(values);
        return 1.4826 * Median(values.Select(v => Math.Abs(v - median)).ToArray());
    }

    /// <summary>How many of <paramref name="count"/> items a bottom share selects: ⌈share · count⌉, at least 1 for a positive share.</summary>
    public static int BottomCount(int count, double share)
    {
        if (count == 0 || share <= 0)
        {
            return 0;
        }

        return Math.Min(count, Math.Max(1, (int)Math.Ceiling((share * count) - 1e-9)));
    }

    /// <summary>
    /// The value at the bottom-share cut: the ⌈share · n⌉-th smallest value. Items at or below it are selected, so
    /// ties at the cut are all in.
    /// </summary>
    public static double BottomCut(IReadOnlyList<double> values, double share)
    {
        var k = BottomCount(values.Count, share);
        return k == 0 ? double.NegativeInfinity : values.Order().ElementAt(k - 1);
    }

    /// <summary>1-based ascending rank (1 = lowest); ties share the smallest rank.</summary>
    public static int Rank(IReadOnlyList<double> values, double value) => values.Count(v => v < value) + 1;

    /// <summary>Number in English: invariant culture, fixed digits.</summary>
    public static string En(double value, int digits = 2) =>
        value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Number in Russian: decimal comma (independent of the machine's culture data).</summary>
    public static string Ru(double value, int digits = 2) => En(value, digits).Replace('.', ',').Replace('-', '−');

    /// <summary>A share 0..1 as a percentage in English, «12.5%».</summary>
    public static string PercentEn(double share, int digits = 1) => En(100 * share, digits) + "%";

    /// <summary>A share 0..1 as a percentage in Russian, «12,5 %».</summary>
    public static string PercentRu(double share, int digits = 1) => Ru(100 * share, digits) + " %";
}
