using Platform.BuildingBlocks.Hosting;
using Platform.Fees;

var builder = WebApplication.CreateBuilder(args);
builder.AddFeesService();

var app = builder.Build();
app.MapServiceDefaults(FeesService.Pipeline);
app.MapFeesApi();
app.Run();

public partial class Program;
