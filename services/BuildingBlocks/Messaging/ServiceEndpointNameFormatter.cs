using MassTransit;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// Kebab-case endpoint names prefixed with the owning service, <c>{service}.{consumer}</c>, so two
/// services consuming the same event each get their own queue on the shared broker.
/// </summary>
public sealed class ServiceEndpointNameFormatter(string serviceName) : IEndpointNameFormatter
{
    private readonly IEndpointNameFormatter _inner = KebabCaseEndpointNameFormatter.Instance;

    public string Separator => _inner.Separator;

    public string TemporaryEndpoint(string tag) => _inner.TemporaryEndpoint(tag);

    public string Consumer<T>() where T : class, IConsumer => Prefixed(_inner.Consumer<T>());

    public string Message<T>() where T : class => Prefixed(_inner.Message<T>());

    public string Saga<T>() where T : class, ISaga => Prefixed(_inner.Saga<T>());

    public string ExecuteActivity<T, TArguments>() where T : class, IExecuteActivity<TArguments> where TArguments : class =>
        Prefixed(_inner.ExecuteActivity<T, TArguments>());

    public string CompensateActivity<T, TLog>() where T : class, ICompensateActivity<TLog> where TLog : class =>
        Prefixed(_inner.CompensateActivity<T, TLog>());

    public string SanitizeName(string name) => _inner.SanitizeName(name);

    private string Prefixed(string name) => $"{serviceName}.{name}";
}
