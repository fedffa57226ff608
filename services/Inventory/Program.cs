using Platform.BuildingBlocks.Hosting;
using Platform.Inventory;

var builder = WebApplication.CreateBuilder(args);
builder.AddInventoryService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapInventoryApi();
app.Run();

public partial class Program;
