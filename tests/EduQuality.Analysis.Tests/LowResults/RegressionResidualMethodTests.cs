using EduQuality.Domain.Analysis.LowResults;

namespace EduQuality.Analysis.Tests.LowResults;

public sealed class RegressionResidualMethodTests
{
    private const int Year = 2025;

    /// <summary>
    /// 24 schools on the line integral = 1 − 10 · register share, ± 0.05 in the pattern + − − + (uncorrelated with the
    /// share, so the 24 alone fit the line exactly), and one school X at the disadvantaged end (share 0.30) one point
    /// below its line value of −2.0.
    /// </summary>
    private static readonly (string Code, double Register, double Integral)[] Schools =
    [
        .. Enumerable.Range(0, 24).Select(i => ($"S{i:D2}", 0.01 * (i + 1), 1 - (10 * 0.01 * (i + 1)) + (i % 4 is 0 or 3 ? 0.05 : -0.05))),
        ("X", 0.30, -3.0),
    ];

    [Fact]
    public void The_refit_without_the_flagged_school_recovers_the_line_and_its_full_residual()
    {
        // A cut of 3 robust SDs: only X is below it in the first fit, so the refit uses exactly the 24 others.
        var year = Run(new RegressionOptions { Factors = [SocialComponent.PreventiveRegister], CutSd = 3 });

        Assert.Equal(-10, year.Coefficients.Single().Value, 6);
        Assert.Equal(1, year.Intercept, 6);
        Assert.Equal(24, year.FittedSchools);
        var x = year.Schools["X"];
        Assert.Equal(-2.0, x.Predicted, 6);
        Assert.Equal(-1.0, x.Residual, 6);
        Assert.Equal(x.Actual - x.Predicted, x.Residual, 12);
        Assert.Equal(["X"], year.Schools.Values.Where(s => s.Flagged).Select(s => s.SchoolCode));
    }

    [Fact]
    public void Without_the_refit_the_school_pulls_the_line_towards_itself()
    {
        var refitted = Run(new RegressionOptions { Factors = [SocialComponent.PreventiveRegister], CutSd = 3 });
        var single = Run(new RegressionOptions { Factors = [SocialComponent.PreventiveRegister], CutSd = 3, Refits = 0 });

        Assert.Equal(25, single.FittedSchools);
        Assert.True(single.Coefficients.Single().Value < -11, $"slope {single.Coefficients.Single().Value:F2}");
        Assert.True(Math.Abs(single.Schools["X"].Residual) < Math.Abs(refitted.Schools["X"].Residual) - 0.2);
    }

    [Fact]
    public void The_cut_is_minus_cut_sd_times_the_residual_scale()
    {
        var sd = Run(new RegressionOptions { Factors = [SocialComponent.PreventiveRegister], Scale = ResidualScale.StandardDeviation, CutSd = 2 });

        var residuals = sd.Schools.Values.Select(s => s.Residual).ToArray();
        Assert.Equal(LowResultsMath.StandardDeviation(residuals), sd.ResidualScaleValue, 12);
        Assert.Equal(-2 * sd.ResidualScaleValue, sd.Cut, 12);
        Assert.All(sd.Schools.Values, s => Assert.Equal(s.Residual < sd.Cut, s.Flagged));
    }

    private static RegressionYear Run(RegressionOptions options)
    {
        var profiles = Schools.ToDictionary(
            s => s.Code,
            s => new SchoolProfile(s.Code, "M01", SchoolSettlement.Rural, 80, new SchoolContextFactors(s.Register, 0, 0, 0, 0, false, false, false, false)),
            StringComparer.Ordinal);
        var integrals = new Dictionary<int, IReadOnlyDictionary<string, IntegralResult>>
        {
            [Year] = Schools.ToDictionary(s => s.Code, s => new IntegralResult(s.Code, Year, s.Integral, 30, []), StringComparer.Ordinal),
        };
        return RegressionResidualMethod.Run(integrals, _ => profiles, options)[Year];
    }
}
