using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Native;
using InterviewAlerts.Core.Validation;
using F = InterviewAlerts.Core.Requests.FieldNames;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Turns a loose JSON object that uses Paradox field names (numbers and booleans as strings, interview
/// types by name, names in any case, surrounding whitespace, empty strings for "absent") into the
/// canonical typed <see cref="InterviewRequest"/>. Every type problem is reported, one per field.
/// Fields it does not know pass through untouched in <see cref="InterviewRequest.AdditionalFields"/>.
/// </summary>
public static class RequestNormalizer
{
    public static NormalizationResult Normalize(JsonObject loose)
    {
        ArgumentNullException.ThrowIfNull(loose);
        var errors = new List<FieldError>();
        var scalars = new LooseScalars(errors);
        var lists = new LooseLists(errors);
        var request = new InterviewRequest();
        JsonObject? additional = null;

        foreach (var (name, value) in loose)
        {
            if (!TryRead(request, FieldIndex.Of(name), LooseValue.Of(value), scalars, lists))
            {
                additional ??= [];
                additional[name] = value?.DeepClone();
            }
        }

        request.AdditionalFields = additional;
        return new NormalizationResult(errors.Count == 0 ? request : null, errors) { Readable = request };
    }

    /// <summary>
    /// The same reading straight from a parsed body's root object, in one pass and without building a
    /// <see cref="JsonObject"/> of it: the result equals <c>Normalize(JsonObject.Create(root))</c>. Values kept as
    /// given (unknown fields, segments, debrief) are copied out of the document, which may be disposed afterwards.
    /// </summary>
    /// <param name="root">A JSON object (the native reader has checked it).</param>
    /// <returns>Null when an object of the body repeats a property name (<see cref="DuplicateNames"/>), which the strict reader refuses.</returns>
    internal static NormalizationResult? Normalize(JsonElement root)
    {
        var errors = new List<FieldError>();
        var scalars = new LooseScalars(errors);
        var lists = new LooseLists(errors);
        var request = new InterviewRequest();
        JsonObject? additional = null;
        var seen = 0UL; // one bit per known field: a known name read twice is a repeated name
        var expected = 0; // bodies usually list the fields in seed order: try the next one first

        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && DuplicateNames.In(value)) return null;

            var index = FieldIndex.Of(property, expected);
            if (index >= 0)
            {
                var bit = 1UL << index;
                if ((seen & bit) != 0) return null;
                seen |= bit;
                TryRead(request, index, LooseValue.Of(value), scalars, lists);
                expected = index + 1;
                continue;
            }

            var name = property.Name;
            additional ??= [];
            if (additional.ContainsKey(name)) return null;
            additional[name] = LooseValue.Of(value).CloneNode();
        }

        request.AdditionalFields = additional;
        return new NormalizationResult(errors.Count == 0 ? request : null, errors) { Readable = request };
    }

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = NativeJsonReader.MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// The common case of a native body, read and normalized in one forward pass of a <see cref="Utf8JsonReader"/>,
    /// without building a document of the whole body: the result equals that of <see cref="NativeJsonReader.TryParse"/>
    /// followed by <see cref="Normalize(JsonElement)"/>. Values that are kept as given
    /// (objects, arrays with other items, unknown fields) are noted and read at the end from one document.
    /// </summary>
    /// <param name="utf8Json">
    /// A body that is valid UTF-8. A lone surrogate escape may go unnoticed here (the strict reader refuses it): the
    /// caller checks for one when the reading succeeds (<see cref="NativeJsonReader.HasLoneSurrogateEscape"/>).
    /// </param>
    /// <param name="rejectName">Called with each name the adapter does not know; true stops the reading.</param>
    /// <returns>
    /// Null when the body is not a JSON object the strict reader accepts, when it repeats a name, or when
    /// <paramref name="rejectName"/> answered true: such bodies are for the strict reader to answer.
    /// </returns>
    internal static NormalizationResult? Read(ReadOnlyMemory<byte> utf8Json, Func<string, bool>? rejectName = null)
    {
        var reader = new Utf8JsonReader(utf8Json.Span, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;

            var errors = new List<FieldError>();
            var scalars = new LooseScalars(errors);
            var lists = new LooseLists(errors);
            var request = new InterviewRequest();
            JsonObject? additional = null;
            KeptValues? kept = null;
            DeferredValues? deferred = null;
            var seen = 0UL;
            var expected = 0;

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string? name = null;
                int index;
                if (reader.ValueIsEscaped)
                {
                    name = reader.GetString()!;
                    index = FieldIndex.Of(name);
                }
                else
                {
                    index = FieldIndex.Of(reader.ValueSpan, expected);
                    if (index < 0) name = reader.GetString()!;
                }

                if (!reader.Read()) return null;
                if (index >= 0)
                {
                    var bit = 1UL << index;
                    if ((seen & bit) != 0) return null;
                    seen |= bit;
                    if (TryReadValue(ref reader, utf8Json, index, out var value)) TryRead(request, index, value, scalars, lists);
                    else if (index is Segments or ExIds or Debrief)
                    {
                        if (!DeferOrKeep(ref reader, utf8Json.Span, index, request, ref deferred, ref kept, errors.Count)) return null;
                    }
                    else (kept ??= new()).Add(ref reader, index, null, errors.Count);
                    expected = index + 1;
                    continue;
                }

                if (rejectName is not null && rejectName(name!)) return null;
                additional ??= [];
                if (additional.ContainsKey(name!)) return null;
                additional[name!] = null; // holds the name's place in the order until its value is read
                (kept ??= new()).Add(ref reader, -1, name, errors.Count);
            }

            // The root object has ended: only whitespace may follow (the reader throws on anything else).
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return null;
            if (kept is not null && !ReadKept(kept, utf8Json.Span, request, additional, errors, scalars, lists)) return null;
            deferred?.CopyFrom(utf8Json.Span);

            request.AdditionalFields = additional;
            return new NormalizationResult(errors.Count == 0 ? request : null, errors) { Readable = request };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null; // not JSON the strict reader accepts, or text that does not decode: it answers those
        }
    }

    // Indexes in FieldNames.All (seed order) of the fields read other than as one scalar; a test holds them to it.
    internal const int Segments = 8;
    internal const int InterviewerEmails = 9;
    internal const int ExIds = 10;
    internal const int Team = 11;
    internal const int AlternateTeam = 12;
    internal const int InterviewerIds = 13;
    internal const int Debrief = 46;

    /// <summary>
    /// An object or array of segments, interviewer ex ids or debrief, read over: when it is what the field takes (so
    /// reading it adds no error) and its names could all be compared on the way, its node is left to be built when
    /// first read (<see cref="DeferredValues"/>); otherwise it is kept for the document, which gives the exact errors.
    /// </summary>
    /// <returns>False when an object in the value repeats a name.</returns>
    private static bool DeferOrKeep(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, int index, InterviewRequest request,
        ref DeferredValues? deferred, ref KeptValues? kept, int errorPosition)
    {
        var start = (int)reader.TokenStartIndex;
        var isArray = reader.TokenType == JsonTokenType.StartArray;
        var strings = index == ExIds && isArray ? new List<string>() : null;
        var scan = NestedValueScan.Skip(ref reader, body, strings);
        if (scan.RepeatsAName) return false;
        var length = (int)reader.BytesConsumed - start;

        var fits = !scan.NamesUnchecked && index switch
        {
            Segments => isArray && scan.ScalarItems == 0 && scan.OtherItems == 0,
            ExIds => isArray && scan.OtherItems == 0,
            _ => !isArray,
        };
        if (!fits)
        {
            (kept ??= new()).Add(index, null, start, length, errorPosition);
            return true;
        }

        // What reading it would give: an empty list (or one of blank strings and nulls) reads as absent.
        if (index == Segments && scan.ObjectItems == 0) return true;
        if (index == ExIds && scan.ObjectItems == 0 && strings!.Count == 0) return true;

        deferred ??= new();
        var slot = deferred.Add(start, length);
        switch (index)
        {
            case Segments: request.DeferInterviewSegments(deferred, slot); break;
            case ExIds: request.DeferInterviewerExIds(deferred, slot, strings!); break;
            default: request.DeferDebrief(deferred, slot); break;
        }

        return true;
    }

    /// <summary>
    /// The values noted during the pass, read from their one document in body order: the same reading and the same
    /// errors as if each had been read in its place. A field's errors are moved to where its value was in the body.
    /// </summary>
    /// <returns>False when a value repeats a name in one of its objects.</returns>
    private static bool ReadKept(KeptValues kept, ReadOnlySpan<byte> utf8Json, InterviewRequest request, JsonObject? additional,
        List<FieldError> errors, LooseScalars scalars, LooseLists lists)
    {
        var inserted = 0; // errors of earlier kept values, moved in before the later positions
        var i = 0;
        foreach (var element in kept.Parse(utf8Json).EnumerateArray())
        {
            var value = kept[i++];
            if (DuplicateNames.In(element)) return false;
            if (value.Index < 0)
            {
                additional![value.Name!] = LooseValue.Of(element).CloneNode();
                continue;
            }

            var before = errors.Count;
            TryRead(request, value.Index, LooseValue.Of(element), scalars, lists);
            var added = errors.Count - before;
            var position = value.ErrorPosition + inserted;
            if (added > 0 && position < before)
            {
                var moved = errors.GetRange(before, added);
                errors.RemoveRange(before, added);
                errors.InsertRange(position, moved);
            }

            inserted += added;
        }

        return true;
    }

    /// <summary>
    /// The value at the reader (which then ends on its last token), read without a document; false, the reader not
    /// moved, for a value that has to be kept as an element (<see cref="KeptValues"/>).
    /// </summary>
    private static bool TryReadValue(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8Json, int index, out LooseValue value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                // A team is usually a string holding a JSON array: its members are read from the body's bytes.
                value = index is Team or AlternateTeam && StringItemsReader.TryReadArrayText(ref reader) is { } members
                    ? LooseValue.ArrayTextItems(members)
                    : LooseValue.Token(JsonValueKind.String, reader.GetString());
                return true;
            case JsonTokenType.Number:
                var isPlain = reader.TryGetInt64(out var plain);
                value = LooseValue.Number(utf8Json.Slice((int)reader.TokenStartIndex, reader.ValueSpan.Length), isPlain, plain);
                return true;
            case JsonTokenType.True:
                value = LooseValue.Token(JsonValueKind.True);
                return true;
            case JsonTokenType.False:
                value = LooseValue.Token(JsonValueKind.False);
                return true;
            case JsonTokenType.Null:
                value = LooseValue.Token(JsonValueKind.Null);
                return true;
        }

        // Lists of plain strings (interviewer emails and ids, teams) are read item by item; any other value, or such a
        // list with another kind of item, is kept for the document.
        if (reader.TokenType == JsonTokenType.StartArray && index is InterviewerEmails or Team or AlternateTeam or InterviewerIds)
        {
            var start = reader;
            if (StringItemsReader.TryRead(ref reader) is { } items)
            {
                value = LooseValue.StringItems(items);
                return true;
            }

            reader = start;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a known field (by its index in <see cref="FieldNames.All"/>) into the request; false for -1.</summary>
    private static bool TryRead(InterviewRequest r, int index, in LooseValue v, LooseScalars s, LooseLists l)
    {
        switch (index)
        {
            case 0: r.Oid = s.Long(F.Oid, v); break;
            case 1: r.ExId = s.String(F.ExId, v); break;
            case 2: r.JobApplicationId = s.String(F.JobApplicationId, v); break;
            case 3: r.UseApplicationIdForIdentity = s.Bool(F.UseApplicationIdForIdentity, v); break;
            case 4: r.Action = s.LowerCaseWord(F.Action, v) ?? InterviewActions.Interview; break;
            case 5: r.InterviewDuration = s.Int(F.InterviewDuration, v); break;
            case 6: r.InterviewType = s.InterviewType(F.InterviewType, v); break;
            case 7: r.CustomInterviewTypeId = s.String(F.CustomInterviewTypeId, v); break;
            case 8: r.InterviewSegments = l.Objects(F.InterviewSegments, v); break;
            case 9: r.InterviewerEmails = l.Strings(F.InterviewerEmails, v); break;
            case 10: r.InterviewerExIds = l.StringsOrObjects(F.InterviewerExIds, v); break;
            case 11: r.InterviewTeam = l.Team(F.InterviewTeam, v); break;
            case 12: r.AlternateInterviewTeam = l.Team(F.AlternateInterviewTeam, v); break;
            case 13: r.InterviewerIds = l.Strings(F.InterviewerIds, v); break;
            case 14: r.InterviewJoblocCode = s.String(F.InterviewJoblocCode, v); break;
            case 15: r.InterviewJoblocRoomId = s.Int(F.InterviewJoblocRoomId, v); break;
            case 16: r.InterviewJoblocId = s.Int(F.InterviewJoblocId, v); break;
            case 17: r.InterviewLocationAddress = s.String(F.InterviewLocationAddress, v); break;
            case 18: r.InterviewInstructions = s.String(F.InterviewInstructions, v); break;
            case 19: r.CandidateInterviewPrepExId = s.String(F.CandidateInterviewPrepExId, v); break;
            case 20: r.RecruiterInterviewPrepExId = s.String(F.RecruiterInterviewPrepExId, v); break;
            case 21: r.InterviewOwnerEmail = s.String(F.InterviewOwnerEmail, v); break;
            case 22: r.GenerateVirtualUrl = s.Bool(F.GenerateVirtualUrl, v); break;
            case 23: r.Private = s.Int(F.Private, v); break;
            case 24: r.FirstName = s.String(F.FirstName, v); break;
            case 25: r.LastName = s.String(F.LastName, v); break;
            case 26: r.Phone = s.String(F.Phone, v); break;
            case 27: r.Email = s.String(F.Email, v); break;
            case 28: r.JobTitle = s.String(F.JobTitle, v); break;
            case 29: r.JobReqId = s.String(F.JobReqId, v); break;
            case 30: r.JobLocCode = s.String(F.JobLocCode, v); break;
            case 31: r.CandidateJourney = s.String(F.CandidateJourney, v); break;
            case 32: r.CandidateJourneyStatus = s.String(F.CandidateJourneyStatus, v); break;
            case 33: r.SequentialOrderAutomation = s.Int(F.SequentialOrderAutomation, v); break;
            case 34: r.RecordedInterviewId = s.String(F.RecordedInterviewId, v); break;
            case 35: r.InterviewJoblocRoomExId = s.String(F.InterviewJoblocRoomExId, v); break;
            case 36: r.InterviewJoblocRoomEmail = s.String(F.InterviewJoblocRoomEmail, v); break;
            case 37: r.Resume = s.String(F.Resume, v); break;
            case 38: r.ForceSequentMultiDays = s.Bool(F.ForceSequentMultiDays, v); break;
            case 39: r.InterviewOwnerExId = s.String(F.InterviewOwnerExId, v); break;
            case 40: r.Note = s.String(F.Note, v); break;
            case 41: r.AttendeeCount = s.DigitsText(F.AttendeeCount, v); break;
            case 42: r.UseParadoxStatusMap = s.Bool(F.UseParadoxStatusMap, v); break;
            case 43: r.StatusMapName = s.String(F.StatusMapName, v); break;
            case 44: r.StatusMapExId = s.String(F.StatusMapExId, v); break;
            case 45: r.PrimaryContactMethod = s.Int(F.PrimaryContactMethod, v); break;
            case 46: r.Debrief = l.Object(F.Debrief, v); break;
            default: return false;
        }

        return true;
    }

    /// <summary>The index of a body field name in <see cref="FieldNames.All"/> (seed order), or -1 for a name the adapter does not know.</summary>
    private static class FieldIndex
    {
        private static readonly Dictionary<string, int> ByName = CreateByName();
        // TryRead's cases are numbered by seed order; the bitmask of Normalize(JsonElement) holds 64 fields.
        private static readonly byte[][] Utf8Names = F.All.Count <= 64
            ? [.. F.All.Select(System.Text.Encoding.UTF8.GetBytes)]
            : throw new InvalidOperationException("More than 64 body fields: widen the bitmask of Normalize(JsonElement).");

        public static int Of(string name) => ByName.GetValueOrDefault(name, -1);

        /// <summary>Compares the raw UTF-8 name, trying <paramref name="expected"/> first; escaped names are decoded.</summary>
        public static int Of(JsonProperty property, int expected)
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            return raw.Contains((byte)'\\') ? Of(property.Name) : Of(raw, expected);
        }

        /// <summary>An unescaped UTF-8 name, trying <paramref name="expected"/> first.</summary>
        public static int Of(ReadOnlySpan<byte> raw, int expected)
        {
            if ((uint)expected < (uint)Utf8Names.Length && raw.SequenceEqual(Utf8Names[expected])) return expected;
            for (var i = 0; i < Utf8Names.Length; i++)
            {
                if (raw.SequenceEqual(Utf8Names[i])) return i;
            }

            return -1;
        }

        private static Dictionary<string, int> CreateByName()
        {
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < F.All.Count; i++) byName.Add(F.All[i], i);
            return byName;
        }
    }
}

