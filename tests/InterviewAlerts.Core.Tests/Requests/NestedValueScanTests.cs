using System.Text;
using System.Text.Json;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Tests.Requests;

public sealed class NestedValueScanTests
{
    [Theory]
    [InlineData("""[{"a":{"b":1,"b":2}}]""")]
    [InlineData("""{"x":[1,{"c":1,"d":2,"c":3}]}""")]
    [InlineData("""{"a":1,"a":1}""")]
    public void A_name_repeated_in_one_object_at_any_depth_is_found(string value) =>
        Assert.True(Scan(value).RepeatsAName);

    [Theory]
    [InlineData("""{"a":1,"b":{"a":1}}""")]
    [InlineData("""[{"a":1},{"a":2}]""")]
    [InlineData("""{"a":{"x":1},"b":{"x":1},"c":[{"x":1,"y":{"x":1}}]}""")]
    [InlineData("""{"ab":1,"a":2,"b":3}""")]
    public void The_same_name_in_different_objects_is_not_a_repeat(string value)
    {
        var summary = Scan(value);
        Assert.False(summary.RepeatsAName);
        Assert.False(summary.NamesUnchecked);
    }

    [Fact]
    public void Escaped_names_are_left_to_the_document_to_compare()
    {
        // "\u0061" is "a": only a decoded comparison can tell, which the document route makes.
        var summary = Scan("""[{"\u0061":1,"a":2}]""");
        Assert.True(summary.NamesUnchecked);
        Assert.False(summary.RepeatsAName);
    }

    [Fact]
    public void Objects_with_more_than_sixteen_names_are_left_to_the_document_to_compare()
    {
        var sixteen = "{" + string.Join(',', Enumerable.Range(0, 16).Select(i => $"\"k{i}\":{i}")) + "}";
        var seventeen = "{" + string.Join(',', Enumerable.Range(0, 17).Select(i => $"\"k{i}\":{i}")) + "}";
        Assert.False(Scan(sixteen).NamesUnchecked);
        Assert.True(Scan(seventeen).NamesUnchecked);
    }

    [Fact]
    public void Items_of_an_array_are_counted_by_kind_and_scalars_read_as_the_lists_read_them()
    {
        var texts = new List<string>();
        var summary = Scan("""[" a ","",null,12.50,{"x":[1,true]},[1],true,"b"]""", texts);

        Assert.Equal(1, summary.ObjectItems);
        Assert.Equal(5, summary.ScalarItems);
        Assert.Equal(2, summary.OtherItems);
        Assert.Equal(["a", "12.50", "b"], texts);
    }

    [Fact]
    public void The_reader_ends_on_the_value_s_last_token_and_reads_on_from_there()
    {
        var body = Encoding.UTF8.GetBytes("""{"v":[{"a":[{}]},2],"next":true}""");
        var reader = new Utf8JsonReader(body);
        reader.Read(); // {
        reader.Read(); // "v"
        reader.Read(); // [

        Assert.False(NestedValueScan.Skip(ref reader, body, null).RepeatsAName);
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal("next", reader.GetString());
    }

    private static NestedValueScan.Summary Scan(string json, List<string>? texts = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(body);
        reader.Read();
        var summary = NestedValueScan.Skip(ref reader, body, texts);
        if (!summary.RepeatsAName) Assert.Equal(body.Length, (int)reader.BytesConsumed); // ended on the value's last token
        return summary;
    }
}
