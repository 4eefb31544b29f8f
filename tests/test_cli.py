"""End-to-end tests through the `eventwire` command on temporary databases.

Tests that only read the seeds' stories share one database built once per session
(``seeded_db``: a copy per test); the others run the pipeline themselves.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.conftest import DATA, run_eventwire


def list_stories(db_url: str, *args: str) -> list[dict]:
    """The stories of `stories --json` (the items of its first page)."""
    page = run_eventwire(db_url, "stories", "--json", *args).json()
    assert isinstance(page, dict) and page["next"] is None
    return page["items"]


def test_seeds_form_one_story_of_two_outlets(seeded_db: str) -> None:
    stories = list_stories(seeded_db)
    assert len(stories) == 1
    story = stories[0]
    assert set(story) >= {"id", "title", "first_seen", "last_seen", "articles"}
    assert len(story["articles"]) == 2
    assert {a["source"] for a in story["articles"]} == {"outlet-a", "outlet-b"}
    for item in story["articles"]:
        assert set(item) >= {"id", "source", "url", "title", "published_at", "copy_of"}
        assert item["copy_of"] is None


def test_seed_articles_are_cleaned(seeded_db: str) -> None:
    db_url = seeded_db
    story = list_stories(db_url)[0]
    by_source = {a["source"]: a for a in story["articles"]}

    first = run_eventwire(db_url, "article", str(by_source["outlet-a"]["id"]), "--json").json()
    assert first["title"] == "Russia, Oman urge diplomacy on Iran after Muscat talks"
    assert first["published_at"] is None
    assert first["text"].startswith(
        "Russian Foreign Minister Sergey Lavrov and Omani Foreign Minister Badr Albusaidi"
        " held a phone call Sunday"
    )
    assert first["text"].endswith("long-term agreements for regional security.")  # closing kept
    assert "Advertisement" not in first["text"]
    assert "Comments you share" not in first["text"]
    assert sum(block["kind"] == "heading" for block in first["blocks"]) == 3

    second = run_eventwire(db_url, "article", str(by_source["outlet-b"]["id"]), "--json").json()
    title = "Lavrov and Oman's Foreign Minister Discuss US-Iran Talks in Phone Call"
    assert second["title"] == title
    assert "Discuss US-Iran Talks" not in second["text"]
    assert second["published_at"].startswith("2026-02-08T16:46:00")
    assert second["published_at"].endswith("+00:00")
    assert second["updated_at"].startswith("2026-02-08T16:52:00")
    assert "2026-02-08T16:46" not in second["text"]
    assert "GMT" not in second["text"]
    assert not second["text"].startswith("date 2026-02-08")
    assert "International" not in second["text"]
    assert "said. The ministry" in second["text"]
    assert second["text"].count("The ministry also noted") == 1


def test_explain_lists_each_removal_with_its_rule(seeded_db: str) -> None:
    db_url = seeded_db
    ids = [a["id"] for a in list_stories(db_url)[0]["articles"]]
    notes = []
    for article_id in ids:
        data = run_eventwire(db_url, "article", str(article_id), "--explain", "--json").json()
        notes.extend(data["notes"])
    rules = {note["rule"] for note in notes}
    assert {"boilerplate", "timestamp", "dateline", "glued-sentence"} <= rules
    assert any(rule.startswith("repeated") for rule in rules)
    shown = run_eventwire(db_url, "article", str(ids[0]), "--explain")
    assert shown.code == 0 and "cleaning notes" in shown.stdout


def test_story_view_shows_articles_side_by_side(seeded_db: str) -> None:
    db_url = seeded_db
    story_id = list_stories(db_url)[0]["id"]
    shown = run_eventwire(db_url, "story", str(story_id))
    assert shown.code == 0
    assert "outlet-a" in shown.stdout and "outlet-b" in shown.stdout
    as_json = run_eventwire(db_url, "story", str(story_id), "--json").json()
    assert as_json["id"] == story_id and len(as_json["articles"]) == 2


def test_rerun_is_idempotent(seeded_db: str, seeded_store: Path) -> None:
    before = list_stories(seeded_db)
    again = run_eventwire(seeded_db, "run", str(seeded_store.parent / "seeds"))
    assert again.code == 0
    assert "already-stored 2" in again.stderr
    assert list_stories(seeded_db) == before


def test_exact_copy_is_linked_not_counted(db_url: str, seed_corpus: Path, tmp_path: Path) -> None:
    original = next(seed_corpus.glob("outlet-a/*.txt"))
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    text = original.read_text(encoding="utf-8").replace("\u2019", "'") + "\n\nShare this article"
    (mirror / "copy.txt").write_text(text, encoding="utf-8")
    run_eventwire(db_url, "--quiet", "run", str(seed_corpus))
    run_eventwire(db_url, "--quiet", "run", str(mirror))
    story = list_stories(db_url)
    assert len(story) == 1
    articles = story[0]["articles"]
    copies = [a for a in articles if a["copy_of"] is not None]
    assert len(articles) == 3 and len(copies) == 1
    assert copies[0]["source"] == "mirror"
    assert copies[0]["copy_of"] == next(a["id"] for a in articles if a["source"] == "outlet-a")


def test_identical_file_from_another_outlet_is_stored_as_a_copy(
    db_url: str, seed_corpus: Path, tmp_path: Path
) -> None:
    original = next(seed_corpus.glob("outlet-a/*.txt"))
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / original.name).write_bytes(original.read_bytes())
    run_eventwire(db_url, "--quiet", "run", str(seed_corpus))
    result = run_eventwire(db_url, "run", str(mirror))
    assert result.code == 0 and "already-stored" not in result.stderr
    articles = list_stories(db_url)[0]["articles"]
    copy = next(a for a in articles if a["source"] == "mirror")
    assert copy["copy_of"] == next(a["id"] for a in articles if a["source"] == "outlet-a")


def test_bad_inputs_are_named_and_the_batch_goes_on(
    db_url: str, seed_corpus: Path, tmp_path: Path
) -> None:
    bad = seed_corpus / "bad"
    bad.mkdir()
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (bad / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (bad / "broken.jsonl").write_text(
        '{"url": "https://example.org/a", "title": "A fine headline", "text": "'
        + "Officials met on Monday to discuss the budget. " * 5
        + '"}\n{"url": "https://example.org/b", "text": \n',
        encoding="utf-8",
    )
    (bad / "page.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (bad / "latin1.txt").write_bytes(
        "Caf\xe9 owners protest\n\nThe caf\xe9 owners of the old town protested on Monday "
        "against the new tax, which they say will close half of them.\n".encode("cp1252")
    )
    result = run_eventwire(db_url, "--quiet", "run", str(seed_corpus))
    assert result.code == 1
    rejected = result.stderr.split("input(s) rejected:")[1]
    for name in ("image.txt", "empty.txt", "broken.jsonl:2", "page.html"):
        assert name in rejected, result.stderr
    assert "latin1.txt" not in rejected
    lines = [line for line in rejected.splitlines() if line.strip()]
    assert len(lines) == 4
    titles = {a["title"] for s in list_stories(db_url) for a in s["articles"]}
    assert {"A fine headline", "Café owners protest"} <= titles
    assert len(titles) == 4


def test_a_missing_path_is_one_rejection_and_the_rest_of_the_batch_goes_on(
    db_url: str, tmp_path: Path
) -> None:
    present = tmp_path / "present.jsonl"
    present.write_text(
        json.dumps({"url": "https://e.example/1", "text": "Dock workers stayed out."})
    )
    result = run_eventwire(db_url, "run", str(tmp_path / "nowhere"), str(present))
    assert result.code == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "nowhere" in line]
    assert len(lines) == 1 and "no such file or directory" in lines[0], result.stderr
    stories = run_eventwire(db_url, "stories", "--json").json()["items"]
    assert [a["url"] for story in stories for a in story["articles"]] == ["https://e.example/1"]


def test_unknown_story_and_article(seeded_db: str) -> None:
    db_url = seeded_db
    assert run_eventwire(db_url, "story", "999").code == 1
    missing = run_eventwire(db_url, "article", "999", "--json")
    assert missing.code == 1 and missing.json() == {
        "ok": False,
        "error": "article 999 not found",
        "status": 404,
    }


def test_html_page_goes_through_the_pipeline(db_url: str, tmp_path: Path) -> None:
    pages = sorted((DATA / "extraction-scrapinghub" / "html").glob("*.html.gz"))[:3]
    if not pages:
        import pytest

        pytest.skip("extraction-scrapinghub pages not found")
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in pages:
        (folder / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
    result = run_eventwire(db_url, "--quiet", "run", str(folder))
    assert result.code == 0, result.stderr
    articles = [a for s in list_stories(db_url) for a in s["articles"]]
    assert len(articles) == 3
    assert all(a["url"] and a["title"] for a in articles)
    assert all(a["source"] and "." in a["source"] for a in articles)


def test_read_only_commands_do_not_create_a_database(tmp_path: Path) -> None:
    db_file = tmp_path / "absent" / "none.db"
    for command in (["stories"], ["story", "1"], ["article", "1"], ["actors"], ["status"]):
        result = run_eventwire(f"sqlite:///{db_file}", *command)
        assert result.code == 2 and "no database" in result.stderr
    assert not db_file.parent.exists()


def test_article_shows_its_dates_resolved_against_the_story(seeded_db: str) -> None:
    db_url = seeded_db
    articles = list_stories(db_url)[0]["articles"]
    undated = next(a for a in articles if a["source"] == "outlet-a")
    data = run_eventwire(db_url, "article", str(undated["id"]), "--json").json()
    times = {m["text"]: m["time"] for m in data["mentions"] if m.get("time")}
    assert times["Sunday"]["value"] == "2026-02-08"
    assert times["Sunday"]["anchor_inferred"] is True
    friday = next(value for text, value in times.items() if "Friday" in text)
    assert friday["value"] == "2026-02-06"
    shown = run_eventwire(db_url, "article", str(undated["id"]))
    assert "2026-02-08" in shown.stdout and "inferred from story" in shown.stdout


def test_publication_times_show_their_stated_offset_or_say_none_was_stated(
    db_url: str, tmp_path: Path
) -> None:
    lines = [
        {
            "source": "east",
            "url": "https://e.example/1",
            "published": "2026-02-08T19:46:00+03:00",
            "title": "Port strike enters its third day",
            "text": "Dock workers stayed out on Sunday.",
            "authors": ["Ana Ruiz"],
        },
        {
            "source": "west",
            "url": "https://w.example/2",
            "published": "2026-02-08T16:50:00",
            "title": "Ports idle as strike goes on",
            "text": "Dockers kept the port closed on Sunday.",
        },
    ]
    feed = tmp_path / "in.jsonl"
    feed.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert run_eventwire(db_url, "--quiet", "ingest", str(feed)).code == 0
    stated, unstated = (run_eventwire(db_url, "article", str(i), "--json").json() for i in (1, 2))
    assert stated["published_at"] == "2026-02-08T19:46:00+03:00"
    assert stated["published_zone_stated"] is True
    assert stated["authors"] == ["Ana Ruiz"] and unstated["authors"] == []
    assert unstated["published_at"] == "2026-02-08T16:50:00+00:00"
    assert unstated["published_zone_stated"] is False
    shown = run_eventwire(db_url, "article", "1").stdout
    assert "2026-02-08 19:46 +03:00" in shown and "by Ana Ruiz" in shown
    assert "16:50 UTC (zone not stated)" in run_eventwire(db_url, "article", "2").stdout


def test_global_options_are_accepted_after_the_command(seeded_db: str, tmp_path: Path) -> None:
    other = f"sqlite:///{tmp_path / 'other.db'}"  # the --db given first is overridden by the last
    after = run_eventwire(other, "stories", "--json", "--db", seeded_db, "-q")
    assert after.code == 0, after.stderr
    assert len(after.json()["items"]) == 1
    joined = run_eventwire(other, "story", "1", f"--db={seeded_db}", "--quiet")
    assert joined.code == 0 and "outlet-a" in joined.stdout
    config = tmp_path / "bad.toml"
    config.write_text("[nosuchsection]\n", encoding="utf-8")
    bad = run_eventwire(seeded_db, "stories", "--config", str(config))
    assert bad.code == 2 and "nosuchsection" in bad.stderr
    missing = run_eventwire(seeded_db, "stories", "--db")
    assert missing.code == 2 and "requires an argument" in missing.stderr


def test_run_accepts_db_after_the_paths(seed_corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "after.db"
    result = run_eventwire(
        f"sqlite:///{tmp_path / 'x.db'}",
        "run",
        str(seed_corpus),
        "--db",
        f"sqlite:///{target}",
        "-q",
    )
    assert result.code == 0, result.stderr
    assert target.exists() and not (tmp_path / "x.db").exists()


def test_lists_are_paged_and_errors_have_one_json_shape(seeded_db: str) -> None:
    first = run_eventwire(seeded_db, "actors", "--json", "--limit", "2").json()
    assert len(first["items"]) == 2 and first["next"]
    second = run_eventwire(seeded_db, "actors", "--json", "--limit", "2", "--cursor", first["next"])
    assert second.code == 0
    assert {a["id"] for a in first["items"]}.isdisjoint(a["id"] for a in second.json()["items"])
    plain = run_eventwire(seeded_db, "actors", "--limit", "2")
    assert f"--cursor {first['next']}" in plain.stderr
    bad = run_eventwire(seeded_db, "stories", "--json", "--cursor", first["next"])
    assert bad.code == 2
    assert bad.json() == {"ok": False, "error": bad.json()["error"], "status": 400}
    assert "another query" in bad.json()["error"]


def test_stories_filters(seeded_db: str) -> None:
    assert len(list_stories(seeded_db, "--outlet", "outlet-b")) == 1
    assert list_stories(seeded_db, "--outlet", "elsewhere") == []
    assert len(list_stories(seeded_db, "--actor", "Lavrov", "--since", "2026-02-08")) == 1
    assert list_stories(seeded_db, "--until", "2026-02-07") == []
    assert list_stories(seeded_db, "--text", "no such words") == []
    unknown = run_eventwire(seeded_db, "stories", "--actor", "Nobody At All", "--json")
    assert unknown.code == 1 and unknown.json()["status"] == 404


def test_stored_text_cannot_drive_the_terminal(db_url: str, tmp_path: Path) -> None:
    line = {
        "source": "out\u001b]0;x\u0007let",
        "url": "https://e.example/1",
        "title": "Port [/] strike \u001b[2J ends [bold]now",
        "text": "Dock workers \u001b[31mstayed out\u001b[0m on Sunday.",
    }
    feed = tmp_path / "in.jsonl"
    feed.write_text(json.dumps(line), encoding="utf-8")
    assert run_eventwire(db_url, "--quiet", "ingest", str(feed)).code == 0
    shown = run_eventwire(db_url, "article", "1")
    assert shown.code == 0, shown.stderr
    assert "\u001b" not in shown.stdout and "\u0007" not in shown.stdout
    assert "Port [/] strike" in shown.stdout and "[bold]now" in shown.stdout
    assert "Port [/] strike  ends [bold]now" in shown.stdout  # stripped when read


def test_control_characters_already_stored_are_escaped_when_printed(
    db_url: str, tmp_path: Path
) -> None:
    feed = tmp_path / "in.jsonl"
    feed.write_text(json.dumps({"url": "https://e.example/1", "text": "Dock workers stayed out."}))
    assert run_eventwire(db_url, "--quiet", "ingest", str(feed)).code == 0
    engine = create_engine(db_url)  # a database written before control characters were stripped
    with engine.begin() as conn:
        conn.execute(text("UPDATE articles SET title = 'Port \x1b[2J strike\x07'"))
    engine.dispose()
    shown = run_eventwire(db_url, "article", "1")
    assert shown.code == 0, shown.stderr
    assert "\u001b" not in shown.stdout and "\u0007" not in shown.stdout
    assert "Port \\x1b[2J strike\\x07" in shown.stdout


def test_events_filter_by_country_and_until_and_print_gdelt_tsv(seeded_db: str) -> None:
    def events(*args: str) -> list[dict]:
        return run_eventwire(seeded_db, "events", "--json", *args).json()["items"]

    every = events()
    russian = events("--country", "rus")
    assert russian and len(russian) < len(every)
    for event in russian:
        countries = {a["country"] for a in (*event["source"], *event["target"])}
        assert "RUS" in countries or (event["place"] or {}).get("country") == "RUS"
    days = sorted({e["date"] for e in every if e["date"]})
    assert {e["date"] for e in events("--until", days[0])} == {days[0]}
    assert run_eventwire(seeded_db, "events", "--country", "Russia").code == 2
    lines = run_eventwire(seeded_db, "events", "--tsv", "--country", "RUS").stdout.splitlines()
    assert lines[0].startswith("GlobalEventID\tDay\tActor1Code") and len(lines) == len(russian) + 1


def test_the_progress_bar_starts_no_thread_so_helpers_may_fork() -> None:
    """The facts stage forks helper processes only where no other thread runs: a bar drawn
    on a terminal must not start rich's refresh thread."""
    import io
    import threading

    from rich.console import Console

    from eventwire.cli.render import progress

    console = Console(file=io.StringIO(), force_terminal=True)
    before = threading.active_count()  # other tests' threads may still run
    with progress(console) as update:
        for done in range(60):
            update("facts", done, 100)
        during = threading.active_count()
    assert during == before
    assert "facts" in console.file.getvalue()
