using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class ParticipantCodeRuleTests
{
    [Theory]
    [InlineData("P0001")]
    [InlineData("ab-12_x")]
    [InlineData("7")]
    [InlineData("1234567890")]
    [InlineData("123456789012")]
    public void Problem_PseudonymousCode_IsNull(string code)
    {
        Assert.Null(ParticipantCodeRule.Problem(code));
    }

    [Fact]
    public void Problem_CodeOfSixtyFourCharacters_IsNull()
    {
        Assert.Null(ParticipantCodeRule.Problem("P" + new string('1', 63)));
    }

    [Fact]
    public void Problem_Empty_SaysRequired()
    {
        Assert.Equal("participant code is required", ParticipantCodeRule.Problem(""));
    }

    [Fact]
    public void Problem_LongerThanSixtyFour_SaysTooLong()
    {
        Assert.Equal("participant code is longer than 64 characters", ParticipantCodeRule.Problem("P" + new string('1', 64)));
    }

    [Theory]
    [InlineData("Иванов1")]
    [InlineData("P0001А")]
    [InlineData("P 0001")]
    [InlineData("P0001.")]
    [InlineData("Ivanov Ivan 1")]
    public void Problem_CharactersOtherThanLatinDigitsDashUnderscore_AreRefused(string code)
    {
        Assert.Equal(
            "participant code may hold only Latin letters, digits, '-' and '_' (names are not accepted)",
            ParticipantCodeRule.Problem(code));
    }

    [Theory]
    [InlineData("Ivanov")]
    [InlineData("ivanov-ivan")]
    [InlineData("__")]
    public void Problem_NoDigit_LooksLikeAName(string code)
    {
        Assert.Equal(
            "participant code has no digit and looks like a name; send the pseudonymous code",
            ParticipantCodeRule.Problem(code));
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("123-456-78901")]
    [InlineData("123-456-789-01")]
    [InlineData("123-456-789_01")]
    public void Problem_SnilsLikeNumber_IsRefused(string code)
    {
        Assert.Equal("participant code looks like a СНИЛС number; send the pseudonymous code", ParticipantCodeRule.Problem(code));
    }

    [Fact]
    public void Problem_SnilsWrittenWithASpace_IsRefused()
    {
        // The usual written form «123-456-789 01»: refused already for the space.
        Assert.NotNull(ParticipantCodeRule.Problem("123-456-789 01"));
    }
}
