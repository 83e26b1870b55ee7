"""Name and share the value label sets of a Stata 119 (.dta) file written by pyreadstat.

pyreadstat gives every labelled variable its own label set named ``<variable><n>`` (which can
pass Stata's 32 characters). This rewrites the file so that variables with the same labelling
share one set under a chosen name: the fixed-width ``<value_label_names>`` entries are renamed
in place, duplicate ``<lbl>`` tables are dropped and the two map offsets after them are moved.
Layout: Stata's dta format 119 (little- or big-endian as the header says).
"""

from __future__ import annotations

import struct
from pathlib import Path

NAME_BYTES = 129  # a variable or label set name field in formats 118 and 119
_MAP_ENTRIES = 14
_VARNAMES, _LABEL_NAMES, _VALUE_LABELS, _END, _EOF = 3, 6, 11, 12, 13


def _name(raw: bytes | bytearray) -> str:
    return raw.split(b"\0", 1)[0].decode("utf-8")


def _field(name: str) -> bytes:
    data = name.encode("utf-8")
    if len(name) > 32 or len(data) >= NAME_BYTES:
        raise ValueError(f"Stata name too long: {name!r}")
    return data.ljust(NAME_BYTES, b"\0")


def name_label_sets(path: Path, names: dict[str, str]) -> None:
    """Give variable ``v`` the label set ``names[v]``; one table per set name is kept.

    The file is changed in place: only its header, map, name sections and the value labels at
    its end are read (the data between them may be large and is left where it is)."""
    with path.open("r+b") as fh:
        head = fh.read(4096)
        if not head.startswith(b"<stata_dta><header><release>119</release>"):
            raise ValueError(f"{path}: not a Stata 119 file")
        endian = "<" if b"<byteorder>LSF</byteorder>" in head[:80] else ">"
        k = struct.unpack(endian + "I", head[head.index(b"<K>") + 3:][:4])[0]
        map_at = head.index(b"<map>") + len(b"<map>")
        offsets = list(struct.unpack(f"{endian}{_MAP_ENTRIES}Q",
                                     head[map_at:map_at + 8 * _MAP_ENTRIES]))

        def names_at(offset: int) -> list[str]:
            fh.seek(offset)
            raw = fh.read(k * NAME_BYTES)
            return [_name(raw[i * NAME_BYTES:(i + 1) * NAME_BYTES]) for i in range(k)]

        variables = names_at(offsets[_VARNAMES] + len(b"<varnames>"))
        at_sets = offsets[_LABEL_NAMES] + len(b"<value_label_names>")
        old = names_at(at_sets)
        fh.seek(offsets[_VALUE_LABELS])
        data = fh.read()  # the value labels section and the closing tag
        # the label tables as written: old set name -> table bytes
        tables: dict[str, bytes] = {}
        at = len(b"<value_labels>")
        while data[at:at + 5] == b"<lbl>":
            size = struct.unpack(endian + "i", data[at + 5:at + 9])[0]
            name = _name(data[at + 9:at + 9 + NAME_BYTES])
            body_at = at + 9 + NAME_BYTES + 3
            tables[name] = bytes(data[body_at:body_at + size])
            at = body_at + size + len(b"</lbl>")
        new_tables: dict[str, bytes] = {}
        set_names = bytearray()
        for variable, old_name in zip(variables, old, strict=True):
            if not old_name:
                set_names += b"\0" * NAME_BYTES
                continue
            new_name = names.get(variable, old_name)
            if new_name in new_tables and new_tables[new_name] != tables[old_name]:
                raise ValueError(f"label set {new_name!r} would hold two different labellings")
            new_tables.setdefault(new_name, tables[old_name])
            set_names += _field(new_name)
        section = bytearray(b"<value_labels>")
        for name, body in new_tables.items():
            section += b"<lbl>" + struct.pack(endian + "i", len(body)) + _field(name)
            section += b"\0" * 3 + body + b"</lbl>"
        section += b"</value_labels>"
        start = offsets[_VALUE_LABELS]
        offsets[_END] = start + len(section)
        offsets[_EOF] = offsets[_END] + len(b"</stata_dta>")
        fh.seek(at_sets)
        fh.write(set_names)
        fh.seek(start)
        fh.write(section + b"</stata_dta>")
        fh.truncate()
        fh.seek(map_at)
        fh.write(struct.pack(f"{endian}{_MAP_ENTRIES}Q", *offsets))
