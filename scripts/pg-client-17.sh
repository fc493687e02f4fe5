#!/usr/bin/env bash
# Test-only: PostgreSQL 17 pg_dump/pg_restore on a machine whose distribution ships only 15
# (Debian 12), for the tests of zstd/lz4 compression (pg_dump 16+). Debian 13's packages are
# fetched with apt into a private list (the machine's sources are left alone), unpacked into
# DEST with Debian 13's C library, and run through its loader by small wrapper scripts in
# DEST/bin. Nothing is installed system-wide. The product never uses this.
#   bash scripts/pg-client-17.sh [DEST]   (default ~/.cache/prisma-migrate-actions/pg-client-17)
set -euo pipefail
dest="${1:-${PMA_PG_CLIENT_17_DIR:-$HOME/.cache/prisma-migrate-actions/pg-client-17}}"
if [ -x "$dest/bin/pg_dump" ] && "$dest/bin/pg_dump" --version >/dev/null 2>&1; then
  echo "pg_dump 17 already in $dest/bin"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/debs"
# The Debian mirror this machine already uses (its main archive, not the security one), suite trixie.
shopt -s nullglob
mirror="$({ cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } |
  grep -oE '^(URIs:|deb) +[^ ]+' | awk '{print $2}' | grep -E '/debian/?$' | head -1 || true)"
[ -n "$mirror" ] || { echo "No Debian archive in this machine's apt sources" >&2; exit 1; }
echo "deb $mirror trixie main" >"$work/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives" -o APT::Sandbox::User=root)
apt-get "${apt_opts[@]}" update -qq
(cd "$work/debs" && apt-get "${apt_opts[@]}" download -qq postgresql-client-17 libpq5 libc6 libldap2 libzstd1)
rm -rf "$dest" && mkdir -p "$dest/bin"
for deb in "$work"/debs/*.deb; do dpkg -x "$deb" "$dest/root"; done
lib="$dest/root/usr/lib/x86_64-linux-gnu"
for tool in pg_dump pg_restore; do
  cat >"$dest/bin/$tool" <<WRAP
#!/bin/sh
exec "$lib/ld-linux-x86-64.so.2" --library-path "$lib:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu" "$dest/root/usr/lib/postgresql/17/bin/$tool" "\$@"
WRAP
  chmod 755 "$dest/bin/$tool"
done
"$dest/bin/pg_dump" --version
