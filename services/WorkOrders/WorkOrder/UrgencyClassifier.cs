namespace Platform.WorkOrders;

/// <summary>
/// A keyword suggestion for the urgency class when the caller gives none. Checked from the most to the least
/// urgent, so "gas leak" or "漏电" is urgent before "leak" makes it a leak. A supervisor can always reclassify.
/// </summary>
public static class UrgencyClassifier
{
    // 001:279-289: the documented 急修 list, plus the gas company's emergencies (004:22).
    private static readonly string[] UrgentWords =
    [
        "困梯", "困人", "电梯失控", "trapped", "lift out of control", "elevator out of control",
        "爆管", "爆裂", "burst pipe", "pipe burst",
        "漏电", "短路", "停电", "electrical leak", "short circuit", "power cut", "power outage", "wiring fault",
        "结构", "坍塌", "structural", "collapse",
        "坠落", "脱落", "掉落", "falling", "about to fall",
        "燃气泄漏", "煤气泄漏", "漏气", "gas leak",
        "楼板", "踏步", "栏杆", "扶手", "stair tread", "railing", "handrail",
        "危险", "danger", "着火", "冒烟", "on fire",
    ];

    private static readonly string[] SafetyFacilityWords =
    [
        "消防", "灭火器", "消火栓", "应急灯", "疏散", "烟感", "门禁", "防盗门", "单元门", "监控", "对讲",
        "extinguisher", "hydrant", "emergency light", "evacuation", "smoke detector", "access control",
        "security door", "entrance door", "cctv", "intercom",
    ];

    private static readonly string[] LeakWords =
    [
        "漏水", "渗水", "渗漏", "防水", "水浸", "滴水", "返潮", "leak", "seep", "damp", "waterproof", "water ingress",
    ];

    public static UrgencyClass? Suggest(string text)
    {
        if (Mentions(text, UrgentWords)) return UrgencyClass.Urgent;
        if (Mentions(text, SafetyFacilityWords)) return UrgencyClass.SafetyFacility;
        if (Mentions(text, LeakWords)) return UrgencyClass.LeakSeepage;
        return null;
    }

    private static bool Mentions(string text, string[] words) =>
        words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
}
