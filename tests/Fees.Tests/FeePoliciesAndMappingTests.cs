using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Platform.Contracts.Fees;
using Platform.Fees.Accounts;
using Platform.Fees.Api;
using Platform.Fees.Integration;
using Platform.Fees.Tests.Deciders;

namespace Platform.Fees.Tests;

public class FeePoliciesAndMappingTests
{
    private static FeePolicies Policies(params (string Key, string Value)[] values) =>
        FeePolicies.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void An_estate_overrides_only_what_it_names_and_a_late_fee_exists_only_where_configured()
    {
        var policies = Policies(
            ("Fees:Policies:Estates:estate-2:LateFee:RatePerDay", "0.0005"), ("Fees:Policies:Estates:estate-2:LateFee:CapRatio", "0.3"),
            ("Fees:Policies:Estates:estate-2:Dunning:0:AfterDays", "3"), ("Fees:Policies:Estates:estate-2:Dunning:0:Methods:0", "phone"));

        Assert.Null(policies.For("estate-1").LateFee);
        Assert.Equal(new LateFeePolicy(0.0005m, 0.3m), policies.For("estate-2").LateFee);
        Assert.Equal(3, Assert.Single(policies.For("estate-2").Dunning).AfterDays);
        Assert.Equal(FeePolicy.Default.ServiceChargeDunning, policies.For("estate-2").ServiceChargeDunning);
        Assert.Equal(15, policies.For("estate-2").PaymentRequestDay);
    }

    [Theory]
    [InlineData("Fees:Policies:Default:Dunning:0:Methods:0", "carrier-pigeon")]
    [InlineData("Fees:Policies:Default:LateFee:RatePerDay", "0.5")]
    [InlineData("Fees:Policies:Default:PaymentRequestDay", "31")]
    [InlineData("Fees:Policies:Default:TimeZone", "Mars/Olympus")]
    public void A_bad_policy_stops_the_service_at_start(string key, string value) =>
        Assert.ThrowsAny<Exception>(() => Policies((key, value), ("Fees:Policies:Default:LateFee:CapRatio", "0.1")));

    [Fact]
    public void Integration_events_carry_ids_and_amounts_never_the_payers_name_or_phone()
    {
        var state = new PayerAccountDecider().Fold([History.Opened(), History.Charge(History.Feb, 150m)]);
        var published = FeesOutboxMapper.Map(History.Charge(History.Feb, 150m), state);

        var issued = Assert.IsType<ChargeIssuedV1>(published);
        Assert.Equal((A.AccountId, A.Estate, "property-fee", 150m), (issued.AccountId, issued.EstateId, issued.FeeType, issued.Amount));
        var json = JsonSerializer.Serialize(issued);
        Assert.DoesNotContain("张三", json);
        Assert.DoesNotContain("13800138000", json);
    }

    [Fact]
    public void Internal_postings_are_not_published() =>
        Assert.Null(FeesOutboxMapper.Map(new CreditApplied(History.Feb, 1m, A.Opened), PayerAccountState.Initial));
}
