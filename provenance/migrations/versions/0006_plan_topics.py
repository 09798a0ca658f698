"""plan topics, names, subject words and revisions

Revision ID: 0006
Revises: 0005
A plan file carries its own topics (slug -> description and cues), the phrases
that name the plan in an article, the words that show an article is about its
negotiation, and, for a revision, which earlier point each of its points
revises.  The linker builds its index from these, so a plan's topics need no
entry in the tool's rules.

Create Date: 2026-12-03 07:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('plans') as batch:
        batch.add_column(sa.Column('topics', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('names', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('subject', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('revises', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('plans') as batch:
        batch.drop_column('revises')
        batch.drop_column('subject')
        batch.drop_column('names')
        batch.drop_column('topics')
