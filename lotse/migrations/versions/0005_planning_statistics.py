"""planning statistics (reserved for issue 11): unmet counts, a demonstration marker, month roll-ups

The `planner` role needs no schema change (roles are not constrained in the database).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The primary key takes `demo`, so demonstration counts are rows of their own: SQLite rebuilds the table.
    with op.batch_alter_table('route_stat', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('demo', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('unmet', sa.Integer(), nullable=False, server_default='0'))
        batch_op.drop_constraint('pk_route_stat', type_='primary')
        batch_op.create_primary_key('pk_route_stat', ['day', 'district_id', 'need_code', 'demo'])
    with op.batch_alter_table('route_stat') as batch_op:
        batch_op.alter_column('demo', server_default=None)
        batch_op.alter_column('unmet', server_default=None)
    op.create_table('route_stat_month',
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('district_id', sa.String(length=64), nullable=False),
    sa.Column('need_code', sa.String(length=40), nullable=False),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('unmet', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('month', 'district_id', 'need_code', 'demo', name=op.f('pk_route_stat_month'))
    )


def downgrade() -> None:
    op.drop_table('route_stat_month')
    op.execute(sa.text("DELETE FROM route_stat WHERE demo"))
    with op.batch_alter_table('route_stat', recreate='always') as batch_op:
        batch_op.drop_constraint('pk_route_stat', type_='primary')
        batch_op.create_primary_key('pk_route_stat', ['day', 'district_id', 'need_code'])
        batch_op.drop_column('unmet')
        batch_op.drop_column('demo')
