"""offer accessibility and how-to-apply (reserved for issue 14)

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('service', schema=None) as batch_op:
        # Codes of lotse.directory.accessibility (step-free access, wheelchair toilet, hearing loop, ...).
        batch_op.add_column(sa.Column('accessibility', sa.JSON(), nullable=True))
        # "Bitte mitbringen": what a person brings to the first visit (HSDS required_document, as text).
        batch_op.add_column(sa.Column('required_documents', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_column('required_documents')
        batch_op.drop_column('accessibility')
