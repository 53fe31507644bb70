#!/usr/bin/env python3
"""Writes the hostile-input corpus: one file per body, and cases.json with how each is posted and answered.

Run from anywhere: python3 tests/corpus/hostile/generate.py. Output is deterministic; commit what it writes.
Bodies larger than ~200 KB are not written here: HostileInputTests generates the oversized ones in code.

Placeholders replaced by the test at run time: @@SECRET_URI@@ (file:// URI of a temp file holding a marker
string) and @@SECRET_PATH@@ (its plain path). Expectations:
  {"http": 400|413|415, "field": F, "code": C}  problem+json whose errors name field F (and code C if given)
  {"brassRing": 401|405, "says": [..], "mustNotSay": [..]}  application/xml envelope with that Status (HTTP 401 for 401, else 200)
auth: "valid" (the test's BrassRing caller), null (no header), or a literal Authorization header value.
"""
import base64, json, os, shutil, urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
CANARY_EMAIL = "canary.person@example.org"
CANARY_NAME = "Canaryfirstname"
CANARY_PHONE = "+1 555 0199 777"
cases = []


def add(name, category, body, content_type, expect, auth=None):
    if isinstance(body, str):
        body = body.encode("utf-8")
    path = os.path.join(OUT, name)
    assert not os.path.exists(path), name
    with open(path, "wb") as f:
        f.write(body)
    cases.append({"file": name, "category": category, "contentType": content_type, "auth": auth, "expect": expect})


def problem(status, field, code=None):
    e = {"http": status, "field": field}
    if code:
        e["code"] = code
    return e


def br(status, *says, must_not=()):
    e = {"brassRing": status, "says": list(says)}
    if must_not:
        e["mustNotSay"] = list(must_not)
    return e


def native(fields):
    return json.dumps(fields, ensure_ascii=False)


BASE = {"ex_id": "C-1", "first_name": CANARY_NAME, "email": CANARY_EMAIL, "phone": CANARY_PHONE,
        "interview_duration": 30, "interview_type": 2}

FIELDS = {"CANDIDATEID": "5530127", "FIRSTNAME": CANARY_NAME, "EMAIL": CANARY_EMAIL, "CELLPHONE": CANARY_PHONE,
          "INTERVIEWTYPE": "Phone Interview", "INTERVIEWDURATION": "30"}


def payload(fields=None, drop=(), extra="", root="ACME_SCHEDVENDOR_CANDIDATE", prolog=""):
    fields = dict(FIELDS if fields is None else fields)
    for d in drop:
        fields.pop(d, None)
    inner = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items())
    return f"{prolog}<{root}>{inner}{extra}</{root}>"


def envelope(inner_payload=None, prolog="", transact="HOSTILE-TX", cdata=True, id_text="ACME_INTEG", root="Envelope"):
    if inner_payload is None:
        inner_payload = payload()
    body = f"<![CDATA[{inner_payload}]]>" if cdata else inner_payload
    return (f'{prolog}<{root} version="01.00"><Sender><Id>{id_text}</Id><Credential>31207</Credential></Sender>'
            f'<Recipient><Id/></Recipient><TransactInfo transactType="data"><TransactId>{transact}</TransactId>'
            f'<TimeStamp>2025-03-04 14:07 PM</TimeStamp></TransactInfo><Packet><PacketInfo packetType="data">'
            f'<PacketId>1</PacketId><Action>SET</Action><Manifest>ACME_SCHEDVENDOR_CANDIDATE</Manifest></PacketInfo>'
            f'<Payload>{body}</Payload></Packet></{root}>')


def json_envelope(payload_text, transact="HOSTILE-TX"):
    return json.dumps({"Sender": {"Id": "ACME_INTEG", "Credential": "31207"},
                       "TransactInfo": {"TransactId": transact, "TimeStamp": "now"},
                       "Packet": {"PacketInfo": {"PacketId": "1", "Manifest": "ACME_SCHEDVENDOR_CANDIDATE"},
                                  "Payload": payload_text}})


def form(xml):
    return "HRXMLDOC=" + urllib.parse.quote_plus(xml)


NOT_WELL_FORMED = "not well-formed XML"
MISSING_DURATION = "Missing interview duration"
DOCTYPE = "DOCTYPE"

# --- malformed JSON (native) -------------------------------------------------------------------------------
J = "application/json"
for i, (body, field, code) in enumerate([
    ("", "$", "invalid_json"), ("   \n\t ", "$", "invalid_json"), ("{", "$", "invalid_json"),
    ('{"ex_id":', "$", "invalid_json"), ('{"ex_id":"C-1"', "$", "invalid_json"),
    ('{"ex_id":"C-1",}', "$", "invalid_json"), ('{"ex_id":"C-1"} // comment', "$", "invalid_json"),
    ('/* c */ {"ex_id":"C-1"}', "$", "invalid_json"), ("{'ex_id':'C-1'}", "$", "invalid_json"),
    ('{ex_id:"C-1"}', "$", "invalid_json"), ('{"interview_duration":NaN}', "$", "invalid_json"),
    ('{"interview_duration":Infinity}', "$", "invalid_json"), ('{"interview_duration":-Infinity}', "$", "invalid_json"),
    ('{"ex_id":"C-1"}garbage', "$", "invalid_json"), ('{"ex_id":"C-1"}{"ex_id":"C-2"}', "$", "invalid_json"),
    ('{"ex_id":"C-1" "email":"x@example.org"}', "$", "invalid_json"), ('{"ex_id" "C-1"}', "$", "invalid_json"),
    ('{"ex_id":"C-1"}}', "$", "invalid_json"), ('{"ex_id":"C\x01-1"}', "$", "invalid_json"),
    ('{"ex_id":"C-1\n"}', "$", "invalid_json"), ('{"ex_id":"\\x41"}', "$", "invalid_json"),
    ('{"ex_id":"\\u12"}', "$", "invalid_json"), ('{"interview_duration":01}', "$", "invalid_json"),
    ('{"interview_duration":1.}', "$", "invalid_json"), ('{"interview_duration":.5}', "$", "invalid_json"),
    ('{"interview_duration":+5}', "$", "invalid_json"), ('{"interview_duration":0x1E}', "$", "invalid_json"),
    ('{"a":tru}', "$", "invalid_json"), ('{"a":nul}', "$", "invalid_json"), ('{"ex_id":"C-1",,"a":1}', "$", "invalid_json"),
    ("{,}", "$", "invalid_json"), ('{"ex_id":"C-1"' + " " * 5000, "$", "invalid_json"), ("}{", "$", "invalid_json"),
    ("null", "$", "not_an_object"), ("[]", "$", "not_an_object"), ('"text"', "$", "not_an_object"),
    ("42", "$", "not_an_object"), ("true", "$", "not_an_object"), ('[{"ex_id":"C-1"}]', "$", "not_an_object"),
]):
    add(f"malformed-json-{i:02}.json", "malformed JSON", body, J, problem(400, field, code))
add("malformed-json-duplicate-key.json", "malformed JSON", '{"ex_id":"C-1","ex_id":"C-2"}', J, problem(400, "$", "duplicate_key"))
add("malformed-json-no-content-type.json", "malformed JSON", '{"ex_id":"C-1"', None, problem(400, "$", "invalid_json"))
add("malformed-json-trailing-no-content-type.json", "malformed JSON", '{"ex_id":"C-1"} x', None, problem(400, "$", "invalid_json"))

# --- malformed XML (BrassRing, valid caller) -----------------------------------------------------------------
X = "text/xml"
ref = envelope()
for i, (body, says) in enumerate([
    ("<Envelope>", [NOT_WELL_FORMED]), (ref[: len(ref) // 2], [NOT_WELL_FORMED]),
    ("<Envelope><Sender></Envelope>", [NOT_WELL_FORMED]), ("<Envelope/><Envelope/>", [NOT_WELL_FORMED]),
    ("<Envelope><Sender><Id>&foo;</Id></Sender></Envelope>", [NOT_WELL_FORMED]),
    ("<Envelope><Sender><Id>&#0;</Id></Sender></Envelope>", [NOT_WELL_FORMED]),
    ("<Envelope><Sender><Id>&#xD800;</Id></Sender></Envelope>", [NOT_WELL_FORMED]),
    ("<Envelope version=01.00/>", [NOT_WELL_FORMED]), ('<Envelope version="1" version="2"/>', [NOT_WELL_FORMED]),
    (ref.replace("]]></Payload>", "</Payload>"), [NOT_WELL_FORMED]), ("<Envelope><Sender><Id>a < b</Id></Sender></Envelope>", [NOT_WELL_FORMED]),
    ("<1Envelope/>", [NOT_WELL_FORMED]), ("<br:Envelope/>", [NOT_WELL_FORMED]),
    ('\n\n <?xml version="1.0"?><Envelope/>', [NOT_WELL_FORMED]), ('<?xml version="1.0"?>', [NOT_WELL_FORMED]),
    ("<!-- only a comment -->", [NOT_WELL_FORMED]), ("<?pi only?>", [NOT_WELL_FORMED]), ("<![CDATA[x]]>", [NOT_WELL_FORMED]),
    ("<Root/>", ["root element is <Root>"]), ("<Envelope/>", ["no Packet"]),
    (ref.replace("<TransactId>HOSTILE-TX</TransactId>", ""), ["TransactId"]),
    (ref[: ref.index("<Payload>")] + "</Packet></Envelope>", ["no Payload"]),
    (envelope(""), ["is empty"]), (envelope("just some text"), ["Payload of packet 1"]),
    (envelope(payload()[:40]), ["Payload of packet 1"]), (envelope("<A/><B/>"), ["Payload of packet 1"]),
    (envelope(native(BASE)), ["Payload of packet 1"]), (envelope("<X>&undefined;</X>"), ["Payload of packet 1"]),
    ("<Envelope><Sender><Id>x</Id></Sender>" + "</Packet>", [NOT_WELL_FORMED]),
    ('<?xml version="1.0" encoding="x-no-such-encoding"?><Envelope/>', []),
    ('<?xml version="1.0" encoding="UTF-16"?><Envelope/>', []),
    ('<?xml version="2.0"?><Envelope/>', []),
    ("hello<Envelope/>", [NOT_WELL_FORMED]),
]):
    add(f"malformed-xml-{i:02}.xml", "malformed XML", body, X, br(405, *says), auth="valid")
add("malformed-xml-application-xml.xml", "malformed XML", "<Envelope><Packet>", "application/xml", br(405, NOT_WELL_FORMED), auth="valid")
add("malformed-xml-no-content-type.xml", "malformed XML", "<Envelope><Packet>", None, br(405, NOT_WELL_FORMED), auth="valid")

# --- XXE --------------------------------------------------------------------------------------------------
xxe_envelopes = [
    ('<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]>', "&xxe;"),
    ('<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "@@SECRET_PATH@@">]>', "&xxe;"),
    ('<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
    ('<!DOCTYPE Envelope [<!ENTITY % p SYSTEM "@@SECRET_URI@@"> %p;]>', "ACME_INTEG"),
    ('<!DOCTYPE Envelope [<!ENTITY % p SYSTEM "file:///etc/passwd"> <!ENTITY % q "<!ENTITY leak SYSTEM \'@@SECRET_URI@@\'>"> %q;]>', "&leak;"),
    ('<!DOCTYPE Envelope SYSTEM "@@SECRET_URI@@">', "ACME_INTEG"),
    ('<!DOCTYPE Envelope PUBLIC "-//ACME//Hostile//EN" "@@SECRET_URI@@">', "ACME_INTEG"),
    ('<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/leak">]>', "&xxe;"),
    ('<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "file:///proc/self/environ">]>', "&xxe;"),
    ('<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]>', "x"),
]
for i, (doctype, id_text) in enumerate(xxe_envelopes):
    add(f"xxe-envelope-{i:02}.xml", "XXE", envelope(prolog='<?xml version="1.0"?>' + doctype, id_text=id_text), X, br(405, DOCTYPE), auth="valid")
add("xxe-attribute.xml", "XXE", '<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]><Envelope version="&xxe;"/>', X, br(405, DOCTYPE), auth="valid")
add("xxe-no-content-type.xml", "XXE", envelope(prolog='<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]>', id_text="&xxe;"), None, br(405, DOCTYPE), auth="valid")
add("xxe-application-xml.xml", "XXE", envelope(prolog='<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]>', id_text="&xxe;"), "application/xml", br(405, DOCTYPE), auth="valid")
add("xxe-lowercase-doctype.xml", "XXE", envelope(prolog='<!doctype Envelope [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]>', id_text="&xxe;"), X, br(405, DOCTYPE), auth="valid")
add("xxe-utf16.xml", "XXE", ("\ufeff" + envelope(prolog='<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]>', id_text="&xxe;")).encode("utf-16-le"),
    X, br(405, DOCTYPE), auth="valid")
inner_xxe = payload(prolog='<?xml version="1.0"?><!DOCTYPE X [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]>', fields={**FIELDS, "FIRSTNAME": "&xxe;"})
add("xxe-in-payload-cdata.xml", "XXE", envelope(inner_xxe), X, br(405, "Payload of packet 1", DOCTYPE), auth="valid")
add("xxe-in-payload-escaped.xml", "XXE", envelope(inner_xxe.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), cdata=False), X, br(405, "Payload of packet 1", DOCTYPE), auth="valid")
add("xxe-in-payload-parameter-entity.xml", "XXE", envelope(payload(prolog='<!DOCTYPE X [<!ENTITY % p SYSTEM "@@SECRET_URI@@"> %p;]>')), X, br(405, "Payload of packet 1", DOCTYPE), auth="valid")
add("xxe-in-form-field.form", "XXE", form(envelope(prolog='<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM "@@SECRET_URI@@">]>', id_text="&xxe;")),
    "application/x-www-form-urlencoded", br(405, DOCTYPE), auth="valid")
add("xxe-in-form-payload.form", "XXE", form(envelope(inner_xxe)), "application/x-www-form-urlencoded", br(405, DOCTYPE), auth="valid")
add("xxe-in-json-rendering.json", "XXE", json_envelope(inner_xxe), J, br(405, "Payload of packet 1", DOCTYPE), auth="valid")
add("xxe-xinclude-not-processed.xml", "XXE",
    envelope(payload(drop=("INTERVIEWDURATION",), extra='<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="@@SECRET_URI@@" parse="text"/>')),
    X, br(405, MISSING_DURATION), auth="valid")
add("xxe-stylesheet-pi-ignored.xml", "XXE", envelope(payload(drop=("INTERVIEWDURATION",)), prolog='<?xml-stylesheet type="text/xsl" href="@@SECRET_URI@@"?>'),
    X, br(405, MISSING_DURATION), auth="valid")
add("xxe-schema-location-ignored.xml", "XXE",
    envelope(payload(drop=("INTERVIEWDURATION",), extra='<S xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x @@SECRET_URI@@"/>')),
    X, br(405, MISSING_DURATION), auth="valid")

# --- entity expansion -----------------------------------------------------------------------------------------
lol = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10)) + "]>"
quad = '<!DOCTYPE q [<!ENTITY a "' + "a" * 50000 + '">]>'
add("billion-laughs-envelope.xml", "entity expansion", envelope(prolog=lol, id_text="&lol9;"), X, br(405, DOCTYPE), auth="valid")
add("billion-laughs-payload.xml", "entity expansion", envelope(payload(prolog=lol, fields={**FIELDS, "FIRSTNAME": "&lol9;"})), X, br(405, "Payload of packet 1", DOCTYPE), auth="valid")
add("billion-laughs-parameter.xml", "entity expansion",
    envelope(prolog='<!DOCTYPE E [<!ENTITY % a "x"><!ENTITY % b "%a;%a;%a;%a;%a;%a;%a;%a;"><!ENTITY % c "%b;%b;%b;%b;%b;%b;%b;%b;">%c;]>'), X, br(405, DOCTYPE), auth="valid")
add("quadratic-blowup-envelope.xml", "entity expansion", envelope(prolog=quad, id_text="&a;" * 2000), X, br(405, DOCTYPE), auth="valid")
add("quadratic-blowup-payload.xml", "entity expansion", envelope(payload(prolog=quad, fields={**FIELDS, "FIRSTNAME": "&a;" * 2000})), X, br(405, DOCTYPE), auth="valid")
add("recursive-entities.xml", "entity expansion", envelope(prolog='<!DOCTYPE E [<!ENTITY a "&b;"><!ENTITY b "&a;">]>', id_text="&a;"), X, br(405, DOCTYPE), auth="valid")
add("billion-laughs-json-rendering.json", "entity expansion", json_envelope(payload(prolog=lol, fields={**FIELDS, "FIRSTNAME": "&lol9;"})), J, br(405, DOCTYPE), auth="valid")
add("billion-laughs-form.form", "entity expansion", form(envelope(prolog=lol, id_text="&lol9;")), "application/x-www-form-urlencoded", br(405, DOCTYPE), auth="valid")
add("billion-laughs-no-content-type.xml", "entity expansion", envelope(prolog=lol, id_text="&lol9;"), None, br(405, DOCTYPE), auth="valid")

# --- DOCTYPE in the inner payload -------------------------------------------------------------------------------
for i, prolog in enumerate(['<!DOCTYPE ACME_SCHEDVENDOR_CANDIDATE>', '<?xml version="1.0"?><!DOCTYPE X [<!ELEMENT X ANY>]>',
                            '<!DOCTYPE X SYSTEM "payload.dtd">', '\n\n<!DOCTYPE X [<!ATTLIST X a CDATA "d">]>']):
    add(f"payload-doctype-{i:02}.xml", "DOCTYPE in payload", envelope(payload(prolog=prolog)), X, br(405, "Payload of packet 1", DOCTYPE), auth="valid")

# --- deep nesting ------------------------------------------------------------------------------------------------
for depth in (33, 64, 1000, 50000):
    add(f"deep-json-arrays-{depth}.json", "deep nesting", "[" * depth + "]" * depth, J, problem(400, "$", "invalid_json"))
for depth in (33, 1000):
    add(f"deep-json-objects-{depth}.json", "deep nesting", '{"a":' * depth + "1" + "}" * depth, J, problem(400, "$", "invalid_json"))
add("deep-json-in-debrief.json", "deep nesting", native(BASE)[:-1] + ',"debrief":' + '{"a":' * 40 + "1" + "}" * 40 + "}", J, problem(400, "$", "invalid_json"))
add("deep-json-in-segments.json", "deep nesting", native(BASE)[:-1] + ',"interview_segments":[' + "[" * 40 + "]" * 40 + "]}", J, problem(400, "$", "invalid_json"))
add("deep-json-team-string.json", "deep nesting", native({**BASE, "interview_team": "[" * 10000 + "]" * 10000}), J, problem(400, "interview_team", "invalid_type"))
add("deep-json-rendered-envelope.json", "deep nesting", json_envelope("x")[:-1] + ',"Deep":' + '{"a":' * 40 + "1" + "}" * 40 + "}", J, problem(400, "$", "invalid_json"))
for depth in (40, 5000):
    add(f"deep-xml-envelope-{depth}.xml", "deep nesting", "<Envelope>" + "<a>" * depth + "</a>" * depth + "</Envelope>", X, br(405, "nested deeper"), auth="valid")
    add(f"deep-xml-payload-{depth}.xml", "deep nesting", envelope(payload(extra="<a>" * depth + "</a>" * depth)), X, br(405, "Payload of packet 1", "nested deeper"), auth="valid")

# --- wrong types for every typed field (native) ---------------------------------------------------------------------
wrong = {
    "OID": ["abc", True, {}, [], 1.5], "ex_id": [{}, [], True], "job_application_id": [{}, False],
    "use_application_id_for_identity": ["maybe", 2, {}], "action": [1, {}, []],
    "interview_duration": ["thirty", True, {}, [30], 30.5, "30.0"], "interview_type": ["Zoom", True, {}, [2], 2.5],
    "custom_interview_type_id": [{}, True], "interview_segments": ["x", 1, [1], {}],
    "interviewer_emails": [{}, True, [True], [[1]], 5], "interviewer_ex_ids": [{}, True, [True]],
    "interview_team": [5, {}, "not json", '{"a":1}'], "alternate_interview_team": [True, "[1,"],
    "interviewer_ids": [{}, [{}]], "interview_jobloc_code": [{}, []], "interview_jobloc_room_id": ["room", True],
    "interview_jobloc_id": ["x", []], "interview_location_address": [{}, False], "interview_instructions": [[], True],
    "candidate_interview_prep_ex_id": [{}], "recruiter_interview_prep_ex_id": [[]], "interview_owner_email": [{}, True],
    "generate_virtual_url": ["sometimes", 5], "private": ["yes", True, {}], "first_name": [{}, []], "last_name": [True],
    "phone": [{}, [], True], "email": [{}, [], False], "job_title": [{}], "job_req_id": [[]], "job_loc_code": [True],
    "candidate_journey": [{}], "candidate_journey_status": [[]], "sequential_order_automation": ["two", True],
    "recorded_interview_id": [{}], "interview_jobloc_room_ex_id": [[]], "interview_jobloc_room_email": [True],
    "resume": [{}, []], "force_sequent_multi_days": ["nah", 7], "interview_owner_ex_id": [{}], "note": [[]],
    "attendee_count": ["two", -1, True, 1.5], "use_paradox_status_map": ["perhaps", {}], "status_map_name": [{}],
    "status_map_ex_id": [[]], "primary_contact_method": ["email", True], "debrief": ["x", 1, []],
}
for field, values in wrong.items():
    for i, value in enumerate(values):
        body = {**BASE, field: value}
        if field == "interview_segments":
            body["interview_type"] = 5
        add(f"wrong-type-{field}-{i}.json", "wrong types", native(body), J, problem(400, field, "invalid_type"))
for element, value, says in [("INTERVIEWDURATION", "thirty", "INTERVIEWDURATION"), ("INTERVIEWDURATION", "30.5", "INTERVIEWDURATION"),
                             ("INTERVIEWTYPE", "Zoom call", "INTERVIEWTYPE"), ("INTERVIEWTYPE", "99", "INTERVIEWTYPE")]:
    add(f"wrong-type-brassring-{element.lower()}-{value.replace(' ', '-').replace('.', '_')}.xml", "wrong types",
        envelope(payload({**FIELDS, element: value})), X, br(405, says), auth="valid")
add("wrong-type-brassring-email.xml", "wrong types", envelope(payload({**FIELDS, "EMAIL": "canary.person(at)example.org"})), X,
    br(405, "EMAIL", must_not=["canary.person(at)example.org"]), auth="valid")
add("wrong-type-native-email-not-quoted.json", "wrong types", native({**BASE, "email": "canary.person(at)example.org"}), J, problem(400, "email", "invalid_email"))

# --- invalid UTF-8 -----------------------------------------------------------------------------------------------
pre, post = b'{"ex_id":"C-1","first_name":"', b'","interview_duration":30,"interview_type":2}'
for i, bad in enumerate([b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80", b"\xe2\x82", b"\xf4\x90\x80\x80", b"\xfe\xff"]):
    add(f"invalid-utf8-value-{i:02}.json", "invalid UTF-8", pre + bad + post, J, problem(400, "$", "invalid_json"))
add("invalid-utf8-name.json", "invalid UTF-8", b'{"ex_\xffid":"C-1","interview_duration":30,"interview_type":2}', J, problem(400, "$", "invalid_json"))
add("invalid-utf8-no-content-type.json", "invalid UTF-8", pre + b"\xc3\x28" + post, None, problem(400, "$", "invalid_json"))
add("lone-surrogate-escape-value.json", "invalid UTF-8", '{"ex_id":"C-\\ud800","interview_duration":30,"interview_type":2}', J, problem(400, "$", "invalid_json"))
add("lone-surrogate-escape-name.json", "invalid UTF-8", '{"ex_\\udc00id":"C-1","interview_duration":30,"interview_type":2}', J, problem(400, "$", "invalid_json"))
add("reversed-surrogate-escapes.json", "invalid UTF-8", '{"ex_id":"\\udc00\\ud800","interview_duration":30,"interview_type":2}', J, problem(400, "$", "invalid_json"))
add("lone-surrogate-in-team-string.json", "invalid UTF-8", '{"ex_id":"C-1","interview_duration":30,"interview_type":2,"interview_team":"[\\"\\\\ud800\\"]"}', J, problem(400, "interview_team", "invalid_type"))
add("invalid-utf8-xml-element.xml", "invalid UTF-8", envelope().encode().replace(b"ACME_INTEG", b"ACME\xff\xfe"), X, br(405, NOT_WELL_FORMED), auth="valid")
add("invalid-utf8-xml-payload.xml", "invalid UTF-8", envelope().encode().replace(CANARY_NAME.encode(), b"Ca\xc3\x28"), X, br(405, NOT_WELL_FORMED), auth="valid")
add("invalid-utf8-form.form", "invalid UTF-8", b"HRXMLDOC=%FF%FE%3CEnvelope", "application/x-www-form-urlencoded", br(405, NOT_WELL_FORMED), auth="valid")
add("invalid-utf8-json-rendering.json", "invalid UTF-8", json_envelope(payload()).encode().replace(b"now", b"n\xffw"), J, br(405, "could not be read"), auth="valid")

# --- byte order marks --------------------------------------------------------------------------------------------
bom8 = b"\xef\xbb\xbf"
add("bom-utf8-native.json", "BOMs", bom8 + native(BASE).encode(), J, problem(400, "$", "invalid_json"))
add("bom-utf16le-native.json", "BOMs", ("\ufeff" + native(BASE)).encode("utf-16-le"), J, problem(400, "$", "invalid_json"))
add("bom-utf16be-native.json", "BOMs", ("\ufeff" + native(BASE)).encode("utf-16-be"), J, problem(400, "$", "invalid_json"))
add("bom-utf32le-native.json", "BOMs", ("\ufeff" + native(BASE)).encode("utf-32-le"), J, problem(400, "$", "invalid_json"))
add("bom-mid-json.json", "BOMs", native(BASE).replace(",", ",\ufeff", 1), J, problem(400, "$", "invalid_json"))
add("bom-double-utf8-xml.xml", "BOMs", bom8 + bom8 + envelope().encode(), X, br(405, NOT_WELL_FORMED), auth="valid")
add("bom-utf8-xml-missing-duration.xml", "BOMs", bom8 + envelope(payload(drop=("INTERVIEWDURATION",))).encode(), X, br(405, MISSING_DURATION), auth="valid")
add("bom-utf16le-xml-missing-duration.xml", "BOMs", ("\ufeff" + envelope(payload(drop=("INTERVIEWDURATION",)))).encode("utf-16-le"), X, br(405, MISSING_DURATION), auth="valid")
add("bom-in-payload-missing-duration.xml", "BOMs", envelope("\ufeff" + payload(drop=("INTERVIEWDURATION",))), X, br(405, MISSING_DURATION), auth="valid")
add("bom-before-form-field.form", "BOMs", "\ufeff" + form(envelope(payload(drop=("INTERVIEWDURATION",)))), "application/x-www-form-urlencoded", br(405, MISSING_DURATION), auth="valid")

# --- NUL bytes -------------------------------------------------------------------------------------------------------
add("nul-first-byte.json", "NUL bytes", b"\x00" + native(BASE).encode(), J, problem(400, "$", "invalid_json"))
add("nul-between-tokens.json", "NUL bytes", native(BASE).encode().replace(b",", b",\x00", 1), J, problem(400, "$", "invalid_json"))
add("nul-raw-in-string.json", "NUL bytes", native(BASE).encode().replace(b"C-1", b"C\x001"), J, problem(400, "$", "invalid_json"))
add("nul-escaped-in-value.json", "NUL bytes", '{"ex_id":"C\\u00001","interview_type":2}', J, problem(400, "interview_duration", "required"))
add("nul-escaped-in-name.json", "NUL bytes", '{"ex_id":"C-1","interview_duration\\u0000":30,"interview_type":2}', J, problem(400, "interview_duration", "required"))
add("nul-only.json", "NUL bytes", b"\x00" * 1024, J, problem(400, "$", "invalid_json"))
add("nul-only-no-content-type.bin", "NUL bytes", b"\x00" * 1024, None, problem(400, "$", "invalid_json"))
add("nul-only.xml", "NUL bytes", b"\x00" * 1024, X, br(405, NOT_WELL_FORMED), auth="valid")
add("nul-in-xml-element.xml", "NUL bytes", envelope().encode().replace(b"ACME_INTEG", b"ACME\x00INTEG"), X, br(405, NOT_WELL_FORMED), auth="valid")
add("nul-in-payload.xml", "NUL bytes", envelope().encode().replace(CANARY_NAME.encode(), b"Ca\x00nary"), X, br(405, NOT_WELL_FORMED), auth="valid")
add("nul-and-controls-echoed-json-rendering.json", "NUL bytes",
    json.dumps({"Sender": {"Id": "A\u0000B\u0001C\u001f", "Credential": "\u0000"}, "TransactInfo": {"TransactId": "T\u0000X\ufffe\ud7ff", "TimeStamp": "\u0008"}, "Packet": []}),
    J, br(405, "no Packet"), auth="valid")

# --- wrong content types -------------------------------------------------------------------------------------------
png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
for i, (ct, body) in enumerate([
    ("image/png", png), ("image/png", native(BASE)), ("text/plain", native(BASE)), ("text/plain", envelope()),
    ("multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"HRXMLDOC\"\r\n\r\n" + envelope() + "\r\n--XyZ--\r\n"),
    ("multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"body\"\r\nContent-Type: application/json\r\n\r\n" + native(BASE) + "\r\n--XyZ--\r\n"),
    ("application/octet-stream", native(BASE)), ("text/html", "<html><body>" + native(BASE) + "</body></html>"),
    ("application/javascript", native(BASE)), ("application/json, text/xml", native(BASE)), (";;;;", native(BASE)),
    ("application/" + "x" * 4000, native(BASE)), ("text/csv", "ex_id,interview_duration\nC-1,30\n"),
    ("application/soap+xml", envelope()), ("application/jsonp", native(BASE)),
]):
    add(f"content-type-{i:02}.bin", "wrong content types", body, ct, problem(415, "Content-Type", "unsupported_media_type"))
add("content-type-json-with-xml-body.xml", "wrong content types", envelope(payload(drop=("INTERVIEWDURATION",))), J, br(405, MISSING_DURATION), auth="valid")
add("content-type-json-with-broken-xml.xml", "wrong content types", "<Envelope><Packet>", J, br(405, NOT_WELL_FORMED), auth="valid")
add("content-type-xml-with-json-body.json", "wrong content types", native(BASE), X, br(405, NOT_WELL_FORMED), auth="valid")
add("content-type-application-xml-with-json-body.json", "wrong content types", native(BASE), "application/xml", br(405, NOT_WELL_FORMED), auth="valid")
add("content-type-form-with-json-body.json", "wrong content types", native(BASE), "application/x-www-form-urlencoded",
    problem(415, "Content-Type", "unsupported_media_type"), auth="valid")
add("content-type-json-charset-utf16.json", "wrong content types", native(BASE).encode("utf-16-le"), "application/json; charset=utf-16", problem(400, "$", "invalid_json"))
add("content-type-xml-charset-lie.xml", "wrong content types", envelope(payload(drop=("INTERVIEWDURATION",))), "text/xml; charset=ebcdic-cp-us", br(405, MISSING_DURATION), auth="valid")

# --- form-encoded without HRXMLDOC ----------------------------------------------------------------------------------------
F = "application/x-www-form-urlencoded"
for i, (body, says) in enumerate([
    ("a=1&b=2", None), ("", None), ("&&&", None), ("=", None),
    ("HRXMLDOCX=%3CEnvelope%2F%3E&foo=bar", None), ("hrxmldoc=", "HRXMLDOC field is empty"),
    ("HRXMLDOC=not+xml", NOT_WELL_FORMED), ("&".join(f"f{n}={n}" for n in range(1000)), None),
    ("HRXMLDOC=%", NOT_WELL_FORMED), ("HRXMLDOC=%3CEnvelope%3E", NOT_WELL_FORMED),
    ("HRXMLDOC=" + urllib.parse.quote_plus(native(BASE)), "without the BrassRing keys"),
    ("HRXMLDOC=%3CEnvelope%2F%3E&HRXMLDOC=%3CEnvelope%2F%3E", "no Packet"), ("envelope=" + urllib.parse.quote_plus(envelope()) + "&x=1", None),
]):
    # A form without an HRXMLDOC field (or a single field holding the envelope) is not BrassRing: 415, never a 2xx.
    add(f"form-{i:02}.form", "form without HRXMLDOC", body, F,
        br(405, says) if says else problem(415, "Content-Type", "unsupported_media_type"), auth="valid")

# --- BrassRing Basic credentials -------------------------------------------------------------------------------------
def basic(text):
    return "Basic " + base64.b64encode(text if isinstance(text, bytes) else text.encode()).decode()

for i, header in enumerate([
    None, basic("acme-brassring:wrong-password"), basic("someone-else:S3cret-hostile-tests"), basic("acme-brassring:"),
    basic("acme brassring:S3cret-hostile-tests"), "Basic", "Basic !!!not-base64!!!", basic("no-colon-here"),
    "Bearer eyJhbGciOiJub25lIn0.e30.", 'Digest username="acme-brassring", realm="x"', basic(b"\xff\xfe:S3cret-hostile-tests"),
    basic("a" * 200 + ":S3cret-hostile-tests"), basic("acme-brassring:S3cret-hostile-tests "), "basic " + base64.b64encode(b"acme-brassring:nope").decode(),
    basic("acme-brassring:S3cret-hostile-tests").replace("Basic ", "Basic  ", 1) + "==", basic("../../etc/passwd:x"),
    basic("BrassRing:CallerSecrets:acme-brassring:S3cret-hostile-tests"),
]):
    add(f"auth-{i:02}.xml", "missing or wrong BrassRing credentials", envelope(transact=f"AUTH-{i}"), X, br(401, "username or password"), auth=header)

# --- huge numbers -----------------------------------------------------------------------------------------------------
for i, (field, raw, code) in enumerate([
    ("interview_duration", "1e400", "invalid_type"), ("interview_duration", "9" * 5000, "invalid_type"),
    ("interview_duration", "-1e309", "invalid_type"), ("interview_duration", "2147483648", "invalid_type"),
    ("interview_duration", "1e10", "invalid_type"), ("interview_duration", "0.0000001", "invalid_type"),
    ("OID", "1e30", "invalid_type"), ("OID", "9223372036854775808", "invalid_type"), ("OID", "-9223372036854775809", "invalid_type"),
    ("private", "99999999999999999999", "invalid_type"), ("interview_type", "1e-400", "out_of_range"),
    ("attendee_count", "1e20", "invalid_type"), ("interview_jobloc_room_id", "-2147483649", "invalid_type"),
    ("sequential_order_automation", "1e2", "out_of_range"), ("primary_contact_method", '"99999999999999999999999"', "invalid_type"),
    ("interview_jobloc_id", "1" + "0" * 400, "invalid_type"),
]):
    body = native({k: v for k, v in BASE.items() if k != field})[:-1] + f',"{field}":{raw}' + "}"
    add(f"huge-number-{i:02}.json", "huge numbers", body, J, problem(400, field, code))
add("huge-number-brassring-duration.xml", "huge numbers", envelope(payload({**FIELDS, "INTERVIEWDURATION": "99999999999999999999"})), X, br(405, "INTERVIEWDURATION"), auth="valid")
add("huge-number-brassring-candidate-id.xml", "huge numbers", envelope(payload({**FIELDS, "CANDIDATEID": "9" * 5000})), X, br(405, "CANDIDATEID"), auth="valid")

# --- unicode confusables in field names ---------------------------------------------------------------------------------
def without(field):
    return {k: v for k, v in BASE.items() if k != field}

for i, (name, real, code) in enumerate([
    ("\u0456nterview_duration", "interview_duration", "required"), ("interview_durat\u0456on", "interview_duration", "required"),
    ("\uff49nterview_duration", "interview_duration", "required"), ("interview_duration\u200b", "interview_duration", "required"),
    ("\u200binterview_duration", "interview_duration", "required"), ("interview\u2010duration", "interview_duration", "required"),
    ("interview_t\u0443pe", "interview_type", "required"), ("Interview_Type", "interview_type", "required"),
    ("interview_duration ", "interview_duration", "required"), ("interview_\uff44uration", "interview_duration", "required"),
    ("interview_durati\u006f\u0301n", "interview_duration", "required"), ("interview_duration\u00a0", "interview_duration", "required"),
    ("INTERVIEW_DURATION", "interview_duration", "required"), ("interview_\u212aype", "interview_type", "required"),
]):
    add(f"confusable-{i:02}.json", "unicode confusables", native({**without(real), name: BASE[real]}), J, problem(400, real, code))
identity = {"interview_duration": 30, "interview_type": 2}
add("confusable-ex-id-cyrillic.json", "unicode confusables", native({**identity, "\u0435\u0445_id": "C-1"}), J, problem(400, "candidate", "candidate_unidentifiable"))
add("confusable-email-cyrillic.json", "unicode confusables", native({**identity, "ema\u0456l": CANARY_EMAIL}), J, problem(400, "candidate", "candidate_unidentifiable"))
add("confusable-envelope-keys.json", "unicode confusables",
    json.dumps({"\u0405ender": {"Id": "x"}, "TransactInfo": {"TransactId": "1"}, "Packet": {"Payload": payload()}}), J, problem(400, "interview_duration", "required"))
add("confusable-envelope-kelvin.json", "unicode confusables",
    json.dumps({"Sender": {"Id": "x"}, "TransactInfo": {"TransactId": "1"}, "Pac\u212aet": {"Payload": payload()}}), J, problem(400, "interview_duration", "required"))
without_duration = {k: v for k, v in FIELDS.items() if k != "INTERVIEWDURATION"}
add("confusable-payload-duration.xml", "unicode confusables", envelope(payload({**without_duration, "\u0406NTERVIEWDURATION": "30"})), X, br(405, MISSING_DURATION), auth="valid")
add("confusable-payload-identity.xml", "unicode confusables",
    envelope(payload({"\u0415MAIL": CANARY_EMAIL, "INTERVIEWTYPE": "2", "INTERVIEWDURATION": "30"})), X, br(405, "Missing candidate", must_not=[CANARY_EMAIL]), auth="valid")
add("confusable-root-greek.xml", "unicode confusables", envelope(root="\u0395nvelope"), X, br(405, "root element"), auth="valid")
add("confusable-packet-element.xml", "unicode confusables", envelope().replace("<Packet>", "<\u0420acket>").replace("</Packet>", "</\u0420acket>"), X, br(405, "no Packet"), auth="valid")

with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
    json.dump({"description": __doc__.strip().splitlines()[0], "secretMarkerPlaceholders": ["@@SECRET_URI@@", "@@SECRET_PATH@@"],
               "cases": cases}, f, ensure_ascii=False, indent=1)
    f.write("\n")
cats = {}
for c in cases:
    cats[c["category"]] = cats.get(c["category"], 0) + 1
print(len(cases), "cases")
for k, v in cats.items():
    print(f"  {k}: {v}")
