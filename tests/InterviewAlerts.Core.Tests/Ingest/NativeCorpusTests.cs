using System.Reflection;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;
using InterviewAlerts.Core.Tests.Requests;

namespace InterviewAlerts.Core.Tests.Ingest;

/// <summary>Runs every corpus case through read → normalize → validate, as the webhook does.</summary>
public sealed class NativeCorpusTests
{
    /// <summary>Codes the HTTP layer or a 10 MB file produce; the corpus cannot carry them.</summary>
    private static readonly string[] CodesOutsideTheCorpus = [ErrorCodes.UnsupportedMediaType, ErrorCodes.TooLarge, ErrorCodes.FileTooLarge];

    public static TheoryData<string> CaseNames() => NativeCorpus.Names();

    private static Interpretation Interpret(CorpusCase corpusCase) => new RequestInterpreter().Interpret(null, corpusCase.Bytes);

    [Fact]
    public void Corpus_has_at_least_110_well_formed_cases()
    {
        var cases = NativeCorpus.All;
        Assert.True(cases.Count >= 110, $"only {cases.Count} cases");
        Assert.All(cases, c => Assert.True(c.Body is null ^ c.Raw is null, $"{c.Name}: give either body or raw"));
        Assert.All(cases.Where(c => !c.ExpectValid), c => Assert.NotEmpty(c.ExpectedFields));
        Assert.Contains(cases, c => c.ExpectValid);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_is_judged_as_the_corpus_expects(string name)
    {
        var corpusCase = NativeCorpus.Get(name);
        var result = Interpret(corpusCase);

        if (corpusCase.ExpectValid)
        {
            Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
            AssertTypedParadoxBody(corpusCase, result.Request!.ToParadoxJson());
        }
        else
        {
            Assert.False(result.IsValid);
            Assert.Equal(corpusCase.ExpectedFields.Order(), result.Errors.Select(e => e.Field).Distinct().Order());
            Assert.All(result.Errors, error =>
            {
                Assert.Contains(error.Code, KnownCodes());
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            });
        }
    }

    [Fact]
    public void Every_documented_field_is_sent_in_some_valid_case()
    {
        var sent = NativeCorpus.All.Where(c => c.ExpectValid && c.Body is JsonObject)
            .SelectMany(c => Interpret(c).Request!.ToParadoxJson().Select(pair => pair.Key))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], FieldNames.All.Where(field => !sent.Contains(field)));
        Assert.True(ParadoxJsonKinds.CoversEveryField());
    }

    [Fact]
    public void Every_validation_code_is_exercised_by_some_case()
    {
        var produced = NativeCorpus.All.SelectMany(c => Interpret(c).Errors).Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var missing = KnownCodes().Except(CodesOutsideTheCorpus).Where(code => !produced.Contains(code));
        Assert.Equal([], missing);
    }

    private static void AssertTypedParadoxBody(CorpusCase corpusCase, JsonObject sent)
    {
        var known = sent.Where(pair => FieldNames.All.Contains(pair.Key)).ToList();
        Assert.All(known, pair => Assert.Null(ParadoxJsonKinds.Mismatch(pair.Key, pair.Value)));

        // Known fields come first, in seed order; unknown fields follow exactly as received.
        var knownOrder = known.Select(pair => FieldNames.All.ToList().IndexOf(pair.Key)).ToList();
        Assert.Equal(knownOrder.Order(), knownOrder);
        var received = corpusCase.Body!.AsObject().Where(pair => !FieldNames.All.Contains(pair.Key)).ToList();
        var passedThrough = sent.Skip(known.Count).ToList();
        Assert.Equal(received.Select(p => p.Key), passedThrough.Select(p => p.Key));
        Assert.All(received.Zip(passedThrough), pair => Assert.True(JsonNode.DeepEquals(pair.First.Value, pair.Second.Value)));

        if (corpusCase.Paradox is { } expected)
        {
            Assert.Equal(expected.Select(p => p.Key), sent.Select(p => p.Key));
            Assert.True(JsonNode.DeepEquals(expected, sent), $"expected {expected.ToJsonString()}\n     got {sent.ToJsonString()}");
        }
    }

    private static IReadOnlyList<string> KnownCodes() =>
        typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
}
