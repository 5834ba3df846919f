#!/usr/bin/env bash
# Regenerates the format fixtures in this folder from seed 001 (see README.md). Needs Maven, and LibreOffice with
# a CJK font for the PDF and the DOC (Debian: apt-get install libreoffice-writer-nogui fonts-noto-cjk).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/../../../.." && pwd)"
cd "$project"
mvn -B -q -o test -Dtest=RegenerateFormatFixtures -Dfixtures.regenerate=true -Dfixtures.dir="$here" \
    -Dsurefire.failIfNoSpecifiedTests=false
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for target in pdf doc; do
  soffice -env:UserInstallation="file://$profile" --headless --norestore \
      --convert-to "$target" --outdir "$here" "$here/weihai-ylbzj-2021.docx"
done
ls -l "$here"
