using EduQuality.Domain.Analysis.LowResults;

namespace EduQuality.Analysis.Tests.LowResults;

public sealed class LinearRegressionTests
{
    [Fact]
    public void Recovers_an_exact_linear_relation()
    {
        // y = 2 + 3·x1 − 1.5·x2 exactly.
        double[][] x = [[0, 1], [1, 0], [2, 3], [3, 1], [4, 2], [5, 5]];
        var y = x.Select(r => 2 + (3 * r[0]) - (1.5 * r[1])).ToArray();

        var fit = LinearRegression.Fit(x, y, ridgeEpsilon: 0);

        Assert.Equal(2, fit.Intercept, 9);
        Assert.Equal(3, fit.Coefficients[0], 9);
        Assert.Equal(-1.5, fit.Coefficients[1], 9);
        Assert.Equal(1, fit.RSquared, 12);
        Assert.All(fit.Residuals, r => Assert.Equal(0, r, 9));
        Assert.Equal(20, fit.Predict([6, 0]), 9);
    }

    [Fact]
    public void Default_ridge_leaves_a_well_posed_fit_practically_unchanged()
    {
        double[][] x = [[0, 1], [1, 0], [2, 3], [3, 1], [4, 2], [5, 5]];
        var y = x.Select(r => 2 + (3 * r[0]) - (1.5 * r[1])).ToArray();

        var fit = LinearRegression.Fit(x, y);

        Assert.Equal(2, fit.Intercept, 5);
        Assert.Equal(3, fit.Coefficients[0], 5);
        Assert.Equal(-1.5, fit.Coefficients[1], 5);
    }

    [Fact]
    public void Simple_regression_matches_the_textbook_example()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: ŷ = 2.2 + 0.6x, SS_res = 2.4, SS_tot = 6, R² = 0.6, SE(slope) = √(0.8 / 10).
        double[][] x = [[1], [2], [3], [4], [5]];
        double[] y = [2, 4, 5, 4, 5];

        var fit = LinearRegression.Fit(x, y, ridgeEpsilon: 0);

        Assert.Equal(2.2, fit.Intercept, 10);
        Assert.Equal(0.6, fit.Coefficients[0], 10);
        Assert.Equal(0.6, fit.RSquared, 10);
        Assert.Equal(Math.Sqrt(0.08), fit.StandardErrors[0], 10);
        Assert.Equal(0.6 / Math.Sqrt(0.08), fit.TValue(0), 10);
        Assert.Equal(Math.Sqrt(0.8), fit.ResidualStandardDeviation, 10);
        Assert.Equal([-0.8, 0.6, 1.0, -0.6, -0.2], fit.Residuals.Select(r => Math.Round(r, 10)));
        Assert.Equal(0.6 * Math.Sqrt(2), fit.StandardisedCoefficients[0], 10);
    }

    [Fact]
    public void Collinear_predictors_need_the_ridge_and_then_share_the_effect()
    {
        // x2 = 2·x1, y = 1 + x1: without ridge the normal equations are singular.
        double[][] x = [[1, 2], [2, 4], [3, 6], [4, 8]];
        double[] y = [2, 3, 4, 5];

        Assert.Throws<InvalidOperationException>(() => LinearRegression.Fit(x, y, ridgeEpsilon: 0));
        var fit = LinearRegression.Fit(x, y, ridgeEpsilon: 1e-6);

        Assert.Equal(fit.StandardisedCoefficients[0], fit.StandardisedCoefficients[1], 9);
        Assert.Equal(1, fit.Coefficients[0] + (2 * fit.Coefficients[1]), 5);
        Assert.All(fit.Residuals, r => Assert.Equal(0, r, 5));
    }

    [Fact]
    public void A_constant_predictor_gets_no_coefficient()
    {
        double[][] x = [[1, 7], [2, 7], [3, 7], [4, 7]];
        double[] y = [3, 5, 7, 9];

        var fit = LinearRegression.Fit(x, y);

        Assert.Equal(2, fit.Coefficients[0], 6);
        Assert.Equal(0, fit.Coefficients[1]);
        Assert.True(double.IsNaN(fit.StandardErrors[1]));
        Assert.Equal(1, fit.Intercept, 5);
    }

    [Fact]
    public void Solver_pivots_past_a_zero_on_the_diagonal()
    {
        // 0·a + 2·b + 1·c = 7; 1·a + 1·b + 1·c = 6; 2·a + 1·b + 3·c = 13 → a = 1, b = 2, c = 3.
        var a = new double[,] { { 0, 2, 1 }, { 1, 1, 1 }, { 2, 1, 3 } };

        var x = LinearSolver.Solve(a, [7, 6, 13]);

        Assert.Equal(1, x[0], 12);
        Assert.Equal(2, x[1], 12);
        Assert.Equal(3, x[2], 12);
    }
}
