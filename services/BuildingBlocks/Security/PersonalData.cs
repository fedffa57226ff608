namespace Platform.BuildingBlocks.Security;

/// <summary>How personal data is shown to roles that may not see it in full (brief 2.6).</summary>
public static class PersonalData
{
    /// <summary>Keeps the first 3 and the last 4 digits: 13800138000 -> 138****8000.</summary>
    public static string MaskPhone(string phone)
    {
        var digits = phone.Count(char.IsDigit);
        if (digits <= 4) return new string('*', phone.Length);
        var shown = 0;
        var keepFrom = digits - 4;
        var masked = phone.Select(c =>
        {
            if (!char.IsDigit(c)) return c;
            var index = shown++;
            return index < 3 || index >= keepFrom ? c : '*';
        });
        return new string(masked.ToArray());
    }

    public static string MaskName(string name) =>
        name.Length <= 1 ? "*" : name[..1] + new string('*', Math.Min(name.Length - 1, 2));
}
