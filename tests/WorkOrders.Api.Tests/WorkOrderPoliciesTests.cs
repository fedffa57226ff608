using Microsoft.Extensions.Configuration;

namespace Platform.WorkOrders.Api.Tests;

/// <summary>The per-estate policy comes from configuration, over <see cref="WorkOrderPolicy.Default"/>, key by key.</summary>
public sealed class WorkOrderPoliciesTests
{
    private static WorkOrderPolicies From(params (string Key, string Value)[] settings) =>
        WorkOrderPolicies.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build());

    [Fact]
    public void Without_configuration_every_estate_gets_the_built_in_defaults()
    {
        var policy = From().For("estate-1");

        Assert.Equal(WorkOrderPolicy.Default.SlaFor("gas-fault", UrgencyClass.Other), policy.SlaFor("gas-fault", UrgencyClass.Other));
        Assert.Equal(TimeSpan.FromHours(12), policy.ReworkNoticeWithin);
        Assert.Equal(TimeSpan.FromDays(3), policy.FollowUpFor(UrgencyClass.LeakSeepage).FirstWithin);
    }

    [Fact]
    public void An_estate_overrides_only_what_it_names_and_others_keep_the_default()
    {
        var policies = From(
            ("WorkOrders:Policies:Default:ReworkNoticeWithin", "08:00:00"),
            ("WorkOrders:Policies:Estates:estate-gas:SlaByCategory:gas-fault:HandleWithin", "04:00:00"),
            ("WorkOrders:Policies:Estates:estate-gas:FollowUps:safety-facility:FirstWithin", "1.00:00:00"));

        var gas = policies.For("estate-gas");
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(4), TimeSpan.FromHours(24)), gas.SlaFor("gas-fault", UrgencyClass.Other));
        Assert.Equal(TimeSpan.FromDays(1), gas.FollowUpFor(UrgencyClass.SafetyFacility).FirstWithin);
        Assert.Equal(TimeSpan.FromHours(8), gas.ReworkNoticeWithin);

        var other = policies.For("estate-1");
        Assert.Equal(new SlaTargets(TimeSpan.FromHours(6), TimeSpan.FromHours(24)), other.SlaFor("gas-fault", UrgencyClass.Other));
        Assert.Equal(TimeSpan.FromHours(8), other.ReworkNoticeWithin);
    }

    [Fact]
    public void An_unknown_urgency_class_stops_the_service_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("WorkOrders:Policies:Default:SlaByUrgency:very-urgent:HandleWithin", "00:10:00")));
        Assert.Contains("very-urgent", error.Message);
    }
}
