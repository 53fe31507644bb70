using InterviewAlerts.Core.Operations;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Operations;

/// <summary>Reading an operator's search from query parameters: defaults, every rule, no value echoed.</summary>
public sealed class RequestSearchTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_parameters_search_the_last_seven_days_for_fifty_requests()
    {
        var (search, errors) = Parse([]);

        Assert.Empty(errors);
        Assert.Equal((Now - TimeSpan.FromDays(7), Now, 50), (search!.From, search.To, search.Limit));
        var filter = search.ToFilter();
        Assert.Equal((null, null, null, 0), (filter.Caller, filter.TrackingId, filter.ExIdHash, filter.States.Count));
    }

    [Fact]
    public void Every_filter_is_read_and_the_ex_id_becomes_its_hash()
    {
        var id = TrackingIds.New();
        var (search, errors) = Parse(new()
        {
            ["trackingId"] = id, ["transactId"] = "TX-1", ["exId"] = "C-42", ["caller"] = "acme", ["state"] = "Rejected",
            ["from"] = "2026-11-01", ["to"] = "2026-11-02T10:30:00+01:00", ["limit"] = "200", ["code"] = "the-admin-key",
        });

        Assert.Empty(errors);
        var filter = search!.ToFilter();
        Assert.Equal((id, "TX-1", "acme"), (filter.TrackingId, filter.TransactId, filter.Caller));
        Assert.Equal("8e0a57ada4d1ba1be10d67d5b2e812bfc6694f1149d195418573848120118e0b", filter.ExIdHash); // SHA-256 of "C-42", lower-case hex
        Assert.Equal([RequestState.Rejected], filter.States);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), filter.ReceivedFrom);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero), filter.ReceivedTo);
        Assert.Equal(200, search.Limit);
    }

    [Theory]
    [InlineData("state", "lost", "not_allowed")]
    [InlineData("state", "2", "not_allowed")]
    [InlineData("limit", "1000", "out_of_range")]
    [InlineData("limit", "201", "out_of_range")]
    [InlineData("limit", "-5", "out_of_range")]
    [InlineData("from", "yesterday", "invalid_format")]
    [InlineData("to", "02/12/2026", "invalid_format")]
    [InlineData("trackingId", "ia_short", "invalid_format")]
    public void A_malformed_parameter_is_named_with_its_rule_and_its_value_is_not_echoed(string name, string value, string code)
    {
        var (search, errors) = Parse(new() { [name] = value });

        Assert.Null(search);
        var error = Assert.Single(errors);
        Assert.Equal((name, code), (error.Field, error.Code));
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_after_to_is_refused()
    {
        var (_, errors) = Parse(new() { ["from"] = "2026-11-03", ["to"] = "2026-11-02" });

        Assert.Equal("from", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_value_longer_than_256_characters_is_refused_without_echo()
    {
        var (_, errors) = Parse(new() { ["exId"] = new string('x', 257) });

        var error = Assert.Single(errors);
        Assert.Equal(("exId", "too_long"), (error.Field, error.Code));
    }

    private static (RequestSearch? Search, IReadOnlyList<FieldError> Errors) Parse(Dictionary<string, string> query) =>
        RequestSearch.Parse(name => query.GetValueOrDefault(name), Now);
}
