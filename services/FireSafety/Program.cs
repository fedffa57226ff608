using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Http;
using Platform.FireSafety;

var builder = WebApplication.CreateBuilder(args);
builder.AddFireSafetyService();

var app = builder.Build();
app.MapServiceDefaults(DaprInput.Pipeline);
app.MapFireSafetyApi();
app.Run();

public partial class Program;
