"""Keep the authors (bylines) an article's input states.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add articles.authors_json (a JSON list of names; NULL when none were stated)."""
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("authors_json", sa.Text(), nullable=True))


def downgrade() -> None:
    """Drop articles.authors_json."""
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("authors_json")
