"""Keep the original UTC offset of an article's update time, as for its publication time.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add articles.updated_offset_minutes (NULL: no zone stated, or no update time)."""
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("updated_offset_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop articles.updated_offset_minutes."""
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("updated_offset_minutes")
