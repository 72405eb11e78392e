#!/usr/bin/env bash
# Renders generated documents (DOCX, XLSX) to PDF (LibreOffice headless) and PNG pages (pdftoppm)
# for a look at every page. Not part of CI.
# Needs: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk
#
#   bench/render-docx.sh                 # demo data: every document type of 盐湖区 (140802)
#   bench/render-docx.sh a.docx b.xlsx   # given files
#
# Default set, every document type: the bulletin of last month (with 发文字号 and sources), the
# bulletin of a past month (PAST, 2024-10), its XLSX, the 工作纪实 of a past year (PAST_YEAR, 2024,
# with sources) and of this year so far (阶段性), the 兑现情况表 of PAST_YEAR (DOCX and XLSX), a
# department's 任务填报表 (XLSX), a 督办通知单 (DOCX) and the web app's 目标任务 list export (XLSX),
# the last two written by bench/render-extra.ts.
# Environment: OUT (default /tmp/duban-render), DUBAN_DATA (default /tmp/duban-render/data),
# REGION (140802), DEPARTMENT (区农业农村局, the task sheet's), PERIOD (last month), PAST (2024-10), YEAR (this year), PAST_YEAR (2024), DPI (70).
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
  PAST=${PAST:-2024-10}
  PAST_YEAR=${PAST_YEAR:-2024}
  node bin/duban.mjs report bulletin --region "$REGION" --period "$PERIOD" --out "$OUT/bulletin.docx" --sources --number "督查通报〔${PERIOD%%-*}〕${PERIOD##*-}号"
  node bin/duban.mjs report bulletin --region "$REGION" --period "$PAST" --out "$OUT/bulletin-past.docx"
  node bin/duban.mjs report bulletin --region "$REGION" --period "$PAST" --out "$OUT/bulletin-past-sheet.xlsx"
  node bin/duban.mjs report summary --region "$REGION" --year "$PAST_YEAR" --out "$OUT/summary-past.docx" --sources
  node bin/duban.mjs report summary --region "$REGION" --year "$YEAR" --out "$OUT/summary.docx"
  node bin/duban.mjs reconcile --region "$REGION" --year "$PAST_YEAR" --out "$OUT/promise-check.docx"
  node bin/duban.mjs reconcile --region "$REGION" --year "$PAST_YEAR" --out "$OUT/promise-check-sheet.xlsx"
  node bin/duban.mjs tasksheet export --region "$REGION" --department "${DEPARTMENT:-区农业农村局}" --period "$PERIOD" --out "$OUT/task-sheet.xlsx"
  node bin/run-ts.mjs bench/render-extra.ts "$REGION" "$OUT"
  files=("$OUT/bulletin.docx" "$OUT/bulletin-past.docx" "$OUT/bulletin-past-sheet.xlsx" "$OUT/summary-past.docx" "$OUT/summary.docx"
    "$OUT/promise-check.docx" "$OUT/promise-check-sheet.xlsx" "$OUT/task-sheet.xlsx" "$OUT/slip-notice.docx" "$OUT/commitments-list.xlsx")
fi

# Official fonts are rarely installed on Linux: docs/fonts.conf maps them to the CJK fonts present by
# kind (宋/仿宋/楷 → serif, 黑体 → sans), as README says a reader's machine should; without it
# LibreOffice sets everything in one sans font.
FC="$PWD/docs/fonts.conf"
export FONTCONFIG_FILE="$FC"

for f in "${files[@]}"; do
  name=$(basename "$f"); name=${name%.*}
  rm -f "$OUT/$name.pdf"
  # a DOCX with the pages a duplex print has: the blank page an even-page section inserts before the 版记 included
  to=pdf; case "$f" in *.docx) to='pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';; esac
  soffice --headless -env:UserInstallation=file://"$OUT"/lo-profile --convert-to "$to" --outdir "$OUT" "$f" >/dev/null 2>&1 || true
  [ -f "$OUT/$name.pdf" ] || { echo "$f: not converted (an .xlsx needs libreoffice-calc-nogui)" >&2; continue; }
  rm -f "$OUT/$name"-[0-9]*.png  # not summary-past-N.png when rendering summary
  pdftoppm -r "$DPI" -png "$OUT/$name.pdf" "$OUT/$name"
  echo "$OUT/$name.pdf: $(ls "$OUT/$name"-[0-9]*.png | wc -l) page(s) → $OUT/$name-N.png"
done
