using System.Text.RegularExpressions;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Hierarchy;

/// <summary>Validates organisations registered in bulk against each other and against those already known.</summary>
public static partial class OrganizationValidator
{
    public const int MaxNameLength = 300;
    public const int MaxStudents = 100_000;

    /// <summary>
    /// Returns every violation. <paramref name="existing"/> finds an already registered organisation by code.
    /// </summary>
    public static IReadOnlyList<Violation> Validate(IReadOnlyList<Organization> organizations, Func<string, Organization?> existing)
    {
        var violations = new List<Violation>();
        var incoming = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < organizations.Count; i++)
        {
            if (!incoming.TryAdd(organizations[i].Code, i))
            {
                violations.Add(new Violation(i, $"organizations[{i}].code", organizations[i].Code, $"code repeats row {incoming[organizations[i].Code]}"));
            }
        }

        OrganizationLevel? LevelOf(string code) =>
            incoming.TryGetValue(code, out var row) ? organizations[row].Level : existing(code)?.Level;

        for (var i = 0; i < organizations.Count; i++)
        {
            var org = organizations[i];
            void Add(string field, string value, string problem) => violations.Add(new Violation(i, $"organizations[{i}].{field}", value, problem));

            if (!CodePattern().IsMatch(org.Code))
            {
                Add("code", org.Code, "code must be 2-40 Latin letters, digits, '-', '_' or '.'");
            }

            if (!Enum.IsDefined(org.Level))
            {
                Add("level", org.Level.ToString(), "level must be REGION, MUNICIPALITY or SCHOOL");
                continue;
            }

            if (string.IsNullOrWhiteSpace(org.Name) || org.Name.Length > MaxNameLength)
            {
                Add("name", org.Name, $"name is required, at most {MaxNameLength} characters");
            }

            if (org.Students is < 0 or > MaxStudents)
            {
                Add("students", org.Students.ToString(System.Globalization.CultureInfo.InvariantCulture), $"students must be 0 to {MaxStudents}");
            }

            var expectedParent = org.Level switch
            {
                OrganizationLevel.Municipality => OrganizationLevel.Region,
                OrganizationLevel.School => OrganizationLevel.Municipality,
                _ => (OrganizationLevel?)null,
            };
            if (expectedParent is null)
            {
                if (org.ParentCode.Length > 0)
                {
                    Add("parent_code", org.ParentCode, "a region has no parent");
                }
            }
            else if (LevelOf(org.ParentCode) is not { } parentLevel)
            {
                Add("parent_code", org.ParentCode, "no organisation is registered with this code");
            }
            else if (parentLevel != expectedParent)
            {
                Add("parent_code", org.ParentCode, $"the parent of a {org.Level} must be a {expectedParent}, not a {parentLevel}");
            }

            if (existing(org.Code) is { } known)
            {
                if (known.Level != org.Level)
                {
                    Add("level", org.Level.ToString(), $"already registered as a {known.Level}");
                }
                else if (known.ParentCode != org.ParentCode)
                {
                    Add("parent_code", org.ParentCode, $"registered under {known.ParentCode}; the parent changes only through MoveSchool, which keeps the history");
                }
            }
        }

        return violations;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{2,40}$")]
    private static partial Regex CodePattern();
}
