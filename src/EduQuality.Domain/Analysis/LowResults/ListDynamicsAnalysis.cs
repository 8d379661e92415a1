namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>List dynamics between consecutive years (ШНОР-D2, F10) and each school's membership history.</summary>
public static class ListDynamicsAnalysis
{
    /// <summary>Entered, left and stayed for each list kind and each pair of consecutive list years.</summary>
    public static IReadOnlyList<ListDynamics> Dynamics(IReadOnlyList<YearLists> lists)
    {
        var result = new List<ListDynamics>();
        for (var i = 1; i < lists.Count; i++)
        {
            foreach (var kind in Enum.GetValues<ListKind>())
            {
                var before = lists[i - 1].Codes(kind);
                var after = lists[i].Codes(kind);
                result.Add(new ListDynamics(
                    lists[i - 1].Year,
                    lists[i].Year,
                    kind,
                    after.Except(before).Order(StringComparer.Ordinal).ToList(),
                    before.Except(after).Order(StringComparer.Ordinal).ToList(),
                    after.Intersect(before).Order(StringComparer.Ordinal).ToList()));
            }
        }

        return result;
    }

    /// <summary>For every school: each year's list membership, transitions and the change of its integral result.</summary>
    public static IReadOnlyList<SchoolHistory> Histories(
        IReadOnlyList<string> schools,
        IReadOnlyList<YearLists> lists,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, IntegralResult>> integrals,
        double dynamicsBand)
    {
        var shnor = lists.Select(l => l.Codes(ListKind.Shnor)).ToList();
        var shnsu = lists.Select(l => l.Codes(ListKind.Shnsu)).ToList();
        var histories = new List<SchoolHistory>(schools.Count);
        foreach (var code in schools)
        {
            var years = new List<SchoolYearStatus>(lists.Count);
            for (var i = 0; i < lists.Count; i++)
            {
                var year = lists[i].Year;
                var integral = IntegralOf(integrals, year, code);
                var previous = i == 0 ? null : IntegralOf(integrals, lists[i - 1].Year, code);
                double? change = integral is { } now && previous is { } before ? now - before : null;
                years.Add(new SchoolYearStatus(
                    year,
                    shnor[i].Contains(code),
                    shnsu[i].Contains(code),
                    Transition(i == 0 ? null : shnor[i - 1], shnor[i], code),
                    Transition(i == 0 ? null : shnsu[i - 1], shnsu[i], code),
                    integral,
                    change,
                    Classify(change, dynamicsBand)));
            }

            histories.Add(new SchoolHistory(code, years));
        }

        return histories;
    }

    /// <summary>Positive above +band, negative below −band, stable in between; unknown without both years.</summary>
    public static ResultDynamics Classify(double? change, double band) => change switch
    {
        null => ResultDynamics.Unknown,
        > 0 when change > band => ResultDynamics.Positive,
        < 0 when change < -band => ResultDynamics.Negative,
        _ => ResultDynamics.Stable,
    };

    private static ListTransition Transition(IReadOnlySet<string>? before, IReadOnlySet<string> after, string code)
    {
        var was = before?.Contains(code) == true;
        var now = after.Contains(code);
        return (was, now) switch
        {
            (false, true) => ListTransition.Entered,
            (true, true) => ListTransition.Stayed,
            (true, false) => ListTransition.Left,
            _ => ListTransition.NotListed,
        };
    }

    private static double? IntegralOf(IReadOnlyDictionary<int, IReadOnlyDictionary<string, IntegralResult>> integrals, int year, string code) =>
        integrals.GetValueOrDefault(year)?.GetValueOrDefault(code)?.Value;
}
