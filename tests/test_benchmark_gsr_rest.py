"""The same-kind events check set: the OEDA gold records the dev file leaves out."""

from __future__ import annotations

import json

import pytest
from benchmarks.events import GSR_REST
from benchmarks.gsr_rest import DEV, rest_records


def _record(id_: str, text: str, event: str = "AGREE") -> dict:
    return {"id": id_, "text": text, "event": event, "source": [], "target": ""}


def test_the_rules_leave_out_dev_texts_twice_used_ids_and_placeholders() -> None:
    dev = [_record("D-1", "Norway agreed to send aid to Chad on Monday.")]
    source = [
        _record("S-1", "{Norway agreed to send aid to Chad on Monday.}"),  # the dev text
        _record("S-2", "Norway agreed to send more aid to Chad on Monday."),  # nearly it
        _record("S-3", "Peru recalled its ambassador from Chile."),
        _record("S-3", "Chile expelled two Peruvian diplomats."),  # an id used twice
        _record("S-4", "NEED EXAMPLE."),
        _record("S-5", "Mali praised Senegal's mediation.", "DIPLOMACY"),
        _record("S-6", "Mali praised  Senegal's mediation.", "DIPLOMACY"),  # the same text
    ]
    kept = rest_records(source, dev)
    assert [(r["id"], r["event"]) for r in kept] == [("S-5", "SUPPORT")]


@pytest.mark.skipif(not DEV.exists(), reason="the dev file is not in ../shared")
def test_the_set_holds_no_dev_text_and_only_the_dev_files_types() -> None:
    rest = json.loads(GSR_REST.read_text(encoding="utf-8"))
    dev = json.loads(DEV.read_text(encoding="utf-8"))
    assert len(rest) == 159 and len({r["id"] for r in rest}) == 159
    assert not {r["text"].strip(" {}") for r in rest} & {d["text"].strip(" {}") for d in dev}
    assert {r["event"] for r in rest} <= {d["event"] for d in dev}
