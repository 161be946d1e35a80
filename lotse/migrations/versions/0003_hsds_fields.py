"""HSDS fields kept as they arrived (reserved for issue 12)

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The records as they arrived, so an export gives back every field Lotse does not model itself.
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.add_column(sa.Column('original', sa.JSON(), nullable=True))
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.add_column(sa.Column('original', sa.JSON(), nullable=True))
    # Where an opening-hours row came from: null (the service), "location" or "service_at_location".
    with op.batch_alter_table('schedule', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=30), nullable=True))
    # Fields of foreign taxonomy terms Lotse keeps but does not interpret (taxonomy_detail, UK "term", ...).
    with op.batch_alter_table('taxonomy_term', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extra', sa.JSON(), nullable=True))
    # An attribute may name a term that is not (yet) known: keep it instead of dropping it.
    with op.batch_alter_table('attribute', schema=None) as batch_op:
        batch_op.drop_constraint('fk_attribute_taxonomy_term_id_taxonomy_term', type_='foreignkey')
        batch_op.add_column(sa.Column('link_entity', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('link_id', sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f('ix_attribute_taxonomy_term_id'), ['taxonomy_term_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('attribute', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attribute_taxonomy_term_id'))
        batch_op.drop_column('link_id')
        batch_op.drop_column('link_entity')
    op.execute(
        "DELETE FROM attribute WHERE taxonomy_term_id NOT IN (SELECT id FROM taxonomy_term)"
    )
    with op.batch_alter_table('attribute', schema=None) as batch_op:
        batch_op.create_foreign_key(
            'fk_attribute_taxonomy_term_id_taxonomy_term', 'taxonomy_term', ['taxonomy_term_id'], ['id']
        )
    with op.batch_alter_table('taxonomy_term', schema=None) as batch_op:
        batch_op.drop_column('extra')
    with op.batch_alter_table('schedule', schema=None) as batch_op:
        batch_op.drop_column('scope')
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('original')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_column('original')
