#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: Chromium for the browser tests,
# fonts that cover Vietnamese for screenshots and documents, poppler-utils to read PDFs back,
# LibreOffice Writer and Calc (without their GUI) to open the .docx and .xlsx files the documents
# builders write and print them to PDF as a clerk would.
# Never downloads a browser of its own.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -q 'Liberation Serif' || missing+=(fonts-liberation2)
fc-list 2>/dev/null | grep -q 'Carlito' || missing+=(fonts-crosextra-carlito)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
# Calc brings no command of its own: ask dpkg whether its package is installed
dpkg-query -W -f='${Status}' libreoffice-calc-nogui 2>/dev/null | grep -q 'install ok installed' ||
  missing+=(libreoffice-calc-nogui)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Cài gói Debian còn thiếu / installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Cần quyền root: chạy 'sudo apt-get install -y --no-install-recommends ${missing[*]}'" >&2
  echo "Root needed: run 'sudo apt-get install -y --no-install-recommends ${missing[*]}'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
