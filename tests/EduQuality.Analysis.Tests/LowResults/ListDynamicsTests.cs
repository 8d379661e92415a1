using EduQuality.Domain.Analysis.LowResults;

namespace EduQuality.Analysis.Tests.LowResults;

public sealed class ListDynamicsTests
{
    [Fact]
    public void Persistence_needs_two_flagged_years_of_the_last_three()
    {
        var rule = new PersistenceRule();
        int[] years = [2021, 2022, 2023, 2024, 2025];
        var window = rule.Window(years, 2025);

        Assert.Equal([2023, 2024, 2025], window);
        Assert.True(LowResultsIdentification.Persistence(rule, window, y => y is 2023 or 2025).Persistent);
        Assert.False(LowResultsIdentification.Persistence(rule, window, y => y == 2024).Persistent);
        Assert.False(LowResultsIdentification.Persistence(rule, window, y => y is 2021 or 2022).Persistent);
        Assert.Equal([2023, 2024, 2025], LowResultsIdentification.Persistence(rule, window, _ => true).Flagged);
    }

    [Fact]
    public void A_short_window_needs_as_many_flagged_years_as_it_has_up_to_the_rule()
    {
        var rule = new PersistenceRule(WindowYears: 3, MinFlaggedYears: 2);
        int[] years = [2023, 2024, 2025];

        Assert.Equal([2023], rule.Window(years, 2023));
        Assert.Equal(1, rule.Required(1));
        Assert.Equal(2, rule.Required(2));
        Assert.True(LowResultsIdentification.Persistence(rule, rule.Window(years, 2023), _ => true).Persistent);
        Assert.False(LowResultsIdentification.Persistence(rule, rule.Window(years, 2024), y => y == 2024).Persistent);
    }

    [Fact]
    public void List_dynamics_count_entered_left_and_stayed_with_the_f10_share()
    {
        // ШНОР 2024 = {A, B}, 2025 = {B, C}: C entered, A left, B stayed; 3 schools on either list.
        var lists = new[]
        {
            new YearLists(2024, false, [Listed("A"), Listed("B")], []),
            new YearLists(2025, false, [Listed("B"), Listed("C")], [Listed("D")]),
        };

        var shnor = ListDynamicsAnalysis.Dynamics(lists).Single(d => d.Kind == ListKind.Shnor);
        var target = ListDynamicsAnalysis.Dynamics(lists).Single(d => d.Kind == ListKind.Target);

        Assert.Equal(["C"], shnor.Entered);
        Assert.Equal(["A"], shnor.Left);
        Assert.Equal(["B"], shnor.Stayed);
        Assert.Equal(3, shnor.Denominator);
        Assert.Equal(1.0 / 3, shnor.PositiveShare, 12);   // ШНОР-D2
        Assert.Equal(1.0 / 3, shnor.NegativeShare, 12);   // ШНОР-D2N
        Assert.Equal(2.0 / 3, shnor.ChangedShare, 12);    // F10
        Assert.Equal(["C", "D"], target.Entered);
        Assert.Equal(0.75, target.ChangedShare, 12);
    }

    [Fact]
    public void Histories_show_transitions_and_the_direction_of_the_integral()
    {
        var lists = new[]
        {
            new YearLists(2024, false, [Listed("A")], []),
            new YearLists(2025, false, [], [Listed("A")]),
        };
        var integrals = new Dictionary<int, IReadOnlyDictionary<string, IntegralResult>>
        {
            [2024] = new Dictionary<string, IntegralResult> { ["A"] = new("A", 2024, -1.2, 40, []), ["B"] = new("B", 2024, 0.3, 40, []) },
            [2025] = new Dictionary<string, IntegralResult> { ["A"] = new("A", 2025, -0.9, 40, []), ["B"] = new("B", 2025, 0.28, 40, []) },
        };

        var histories = ListDynamicsAnalysis.Histories(["A", "B"], lists, integrals, dynamicsBand: 0.05);

        var a = histories.Single(h => h.SchoolCode == "A");
        Assert.Equal(ListTransition.Entered, a.In(2024)!.Shnor);
        Assert.Equal(ListTransition.Left, a.In(2025)!.Shnor);
        Assert.Equal(ListTransition.Entered, a.In(2025)!.Shnsu);
        Assert.Equal(0.3, a.In(2025)!.IntegralChange!.Value, 12);
        Assert.Equal(ResultDynamics.Positive, a.In(2025)!.Dynamics);
        Assert.Equal(ResultDynamics.Unknown, a.In(2024)!.Dynamics);
        var b = histories.Single(h => h.SchoolCode == "B");
        Assert.Equal(ResultDynamics.Stable, b.In(2025)!.Dynamics);    // −0.02 is within the ±0.05 band
        Assert.Equal(ListTransition.NotListed, b.In(2025)!.Shnor);
        Assert.Equal(ResultDynamics.Negative, ListDynamicsAnalysis.Classify(-0.06, 0.05));
    }

    private static ListedSchool Listed(string code) => new(code, "M01", []);
}
