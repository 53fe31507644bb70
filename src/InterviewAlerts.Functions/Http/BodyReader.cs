using Microsoft.AspNetCore.Http;

namespace InterviewAlerts.Functions.Http;

/// <summary>Reads a request body up to a limit, without trusting Content-Length alone.</summary>
public static class BodyReader
{
    /// <summary>
    /// Room for Paradox's largest legal request: a resume of up to 10 MB is about 13.4 MB once base64-encoded.
    /// BrassRing envelopes have their own, smaller limit.
    /// </summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <returns>The body, or null when it is larger than <paramref name="limit"/>.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;

        using var buffer = new MemoryStream(request.ContentLength is long length and > 0 ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }

        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
