"""A ZIP being written member by member, with each member's SHA-256, size and row count.

Every member carries the export's own time (UTC, not the 1980 default of a bare ``ZipInfo``) and
Unix mode 0644 (a regular file anyone may read once unpacked; not 0600), issue 18 point 9.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jdmdesk.export import csvio
from jdmdesk.export.options import Progress

COMPRESSLEVEL = 1  # fast: the bundle is written while the user waits
MEMBER_MODE = 0o100644  # regular file, rw-r--r--


class ZipMembers:
    def __init__(self, path: Path, timestamp: datetime | None = None) -> None:
        stamp = timestamp or datetime.now(UTC)
        self.date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute,
                          stamp.second)
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL,
                                   allowZip64=True)
        self.hashes: dict[str, dict[str, Any]] = {}
        self.rows: dict[str, int] = {}

    def csv(self, name: str, header: Sequence[str], numeric: Sequence[bool],
            rows: Iterable[Sequence[Any]], progress: Progress | None = None, *,
            neutralise_text: bool = False) -> int:
        raw = csvio.HashingWriter(self.zip.open(self.info(name), "w", force_zip64=True))
        text = io.TextIOWrapper(io.BufferedWriter(raw, 1 << 16), encoding="utf-8", newline="")
        try:
            counted = _counting(rows, progress) if progress is not None else rows
            n = csvio.write_rows(text, header, numeric, counted,
                                 neutralise_text=neutralise_text)
        finally:
            text.close()
        self.hashes[name] = {"sha256": raw.sha256.hexdigest(), "bytes": raw.size}
        self.rows[name] = n
        return n

    def text(self, name: str, content: str) -> None:
        data = content.encode("utf-8")
        self.zip.writestr(self.info(name), data)
        self.hashes[name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}

    def manifest(self, base: dict[str, Any]) -> None:
        doc = {**base, "row_counts": dict(self.rows), "files": dict(self.hashes)}
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        self.zip.writestr(self.info("manifest.json"), text)

    def info(self, name: str) -> zipfile.ZipInfo:
        """A member's header: the export's time, mode 0644, deflated."""
        info = zipfile.ZipInfo(name, date_time=self.date_time)
        info.external_attr = MEMBER_MODE << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        # the level travels on the member (``_compresslevel`` before Python 3.13)
        setattr(info, "compress_level" if hasattr(info, "compress_level")
                else "_compresslevel", COMPRESSLEVEL)
        return info

    def close(self) -> None:
        self.zip.close()


def _counting(rows: Iterable[Sequence[Any]], progress: Progress) -> Iterable[Sequence[Any]]:
    for row in rows:
        yield row
        progress.step()
