"""Write the case series report into a folder: the one job behind ``jdmdesk case-series`` and
Tools ▸ Case series report… (run there in a worker thread).

Files: ``case_series.pdf``, ``table1.csv``, ``outcomes.csv`` with ``outcomes_dictionary.csv``,
``figure_enzymes_<study_code>.svg``/``.png`` per patient and ``figure_ck_uln_all.svg``/``.png``.
Each file is written atomically; a folder that already holds any of them is refused unless
``force`` is given. Everything is computed before the first file is written.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter

from jdmdesk.atomic_file import atomic_write
from jdmdesk.domain.access import Session
from jdmdesk.domain.case_series import CaseSeries
from jdmdesk.domain.case_series_tables import (
    DICTIONARY_COLUMNS,
    TABLE1_COLUMNS,
    TABLE1_NUMERIC,
    dictionary_rows,
    file_stem,
    outcome_columns,
    outcome_numeric,
    outcome_rows,
    table1_rows,
)
from jdmdesk.domain.chart_series import ChartData
from jdmdesk.export.csvio import write_rows
from jdmdesk.services.case_series import CaseSeriesError, load_case_series
from jdmdesk.ui.case_series.figures import (
    GroupChart,
    draw_enzyme_figure,
    enzyme_title,
    median_caption,
    reference_caption,
    tr,
    write_png,
    write_svg,
)
from jdmdesk.ui.case_series.pdf import write_case_series_pdf
from jdmdesk.ui.case_series.text import reference_ranges
from jdmdesk.ui.chart.page import PageChart

PDF_NAME = "case_series.pdf"
FIXED_NAMES = (PDF_NAME, "table1.csv", "outcomes.csv", "outcomes_dictionary.csv",
               "figure_ck_uln_all.svg", "figure_ck_uln_all.png")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CaseSeriesResult:
    folder: Path
    files: tuple[Path, ...]
    patients: int
    not_included: tuple[str, ...]  # "SYN-009 (no tacrolimus recorded)"

    def summary(self) -> str:
        text = tr("Wrote {n} files into {folder}: the case series of {p} patient(s).").format(
            n=len(self.files), folder=self.folder, p=self.patients)
        if self.not_included:
            text += " " + tr("Not included: {who}.").format(who="; ".join(self.not_included))
        return text


def output_names(cs: CaseSeries) -> list[str]:
    names = list(FIXED_NAMES)
    for chart in cs.enzyme_charts:
        stem = f"figure_enzymes_{file_stem(chart.title)}"
        names += [f"{stem}.svg", f"{stem}.png"]
    return names


def check_folder(folder: Path, names: Sequence[str], *, force: bool) -> None:
    """CaseSeriesError when the folder cannot take the files (made when missing)."""
    if folder.exists() and not folder.is_dir():
        raise CaseSeriesError(tr("{path} is a file, not a folder").format(path=folder))
    if not folder.exists():
        if not folder.parent.is_dir():
            raise CaseSeriesError(tr("folder {path} does not exist").format(path=folder.parent))
        try:
            folder.mkdir()
        except OSError as err:
            raise CaseSeriesError(tr("cannot create {path}: {why}").format(
                path=folder, why=err.strerror or err)) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CaseSeriesError(tr("cannot write into {path}: permission denied").format(
            path=folder))
    present = [n for n in names if (folder / n).exists()]
    if present and not force:
        files = ", ".join(present[:3]) + (" …" if len(present) > 3 else "")
        raise FolderNotEmpty(
            tr("{path} already holds {files}: choose another folder, or tick “Replace report "
               "files already in the folder”").format(path=folder, files=files),
            tr("{path} already holds {files}: choose another folder or replace them "
               "(--force)").format(path=folder, files=files))


class FolderNotEmpty(CaseSeriesError):
    """The folder holds report files that may not be replaced: the window's message (its
    first argument) names the dialog's check box, ``str()`` (the command line's) ``--force``."""

    def __init__(self, shown: str, command_line: str) -> None:
        super().__init__(shown)
        self.command_line = command_line

    def __str__(self) -> str:
        return self.command_line


def _csv(path: Path, header: Sequence[str], numeric: Sequence[bool],
         rows: Sequence[Sequence[object]]) -> None:
    buffer = io.StringIO()
    write_rows(buffer, header, numeric, rows)
    with atomic_write(path) as tmp:
        tmp.write_bytes(buffer.getvalue().encode("utf-8"))


def _titled(title: str, subtitle: str, draw: Callable[[QPainter, QRectF, float], None]
            ) -> Callable[[QPainter, QRectF, float], None]:
    """A figure file's drawing: its title and a line on how to read it above the figure (the
    file travels without the PDF's caption)."""
    def paint(p: QPainter, rect: QRectF, dpi: float) -> None:
        page = PageChart(ChartData(patient_id=None), dpi)
        top = rect.top()
        for text, bold in ((title, True), (subtitle, False)):
            p.setFont(page.font(10 if bold else 8, bold=bold))
            p.setPen(QColor("#222222"))
            box = p.boundingRect(QRectF(rect.left(), top, rect.width(), rect.height()),
                                 int(Qt.TextFlag.TextWordWrap), text)
            p.drawText(box, int(Qt.TextFlag.TextWordWrap), text)
            top = box.bottom() + page.pt(3)
        draw(p, QRectF(rect.left(), top + page.pt(3), rect.width(),
                       rect.bottom() - top - page.pt(3)), dpi)
    return paint


def write_case_series(cs: CaseSeries, folder: Path, *, force: bool = False,
                      progress: Progress | None = None) -> CaseSeriesResult:
    if QGuiApplication.instance() is None:  # fonts and painting would crash without one
        raise RuntimeError("write_case_series needs a QGuiApplication")
    folder = Path(folder)
    names = output_names(cs)
    check_folder(folder, names, force=force)
    jobs: list[tuple[str, Callable[[Path], object]]] = [
        ("table1.csv", lambda p: _csv(p, TABLE1_COLUMNS, TABLE1_NUMERIC, table1_rows(cs))),
        ("outcomes.csv", lambda p: _csv(p, ["study_code", *(c for c, *_ in outcome_columns())],
                                        outcome_numeric(), outcome_rows(cs))),
        ("outcomes_dictionary.csv", lambda p: _csv(p, DICTIONARY_COLUMNS,
                                                   [False] * len(DICTIONARY_COLUMNS),
                                                   dictionary_rows())),
    ]
    reference = reference_caption(reference_ranges(cs))
    for chart in cs.enzyme_charts:
        stem = f"figure_enzymes_{file_stem(chart.title)}"
        draw = _titled(enzyme_title(chart.title), reference,
                       lambda p, r, dpi, c=chart: draw_enzyme_figure(p, r, dpi, c))
        jobs += [(f"{stem}.svg", lambda p, d=draw, t=chart.title: write_svg(p, d, t)),
                 (f"{stem}.png", lambda p, d=draw: write_png(p, d))]
    group = _titled(tr("CK as multiples of the upper limit of normal since tacrolimus start"),
                    median_caption(cs.ck_median),
                    lambda p, r, dpi: GroupChart(cs.ck_uln, cs.ck_median, dpi).draw(p, r))
    jobs += [("figure_ck_uln_all.svg", lambda p: write_svg(p, group, "CK ULN multiples")),
             ("figure_ck_uln_all.png", lambda p: write_png(p, group)),
             (PDF_NAME, lambda p: write_case_series_pdf(cs, p))]
    written = []
    for n, (name, job) in enumerate(jobs):
        if progress is not None:
            progress(n, len(jobs))
        try:
            job(folder / name)
        except OSError as err:
            raise CaseSeriesError(tr("cannot write {path}: {why}").format(
                path=folder / name, why=err.strerror or err)) from None
        written.append(folder / name)
    if progress is not None:
        progress(len(jobs), len(jobs))
    return CaseSeriesResult(folder, tuple(written), len(cs.outcomes),
                            tuple(f"{c.study_code} ({tr(c.excluded)})" for c in cs.table1
                                  if c.excluded))


def run_case_series(study_path: Path, folder: Path, session: Session, *,
                    study_codes: Sequence[str] | None = None, force: bool = False,
                    progress: Progress | None = None) -> CaseSeriesResult:
    """Load (as ``session``'s user, on its own read-only connection) and write the report."""
    cs = load_case_series(study_path, session, study_codes)
    return write_case_series(cs, folder, force=force, progress=progress)
