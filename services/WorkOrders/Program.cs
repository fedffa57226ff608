using Platform.BuildingBlocks.Hosting;
using Platform.WorkOrders;

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkOrdersService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapWorkOrdersApi();
app.Run();

public partial class Program;
