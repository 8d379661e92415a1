namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// The small statistics the detectors share: one-sided p-values of a count against a reference share and of a change
/// between two groups, and the strength of a sign.
/// </summary>
public static class SignStatistics
{
    /// <summary>
    /// Exact one-sided binomial p-value P(X ≥ k) for X ~ Binomial(n, p): how likely at least <paramref name="count"/> of
    /// <paramref name="trials"/> participants fall in a category whose reference share is <paramref name="share"/>. Exact,
    /// because the groups judged are small (20 participants, a histogram window of a handful) where a normal
    /// approximation overstates significance. The reference share is kept within 1%..99% so that a region without a
    /// single case does not make every case infinitely significant.
    /// </summary>
    public static double BinomialUpperTail(long count, long trials, double share)
    {
        if (count <= 0 || trials <= 0)
        {
            return 1;
        }

        if (count > trials)
        {
            return 0;
        }

        var p = Math.Clamp(share, 0.01, 0.99);
        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);

        // log C(n, k) by a running sum; then the terms from k to n by their ratio, summed relative to the first.
        var logChoose = 0.0;
        for (long j = 1; j <= count; j++)
        {
            logChoose += Math.Log((double)(trials - count + j) / j);
        }

        var logFirst = logChoose + (count * logP) + ((trials - count) * logQ);
        var sum = 1.0;
        var term = 1.0;
        for (var i = count; i < trials; i++)
        {
            term *= (double)(trials - i) / (i + 1) * p / (1 - p);
            sum += term;
            if (term < sum * 1e-17)
            {
                break;
            }
        }

        return Math.Min(1, Math.Exp(logFirst + Math.Log(sum)));
    }

    /// <summary>
    /// One-sided p-value of a change between two independent groups beyond an expected change, by the normal
    /// approximation: z = (Δ − expected) / √(p̃1(1 − p̃1)/n1 + p̃2(1 − p̃2)/n2), with p̃ = (x + 1)/(n + 2) so that a share
    /// of 0 or 1 still has a variance. Both groups hold at least the minimum of participants, so the approximation holds.
    /// </summary>
    public static double ChangeAbove(double before, long beforeCount, double after, long afterCount, double expectedChange)
    {
        if (beforeCount <= 0 || afterCount <= 0)
        {
            return 1;
        }

        var variance = SmoothedVariance(before, beforeCount) + SmoothedVariance(after, afterCount);
        return NormalUpperTail((after - before - expectedChange) / Math.Sqrt(variance));
    }

    /// <summary>P(Z ≥ z) for a standard normal Z (Abramowitz–Stegun 7.1.26, absolute error below 1.5e-7).</summary>
    public static double NormalUpperTail(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erfc = poly * Math.Exp(-x * x);
        return z >= 0 ? erfc / 2 : 1 - (erfc / 2);
    }

    /// <summary>
    /// Strength of a sign from its exceedance (measured ÷ threshold, or threshold ÷ measured for a lower bound, ≥ 1 once
    /// crossed): 0.5 at the threshold, rising linearly to 1 at twice the threshold; times the low-confidence factor.
    /// </summary>
    public static double Strength(double exceedance, bool lowConfidence, double lowConfidenceFactor)
    {
        var strength = Math.Clamp(exceedance / 2, 0, 1);
        return lowConfidence ? strength * lowConfidenceFactor : strength;
    }

    private static double SmoothedVariance(double share, long count)
    {
        var smoothed = ((share * count) + 1) / (count + 2);
        return smoothed * (1 - smoothed) / count;
    }
}
