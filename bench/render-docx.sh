#!/usr/bin/env bash
# Renders generated DOCX documents to PDF (LibreOffice headless) and PNG pages (pdftoppm) for a look.
# Not part of CI. Needs: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk
#
#   bench/render-docx.sh                 # demo data: bulletin and year summary of 盐湖区 (140802)
#   bench/render-docx.sh a.docx b.docx   # given files
#
# Environment: OUT (default /tmp/duban-render), DUBAN_DATA (default /tmp/duban-render/data),
# REGION (140802), PERIOD (last month), YEAR (this year), DPI (70).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/duban-render}
DPI=${DPI:-70}
mkdir -p "$OUT"
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk" >&2; exit 1; }
done

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  export DUBAN_DATA=${DUBAN_DATA:-$OUT/data}
  REGION=${REGION:-140802}
  PERIOD=${PERIOD:-$(date -u -d "$(date -u +%Y-%m-01) -1 day" +%Y-%m)}
  YEAR=${YEAR:-$(date -u +%Y)}
  node bin/duban.mjs demo --load-only >/dev/null
  node bin/duban.mjs report bulletin --region "$REGION" --period "$PERIOD" --out "$OUT/bulletin.docx"
  node bin/duban.mjs report summary --region "$REGION" --year "$YEAR" --out "$OUT/summary.docx" --sources
  files=("$OUT/bulletin.docx" "$OUT/summary.docx")
fi

# Official fonts are rarely installed on Linux: map them to the CJK fonts present, as a reader's
# machine without them would (宋/仿宋/楷 → serif, 黑体 → sans).
FC="$OUT/fonts.conf"
cat > "$FC" <<XML
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
$(for f in 方正小标宋简体 仿宋_GB2312 仿宋 楷体_GB2312 楷体 宋体; do echo "<alias binding=\"same\"><family>$f</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>"; done)
<alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
XML
export FONTCONFIG_FILE="$FC"

for f in "${files[@]}"; do
  name=$(basename "$f" .docx)
  soffice --headless -env:UserInstallation=file://"$OUT"/lo-profile --convert-to pdf --outdir "$OUT" "$f" >/dev/null
  rm -f "$OUT/$name"-*.png
  pdftoppm -r "$DPI" -png "$OUT/$name.pdf" "$OUT/$name"
  echo "$OUT/$name.pdf: $(ls "$OUT/$name"-*.png | wc -l) page(s) → $OUT/$name-N.png"
done
