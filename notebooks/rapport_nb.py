"""Shared by the notebooks: parameters from the environment and reading the warehouse's Parquet tables.

Parameters (environment variables):
  RAPPORT_WAREHOUSE     warehouse folder (default "warehouse"; a relative path that does not exist from the current
                        folder is also tried from the project root, the notebooks' parent folder)
  RAPPORT_DATE          the night, YYYY-MM-DD (default: the latest night of the notebook's main table)
  RAPPORT_AGENT         coaching: the agent (default: the first agent of the coaching table)
  RAPPORT_CONVERSATION  quality review: the conversation to drill into (default: the first with events)

Tables are `<warehouse>/<table>/date=YYYY-MM-DD/*.parquet` (docs/tables.md). Folders and files starting with `_` or
`.` (`_staging`, `_SUCCESS`, `.crc`) are never read. Only published nights are read: those with a marker
`<warehouse>/_published/date=YYYY-MM-DD`, so a night being republished is never seen half-swapped
(docs/reliability.md). Missing warehouse, table or night raise FileNotFoundError.
"""
import os
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

_NIGHT = re.compile(r"^date=(\d{4}-\d{2}-\d{2})$")
_IGNORE = [".", "_"]


def warehouse() -> Path:
    raw = os.environ.get("RAPPORT_WAREHOUSE", "warehouse")
    path = Path(raw).expanduser()
    if not path.is_absolute() and not path.exists():
        from_root = Path.cwd().parent / path
        path = from_root if from_root.exists() else path
    if not path.is_dir():
        raise FileNotFoundError(f"warehouse not found: {path.resolve()} (set RAPPORT_WAREHOUSE)")
    return path.resolve()


def param(name: str):
    """An optional parameter: the variable's value, or None when unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or None


def published() -> set:
    """Nights whose tables are complete and visible, by their markers in `_published`."""
    folder = warehouse() / "_published"
    return {m.group(1) for p in folder.iterdir() if (m := _NIGHT.match(p.name))} if folder.is_dir() else set()


def nights(table: str) -> list:
    """The published nights present for a table, oldest first."""
    folder = warehouse() / table
    if not folder.is_dir():
        raise FileNotFoundError(f"table '{table}' not found: {folder}")
    visible = published()
    found = sorted(m.group(1) for p in folder.iterdir()
                   if p.is_dir() and (m := _NIGHT.match(p.name)) and m.group(1) in visible)
    if not found:
        raise FileNotFoundError(f"table '{table}' has no published night (no date=YYYY-MM-DD folder with a marker"
                                f" in {warehouse() / '_published'}): {folder}")
    return found


def night(table: str) -> str:
    """RAPPORT_DATE, or the latest night of `table`; raises when that night is not there."""
    wanted = param("RAPPORT_DATE")
    present = nights(table)
    if wanted is None:
        return present[-1]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", wanted):
        raise ValueError(f"RAPPORT_DATE must be YYYY-MM-DD, got {wanted!r}")
    if wanted not in present:
        raise FileNotFoundError(f"night {wanted} missing from table '{table}' ({warehouse() / table}); "
                                f"nights present: {', '.join(present)}")
    return wanted


def read(table: str, date: str) -> pd.DataFrame:
    """One night of a table as a DataFrame, with the partition's `date` column (a string, as in the path)."""
    if date not in nights(table):
        raise FileNotFoundError(f"night {date} of table '{table}' is not published")
    folder = warehouse() / table / f"date={date}"
    if not folder.is_dir():
        raise FileNotFoundError(f"night {date} missing from table '{table}': {folder}")
    files = sorted(str(f) for f in folder.iterdir() if f.is_file() and f.name.endswith(".parquet")
                   and not f.name.startswith(tuple(_IGNORE)))
    if not files:
        raise FileNotFoundError(f"night {date} of table '{table}' holds no Parquet file: {folder}")
    # The night's own files (its schema, whatever other nights hold), `date` from the path (hive partitioning).
    dataset = ds.dataset(files, format="parquet", partition_base_dir=str(warehouse() / table),
                         partitioning=ds.partitioning(pa.schema([("date", pa.string())]), flavor="hive"))
    return dataset.to_table().to_pandas()


def mmss(ms) -> str:
    """Milliseconds as m:ss (h:mm:ss past an hour); empty for null."""
    if ms is None or pd.isna(ms):
        return ""
    seconds = int(ms) // 1000
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def pct(x, digits=1) -> str:
    return "null" if x is None or pd.isna(x) else f"{100 * x:.{digits}f} %"
