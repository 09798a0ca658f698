"""each claim's detection analysis and block keys, for detection after an ingest

Revision ID: 0008
Revises: 0007

`claim_blocks` holds, per claim, the keys of the blocks each detector puts
it in (a place's control, a state, a quantity and its subject, a shared
object, a plan topic, a denying statement, a speaker name token or content
word a denial may reach); indexed by key, so detection after an ingest finds
the blocks of the new claims and their members without reading every claim.
`claim_analysis` keeps what the dispute detector read from a claim in its
article (its speaker's side and its normalised assertions, JSON), so a block
is compared without reading its articles again.  `contradictions.block` is
the block a finding was made in (what detection after an ingest replaces);
`detection_state` holds the inputs every claim's analysis depends on (the
names learned from all articles, the subjects each quantity has), so a
change of them sends detection back to a full run.  `word_counts` counts the
claims holding each content word (a denial naming no source reaches other
claims only by words in at most 50 claims: `claim_blocks` posts a claim
under its content words only while they are that rare).

Create Date: 2026-12-03 11:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'claim_blocks',
        sa.Column('claim_id', sa.Integer(), sa.ForeignKey('claims.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('key', sa.String(200), primary_key=True),
    )
    op.create_index('ix_claim_blocks_key', 'claim_blocks', ['key', 'claim_id'])
    op.create_table(
        'claim_analysis',
        sa.Column('claim_id', sa.Integer(), sa.ForeignKey('claims.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('data', sa.JSON(), nullable=True),
    )
    op.create_table(
        'detection_state',
        sa.Column('name', sa.String(40), primary_key=True),
        sa.Column('value', sa.Text(), nullable=False),
    )
    op.create_table(
        'word_counts',
        sa.Column('word', sa.String(200), primary_key=True),
        sa.Column('n', sa.Integer(), nullable=False),
    )
    op.add_column('contradictions', sa.Column('block', sa.String(200), nullable=True))
    op.create_index('ix_contradictions_block', 'contradictions', ['block'])


def downgrade() -> None:
    op.drop_index('ix_contradictions_block', table_name='contradictions')
    with op.batch_alter_table('contradictions') as batch:
        batch.drop_column('block')
    op.drop_table('word_counts')
    op.drop_table('detection_state')
    op.drop_table('claim_analysis')
    op.drop_index('ix_claim_blocks_key', table_name='claim_blocks')
    op.drop_table('claim_blocks')
