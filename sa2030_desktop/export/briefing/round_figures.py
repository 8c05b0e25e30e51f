"""The Umsetzungsbericht's overview chart: goals per status in the previous round and in this
one, as two stacked bars with the counts written in (hatching besides colour)."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from sa2030_desktop.domain.dates import de_short
from sa2030_desktop.domain.model import STATUS_COLOURS, STATUS_ORDER, Status
from sa2030_desktop.export.briefing.context import BriefingContext
from sa2030_desktop.export.briefing.figures import HATCH, WIDTH_IN


def status_comparison(ctx: BriefingContext, changes) -> tuple[Figure, str]:
    """(Figure, caption): the selected goals per status at both rounds' as-of dates."""
    c = changes.comparison
    before = changes.counts_before()
    now = {s: ctx.analysis.status_counts[s.value] for s in STATUS_ORDER}
    labels = [f"{c.to_key}\n{de_short(c.to_as_of)}", f"{c.from_key}\n{de_short(c.from_as_of)}"]
    fig = Figure(figsize=(WIDTH_IN, 2.2), layout="constrained")
    ax = fig.add_subplot()
    left = [0, 0]
    for status in STATUS_ORDER:
        values = [now[status], before[status]]
        bars = ax.barh(labels, values, left=left, color=STATUS_COLOURS[status],
                       hatch=HATCH[status], edgecolor="white", linewidth=0.6,
                       label=status.label)  # fmt: skip
        dark = status in (Status.NOT_STARTED, Status.DELAYED)
        for bar, v in zip(bars, values, strict=True):
            if v:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        str(v), ha="center", va="center", fontsize=8.5, fontweight="bold",
                        color="black" if dark else "white",
                        bbox={"boxstyle": "round,pad=0.15", "lw": 0,
                              "fc": STATUS_COLOURS[status]})  # fmt: skip
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, total in enumerate(left):
        ax.text(total + 0.2, y, str(total), va="center", fontsize=8.5)
    ax.set_xlabel("Anzahl Ziele")
    ax.set_xlim(0, max(left, default=1) * 1.08 + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False, fontsize=8.5)
    ax.tick_params(labelsize=8.5)
    return fig, (
        f"Umsetzungsstand in der Berichtsrunde {c.to_key} gegenüber der Berichtsrunde "
        f"{c.from_key} (Anzahl Ziele je Status)"
    )
