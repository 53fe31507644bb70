using InterviewAlerts.Core.Native;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Ingest;

/// <summary>
/// Detects the shape of a webhook body, reads it, maps it and validates it. Pure: no I/O, nothing queued.
/// Used by ingest, by the dry-run endpoint and by the onboarding preview tool.
/// </summary>
public sealed class RequestInterpreter
{
    public Interpretation Interpret(string? contentType, ReadOnlyMemory<byte> body)
    {
        if (!MediaTypes.IsJsonOrUnspecified(contentType))
        {
            return new Interpretation
            {
                Shape = RequestShape.Native,
                UnsupportedMediaType = true,
                Errors = [new FieldError("Content-Type", ErrorCodes.UnsupportedMediaType,
                    $"Content type \"{contentType}\" is not supported; send application/json.")],
            };
        }

        var read = NativeJsonReader.Read(body);
        if (read.Error is not null) return new Interpretation { Shape = RequestShape.Native, Errors = [read.Error] };

        var normalized = RequestNormalizer.Normalize(read.Body!);
        var errors = RequestErrors.Collect(normalized);
        return new Interpretation
        {
            Shape = RequestShape.Native,
            Request = errors.Count == 0 ? normalized.Request : null,
            Errors = errors,
        };
    }
}
