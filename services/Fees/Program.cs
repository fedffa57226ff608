using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Http;
using Platform.Fees;

var builder = WebApplication.CreateBuilder(args);
builder.AddFeesService();

var app = builder.Build();
app.MapServiceDefaults(DaprInput.Pipeline);
app.MapFeesApi();
app.Run();

public partial class Program;
