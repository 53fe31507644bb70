namespace InterviewAlerts.Core.Ingest;

/// <summary>What a Content-Type says about a webhook body.</summary>
public enum BodyMediaKind
{
    /// <summary>No Content-Type: the body decides.</summary>
    Unspecified,

    /// <summary>application/json, text/json or any +json type.</summary>
    Json,

    /// <summary>text/xml or application/xml: a BrassRing envelope.</summary>
    Xml,

    /// <summary>application/x-www-form-urlencoded: BrassRing only when a field holds the envelope.</summary>
    FormEncoded,

    /// <summary>Anything else (or unparsable): 415.</summary>
    Other,
}
