#!/bin/sh
# compose.yaml's PostgreSQL, first start only: the app's runtime role (README, Database
# roles). The superuser POSTGRES_USER owns the tables and runs the migrations.
set -eu
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE purwantara_app LOGIN PASSWORD :'app_password';
SQL
