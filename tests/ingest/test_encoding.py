"""Undeclared legacy encodings: the decoding whose letters are plausible wins, and the codec
used is kept so the input's bytes can be rebuilt from the stored text."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from eventwire.ingest.decode import decode_text, encode_raw
from tests.conftest import run_eventwire

# Short and long texts in languages whose letters the Latin code pages map differently.
TEXTS = {
    "french-german-short": "Genève et la naïve Zürich",
    "french-word": "Une idée naïve.",
    "french-german-mixed": (
        "Die Konferenz in Genève war naïve, sagte der Bürgermeister über die Straße in Köln."
    ),
    "french-short": "Le préfet a été très déçu à Genève.",
    "french-long": (
        "À Genève, le délégué français a déclaré que la décision était prématurée. Les élèves "
        "naïfs ont été très déçus; où est la forêt? Noël approche, c'est bientôt l'été."
    ),
    "french-typography": (
        "« L’économie va mieux », a déclaré le ministre — même si l’été fut difficile."
    ),
    "german-short": "Größere Städte in Österreich.",
    "german-long": (
        "Die Bürger in München und Köln äußerten sich über die Maßnahmen der Regierung. "
        "Größere Städte müssen künftig mehr für öffentliche Verkehrsmittel ausgeben."
    ),
    "czech-short": "Příliš žluťoučký kůň úpěl ďábelské ódy",
    "czech-sentence": "Vláda schválila zákon.",
    "czech-long": (
        "Vláda České republiky schválila v pondělí návrh zákona, který má zpřísnit pravidla "
        "pro prodej alkoholu. Ministr zdravotnictví řekl, že změny začnou platit příští rok."
    ),
    "polish-short": "Rząd ogłosił w środę nowe przepisy.",
    "polish-long": (
        "Rząd Polski ogłosił w środę, że wprowadzi nowe przepisy dotyczące ochrony "
        "środowiska. Minister powiedział, że zmiany wejdą w życie w przyszłym roku."
    ),
    "hungarian": "Az árvíztűrő tükörfúrógép működése.",
    "spanish": "El niño comió piñas en España, según el periódico.",
}
CODECS = ("latin-1", "cp1252", "cp1250", "iso8859-2")
CASES = [
    pytest.param(text, codec, id=f"{name}-{codec}")
    for name, text in TEXTS.items()
    for codec in CODECS
    if text.encode(codec, errors="ignore").decode(codec) == text  # the codec can write it
]


@pytest.mark.parametrize(("text", "codec"), CASES)
def test_undeclared_legacy_text_decodes_to_its_own_letters(text: str, codec: str) -> None:
    data = text.encode(codec)
    decoded = decode_text(data)
    assert decoded.text == text
    assert encode_raw(decoded.text, decoded.encoding) == data


# Other languages, each in the code pages its text was really written in.
MORE_TEXTS = {
    "slovak": ("Ľudia v Košiciach čakajú na nový zákon o ochrane životného prostredia.", "cp1250"),
    "croatian": ("Vlada je u četvrtak najavila nove mjere za pomoć poduzetnicima.", "cp1250"),
    "slovene": (
        "Vlada je v sredo sprejela nov zakon o varstvu okolja, je dejal minister.",
        "iso8859-2",
    ),
    "hungarian": ("A kormány csütörtökön új intézkedéseket jelentett be.", "iso8859-2"),
    "lithuanian": ("Lietuvos vyriausybė ketvirtadienį paskelbė naujas priemones.", "cp1257"),
    "latvian": ("Latvijas valdība ceturtdien paziņoja par jauniem pasākumiem.", "cp1257"),
    "turkish": ("Türkiye hükümeti perşembe günü yeni önlemler açıkladı.", "cp1254"),
    "finnish": ("Suomen hallitus ilmoitti torstaina uusista ympäristönsuojelutoimista.", "cp1252"),
    "spanish": ("El Gobierno español anunció el jueves nuevas medidas de protección.", "cp1252"),
    "italian": ("Il governo ha annunciato giovedì nuove misure: è così perché può.", "cp1252"),
    "portuguese": ("O governo anunciou na quinta-feira novas medidas de proteção.", "cp1252"),
    "danish": (
        "Regeringen meddelte torsdag nye foranstaltninger til beskyttelse af miljøet.",
        "cp1252",
    ),
    "icelandic": ("Ríkisstjórnin tilkynnti á fimmtudag nýjar aðgerðir í Þingvöllum.", "cp1252"),
}


@pytest.mark.parametrize(("text", "codec"), MORE_TEXTS.values(), ids=MORE_TEXTS.keys())
def test_other_languages_decode_to_their_own_letters(text: str, codec: str) -> None:
    assert decode_text(text.encode(codec)).text == text


def test_genf_in_latin_1_is_not_read_as_czech(tmp_path: Path, ingest) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(TEXTS["french-german-mixed"].encode("latin-1"))
    (read,) = ingest(path)
    (article,) = read.articles
    assert "Genève" in article.text and "naïve" in article.text
    assert article.raw.encode(article.raw_encoding) == path.read_bytes()


def test_other_scripts_keep_the_detectors_decoding() -> None:
    text = "Правительство России объявило в среду о новых мерах по защите окружающей среды."
    assert decode_text(text.encode("cp1251")).text == text


@pytest.mark.parametrize(
    "bom_codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
)
def test_bytes_with_a_byte_order_mark_round_trip(bom_codec: str) -> None:
    text = "Genève, Zürich, Praha: přiliš žluťoučký.\r\nSecond line."
    bom = {
        "utf-8-sig": b"",
        "utf-16": b"",
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[bom_codec]
    data = bom + text.encode(bom_codec)
    decoded = decode_text(data)
    assert decoded.text == text
    assert encode_raw(decoded.text, decoded.encoding) == data


def write_inputs(folder: Path) -> dict[str, bytes]:
    """One input of each reader, in a legacy encoding; returns name -> bytes of each article."""
    french = TEXTS["french-long"]
    page = (
        "<!DOCTYPE html><html><head><title>Genève</title></head><body><article>"
        f"<h1>Genève</h1><p>{french}</p><p>{french}</p></article></body></html>"
    )
    lines = [
        json.dumps({"text": TEXTS["polish-long"]}, ensure_ascii=False),
        json.dumps({"text": TEXTS["czech-long"]}, ensure_ascii=False),
    ]
    files = {
        "note.txt": TEXTS["german-long"].encode("cp1252"),
        "page.html": page.encode("latin-1"),
        "page2.html.gz": gzip.compress(page.encode("cp1252")),
        "lines.jsonl": "\r\n".join(lines).encode("cp1250"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {
        "note.txt": files["note.txt"],
        "page.html": files["page.html"],
        "page2.html.gz": page.encode("cp1252"),
        "lines.jsonl:1": lines[0].encode("cp1250"),
        "lines.jsonl:2": lines[1].encode("cp1250"),
    }


def test_every_reader_keeps_the_codec_that_gives_the_bytes_back(tmp_path: Path, ingest) -> None:
    expected = write_inputs(tmp_path)
    articles = [a for f in ingest(tmp_path) for a in f.articles]
    rebuilt = {Path(a.origin).name: encode_raw(a.raw, a.raw_encoding) for a in articles}
    assert rebuilt == expected


def test_the_codec_is_stored_with_the_article(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "genf.txt"
    path.write_bytes(("Genève\n\n" + TEXTS["french-german-mixed"]).encode("latin-1"))
    assert run_eventwire(db_url, "--quiet", "ingest", str(path)).code == 0
    shown = run_eventwire(db_url, "article", "1", "--json").json()
    assert shown["raw_encoding"] == "cp1252"
    assert "Genève" in shown["title"] + json.dumps(shown["blocks"], ensure_ascii=False)
