using Platform.BuildingBlocks.Hosting;
using Platform.FireSafety;

var builder = WebApplication.CreateBuilder(args);
builder.AddFireSafetyService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapFireSafetyApi();
app.Run();

public partial class Program;
