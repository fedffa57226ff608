using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Tests;

/// <summary>Brief 2.6: roles that do not handle the case see phone numbers masked, and most of the number stays hidden whatever its length.</summary>
public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("+86 138-0013-8000", "+86 1**-****-8000")]
    [InlineData("1234567", "*****67")]
    [InlineData("12345678", "******78")]
    [InlineData("0571-8888999", "057*-***8999")]
    [InlineData("12345", "****5")]
    [InlineData("1234", "****")]
    [InlineData("110", "***")]
    public void A_phone_number_is_masked_so_that_most_of_its_digits_are_hidden(string phone, string masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("88889999")]
    [InlineData("0571888899")]
    [InlineData("13800138000")]
    public void At_least_a_third_of_a_numbers_digits_and_never_fewer_than_four_are_hidden(string phone)
    {
        var hidden = PersonalData.MaskPhone(phone).Count(c => c == '*');

        Assert.True(hidden >= 4 && hidden * 3 >= phone.Length, $"{phone}: {hidden} hidden");
    }

    [Theory]
    [InlineData("13800138000", true)]
    [InlineData("+86 138-0013-8000", true)]
    [InlineData("0898-88888888", true)]
    [InlineData("400 820 8820", true)]
    [InlineData("(0571) 8888999", true)]
    [InlineData("12345", false)]
    [InlineData("1234567890123456", false)]
    [InlineData("call me", false)]
    [InlineData("138-0013-800x", false)]
    public void A_phone_number_is_plausible_with_6_to_15_digits_and_only_spaces_dashes_brackets_and_a_leading_plus(string phone, bool plausible)
    {
        Assert.Equal(plausible, PersonalData.IsPlausiblePhone(phone));
    }
}
