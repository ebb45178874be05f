#!/bin/sh
# Runs once, when the postgres container initialises an empty data volume: the two roles of
# db/postgresql/roles.sql (owner for Flyway, app role under row-level security) and the
# database, owned by the owner role. The superuser stays inside this container.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$CAIRN_DB_OWNER_PASSWORD" -v app_password="$CAIRN_DB_APP_PASSWORD" \
  -f /cairn/roles.sql
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -c "CREATE DATABASE cairn OWNER cairn_owner"
