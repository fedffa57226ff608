using Platform.BuildingBlocks.Hosting;
using Platform.Complaints;

var builder = WebApplication.CreateBuilder(args);
builder.AddComplaintsService();

var app = builder.Build();
app.MapServiceDefaults();
app.MapComplaintsApi();
app.Run();

public partial class Program;
