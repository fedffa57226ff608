using Platform.Fees.Payments;
using Platform.TestSupport;

namespace Platform.Fees.Tests;

/// <summary>The Dapr files a cluster deploys name the same pub/sub, topic, route and dead-letter topic as the app.</summary>
public class DaprDefinitionsTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(PlatformProcess.RepositoryRoot(), "deploy", "dapr", file));

    [Fact]
    public void The_declared_subscription_is_the_one_the_app_serves()
    {
        var subscription = Read("payment-confirmations-subscription.yaml");
        Assert.Contains($"pubsubname: {PaymentConfirmations.PubSub}", subscription);
        Assert.Contains($"topic: {PaymentConfirmations.Topic}", subscription);
        Assert.Contains($"default: {PaymentConfirmations.Route}", subscription);
        Assert.Contains($"deadLetterTopic: {PaymentConfirmations.DeadLetterTopic}", subscription);
    }

    [Fact]
    public void The_component_is_the_pub_sub_the_app_subscribes_on_and_never_requeues() =>
        Assert.All(new[] { $"name: {PaymentConfirmations.PubSub}", "requeueInFailure", "value: \"false\"" }, text => Assert.Contains(text, Read("fees-pubsub.yaml")));
}
