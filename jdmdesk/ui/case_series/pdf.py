"""``case_series.pdf``: A4 pages that flow (title, methods, Table 1, outcomes, adverse events,
one enzyme figure per patient, the group figure), drawn as vectors with QPdfWriter.

Text and table rows use the patient summary's page primitives
(:class:`jdmdesk.ui.review.report_pdf.SummaryPage`); the figures are
:mod:`jdmdesk.ui.case_series.figures`, the same drawings as the SVG and PNG files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from jdmdesk import APP_NAME, __version__
from jdmdesk.atomic_file import atomic_write
from jdmdesk.domain.case_series import CaseSeries, outcome_summary
from jdmdesk.domain.parse import today
from jdmdesk.ui.case_series import text as tx
from jdmdesk.ui.case_series.figures import (
    GroupChart,
    draw_enzyme_figure,
    enzyme_title,
    median_caption,
    reference_caption,
    tr,
)
from jdmdesk.ui.i18n import message
from jdmdesk.ui.review.report_pdf import DPI, MARGIN_MM, TABLE_PT, TEXT_PT, SummaryPage

PATIENTS_PER_TABLE = 3  # outcome table: baseline and last columns of this many patients
FIGURE_H_MM = 112.0
Cells = list[tuple[str, str]]


def write_case_series_pdf(cs: CaseSeries, path: Path) -> Path:
    with atomic_write(Path(path)) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                         QPageLayout.Unit.Millimeter))
        writer.setResolution(DPI)
        writer.setTitle(tr("Case series report"))
        writer.setCreator(f"{APP_NAME} {__version__}")
        painter = QPainter(writer)
        try:
            CaseSeriesDocument(painter, writer).paint(cs)
        finally:
            painter.end()
        del painter, writer
    return Path(path)


class CaseSeriesDocument(SummaryPage):
    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        super().__init__(painter, writer.width(), writer.height())
        self.writer = writer
        self.y = 0.0
        self.pages = 1

    # --- flow ------------------------------------------------------------------------------

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor."""
        if self.y > 0 and self.y + height > self.h - self.pt(14):
            self.new_page()

    def new_page(self) -> None:
        self._footer()
        self.writer.newPage()
        self.pages += 1
        self.y = 0.0

    def _footer(self) -> None:
        self.p.setFont(self.font(8))
        self.p.setPen(QColor("#666666"))
        self.p.drawText(QRectF(0, self.h - self.pt(10), self.w, self.pt(10)), 0,
                        tr("{app} case series report \u00b7 page {n} \u00b7 pseudonymised: "
                           "study codes and study days only").format(app=APP_NAME,
                                                                     n=self.pages))

    def para(self, line: str, size: float = TEXT_PT, bold: bool = False,
             colour: QColor | None = None) -> None:
        self.need(self.text_height(line, size, bold))
        self.y = self.text(self.y, line, size, bold, colour)

    def heading(self, line: str, follow: float) -> None:
        """A section heading kept on the page with ``follow`` device units after it."""
        self.need(self.text_height(line, 11, True) + follow)
        self.y = self.text(self.y + self.pt(6), line, 11, True)

    # --- the document ----------------------------------------------------------------------

    def paint(self, cs: CaseSeries) -> None:
        self.y = self.text(0, tr("Case series: {name}").format(name=cs.study_name), 15, True)
        stamp = tr("Generated {day} by {app} {version} from the study file.").format(
            day=today().isoformat(), app=APP_NAME, version=__version__)
        self.para(stamp, 8)
        if cs.synthetic:
            self.para(tr("SYNTHETIC DATA: every patient in this study is invented."), 9, True,
                      QColor("#B00020"))
        self.para(tx.methods(cs), TEXT_PT)
        self._table1(cs)
        self._outcomes(cs)
        self._adverse_events(cs)
        self._enzyme_figures(cs)
        self._group_figure(cs)
        self._footer()

    def _table1(self, cs: CaseSeries) -> None:
        rows = [tx.table1_cells(c) for c in cs.included]
        if len(rows) > 1:
            rows.append(tx.table1_summary(cs.included))
        self.heading(tr("Table 1. Patient characteristics at tacrolimus start"),
                     self._row_h() * 3)
        self.grid(tx.table1_headers(), rows)
        for c in cs.table1:
            if c.excluded:
                self.para(tx.excluded_line(c), TEXT_PT)
        if not cs.included:
            self.para(tr("No patient in this selection has tacrolimus recorded."), TEXT_PT)

    def _outcomes(self, cs: CaseSeries) -> None:
        rows = list(cs.outcomes)
        labels = tx.outcome_labels()
        for start in range(0, len(rows), PATIENTS_PER_TABLE):
            chunk = rows[start:start + PATIENTS_PER_TABLE]
            headers = [(tr("Outcome"), tr("unit or range"))]
            for o in chunk:
                headers += [(o.study_code, tr("baseline")), (o.study_code, tr("last visit"))]
            body: list[Cells] = []
            for key, label, unit in labels:
                cells: Cells = [(f"{label}, {unit}", "")]
                for o in chunk:
                    if key in o.final:
                        cells += [("", ""), (tx.cell(key, o.final.get(key)), "")]
                    else:
                        cells += [(tx.cell(key, o.baseline.get(key)), ""),
                                  (tx.cell(key, o.last.get(key)), "")]
                body.append(cells)
            title = tr("Table 2. Outcomes: baseline visit and last visit on tacrolimus")
            if len(rows) > PATIENTS_PER_TABLE:
                title += tr(" (patients {a}\u2013{b} of {n})").format(
                    a=start + 1, b=start + len(chunk), n=len(rows))
            self.heading(title, self._row_h(1) * len(body) + self._row_h())
            self.grid(headers, body, first_wide=True)
        if len(rows) > 1:
            self._summary(cs)
        notes = [f"{o.study_code}: {message(o.note)}" for o in rows if o.note]
        by_rule: dict[str, list[str]] = {}
        for o in rows:
            by_rule.setdefault(o.baseline_rule, []).append(o.study_code)
        self.para(tr("Enzymes in U/L and as multiples of the result's upper limit of normal "
                     "(\u00d7). Reduction of the prednisolone equivalent: from the baseline "
                     "visit to the last visit, in mg/kg/day. TIS of the last visit against "
                     "the baseline. Baseline as applied: {rules}.").format(
            rules="; ".join(f"{message(rule)} ({', '.join(codes)})"
                            for rule, codes in by_rule.items())
            or "\u2014"), TABLE_PT)
        for line in notes:
            self.para(line, TABLE_PT)

    def _summary(self, cs: CaseSeries) -> None:
        summary = outcome_summary(cs.outcomes)
        headers = [(tr("Outcome"), tr("unit or range")),
                   (tr("Baseline"), tr("median (range), n")),
                   (tr("Last visit"), tr("median (range), n"))]
        body = [[(f"{label}, {unit}", ""), (tx.summary_cell(key, summary[key][0]), ""),
                 (tx.summary_cell(key, summary[key][1]), "")]
                for key, label, unit in tx.outcome_labels()]
        self.heading(tr("Table 2 (all patients). Outcomes across the {n} patients").format(
            n=len(cs.outcomes)), self._row_h(1) * len(body) + self._row_h())
        self.grid(headers, body, first_wide=True)

    def _adverse_events(self, cs: CaseSeries) -> None:
        ae = cs.adverse_events
        categories, grades = tx.ae_labels()
        self.heading(tr("Table 3. Adverse events since tacrolimus start, by category and "
                        "CTCAE grade"), self._row_h() * 2)
        if not ae.total:
            self.para(tr("No adverse events recorded since tacrolimus start in the {n} "
                         "patients.").format(n=len(cs.outcomes)), TEXT_PT)
        else:
            headers = [(tr("Category"), ""), *((tr("Grade {g}").format(g=g), "")
                                              for g, _ in grades),
                       (tr("Events"), tr("total")), (tr("Patients"), tr("with any"))]
            rows = [[(categories.get(c, c), ""),
                     *((str(counts.get(g, 0)) if counts.get(g) else "\u2014", "")
                       for g, _ in grades),
                     (str(sum(counts.values())), ""), (str(ae.patients.get(c, 0)), "")]
                    for c, counts in ae.counts.items()]
            self.grid(headers, rows, first_wide=True)
        if ae.before_start:
            self.para(tr("{n} adverse event(s) with onset before tacrolimus start are not "
                         "counted.").format(n=ae.before_start), TABLE_PT)

    def _figure(self, title: str, caption: str, draw: Callable[[QPainter, QRectF], None]
                ) -> None:
        height = self.mm(FIGURE_H_MM)
        caption_h = self.text_height(caption, TABLE_PT)
        self.heading(title, height + caption_h + self.pt(8))
        draw(self.p, QRectF(0, self.y + self.pt(2), self.w, height))
        self.y += height + self.pt(6)
        self.para(caption, TABLE_PT)

    def _enzyme_figures(self, cs: CaseSeries) -> None:
        caption = reference_caption(tx.reference_ranges(cs))
        for n, chart in enumerate(cs.enzyme_charts, start=1):
            self._figure(tr("Figure 1{letter}. ").format(letter=_letter(n))
                         + enzyme_title(chart.title), caption,
                         lambda p, r, c=chart: draw_enzyme_figure(p, r, DPI, c))

    def _group_figure(self, cs: CaseSeries) -> None:
        chart = GroupChart(cs.ck_uln, cs.ck_median, DPI)
        self._figure(tr("Figure 2. CK as multiples of the upper limit of normal since "
                        "tacrolimus start, all patients"), median_caption(cs.ck_median),
                     chart.draw)

    # --- tables ----------------------------------------------------------------------------

    def _row_h(self, lines: int = 2) -> float:
        return self.metrics(TABLE_PT).height() * lines + self.pt(3)

    def grid(self, headers: Cells, rows: Sequence[Cells], *, first_wide: bool = False
             ) -> None:
        """A table over the page's width, its header repeated after a page break; a row whose
        cells have no second line takes one line."""
        fm, bold_fm = self.metrics(TABLE_PT), self.metrics(TABLE_PT, True)
        pad = self.pt(6)
        widths = [max(bold_fm.horizontalAdvance(h[0]), fm.horizontalAdvance(h[1]),
                      *(max(fm.horizontalAdvance(r[i][0]), fm.horizontalAdvance(r[i][1]))
                        for r in rows)) + pad for i, h in enumerate(headers)]
        if first_wide and sum(widths) < self.w:  # value columns share the rest alike
            each = (self.w - widths[0]) / max(len(widths) - 1, 1)
            widths = [widths[0], *([each] * (len(widths) - 1))]
        scale = self.w / sum(widths)
        widths = [w * scale for w in widths]

        def header() -> None:
            row_h = self._row_h()
            self._row(self.y, widths, headers, row_h, bold=True)
            self.y += row_h
            self.p.setPen(QPen(QColor("#888888"), self.pt(0.6)))
            self.p.drawLine(0, int(self.y), int(self.w), int(self.y))

        self.need(self._row_h() * 2)
        header()
        for n, cells in enumerate(rows):
            two = any(second for _, second in cells)
            row_h = self._row_h(2 if two else 1)
            if self.y + row_h > self.h - self.pt(14):
                self.new_page()
                header()
            if n % 2 == 1:
                self.p.fillRect(QRectF(0, self.y, self.w, row_h), QColor(236, 236, 236))
            if two:
                self._row(self.y, widths, cells, row_h, bold=False)
            else:
                self._line_row(self.y, widths, [first for first, _ in cells], row_h)
            self.y += row_h
        self.y += self.pt(4)

    def _line_row(self, y: float, widths: Sequence[float], cells: Sequence[str],
                  row_h: float) -> None:
        self.p.setFont(self.font(TABLE_PT))
        self.p.setPen(QColor("#111111"))
        fm = QFontMetricsF(self.p.font(), self.p.device())
        x = 0.0
        for text, w in zip(cells, widths, strict=True):
            inner = QRectF(x + self.pt(1.5), y, w - self.pt(3), row_h)
            self.p.drawText(inner, int(Qt.AlignmentFlag.AlignLeft
                                       | Qt.AlignmentFlag.AlignVCenter),
                            fm.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()))
            x += w


def _letter(n: int) -> str:
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(ord("a") + r) + letters
    return letters
