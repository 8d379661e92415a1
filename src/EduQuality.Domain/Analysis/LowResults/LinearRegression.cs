namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>An ordinary-least-squares fit with its coefficients, fit statistics, predictions and residuals.</summary>
/// <param name="Intercept">β0 in the units of y.</param>
/// <param name="Coefficients">β_k per predictor in original units (change in y per unit of x_k); 0 for a constant predictor.</param>
/// <param name="StandardisedCoefficients">β_k · SD(x_k): change in y per standard deviation of x_k.</param>
/// <param name="StandardErrors">Standard error of each β_k (NaN for a constant predictor or without residual degrees of freedom).</param>
/// <param name="RSquared">R² = 1 − SS_res / SS_tot.</param>
/// <param name="AdjustedRSquared">1 − (1 − R²)(n − 1)/(n − k − 1).</param>
/// <param name="ResidualStandardDeviation">√(SS_res / (n − k − 1)), the standard error of the regression.</param>
/// <param name="Predicted">ŷ_i per observation, in input order.</param>
/// <param name="Residuals">y_i − ŷ_i per observation, in input order.</param>
public sealed record RegressionFit(
    double Intercept,
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<double> StandardisedCoefficients,
    IReadOnlyList<double> StandardErrors,
    double RSquared,
    double AdjustedRSquared,
    double ResidualStandardDeviation,
    IReadOnlyList<double> Predicted,
    IReadOnlyList<double> Residuals)
{
    public int Observations => Predicted.Count;

    /// <summary>t = β_k / SE(β_k); NaN where the standard error is unknown or zero.</summary>
    public double TValue(int k) => StandardErrors[k] is var se && se > 0 ? Coefficients[k] / se : double.NaN;

    /// <summary>The prediction for a new observation.</summary>
    public double Predict(IReadOnlyList<double> x)
    {
        var value = Intercept;
        for (var k = 0; k < Coefficients.Count; k++)
        {
            value += Coefficients[k] * x[k];
        }

        return value;
    }
}

/// <summary>
/// Ordinary least squares y = β0 + Σ β_k·x_k by the normal equations. Predictors are centred and scaled to unit SD, so
/// the system is the correlation matrix R: (R + εI)·b = Zᵀ(y − ȳ)/n, solved by Gaussian elimination with partial
/// pivoting; β_k = b_k / SD(x_k) and β0 = ȳ − Σ β_k·mean(x_k). The ridge ε (default 1e-8, on the unit-diagonal scale)
/// keeps collinear predictors solvable: two identical columns share their effect equally. With ε = 0 it is plain OLS.
/// </summary>
public static class LinearRegression
{
    public const double DefaultRidge = 1e-8;

    /// <summary>Fits y on the rows of <paramref name="x"/> (one row per observation, one column per predictor).</summary>
    public static RegressionFit Fit(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<double> y, double ridgeEpsilon = DefaultRidge)
    {
        var n = y.Count;
        if (x.Count != n)
        {
            throw new ArgumentException($"{x.Count} rows of predictors for {n} observations.");
        }

        if (n < 2)
        {
            throw new ArgumentException("A regression needs at least two observations.");
        }

        if (ridgeEpsilon < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ridgeEpsilon), ridgeEpsilon, "The ridge term must be ≥ 0.");
        }

        var p = x[0].Count;
        if (x.Any(row => row.Count != p))
        {
            throw new ArgumentException("Every row of predictors must have the same number of columns.");
        }

        var means = new double[p];
        var sds = new double[p];
        for (var k = 0; k < p; k++)
        {
            var column = x.Select(row => row[k]).ToArray();
            means[k] = LowResultsMath.Mean(column);
            sds[k] = LowResultsMath.StandardDeviation(column);
        }

        var used = Enumerable.Range(0, p).Where(k => sds[k] > 1e-12 * Math.Max(1, Math.Abs(means[k]))).ToArray();
        var m = used.Length;
        var yMean = y.Average();
        var a = new double[m, m];
        var b = new double[m];
        for (var i = 0; i < n; i++)
        {
            var yc = y[i] - yMean;
            for (var r = 0; r < m; r++)
            {
                var zr = (x[i][used[r]] - means[used[r]]) / sds[used[r]];
                b[r] += zr * yc / n;
                for (var c = r; c < m; c++)
                {
                    a[r, c] += zr * (x[i][used[c]] - means[used[c]]) / sds[used[c]] / n;
                }
            }
        }

        for (var r = 0; r < m; r++)
        {
            a[r, r] += ridgeEpsilon;
            for (var c = 0; c < r; c++)
            {
                a[r, c] = a[c, r];
            }
        }

        var scaled = LinearSolver.Solve(a, b);
        var coefficients = new double[p];
        var standardised = new double[p];
        for (var r = 0; r < m; r++)
        {
            coefficients[used[r]] = scaled[r] / sds[used[r]];
            standardised[used[r]] = scaled[r];
        }

        var intercept = yMean - Enumerable.Range(0, p).Sum(k => coefficients[k] * means[k]);
        var predicted = new double[n];
        var residuals = new double[n];
        double sse = 0, sst = 0;
        for (var i = 0; i < n; i++)
        {
            predicted[i] = intercept + Enumerable.Range(0, p).Sum(k => coefficients[k] * x[i][k]);
            residuals[i] = y[i] - predicted[i];
            sse += residuals[i] * residuals[i];
            sst += (y[i] - yMean) * (y[i] - yMean);
        }

        var rSquared = sst > 0 ? 1 - (sse / sst) : (sse <= 1e-12 ? 1 : 0);
        var freedom = n - m - 1;
        var adjusted = freedom > 0 ? 1 - ((1 - rSquared) * (n - 1) / freedom) : double.NaN;
        var sigma = freedom > 0 ? Math.Sqrt(sse / freedom) : double.NaN;
        var errors = Enumerable.Repeat(double.NaN, p).ToArray();
        if (freedom > 0)
        {
            for (var r = 0; r < m; r++)
            {
                var unit = new double[m];
                unit[r] = 1;
                var inverseDiagonal = LinearSolver.Solve(a, unit)[r];
                errors[used[r]] = sigma * Math.Sqrt(Math.Max(0, inverseDiagonal) / n) / sds[used[r]];
            }
        }

        return new RegressionFit(intercept, coefficients, standardised, errors, rSquared, adjusted, sigma, predicted, residuals);
    }
}

/// <summary>Solves small dense linear systems A·x = b.</summary>
public static class LinearSolver
{
    /// <summary>Gaussian elimination with partial pivoting; throws when A is singular to working precision.</summary>
    public static double[] Solve(double[,] a, IReadOnlyList<double> b)
    {
        var n = b.Count;
        if (a.GetLength(0) != n || a.GetLength(1) != n)
        {
            throw new ArgumentException($"A is {a.GetLength(0)}×{a.GetLength(1)} but b has {n} entries.");
        }

        var m = (double[,])a.Clone();
        var x = b.ToArray();
        var scale = 0.0;
        foreach (var value in a)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(m[pivot, col]) <= 1e-13 * Math.Max(scale, 1e-300))
            {
                throw new InvalidOperationException("The matrix is singular: the predictors are collinear (use a ridge ε > 0).");
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                {
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                }

                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                if (factor == 0)
                {
                    continue;
                }

                for (var c = col; c < n; c++)
                {
                    m[row, c] -= factor * m[col, c];
                }

                x[row] -= factor * x[col];
            }
        }

        for (var row = n - 1; row >= 0; row--)
        {
            var sum = x[row];
            for (var c = row + 1; c < n; c++)
            {
                sum -= m[row, c] * x[c];
            }

            x[row] = sum / m[row, row];
        }

        return x;
    }
}
