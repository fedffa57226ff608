using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.Tests;

public sealed class DeterministicIdTests
{
    [Fact]
    public void The_same_inputs_give_the_same_id_and_different_inputs_another()
    {
        var first = DeterministicId.Create("complaints", "idem-key-1");

        Assert.Equal(first, DeterministicId.Create("complaints", "idem-key-1"));
        Assert.NotEqual(first, DeterministicId.Create("complaints", "idem-key-2"));
        Assert.NotEqual(first, DeterministicId.Create("workorders", "idem-key-1"));
        // Parts are joined with a separator, so shifting text between parts changes the id.
        Assert.NotEqual(DeterministicId.Create("ab", "c"), DeterministicId.Create("a", "bc"));
    }

    [Fact]
    public void Ids_carry_the_version_5_and_rfc_variant_bits()
    {
        var id = DeterministicId.Create("complaints", "idem-key-1").ToString();

        Assert.Equal('5', id[14]);
        Assert.Contains(id[19], "89ab");
    }

    [Fact]
    public void It_matches_the_rfc_9562_version_5_test_vector()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), DeterministicId.Create(dns, "www.example.com"));
    }
}

public sealed class ExpectedRevisionTests
{
    [Theory]
    [InlineData(-1, true, true, false, false)]
    [InlineData(0, true, false, true, true)]
    [InlineData(3, true, false, true, false)]
    public void Each_form_is_satisfied_by_the_right_stream_states(long current, bool any, bool noStream, bool exists, bool exactlyZero)
    {
        Assert.Equal(any, ExpectedRevision.Any.IsSatisfiedBy(current));
        Assert.Equal(noStream, ExpectedRevision.NoStream.IsSatisfiedBy(current));
        Assert.Equal(exists, ExpectedRevision.StreamExists.IsSatisfiedBy(current));
        Assert.Equal(exactlyZero, ExpectedRevision.Exactly(0).IsSatisfiedBy(current));
        Assert.True(ExpectedRevision.FromCurrent(current).IsSatisfiedBy(current));
    }

    [Fact]
    public void FromCurrent_is_NoStream_for_a_missing_stream_and_Exactly_otherwise()
    {
        Assert.Equal(ExpectedRevision.NoStream, ExpectedRevision.FromCurrent(-1));
        Assert.Equal(ExpectedRevision.Exactly(4), ExpectedRevision.FromCurrent(4));
        Assert.True(ExpectedRevision.Exactly(4).IsExact);
        Assert.False(ExpectedRevision.Any.IsExact);
    }

    [Fact]
    public void A_negative_exact_revision_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedRevision.Exactly(-1));
    }

    [Fact]
    public void Forms_print_readably()
    {
        Assert.Equal("any", ExpectedRevision.Any.ToString());
        Assert.Equal("no-stream", ExpectedRevision.NoStream.ToString());
        Assert.Equal("stream-exists", ExpectedRevision.StreamExists.ToString());
        Assert.Equal("7", ExpectedRevision.Exactly(7).ToString());
    }
}

public sealed class GlobalPositionTests
{
    [Theory]
    [InlineData("42", 42ul, 42ul)]
    [InlineData("0", 0ul, 0ul)]
    [InlineData("100/98", 100ul, 98ul)]
    [InlineData("18446744073709551615", ulong.MaxValue, ulong.MaxValue)]
    public void Positions_parse_and_format_back(string text, ulong commit, ulong prepare)
    {
        Assert.True(GlobalPosition.TryParse(text, out var position));

        Assert.Equal(new GlobalPosition(commit, prepare), position);
        Assert.Equal(text, position.ToString());
    }

    [Fact]
    public void Equal_parts_format_as_one_number()
    {
        Assert.Equal("7", GlobalPosition.Of(7).ToString());
        Assert.True(GlobalPosition.TryParse("7/7", out var position));
        Assert.Equal(GlobalPosition.Of(7), position);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-1")]
    [InlineData("1/2/3")]
    [InlineData("abc")]
    [InlineData("1/")]
    public void Malformed_text_does_not_parse(string? text)
    {
        Assert.False(GlobalPosition.TryParse(text, out _));
    }

    [Fact]
    public void Positions_order_by_commit_then_prepare()
    {
        Assert.True(GlobalPosition.Of(1) < GlobalPosition.Of(2));
        Assert.True(new GlobalPosition(5, 1) < new GlobalPosition(5, 2));
        Assert.True(new GlobalPosition(6, 0) > new GlobalPosition(5, 9));
        Assert.True(GlobalPosition.Of(3) <= GlobalPosition.Of(3));
        Assert.True(GlobalPosition.Of(3) >= GlobalPosition.Of(3));
        Assert.Equal(0, GlobalPosition.Of(3).CompareTo(GlobalPosition.Of(3)));
        Assert.Equal([GlobalPosition.Of(1), new GlobalPosition(2, 1), GlobalPosition.Of(2)],
            new[] { GlobalPosition.Of(2), GlobalPosition.Of(1), new GlobalPosition(2, 1) }.Order());
    }
}
