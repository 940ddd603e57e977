#!/usr/bin/env bash
# The Debian packages the tests need, checked before `npm test` runs them.
# Missing ones are installed when this runs as root (apt-get); otherwise it
# stops with the exact command to run.
set -euo pipefail

# Independent .xlsx readers (tests/node/xlsx-readers.test.ts and the upload
# round trips): openpyxl, LibreOffice headless (CSV and PDF), poppler
# (pdfinfo, pdftotext, pdftoppm), Liberation Serif (Times New Roman's metrics);
# the written report's readers (tests/node/report-docx-readers.test.ts):
# python-docx and LibreOffice Writer headless;
# Chromium for the end-to-end tests (tests/e2e, driven by playwright-core).
packages=(python3-openpyxl python3-docx libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-liberation chromium)

missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Thiếu gói Debian / Missing Debian packages: ${missing[*]}" >&2
  echo "Chạy / Run: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "Cài gói Debian còn thiếu / Installing missing Debian packages: ${missing[*]}" >&2
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
