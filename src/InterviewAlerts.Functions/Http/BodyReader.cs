using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.IO;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// Reads a request body up to a limit into pooled memory, chunk by chunk as the bytes arrive. Content-Length is used
/// only to refuse early: memory follows the bytes received, never what a caller declares.
/// </summary>
public static class BodyReader
{
    /// <summary>
    /// Room for Paradox's largest legal request: a resume of up to 10 MB is about 13.4 MB once base64-encoded.
    /// BrassRing envelopes have their own, smaller limit.
    /// </summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>How much one read from the connection takes at most (and all a slow caller's first bytes cost).</summary>
    public const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// Small blocks hold a body while it arrives; a body over one block is joined into one buffer from the large pool
    /// (1, 2, 4, 8, 16 MiB) for the parsers, which read contiguous memory. Free buffers the pools keep are capped, so
    /// a burst of large bodies does not stay resident afterwards.
    /// </summary>
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 * 1024,
        LargeBufferMultiple = 1024 * 1024,
        MaximumBufferSize = MaxBodyBytes,
        UseExponentialLargeBuffer = true,
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 64 * 1024 * 1024,
    });

    /// <summary>From this size on, a body's answer is followed by a background full collection (see <see cref="CollectLargeObjects"/>).</summary>
    public const int LargeBodyBytes = 4 * 1024 * 1024;

    /// <returns>
    /// The body, or null when it is larger than <paramref name="limit"/>. The memory is pooled: it stays valid until
    /// the response has been sent, then goes back to the pool (registered with the response for disposal).
    /// </returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var body = await ReadPooledAsync(request.Body, request.ContentLength, limit, cancellationToken).ConfigureAwait(false);
        if (body is null) return null;
        request.HttpContext.Response.RegisterForDispose(body);
        if (body.Length >= LargeBodyBytes) request.HttpContext.Response.OnCompleted(CollectLargeObjects);
        return body.GetBuffer().AsMemory(0, (int)body.Length);
    }

    /// <summary>
    /// A large body leaves tens of megabytes of large objects behind (its Paradox body among them), which the collector
    /// would otherwise leave in place until its own large-object budget runs out, several requests later. Host and
    /// worker share the instance's memory, so they are collected, in the background, once the answer has gone out.
    /// </summary>
    private static Task CollectLargeObjects()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
        return Task.CompletedTask;
    }

    /// <summary>The body in a pooled stream the caller disposes, or null when it is over the limit (declared or sent).</summary>
    internal static async Task<RecyclableMemoryStream?> ReadPooledAsync(Stream source, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        if (declaredLength > limit) return null;

        var body = Buffers.GetStream(nameof(BodyReader));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > limit)
                {
                    await body.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                body.Write(chunk, 0, read);
            }

            return body;
        }
        catch
        {
            await body.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
