using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Tests.Tracking;

public sealed class TrackingIdsTests
{
    [Fact]
    public void New_ids_are_well_formed_and_never_repeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => TrackingIds.New()).ToList();

        Assert.All(ids, id => Assert.True(TrackingIds.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // Every position draws from the whole alphabet (no fixed or derived characters).
        Assert.All(Enumerable.Range(3, 26), position => Assert.Equal(32, ids.Select(id => id[position]).Distinct().Count()));
    }

    [Theory]
    [InlineData("ia_0123456789abcdefghjkmnpqrs", true)]
    [InlineData("ia_0123456789abcdefghjkmnpqri", false)]
    [InlineData("ia_0123456789abcdefghjkmnpqr", false)]
    [InlineData("ib_0123456789abcdefghjkmnpqrs", false)]
    [InlineData("key-0123456789abcdefghjkmnpq", false)]
    public void Well_formed_means_prefix_length_and_alphabet(string id, bool expected) =>
        Assert.Equal(expected, TrackingIds.IsWellFormed(id));
}
