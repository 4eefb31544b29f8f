"""Initial schema: sources, articles, cleaning notes, duplicate links, stories.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from eventwire.store.schema import HASH_LENGTH, UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create every table and index."""
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    _create_articles()
    _create_cleaning_notes()
    _create_duplicate_links()
    _create_stories()


def downgrade() -> None:
    """Drop everything, dependants first."""
    for table in ("story_articles", "stories", "duplicate_links", "cleaning_notes"):
        op.drop_table(table)
    op.drop_table("articles")
    op.drop_table("sources")


def _create_articles() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("blocks_json", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("published_at", UTCDateTime(), nullable=True),
        sa.Column("published_offset_minutes", sa.Integer(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=True),
        sa.Column("ingested_at", UTCDateTime(), nullable=False),
        sa.Column("content_hash", sa.String(HASH_LENGTH), nullable=False),
        sa.Column("text_hash", sa.String(HASH_LENGTH), nullable=False),
        sa.Column("processed_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_articles_source_id_sources")
        ),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    op.create_index(op.f("ix_articles_source_id"), "articles", ["source_id"])
    op.create_index(op.f("ix_articles_text_hash"), "articles", ["text_hash"])
    op.create_index(op.f("ix_articles_processed_at"), "articles", ["processed_at"])


def _create_cleaning_notes() -> None:
    op.create_table(
        "cleaning_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cleaning_notes")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_cleaning_notes_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("article_id", "seq", name=op.f("uq_cleaning_notes_article_id_seq")),
    )


def _create_duplicate_links() -> None:
    op.create_table(
        "duplicate_links",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("copy_of", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_duplicate_links")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_duplicate_links_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["copy_of"], ["articles.id"], name=op.f("fk_duplicate_links_copy_of_articles")
        ),
    )
    op.create_index(op.f("ix_duplicate_links_copy_of"), "duplicate_links", ["copy_of"])


def _create_stories() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("first_seen", UTCDateTime(), nullable=True),
        sa.Column("last_seen", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index(op.f("ix_stories_last_seen"), "stories", ["last_seen"])
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_story_articles")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_story_articles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_articles_story_id_stories"),
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])
