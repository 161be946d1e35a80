"""Pictures for the planners, drawn on the server as SVG by matplotlib (Agg): the trend and the district map.

The map is drawn from the districts' own geometry (their polygons, or circles at their centres where the
bundle has none): no tiles, no request to anybody else. Every picture has a table beside it on the page.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from lotse.planning.periods import MONTHS

#: Text stays text in the SVG (searchable, small), and ids are stable from run to run.
_RC = {"svg.fonttype": "none", "svg.hashsalt": "lotse", "font.family": "DejaVu Sans", "font.size": 9}
#: Colour ramps that stay readable in greyscale print: blue for demand, orange-red for unmet demand.
RAMPS = {"demand": "Blues", "unmet": "OrRd"}
#: Colour of a district without a published figure.
NO_FIGURE = "#f0f0f0"


@dataclass(frozen=True)
class MapArea:
    """A district as the map draws it: name, centre, optional polygon (rings of [lon, lat]) and its value."""

    id: str
    name: str
    lat: float
    lon: float
    polygon: Sequence[Any] | None
    value: int


def _figure(width: float, height: float) -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100)


def _svg(figure: Any) -> str:
    import matplotlib

    out = io.StringIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return out.getvalue()


def trend_svg(points: Sequence[tuple[date, int]], title: str) -> str:
    """Return a bar chart of questions per month as SVG."""
    import matplotlib

    with matplotlib.rc_context(_RC):
        figure = _figure(7.5, 3.0)
        axes = figure.subplots()
        labels = [f"{MONTHS[m.month - 1][:3]} {m:%y}" for m, _ in points]
        axes.bar(range(len(points)), [v for _, v in points], color="#1f5a8a")
        axes.set_xticks(range(len(points)), labels, rotation=45 if len(points) > 6 else 0, ha="right")
        axes.set_ylabel("Fragen")
        axes.set_title(title)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.spines[["top", "right"]].set_visible(False)
        return _svg(figure)


def map_svg(areas: Sequence[MapArea], title: str, measure: str) -> str:
    """Return the district map as SVG, each district shaded by its value (grey where none is published)."""
    import matplotlib
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.patches import Circle, Polygon

    with matplotlib.rc_context(_RC):
        figure = _figure(6.5, 5.5)
        axes = figure.subplots()
        ramp = colormaps[RAMPS.get(measure, "Blues")]
        top = max((a.value for a in areas), default=0)
        scale = Normalize(vmin=0, vmax=max(top, 1))
        if not areas:
            axes.text(0.5, 0.5, "Keine Stadtteile", ha="center", va="center")
        squeeze = math.cos(math.radians(sum(a.lat for a in areas) / len(areas))) if areas else 1.0
        radius = _circle_radius(areas, squeeze)
        for area in areas:
            colour = ramp(0.15 + 0.85 * scale(area.value)) if area.value else NO_FIGURE
            if area.polygon:
                ring = [(lon * squeeze, lat) for lon, lat, *_ in area.polygon[0]]
                axes.add_patch(
                    Polygon(ring, closed=True, facecolor=colour, edgecolor="#333333", linewidth=0.8)
                )
            else:
                centre = (area.lon * squeeze, area.lat)
                axes.add_patch(Circle(centre, radius, facecolor=colour, edgecolor="#333333", linewidth=0.8))
            dark = area.value and scale(area.value) > 0.6
            axes.annotate(
                area.name,
                (area.lon * squeeze, area.lat),
                ha="center",
                va="center",
                fontsize=7,
                color="white" if dark else "black",
            )
        axes.set_aspect("equal")
        axes.autoscale_view()
        axes.margins(0.08)
        axes.set_axis_off()
        axes.set_title(title)
        bar = figure.colorbar(matplotlib.cm.ScalarMappable(norm=scale, cmap=ramp), ax=axes, shrink=0.6)
        bar.set_label("Fragen (grau: keine oder unter 5)")
        return _svg(figure)


def _circle_radius(areas: Sequence[MapArea], squeeze: float) -> float:
    """A circle size from the typical distance between neighbouring centres (some overlap is fine)."""
    points = [(a.lon * squeeze, a.lat) for a in areas if not a.polygon]
    nearest = sorted(min((math.dist(p, q) for q in points if q != p), default=0.0) for p in points)
    nearest = [d for d in nearest if d > 0]
    return nearest[len(nearest) // 2] * 0.4 if nearest else 0.005
