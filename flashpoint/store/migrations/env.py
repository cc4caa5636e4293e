"""Alembic environment: migrates the connection that open_store passes in."""

from alembic import context

from flashpoint.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
