"""review history: who ruled

Revision ID: 0005
Revises: 0004
A ruling on a contradiction (`contradictions review`, the web view's
confirm / dismiss / reopen) records the reviewer's name beside its status,
note and time, so the history shown to fact-checkers says who decided.
Rulings made before this revision have no reviewer (NULL).

Create Date: 2026-12-03 07:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('contradiction_reviews') as batch:
        batch.add_column(sa.Column('reviewer', sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('contradiction_reviews') as batch:
        batch.drop_column('reviewer')
