"""One bookkeeping table for every stage: which stage ran on which article or story.

Replaces ``entity_runs``. Existing databases carry over as done at version 1: processed
articles for ``dedup`` and ``stories``, entity-read articles for ``entities``, and stories
with an entity-read article for ``actors`` and ``time``; nothing is processed again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from eventwire.store.schema import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CARRIED_VERSION = 1
ARTICLE_STAGES_DONE_WHEN_PROCESSED = ("dedup", "stories")
STORY_STAGES_DONE_WHEN_READ = ("actors", "time")


def upgrade() -> None:
    """Create stage_runs, record what earlier versions did, and drop entity_runs."""
    _create_stage_runs()
    for stage in ARTICLE_STAGES_DONE_WHEN_PROCESSED:
        op.execute(
            "INSERT INTO stage_runs (stage, article_id, version, status, ran_at) "
            f"SELECT '{stage}', id, {CARRIED_VERSION}, 'ok', processed_at FROM articles "
            "WHERE processed_at IS NOT NULL ORDER BY id"
        )
    op.execute(
        "INSERT INTO stage_runs (stage, article_id, version, status, ran_at) "
        f"SELECT 'entities', article_id, {CARRIED_VERSION}, 'ok', ran_at FROM entity_runs "
        "ORDER BY article_id"
    )
    for stage in STORY_STAGES_DONE_WHEN_READ:
        op.execute(
            "INSERT INTO stage_runs (stage, story_id, version, status, ran_at) "
            f"SELECT '{stage}', s.story_id, {CARRIED_VERSION}, 'ok', MAX(e.ran_at) "
            "FROM story_articles s JOIN entity_runs e ON e.article_id = s.article_id "
            "GROUP BY s.story_id ORDER BY s.story_id"
        )
    op.drop_table("entity_runs")


def downgrade() -> None:
    """Recreate entity_runs from the entities runs and drop stage_runs."""
    op.create_table(
        "entity_runs",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("ran_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_entity_runs_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_entity_runs")),
    )
    op.execute(
        "INSERT INTO entity_runs (article_id, ran_at) SELECT article_id, ran_at "
        "FROM stage_runs WHERE stage = 'entities' AND article_id IS NOT NULL"
    )
    op.drop_table("stage_runs")


def _create_stage_runs() -> None:
    op.create_table(
        "stage_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("story_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("ran_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_stage_runs_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_stage_runs_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_runs")),
        sa.UniqueConstraint("stage", "article_id", name=op.f("uq_stage_runs_stage_article_id")),
        sa.UniqueConstraint("stage", "story_id", name=op.f("uq_stage_runs_stage_story_id")),
    )
    op.create_index("ix_stage_runs_status", "stage_runs", ["status"])
