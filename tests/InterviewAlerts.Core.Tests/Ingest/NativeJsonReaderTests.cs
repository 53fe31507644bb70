using System.Text;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Ingest;

public sealed class NativeJsonReaderTests
{
    [Fact]
    public void A_repeated_property_is_named_as_such_in_a_readable_sentence()
    {
        var error = NativeJsonReader.Read(Encoding.UTF8.GetBytes("""{"ex_id":"C-1","ex_id":"C-2"}""")).Error!;
        Assert.Equal(ErrorCodes.DuplicateKey, error.Code);
        Assert.StartsWith("The body repeats a property name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("()", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line )", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_gives_its_position()
    {
        var error = NativeJsonReader.Read(Encoding.UTF8.GetBytes("{\"ex_id\":")).Error!;
        Assert.Equal((ErrorCodes.InvalidJson, "$"), (error.Code, error.Field));
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_is_read_with_its_property_order()
    {
        var body = NativeJsonReader.Read(Encoding.UTF8.GetBytes("""{"b":1,"a":[2]}""")).Body!;
        Assert.Equal(["b", "a"], body.Select(pair => pair.Key));
    }
}
