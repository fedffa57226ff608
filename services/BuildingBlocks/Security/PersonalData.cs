using System.Text.RegularExpressions;

namespace Platform.BuildingBlocks.Security;

/// <summary>How personal data is checked, and shown to roles that may not see it in full (brief 2.6).</summary>
public static partial class PersonalData
{
    /// <summary>
    /// Mobile (13800138000), landline with or without area code (0898-88888888), 400 numbers, +86: 6 to 15 digits
    /// once spaces, dashes and brackets are taken out, optionally after a leading "+".
    /// </summary>
    public static bool IsPlausiblePhone(string phone) => PhonePattern().IsMatch(phone.Trim());

    [GeneratedRegex(@"^\+?(?:[\s\-()]*\d){6,15}[\s\-()]*$")]
    private static partial Regex PhonePattern();

    /// <summary>
    /// A mobile number (11 digits or more) keeps its first 3 and last 4 digits: 13800138000 -> 138****8000. A shorter
    /// number (a landline, an extension) keeps only its last digits, never more than a third of them, so most of it is
    /// always hidden: 1234567 -> *****67; 4 digits or fewer are hidden whole.
    /// </summary>
    public static string MaskPhone(string phone)
    {
        var digits = phone.Count(char.IsDigit);
        if (digits <= 4) return new string('*', phone.Length);
        var (prefix, suffix) = digits >= 11 ? (3, 4) : (0, Math.Min(4, digits / 3));
        var keepFrom = digits - suffix;
        var seen = 0;
        var masked = phone.Select(c =>
        {
            if (!char.IsDigit(c)) return c;
            var index = seen++;
            return index < prefix || index >= keepFrom ? c : '*';
        });
        return new string(masked.ToArray());
    }

    public static string MaskName(string name) =>
        name.Length <= 1 ? "*" : name[..1] + new string('*', Math.Min(name.Length - 1, 2));
}
