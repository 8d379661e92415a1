using System.Text.RegularExpressions;

namespace EduQuality.Domain.Assessment;

/// <summary>
/// Participant codes must be pseudonymous: letters, digits, '-' or '_' with at least one digit, so that a
/// surname or a full name is refused; an 11-digit number is refused as a likely СНИЛС.
/// </summary>
public static partial class ParticipantCodeRule
{
    public const int MaxLength = 64;

    /// <summary>Why the code is refused, or null when it is acceptable.</summary>
    public static string? Problem(string code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "participant code is required";
        }

        if (code.Length > MaxLength)
        {
            return $"participant code is longer than {MaxLength} characters";
        }

        if (!AllowedCharacters().IsMatch(code))
        {
            return "participant code may hold only Latin letters, digits, '-' and '_' (names are not accepted)";
        }

        if (!code.Any(char.IsAsciiDigit))
        {
            return "participant code has no digit and looks like a name; send the pseudonymous code";
        }

        if (SnilsLike().IsMatch(code))
        {
            return "participant code looks like a СНИЛС number; send the pseudonymous code";
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex AllowedCharacters();

    [GeneratedRegex(@"^\d{3}-?\d{3}-?\d{3}[-_]?\d{2}$")]
    private static partial Regex SnilsLike();
}
