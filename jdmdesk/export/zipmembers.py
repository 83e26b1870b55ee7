"""A ZIP being written member by member, with each member's SHA-256, size and row count."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from jdmdesk.export import csvio
from jdmdesk.export.options import Progress

COMPRESSLEVEL = 1  # fast: the bundle is written while the user waits


class ZipMembers:
    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSLEVEL,
                                   allowZip64=True)
        self.hashes: dict[str, dict[str, Any]] = {}
        self.rows: dict[str, int] = {}

    def csv(self, name: str, header: Sequence[str], numeric: Sequence[bool],
            rows: Iterable[Sequence[Any]], progress: Progress | None = None, *,
            neutralise_text: bool = True) -> int:
        raw = csvio.HashingWriter(self.zip.open(name, "w", force_zip64=True))
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
        self.zip.writestr(name, data)
        self.hashes[name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}

    def manifest(self, base: dict[str, Any]) -> None:
        doc = {**base, "row_counts": dict(self.rows), "files": dict(self.hashes)}
        self.zip.writestr("manifest.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.zip.close()


def _counting(rows: Iterable[Sequence[Any]], progress: Progress) -> Iterable[Sequence[Any]]:
    for row in rows:
        yield row
        progress.step()
