"""contradiction sides

Revision ID: 0004
Revises: 0003
A contradiction found between assertions has two or more sides, each a
party asserting or denying something ("Russia controls Kupiansk" against
"Russia does not control Kupiansk"): `contradictions.sides` keeps them as a
JSON list of {party, assertion, stance}, and `contradiction_claims.side`
says which side each member claim is on (an index into that list).  Both
are empty for findings without sides (quantities, allocations, positions).

Create Date: 2026-12-03 07:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('contradictions', sa.Column('sides', sa.JSON(), nullable=True))
    op.add_column('contradiction_claims', sa.Column('side', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('contradiction_claims') as batch:
        batch.drop_column('side')
    with op.batch_alter_table('contradictions') as batch:
        batch.drop_column('sides')
