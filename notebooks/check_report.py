#!/usr/bin/env python3
"""Checks a rendered leadership report (jobs/notebooks report): at least 4 charts embedded as PNG data URIs
and the "Commentary" heading; also that no code is shown and nothing is fetched from the internet.

    python notebooks/check_report.py reports/date=YYYY-MM-DD/leadership_report.html

Exit 0 when the report passes, 1 when it does not (each problem is printed), 2 on a bad command line.
"""
import base64
import binascii
import re
import sys

MIN_CHARTS = 4
PNG = b"\x89PNG\r\n\x1a\n"


def problems(html: str) -> list:
    found = []
    charts = 0
    for data in re.findall(r'<img\b[^>]*\bsrc="data:image/png;base64,([^"]+)"', html):
        try:
            charts += base64.b64decode(re.sub(r"\s", "", data), validate=True).startswith(PNG)
        except (binascii.Error, ValueError):
            pass
    if charts < MIN_CHARTS:
        found.append(f"{charts} embedded PNG chart(s), expected at least {MIN_CHARTS}")
    if not re.search(r"<h2\b[^>]*>\s*Commentary\b", html):
        found.append('no "Commentary" heading (<h2>)')
    if re.search(r'class="[^"]*\b(highlight hl-|jp-CodeMirrorEditor)', html):
        found.append("code cells are shown (render with --no-input)")
    if re.search(r'<(script|link|img)\b[^>]*\b(src|href)="(https?:)?//', html):
        found.append("the page loads something from the internet: it is not self-contained")
    if re.search(r'class="[^"]*(jp-RenderedText[^"]*" data-mime-type="application/vnd.jupyter.stderr|ansi-red)', html):
        found.append("an error or warning output is in the report")
    return found


def main(argv) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            html = f.read()
    except OSError as e:
        print(f"check_report: cannot read {argv[1]}: {e}", file=sys.stderr)
        return 1
    found = problems(html)
    for p in found:
        print(f"check_report: FAIL {argv[1]}: {p}", file=sys.stderr)
    if not found:
        print(f"check_report: OK {argv[1]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
