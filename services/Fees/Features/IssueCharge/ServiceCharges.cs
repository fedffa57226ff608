namespace Platform.Fees.Features;

public static class ServiceCharges
{
    /// <summary>Paid services are gathered into the payment request of the 15th (001:277); other fees fall due on their own dates.</summary>
    public static bool IsServiceCharge(FeeType type) => type is FeeType.PaidRepair or FeeType.SpecialService or FeeType.HouseholdService;
}
