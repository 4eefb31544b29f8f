"""Keep the codec each article's raw input was decoded with.

``raw`` holds decoded text; with the codec recorded, ``eventwire.ingest.decode.encode_raw``
gives the input's bytes back, so a wrong guess of an undeclared encoding can be re-read.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add articles.raw_encoding (a Python codec name; NULL for articles stored before)."""
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("raw_encoding", sa.String(32), nullable=True))


def downgrade() -> None:
    """Drop articles.raw_encoding."""
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("raw_encoding")
