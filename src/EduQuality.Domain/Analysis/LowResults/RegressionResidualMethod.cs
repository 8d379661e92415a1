namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>Which scale the residual cut is measured in (computed over the residuals of every school).</summary>
public enum ResidualScale
{
    /// <summary>The standard deviation of the residuals.</summary>
    StandardDeviation,

    /// <summary>1.4826 · median absolute deviation of the residuals: not inflated by the low-result schools themselves.</summary>
    Robust,
}

/// <summary>
/// The Krasnoyarsk method (DOMAIN.md §3.6.5, F11): regress the integral result on the social factors, flag schools
/// whose actual result is below the prediction. The cut is not given in the source; the default is one robust residual
/// SD below the prediction (the brief's «residual &lt; −1 SD»), after one refit without the schools flagged by the
/// first fit. On its own this flags about a fifth of the schools in a year: it is the "beyond context" condition of the
/// ШНОР rule, not a list by itself (see <see cref="ShnorRule"/>).
/// </summary>
public sealed record RegressionOptions
{
    /// <summary>The social factors used as predictors (default: all nine).</summary>
    public IReadOnlyList<SocialComponent> Factors { get; init; } = SocialComponents.All;

    /// <summary>Adds a rural-location dummy (1 = rural) as a predictor.</summary>
    public bool IncludeRural { get; init; }

    /// <summary>Ridge ε on the correlation scale, for collinear factors.</summary>
    public double RidgeEpsilon { get; init; } = LinearRegression.DefaultRidge;

    /// <summary>A school-year is flagged when its residual is below −CutSd × the residual scale (default 1).</summary>
    public double CutSd { get; init; } = 1.0;

    /// <summary>The scale of the cut (default: robust, 1.4826·MAD of all residuals).</summary>
    public ResidualScale Scale { get; init; } = ResidualScale.Robust;

    /// <summary>
    /// When above 0, factors with |t| below it are removed one at a time, weakest first, as the Krasnoyarsk method
    /// keeps only significant factors (2 ≈ the 5% level). Default 0: all factors stay.
    /// </summary>
    public double MinAbsT { get; init; }

    /// <summary>
    /// How many times the model is refitted without the schools the previous fit flagged, so that the expected result
    /// is estimated from schools not suspected of low results (the flagged schools otherwise pull the line down at
    /// their own end and hide themselves). Every school's residual always comes from the last fit.
    /// </summary>
    public int Refits { get; init; } = 1;

    /// <summary>Fewer schools than this with an integral in a year: no regression that year.</summary>
    public int MinSchools { get; init; } = 20;

    public void Validate()
    {
        if (Factors.Count == 0 && !IncludeRural)
        {
            throw new ArgumentException("RegressionOptions: at least one predictor is needed.");
        }

        if (CutSd < 0 || RidgeEpsilon < 0 || MinAbsT < 0 || Refits < 0)
        {
            throw new ArgumentException("RegressionOptions: CutSd, RidgeEpsilon, MinAbsT and Refits must be ≥ 0.");
        }
    }
}

/// <summary>A predictor of the regression with its coefficient.</summary>
public sealed record RegressionCoefficient(string Code, string NameRu, string NameEn, double Value, double Standardised, double StandardError)
{
    public double TValue => StandardError > 0 ? Value / StandardError : double.NaN;
}

/// <summary>A school in one year's regression.</summary>
/// <param name="Actual">The integral result.</param>
/// <param name="Predicted">The integral predicted from the social factors.</param>
/// <param name="Residual">Actual − predicted.</param>
/// <param name="ResidualInScale">Residual divided by the residual scale.</param>
/// <param name="Flagged">Residual below the cut.</param>
public sealed record RegressionSchool(string SchoolCode, double Actual, double Predicted, double Residual, double ResidualInScale, bool Flagged);

/// <summary>
/// One year's regression: the model of the last fit (its R² is over the <see cref="FittedSchools"/> schools used in it),
/// the removed factors, the residual scale and cut, and every school.
/// </summary>
public sealed record RegressionYear(
    int Year,
    double Intercept,
    IReadOnlyList<RegressionCoefficient> Coefficients,
    IReadOnlyList<string> RemovedFactors,
    double RSquared,
    double AdjustedRSquared,
    double ResidualScaleValue,
    double Cut,
    int FittedSchools,
    IReadOnlyDictionary<string, RegressionSchool> Schools);

/// <summary>Fits the regression-residual method year by year.</summary>
public static class RegressionResidualMethod
{
    /// <summary>One regression per year with at least <see cref="RegressionOptions.MinSchools"/> schools.</summary>
    public static IReadOnlyDictionary<int, RegressionYear> Run(
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, IntegralResult>> integrals,
        Func<int, IReadOnlyDictionary<string, SchoolProfile>> profiles,
        RegressionOptions? options = null)
    {
        options ??= new RegressionOptions();
        options.Validate();
        var years = new Dictionary<int, RegressionYear>();
        foreach (var (year, results) in integrals.OrderBy(y => y.Key))
        {
            var context = profiles(year);
            var schools = results.Values.Where(r => context.ContainsKey(r.SchoolCode))
                .OrderBy(r => r.SchoolCode, StringComparer.Ordinal).ToList();
            if (schools.Count < options.MinSchools)
            {
                continue;
            }

            years[year] = FitYear(year, schools, context, options);
        }

        return years;
    }

    /// <summary>The predictors in use: (code, Russian name, English name, value of a school).</summary>
    public static IReadOnlyList<Predictor> Predictors(RegressionOptions options)
    {
        var list = options.Factors.Select(f => new Predictor(
            SocialComponents.Code(f), SocialComponents.NameRu(f), SocialComponents.NameEn(f), p => p.Factors.Value(f))).ToList();
        if (options.IncludeRural)
        {
            list.Add(new Predictor("RURAL", "сельская школа", "rural school", p => p.Settlement == SchoolSettlement.Rural ? 1 : 0));
        }

        return list;
    }

    private static RegressionYear FitYear(
        int year, List<IntegralResult> schools, IReadOnlyDictionary<string, SchoolProfile> context, RegressionOptions options)
    {
        var predictors = Predictors(options).ToList();
        var removed = new List<string>();
        var y = schools.Select(s => s.Value).ToArray();
        var fitted = Enumerable.Range(0, schools.Count).ToList();
        var refits = 0;
        while (true)
        {
            double[] Row(int i) => predictors.Select(p => p.ValueOf(context[schools[i].SchoolCode])).ToArray();
            var fit = LinearRegression.Fit(fitted.Select(i => (IReadOnlyList<double>)Row(i)).ToArray(), fitted.Select(i => y[i]).ToArray(), options.RidgeEpsilon);
            if (WeakestBelow(fit, options.MinAbsT) is { } k && predictors.Count > 1)
            {
                removed.Add(predictors[k].Code);
                predictors.RemoveAt(k);
                continue;
            }

            var predicted = Enumerable.Range(0, schools.Count).Select(i => fit.Predict(Row(i))).ToArray();
            var residuals = Enumerable.Range(0, schools.Count).Select(i => y[i] - predicted[i]).ToArray();
            var scale = options.Scale == ResidualScale.Robust
                ? LowResultsMath.RobustStandardDeviation(residuals)
                : LowResultsMath.StandardDeviation(residuals);
            var cut = -options.CutSd * scale;
            var kept = Enumerable.Range(0, schools.Count).Where(i => residuals[i] >= cut).ToList();
            if (refits < options.Refits && !kept.SequenceEqual(fitted) && kept.Count >= Math.Max(options.MinSchools, predictors.Count + 2))
            {
                fitted = kept;
                refits++;
                continue;
            }

            var rows = new Dictionary<string, RegressionSchool>(StringComparer.Ordinal);
            for (var i = 0; i < schools.Count; i++)
            {
                rows[schools[i].SchoolCode] = new RegressionSchool(
                    schools[i].SchoolCode, y[i], predicted[i], residuals[i], scale > 0 ? residuals[i] / scale : 0, scale > 0 && residuals[i] < cut);
            }

            var coefficients = predictors.Select((p, j) => new RegressionCoefficient(
                p.Code, p.NameRu, p.NameEn, fit.Coefficients[j], fit.StandardisedCoefficients[j], fit.StandardErrors[j])).ToList();
            return new RegressionYear(
                year, fit.Intercept, coefficients, removed, fit.RSquared, fit.AdjustedRSquared, scale, cut, fitted.Count, rows);
        }
    }

    private static int? WeakestBelow(RegressionFit fit, double minAbsT)
    {
        if (minAbsT <= 0)
        {
            return null;
        }

        int? weakest = null;
        var weakestT = minAbsT;
        for (var k = 0; k < fit.Coefficients.Count; k++)
        {
            var t = Math.Abs(fit.TValue(k));
            if (double.IsNaN(t) || t < weakestT)
            {
                weakest = k;
                weakestT = double.IsNaN(t) ? -1 : t;
            }
        }

        return weakest;
    }
}

/// <summary>A regression predictor: its code, names and how to read it from a school's profile.</summary>
public sealed record Predictor(string Code, string NameRu, string NameEn, Func<SchoolProfile, double> ValueOf);
