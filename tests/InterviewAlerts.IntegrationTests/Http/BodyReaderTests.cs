using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace InterviewAlerts.IntegrationTests.Http;

/// <summary>The reader's memory follows the bytes received, not the Content-Length a caller declares.</summary>
public sealed class BodyReaderTests
{
    /// <summary>Far below the 16 MiB a reader sizing its buffer from Content-Length would allocate, far above one chunk and block.</summary>
    private const long AllocationBound = 1024 * 1024;

    [Fact]
    public async Task Declaring_16_MiB_and_sending_10_bytes_allocates_about_one_chunk_not_the_declared_length()
    {
        var context = NewRequest(new byte[10], declaredLength: BodyReader.MaxBodyBytes);
        await BodyReader.ReadAsync(NewRequest(new byte[10], BodyReader.MaxBodyBytes).Request, BodyReader.MaxBodyBytes, CancellationToken.None); // warm the pools' types

        var before = GC.GetAllocatedBytesForCurrentThread();
        var body = await BodyReader.ReadAsync(context.Request, BodyReader.MaxBodyBytes, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(10, body!.Value.Length);
        Assert.True(allocated < AllocationBound, $"reading 10 bytes declared as 16 MiB allocated {allocated} bytes");
    }

    [Fact]
    public async Task The_body_read_is_the_body_sent_across_many_chunks()
    {
        var sent = new byte[(5 * BodyReader.ChunkBytes) + 123];
        new Random(7).NextBytes(sent);

        var body = await BodyReader.ReadAsync(NewRequest(sent, declaredLength: null).Request, BodyReader.MaxBodyBytes, CancellationToken.None);

        Assert.Equal(sent, body!.Value.ToArray());
    }

    [Fact]
    public async Task A_body_at_the_limit_is_read_whole()
    {
        var sent = new byte[BodyReader.MaxBodyBytes];
        sent[0] = 1;
        sent[^1] = 2;

        var body = await BodyReader.ReadAsync(NewRequest(sent, sent.Length).Request, BodyReader.MaxBodyBytes, CancellationToken.None);

        Assert.Equal(BodyReader.MaxBodyBytes, body!.Value.Length);
        Assert.Equal(1, body.Value.Span[0]);
        Assert.Equal(2, body.Value.Span[^1]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_whether_declared_or_only_sent()
    {
        var sent = new byte[BodyReader.MaxBodyBytes + 1];

        Assert.Null(await BodyReader.ReadAsync(NewRequest(sent, sent.Length).Request, BodyReader.MaxBodyBytes, CancellationToken.None));
        Assert.Null(await BodyReader.ReadAsync(NewRequest(sent, declaredLength: null).Request, BodyReader.MaxBodyBytes, CancellationToken.None));
        Assert.Null(await BodyReader.ReadAsync(NewRequest([], declaredLength: sent.Length).Request, BodyReader.MaxBodyBytes, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_body_is_followed_by_a_full_collection_once_answered_and_a_small_one_is_not()
    {
        var small = NewRequest(new byte[BodyReader.LargeBodyBytes - 1], declaredLength: null);
        var large = NewRequest(new byte[BodyReader.LargeBodyBytes], declaredLength: null);
        var smallCompletions = RecordCompletions(small);
        var largeCompletions = RecordCompletions(large);

        await BodyReader.ReadAsync(small.Request, BodyReader.MaxBodyBytes, CancellationToken.None);
        await BodyReader.ReadAsync(large.Request, BodyReader.MaxBodyBytes, CancellationToken.None);

        // Each body's buffer is returned to its pool once answered; a large one also asks for a collection.
        Assert.Single(smallCompletions);
        Assert.Equal(2, largeCompletions.Count);
        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        foreach (var completion in largeCompletions) await completion();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (GC.CollectionCount(GC.MaxGeneration) == fullCollections && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > fullCollections, "no full collection followed the answer to a large body");
    }

    /// <summary>The callbacks registered to run once the response has been sent.</summary>
    private static List<Func<Task>> RecordCompletions(DefaultHttpContext context)
    {
        var feature = new CompletionRecordingResponseFeature();
        context.Features.Set<IHttpResponseFeature>(feature);
        return feature.Completions;
    }

    private sealed class CompletionRecordingResponseFeature : HttpResponseFeature
    {
        public List<Func<Task>> Completions { get; } = [];

        public override void OnCompleted(Func<object, Task> callback, object state) => Completions.Add(() => callback(state));
    }

    private static DefaultHttpContext NewRequest(byte[] body, long? declaredLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = declaredLength;
        return context;
    }
}
