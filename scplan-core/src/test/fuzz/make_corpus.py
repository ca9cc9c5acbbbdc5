#!/usr/bin/env python3
"""Writes the adversarial corpus of the input readers (run from the repository root).

Each document is a targeted corruption of a valid scenario or plan (the seeds named valid-*,
written by scplan itself from RandomScenarios.tiny(11) and its greedy plan, kept beside this
script). Every corrupted document must end in the library's ScenarioValidationException with
located problems; the valid-* seeds must be accepted. ReaderFuzzTest replays the directories as
its regression corpus and AdversarialCorpusTest checks each file's outcome. Re-running this
script rewrites the corpus byte for byte. A CSV reader gets its own directory and function.
"""
import base64
import json
import os
import re

ROOT = "scplan-core/src/test/resources/org/scplan/json/ReaderFuzzTestInputs"
SCENARIO_DIR = os.path.join(ROOT, "scenarioJson")
PLAN_DIR = os.path.join(ROOT, "planJson")


def put(directory, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(directory, name), "wb") as out:
        out.write(data)


def replace_once(text, old, new):
    assert old in text, old
    return text.replace(old, new, 1)


def sub_once(text, pattern, new):
    result, count = re.subn(pattern, new, text, count=1)
    assert count == 1, pattern
    return result


def common(directory, valid):
    """Syntax, encoding and limit corruptions that apply to any JSON document."""
    compact = json.dumps(json.loads(valid), separators=(",", ":"))
    version = '"formatVersion": 1'
    field = '"formatVersion": 1,'
    docs = {
        "empty": "",
        "whitespace-only": " \n\t\r\n ",
        "null": "null",
        "array": "[]",
        "string": '"scenario"',
        "number": "42",
        "boolean": "true",
        "empty-object": "{}",
        "format-version-only": '{"formatVersion": 1}',
        "format-version-2": replace_once(valid, version, '"formatVersion": 2'),
        "format-version-string": replace_once(valid, version, '"formatVersion": "1"'),
        "format-version-fraction": replace_once(valid, version, '"formatVersion": 1.5'),
        "format-version-huge": replace_once(valid, version, '"formatVersion": 99999999999999999999'),
        "format-version-missing": replace_once(valid, field, ""),
        "trailing-garbage": valid + "}",
        "two-documents": valid + valid,
        "trailing-comma": sub_once(valid, r"\n}\n$", ",\n}\n"),
        "line-comment": "// a comment\n" + valid,
        "block-comment": "/* a comment */" + valid,
        "single-quotes": replace_once(valid, '"formatVersion"', "'formatVersion'"),
        "unquoted-key": replace_once(valid, '"formatVersion"', "formatVersion"),
        "leading-zero": replace_once(valid, version, '"formatVersion": 01'),
        "hex-number": replace_once(valid, version, '"formatVersion": 0x1'),
        "plus-sign": replace_once(valid, version, '"formatVersion": +1'),
        "nan": replace_once(valid, version, '"formatVersion": NaN'),
        "infinity": replace_once(valid, version, '"formatVersion": Infinity'),
        "minus-infinity": replace_once(valid, version, '"formatVersion": -Infinity'),
        "number-too-long": replace_once(valid, version, '"formatVersion": 1' + "0" * 200),
        "exponent-huge": replace_once(valid, version, '"formatVersion": 1e999999999'),
        "duplicate-top-level-key": replace_once(valid, field, field + "\n  " + field),
        "unknown-top-level-field": replace_once(valid, field, field + '\n  "surprise": {"a": [1, 2]},'),
        "deep-array-nesting": "[" * 100_000 + "]" * 100_000,
        "deep-object-nesting": '{"a":' * 10_000 + "1" + "}" * 10_000,
        "deep-nesting-unclosed": "[" * 5_000,
        "deep-nesting-in-field": replace_once(valid, field, field + '\n  "x": ' + "[" * 70 + "]" * 70 + ","),
        "string-too-long": replace_once(valid, field, field + '\n  "x": "' + "A" * 1_000_001 + '",'),
        "name-too-long": replace_once(valid, field, field + '\n  "' + "k" * 60_000 + '": 1,'),
        "unterminated-string": '{"formatVersion": 1, "id": "abc',
        "control-character-in-string": replace_once(valid, field, field + '\n  "x": "a\x01b",'),
        "bad-escape": replace_once(valid, field, field + '\n  "x": "a\\qb",'),
        "lone-surrogate-escape": replace_once(valid, field, field + '\n  "x": "\\ud800",'),
        "nul-bytes": "\x00" * 64,
        "nul-inside": valid[:40] + "\x00" + valid[40:],
        "compact-truncated": compact[: len(compact) // 2],
        "no-closing-brace": valid.rstrip()[:-1],
        "missing-colon": replace_once(valid, version, '"formatVersion" 1'),
        "missing-comma": replace_once(valid, field, version),
        "bare-word": "scenario",
        "xml": '<?xml version="1.0"?><scenario/>',
        "yaml": "formatVersion: 1\nid: x\n",
        "csv": "id,name\np-1,Partner\n",
    }
    for name, text in docs.items():
        put(directory, name, text)
    for fraction in (0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99):
        put(directory, "truncated-%02d" % int(fraction * 100), valid[: int(len(valid) * fraction)])
    broken = replace_once(valid, version, '"formatVersion": 2')
    utf8 = valid.encode("utf-8")
    put(directory, "bom-utf8-broken", b"\xef\xbb\xbf" + broken.encode("utf-8"))
    put(directory, "bom-utf8-twice", b"\xef\xbb\xbf\xef\xbb\xbf" + utf8)
    put(directory, "bom-utf16le-with-utf8-body", b"\xff\xfe" + utf8)
    put(directory, "bom-utf16be-with-utf8-body", b"\xfe\xff" + utf8)
    put(directory, "bom-only", b"\xef\xbb\xbf")
    put(directory, "utf16le-broken", broken.encode("utf-16-le"))
    put(directory, "utf16be-bom-broken", b"\xfe\xff" + broken.encode("utf-16-be"))
    put(directory, "utf16le-truncated-odd-byte", valid.encode("utf-16-le")[:-1])
    put(directory, "utf32-broken", broken.encode("utf-32"))
    put(directory, "invalid-utf8-byte", utf8[:60] + b"\xff\xfe\xfd" + utf8[60:])
    put(directory, "overlong-utf8", utf8[:60] + b"\xc0\xaf" + utf8[60:])
    put(directory, "truncated-utf8-sequence", b'{"formatVersion": 1, "id": "\xe2\x82')
    put(directory, "random-binary", bytes((i * 37 + 11) % 256 for i in range(512)))
    put(directory, "gzip-magic", b"\x1f\x8b\x08\x00" + b"\x00" * 60)
    # Found by Jazzer: a UTF-32 guess with an impossible character (Jackson's CharConversionException).
    put(directory, "fuzz-found-invalid-utf32", base64.b64decode(
        "dAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAc3VycHJpfWVydWU="))
    # Found by Jazzer: a UCS-4 byte order Jackson does not support.
    put(directory, "fuzz-found-ucs4-2143", base64.b64decode("AAAvAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAGZvcm1hdHYgbGluZSAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAALwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAJvI="))


def writer(directory, valid):
    def mutated(name, change):
        copy = json.loads(valid)
        change(copy)
        put(directory, name, json.dumps(copy, indent=2, ensure_ascii=False) + "\n")

    return mutated


def scenario_documents(valid):
    d = SCENARIO_DIR
    mutated = writer(d, valid)
    put(d, "valid-tiny-11", valid)
    put(d, "valid-tiny-11-bom-utf8", b"\xef\xbb\xbf" + valid.encode("utf-8"))
    put(d, "valid-tiny-11-utf16be-bom", b"\xfe\xff" + valid.encode("utf-16-be"))
    name = '"name": "Tiny scenario 11"'
    put(d, "latin1-name", replace_once(valid, name, '"name": "Sc\u00e9nario \u00e0 Bandaria"').encode("latin-1"))
    put(d, "cp1252-quotes", replace_once(valid, name, '"name": "\u201cquoted\u201d"').encode("cp1252"))
    first_partner = json.loads(valid)["partners"][0]

    def first(key):
        return lambda s: s[key][0]

    def renamed(old, new):
        """Every string value equal to old (an id and its references) becomes new."""

        def rename(node):
            if isinstance(node, dict):
                for key, value in node.items():
                    node[key] = new if value == old else rename(value)
            elif isinstance(node, list):
                for i, value in enumerate(node):
                    node[i] = new if value == old else rename(value)
            return node

        return rename

    def set_in(path, value):
        def change(s):
            target = s
            for step in path[:-1]:
                target = target[step]
            target[path[-1]] = value

        return change

    appropriation = ["programs", 0, "appropriations", 0]
    mutated("id-number", set_in(["id"], 17))
    mutated("id-null", set_in(["id"], None))
    mutated("id-empty", set_in(["id"], ""))
    mutated("horizon-array", set_in(["horizon"], [2027, 2028]))
    mutated("horizon-reversed", set_in(["horizon"], {"firstFiscalYear": 2030, "lastFiscalYear": 2027}))
    mutated("horizon-year-fraction", set_in(["horizon", "firstFiscalYear"], 2027.5))
    mutated("horizon-year-huge", set_in(["horizon", "lastFiscalYear"], 10**12))
    mutated("horizon-year-string", set_in(["horizon", "firstFiscalYear"], "2027"))
    mutated("partners-object", set_in(["partners"], {"p-0": first_partner}))
    mutated("partners-null-element", lambda s: s["partners"].append(None))
    mutated("partners-string-element", lambda s: s["partners"].append("p-9"))
    mutated("duplicate-partner-id", lambda s: s["partners"].append(dict(first_partner)))
    mutated("duplicate-option-id", lambda s: s["options"].append(dict(s["options"][0])))
    mutated("duplicate-program-id", lambda s: s["programs"].append(dict(s["programs"][0])))
    mutated("duplicate-gap-id", lambda s: s["gaps"].append(dict(s["gaps"][0])))
    mutated("unknown-partner-reference", set_in(["gaps", 0, "partnerId"], "p-missing"))
    mutated("unknown-gap-reference", set_in(["options", 0, "gapId"], "g-missing"))
    mutated("unknown-program-reference", set_in(["options", 0, "programIds"], ["prog-missing"]))
    mutated("unknown-enum", set_in(["partners", 0, "combatantCommand"], "MOONCOM"))
    mutated("lowercase-enum", set_in(["partners", 0, "combatantCommand"], "africom"))
    mutated("enum-number", set_in(["partners", 0, "combatantCommand"], 3))
    mutated("propensity-above-one", set_in(["partners", 0, "propensity"], 1.5))
    mutated("propensity-negative", set_in(["partners", 0, "propensity"], -0.1))
    mutated("propensity-string", set_in(["partners", 0, "propensity"], "high"))
    mutated("propensity-boolean", set_in(["partners", 0, "propensity"], True))
    mutated("amount-negative", set_in(appropriation + ["amount"], -1000))
    mutated("amount-fractional", set_in(appropriation + ["amount"], 1000.5))
    mutated("amount-above-long", set_in(appropriation + ["amount"], 2**63))
    mutated("amount-string", set_in(appropriation + ["amount"], "1,000,000"))
    mutated(
        "amount-overflowing-sum",
        lambda s: s["programs"][0].__setitem__(
            "appropriations",
            [{"fiscalYear": 2027 + i, "amount": 2**62, "yearsAvailable": None} for i in range(3)],
        ),
    )
    mutated("cost-profile-empty", set_in(["options", 0, "costProfile"], []))
    mutated("cost-profile-negative", set_in(["options", 0, "costProfile"], [-5000]))
    mutated("cost-profile-nested", set_in(["options", 0, "costProfile"], [[1000]]))
    mutated("cost-profile-huge-array", set_in(["options", 0, "costProfile"], [1000] * 20_000))
    mutated("closure-above-one", set_in(["options", 0, "closure"], 1.01))
    mutated("risk-out-of-range", set_in(["gaps", 0, "risk", "likelihood"], 9))
    option_id = first("options")
    mutated(
        "prerequisite-self",
        lambda s: option_id(s).__setitem__("prerequisites", [{"optionId": option_id(s)["id"], "lagYears": 0}]),
    )
    mutated(
        "prerequisite-cycle",
        lambda s: (
            s["options"][0].__setitem__("prerequisites", [{"optionId": s["options"][1]["id"], "lagYears": 0}]),
            s["options"][1].__setitem__("prerequisites", [{"optionId": s["options"][0]["id"], "lagYears": 0}]),
        ),
    )
    mutated(
        "start-window-outside-horizon",
        lambda s: (
            s["options"][0].__setitem__("earliestStartFiscalYear", 2040),
            s["options"][0].__setitem__("latestStartFiscalYear", 2041),
        ),
    )
    mutated(
        "locked-unknown-option",
        set_in(["lockedDecisions"], [{"optionId": "o-missing", "programId": "prog-0", "startFiscalYear": 2027, "note": ""}]),
    )
    mutated("unknown-nested-field", set_in(["partners", 0, "colour"], "blue"))
    mutated("policy-wrong-type", set_in(["policy"], "strict"))
    mutated("tier-weights-bad-key", set_in(["policy"], {"tierWeights": {"first": 1.0}}))
    mutated("desire-by-role-array", set_in(["partners", 0, "desireByRole"], [0.5]))
    mutated("lists-null", lambda s: [s.__setitem__(k, None) for k in ("endStates", "partners", "gaps")])
    # Issue 20: ids and years the validator must refuse, whatever the readers let through. Each
    # breaks that one rule alone: an id is renamed wherever it is referenced, a lag kept acyclic.
    mutated("id-100000-characters", set_in(["id"], "s" * 100_000))
    mutated("id-escape-sequence", set_in(["id"], "tiny\u001b[2J\u001b]0;pwned\u0007"))
    mutated("partner-id-newline", renamed("p-0", "p-0\nforged line"))
    mutated("program-id-tab", renamed("prog-0", "prog\t0"))
    mutated("program-id-list-separator", renamed("prog-0", "prog;0"))
    mutated(
        "role-name-201-characters",
        lambda s: s["partners"][0]["desireByRole"].__setitem__("r" * 201, 0.5),
    )
    mutated("lead-time-int-max", set_in(["options", 0, "leadTimeYears"], 2**31 - 1))
    mutated("planning-lead-time-int-max", set_in(["programs", 0, "planningLeadTimeYears"], 2**31 - 1))
    mutated(
        "prerequisite-lag-int-max",
        lambda s: s["options"][1]["prerequisites"][0].__setitem__("lagYears", 2**31 - 1),
    )
    mutated(
        "many-unknown-partners",
        lambda s: s.__setitem__(
            "gaps", [dict(s["gaps"][0], id="g-x%d" % i, partnerId="nobody-%d" % i) for i in range(2_000)]
        ),
    )


def plan_documents(valid):
    d = PLAN_DIR
    mutated = writer(d, valid)
    put(d, "valid-tiny-11-greedy", valid)
    funded = lambda p: p["fundedOptions"][0]  # noqa: E731
    mutated("status-unknown-value", lambda p: p.__setitem__("status", "GREAT"))
    mutated("status-null", lambda p: p.__setitem__("status", None))
    mutated("risk-reduced-string", lambda p: p.__setitem__("riskReduced", "2.7"))
    mutated("funded-options-object", lambda p: p.__setitem__("fundedOptions", {}))
    mutated("funded-option-missing-field", lambda p: funded(p).pop("programId"))
    mutated("funded-option-extra-field", lambda p: funded(p).__setitem__("bonus", 1))
    mutated("cost-year-key-not-a-year", lambda p: funded(p).__setitem__("costByFiscalYear", {"next": 1000}))
    mutated("cost-fractional-dollars", lambda p: funded(p).__setitem__("costByFiscalYear", {"2028": 1000.25}))
    mutated("draw-amount-above-long", lambda p: funded(p)["draws"][0].__setitem__("amount", 2**64))
    mutated("draws-null-element", lambda p: funded(p)["draws"].append(None))
    mutated("unfunded-reason-code-unknown", lambda p: p["unfundedOptions"][0]["reason"].__setitem__("code", "BECAUSE"))
    mutated("unfunded-reason-array", lambda p: p["unfundedOptions"][0].__setitem__("reason", []))
    mutated("locked-string", lambda p: funded(p).__setitem__("locked", "false"))
    mutated("totals-missing", lambda p: p.pop("totals"))
    mutated("statistics-wrong-type", lambda p: p.__setitem__("statistics", 5))
    # Issue 20: a map key (an id) beyond the 200-character id limit is beyond the readers' too.
    mutated(
        "partner-key-201-characters",
        lambda p: p["totals"]["obligationsByPartner"].__setitem__("p" * 201, 0),
    )


def main():
    for directory in (SCENARIO_DIR, PLAN_DIR):
        os.makedirs(directory, exist_ok=True)
        for name in os.listdir(directory):
            os.remove(os.path.join(directory, name))
    fixtures = "scplan-core/src/test/fuzz"
    with open(os.path.join(fixtures, "tiny-11-scenario.json"), encoding="utf-8") as f:
        scenario = f.read()
    with open(os.path.join(fixtures, "tiny-11-plan.json"), encoding="utf-8") as f:
        plan = f.read()
    common(SCENARIO_DIR, scenario)
    scenario_documents(scenario)
    common(PLAN_DIR, plan)
    plan_documents(plan)


if __name__ == "__main__":
    main()
