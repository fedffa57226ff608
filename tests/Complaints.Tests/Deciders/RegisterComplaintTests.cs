using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class RegisterComplaintTests
{
    [Fact]
    public void S01_Register_a_complaint_by_phone_sets_a_reply_deadline_24_hours_later()
    {
        DeciderSpec.GivenNothing()
            .When(Register(), at: RegisteredAt)
            .Then(
                new ComplaintRegistered(
                    ComplaintId, Estate, new UnitAddress("3号楼", "2单元", "501"), new Reporter("张先生", "13800138000", ReporterKind.Owner),
                    Channel.ComplaintLine, "water leaking from ceiling", Category.HouseRepair, Severity.General, null,
                    new ComplaintSla(TimeSpan.FromHours(24), TimeSpan.FromDays(3), TimeSpan.FromDays(3), "Asia/Shanghai"),
                    Agent.Id, RegisteredAt),
                new ComplaintDeadlinesSet(
                    new DateTimeOffset(2026, 3, 3, 23, 10, 0, TimeSpan.FromHours(8)).ToUniversalTime(),
                    new DateTimeOffset(2026, 3, 5, 23, 10, 0, TimeSpan.FromHours(8)).ToUniversalTime()));
    }

    [Fact]
    public void S02_A_submission_without_a_contact_phone_is_refused()
    {
        var rejection = DeciderSpec.GivenNothing()
            .When(Register() with { Reporter = Zhang with { Phone = "" } })
            .ThenRejected("reporter-phone-required", RejectionKind.Invalid);
        Assert.Equal("reporter.phone", rejection.Field);
    }

    public static TheoryData<string, string, string> MissingFields => new()
    {
        { "name", "reporter-name-required", "reporter.name" },
        { "phone", "reporter-phone-required", "reporter.phone" },
        { "content", "complaint-content-required", "content" },
        { "estate", "complaint-estate-required", "estateId" },
        { "building", "complaint-building-required", "unit.building" },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public void Registering_requires_name_phone_content_estate_and_building(string missing, string code, string field)
    {
        var command = Register();
        command = missing switch
        {
            "name" => command with { Reporter = Zhang with { Name = "  " } },
            "phone" => command with { Reporter = Zhang with { Phone = null! } },
            "content" => command with { Content = " " },
            "estate" => command with { EstateId = "" },
            _ => command with { Unit = Unit with { Building = "" } },
        };
        var rejection = DeciderSpec.GivenNothing().When(command).ThenRejected(code, RejectionKind.Invalid);
        Assert.Equal(field, rejection.Field);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12345")]
    [InlineData("138-0013-800a")]
    [InlineData("1234567890123456")]
    public void Registering_refuses_an_implausible_phone_number(string phone) =>
        DeciderSpec.GivenNothing()
            .When(Register() with { Reporter = Zhang with { Phone = phone } })
            .ThenRejected("reporter-phone-invalid", RejectionKind.Invalid);

    [Theory]
    [InlineData("13800138000")]
    [InlineData("0898-88888888")]
    [InlineData("400-123-4567")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("(010) 6512 3456")]
    public void Registering_accepts_mobile_landline_and_400_numbers(string phone) =>
        Assert.Null(DeciderSpec.GivenNothing().When(Register() with { Reporter = Zhang with { Phone = phone } }).Decision.Rejection);

    [Fact]
    public void Registering_accepts_only_the_named_categories_and_channels()
    {
        DeciderSpec.GivenNothing().When(Register() with { Category = (Category)99 })
            .ThenRejected("value-not-allowed", RejectionKind.Invalid);
        var rejection = DeciderSpec.GivenNothing().When(Register() with { Channel = (Channel)99 })
            .ThenRejected("value-not-allowed", RejectionKind.Invalid);
        Assert.Equal("channel", rejection.Field);
    }

    [Fact]
    public void A_major_complaint_gets_no_resolve_deadline()
    {
        var events = DeciderSpec.GivenNothing().When(Register() with { Severity = Severity.Major }, at: RegisteredAt).Decision.Events;
        Assert.Equal(new ComplaintDeadlinesSet(ReplyDueAt, null), events[1]);
    }

    [Fact]
    public void Without_a_severity_a_complaint_is_general()
    {
        var events = DeciderSpec.GivenNothing().When(Register() with { Severity = null }).Decision.Events;
        Assert.Equal(Severity.General, ((ComplaintRegistered)events[0]).Severity);
    }

    [Fact]
    public void A_resident_may_only_register_for_themselves() =>
        DeciderSpec.GivenNothing()
            .When(Register(Resident) with { Channel = Channel.ResidentApp, Reporter = Zhang with { ResidentId = "resident-8" } })
            .ThenRejected("resident-registers-only-own-complaint", RejectionKind.Forbidden);

    [Fact]
    public void A_residents_own_complaint_records_them_as_the_reporter()
    {
        var events = DeciderSpec.GivenNothing()
            .When(Register(Resident) with { Channel = Channel.ResidentApp }).Decision.Events;
        Assert.Equal(Resident.Id, ((ComplaintRegistered)events[0]).Reporter.ResidentId);
    }

    [Fact]
    public void A_resident_files_through_the_resident_app_or_the_web() =>
        DeciderSpec.GivenNothing()
            .When(Register(Resident) with { Channel = Channel.Hotline })
            .ThenRejected("resident-channel-not-allowed", RejectionKind.Invalid);

    [Fact]
    public void Staff_may_register_on_behalf_of_a_resident()
    {
        var events = DeciderSpec.GivenNothing()
            .When(Register() with { Reporter = Zhang with { ResidentId = "resident-8" } }).Decision.Events;
        Assert.Equal("resident-8", ((ComplaintRegistered)events[0]).Reporter.ResidentId);
    }

    [Theory]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.StoreKeeper)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.FinanceClerk)]
    public void Roles_that_do_not_handle_complaints_may_not_register(string role) =>
        DeciderSpec.GivenNothing()
            .When(Register(new Actor("someone", role)))
            .ThenRejected("complaint-staff-only", RejectionKind.Forbidden);

    [Fact]
    public void Registering_the_same_complaint_again_changes_nothing() =>
        DeciderSpec.Given(Registered()).When(Register()).ThenNothing();

    [Fact]
    public void Registering_a_different_complaint_under_a_used_id_is_a_conflict() =>
        DeciderSpec.Given(Registered())
            .When(Register() with { Content = "something else" })
            .ThenRejected("complaint-already-registered", RejectionKind.Conflict);

    [Fact]
    public void A_linked_case_records_the_complaint_it_came_from()
    {
        var original = Guid.Parse("0193a000-0000-7000-8000-000000000099");
        var events = DeciderSpec.GivenNothing().When(Register(SystemActor) with { LinkedToComplaintId = original }).Decision.Events;
        Assert.Equal(original, ((ComplaintRegistered)events[0]).LinkedToComplaintId);
    }

    [Fact]
    public void Whole_day_deadlines_follow_the_estates_wall_clock_across_daylight_saving()
    {
        // Berlin moves its clocks forward on 2026-03-29: three days after Saturday 09:00 is Tuesday 09:00, 71 hours later.
        var policy = EstatePolicy.Default(100) with { TimeZone = "Europe/Berlin" };
        var registeredAt = new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.FromHours(1));
        var events = DeciderSpec.GivenNothing().When(Register() with { Policy = policy }, at: registeredAt).Decision.Events;

        var deadlines = (ComplaintDeadlinesSet)events[1];
        Assert.Equal(registeredAt.AddHours(24), deadlines.ReplyDueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.FromHours(2)), deadlines.ResolveDueAt);
        Assert.Equal(TimeSpan.FromHours(71), deadlines.ResolveDueAt - registeredAt);
    }
}
