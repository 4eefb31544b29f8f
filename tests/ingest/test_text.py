"""Plain-text files: decoding and the records they become."""

from __future__ import annotations

import hashlib
from pathlib import Path

NEWS = "The café on Main Street reopened on Monday, its owner said “we are back” — to applause.\n"


def test_text_file_becomes_one_text_article(tmp_path: Path, ingest) -> None:
    path = tmp_path / "outlet" / "story.txt"
    path.parent.mkdir()
    path.write_text("Headline here\n\nFirst paragraph of the story.\n", encoding="utf-8")
    (read,) = ingest(path)
    (article,) = read.articles
    assert read.origin == article.origin == str(path)
    assert article.format == "text"
    assert article.raw == article.text == "Headline here\n\nFirst paragraph of the story.\n"
    assert article.title is None and article.published is None and article.url is None
    assert article.source == "outlet"
    key = f"outlet\0\0{article.raw}"
    assert article.content_hash == hashlib.sha256(key.encode()).hexdigest()


def test_suffixes_text_and_none_are_text(tmp_path: Path, ingest) -> None:
    (tmp_path / "a.text").write_text("An article with the .text suffix.", encoding="utf-8")
    (tmp_path / "b").write_text("An article with no suffix at all.", encoding="utf-8")
    files = ingest(tmp_path)
    assert [[a.format for a in f.articles] for f in files] == [["text"], ["text"]]


def read_text_of(path: Path, ingest) -> str:
    (read,) = ingest(path)
    (article,) = read.articles
    return article.text


def test_cp1252_news_text_decodes(tmp_path: Path, ingest) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(NEWS.encode("cp1252"))
    assert read_text_of(path, ingest) == NEWS


def test_latin1_text_decodes(tmp_path: Path, ingest) -> None:
    text = "Le maire a déclaré que la fête aura lieu à Noël, malgré la pluie.\n" * 3
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert read_text_of(path, ingest) == text


def test_utf16_with_bom_decodes(tmp_path: Path, ingest) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(NEWS.encode("utf-16"))  # little-endian with a BOM
    assert read_text_of(path, ingest) == NEWS


def test_utf16_big_endian_with_bom_decodes(tmp_path: Path, ingest) -> None:
    path = tmp_path / "wide-be.txt"
    path.write_bytes(b"\xfe\xff" + NEWS.encode("utf-16-be"))
    assert read_text_of(path, ingest) == NEWS


def test_utf8_bom_is_removed(tmp_path: Path, ingest) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + NEWS.encode("utf-8"))
    assert read_text_of(path, ingest) == NEWS


def test_same_content_same_hash_different_content_different_hash(tmp_path: Path, ingest) -> None:
    (tmp_path / "a.txt").write_text("Same story.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same story.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Other story.", encoding="utf-8")
    hashes = [a.content_hash for f in ingest(tmp_path) for a in f.articles]
    assert hashes[0] == hashes[1] != hashes[2]


def test_seeds_are_two_text_articles(seeds: Path, ingest) -> None:
    files = ingest(seeds)
    assert [f.origin for f in files] == sorted(str(p) for p in seeds.glob("*.txt"))
    assert all(not f.rejections for f in files)
    articles = [a for f in files for a in f.articles]
    assert len(articles) == 2
    assert all(a.format == "text" and len(a.text) > 500 for a in articles)
    assert articles[0].content_hash != articles[1].content_hash


def test_text_with_escape_sequences_is_stored_without_them(tmp_path: Path, ingest) -> None:
    path = tmp_path / "evil.txt"
    data = "Headline\x1b]2;window title\x07\r\n\r\nBody \x1b[2Jtext\x08 here.\r\n" + NEWS * 2
    path.write_bytes(data.encode("utf-8"))
    (read,) = ingest(path)
    (article,) = read.articles
    assert article.text == "Headline\n\nBody text here.\n" + NEWS * 2
    assert article.raw == data
    assert article.raw.encode(article.raw_encoding) == path.read_bytes()
