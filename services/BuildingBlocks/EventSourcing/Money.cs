namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>Amounts of money: decimal yuan with at most two places (decision 8), under a ceiling.</summary>
public static class Money
{
    /// <summary>Far above any amount the platform handles, so that sums of amounts can never overflow a decimal.</summary>
    public const decimal MaxYuan = 100_000_000m;

    public static bool IsYuan(decimal amount) => amount is >= 0 and <= MaxYuan && decimal.Round(amount, 2) == amount;

    public static bool IsPositiveYuan(decimal amount) => amount > 0 && IsYuan(amount);
}
