"""Plotly figures of a session, shared by the review page (interactive) and the pack (static).

Figures carry labels and numbers only, never message text, so no user text reaches chart markup.
"""
from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots
import plotly.io as pio

from feedback.types import LABEL_NAMES

FAMILY_COLOURS = {"exploring": "#2f8f46", "neutral": "#8a8f98", "lapse": "#e07b1f"}
FAMILY_Y = {"exploring": 1.0, "neutral": 0.5, "lapse": 0.0}


def timeline_figure(turns: list[dict]) -> go.Figure:
    """Trainee labels per turn, coloured by family, with the client's openness over the session."""
    fig = go.Figure()
    client = [t for t in turns if t["speaker"] == "client" and t.get("state")]
    fig.add_scatter(
        x=[t["idx"] for t in client], y=[t["state"]["openness"] for t in client], mode="lines+markers",
        name="client openness", line={"color": "#4a7fb5", "width": 2}, yaxis="y2",
        hovertemplate="turn %{x}<br>openness %{y:.0%}<extra></extra>",
    )
    trainee = [t for t in turns if t["speaker"] == "trainee" and t.get("feedback")]
    for family, colour in FAMILY_COLOURS.items():
        group = [t for t in trainee if t["feedback"]["family"] == family]
        if group:
            fig.add_scatter(
                x=[t["idx"] for t in group], y=[FAMILY_Y[family]] * len(group), mode="markers",
                name=family, marker={"color": colour, "size": 13, "symbol": "square"},
                text=[LABEL_NAMES.get(t["feedback"]["label"], t["feedback"]["label"]) for t in group],
                hovertemplate="turn %{x}: %{text}<extra></extra>",
            )
    ruptures = [t for prev, t in zip(client, client[1:]) if t["state"].get("ruptured") and not prev["state"].get("ruptured")]
    repairs = [t for t in trainee if t["feedback"].get("repair")]
    if ruptures:
        fig.add_scatter(x=[t["idx"] for t in ruptures], y=[t["state"]["openness"] for t in ruptures], yaxis="y2",
                        mode="markers", name="rupture", marker={"symbol": "x", "size": 14, "color": "#c0392b"},
                        hovertemplate="turn %{x}: rupture<extra></extra>")
    if repairs:
        fig.add_scatter(x=[t["idx"] for t in repairs], y=[1.25] * len(repairs), mode="markers", name="repair",
                        marker={"symbol": "star", "size": 14, "color": "#2f8f46"},
                        hovertemplate="turn %{x}: repair<extra></extra>")
    fig.update_layout(
        title="Session timeline", height=340, margin={"l": 10, "r": 10, "t": 40, "b": 30},
        legend={"orientation": "h", "y": -0.2},
        xaxis={"title": "turn", "dtick": 2},
        yaxis={"tickvals": [0, 0.5, 1], "ticktext": ["lapse", "neutral", "exploring"], "range": [-0.3, 1.4]},
        yaxis2={"overlaying": "y", "side": "right", "range": [-0.2, 1.1], "tickformat": ".0%", "showgrid": False,
                "tickvals": [0, 0.25, 0.5, 0.75, 1], "title": "openness"},
    )
    return fig


MITI_BANDS = {  # score key -> (title, fair, good, axis maximum)
    "rq_ratio": ("Reflections per question (R:Q)", 1.0, 2.0, 3.0),
    "pct_open_questions": ("% open questions", 50.0, 70.0, 100.0),
    "pct_complex_reflections": ("% complex reflections", 40.0, 50.0, 100.0),
}


def scores_figure(scores: dict) -> go.Figure:
    """The session's R:Q, % open questions and % complex reflections against the MITI fair and good thresholds."""
    fig = make_subplots(rows=1, cols=len(MITI_BANDS), subplot_titles=[title for title, *_ in MITI_BANDS.values()])
    for col, (key, (title, fair, good, top)) in enumerate(MITI_BANDS.items(), start=1):
        value = scores.get(key)
        shown = 0 if value is None else min(value, top)
        colour = "#8a8f98" if value is None else "#2f8f46" if value >= good else "#d9a400" if value >= fair else "#e07b1f"
        fig.add_bar(x=["this session"], y=[shown], marker_color=colour, row=1, col=col, showlegend=False,
                    text=["none yet" if value is None else f"{value:g}"], textposition="outside",
                    hovertemplate=f"{title}: %{{text}}<extra></extra>")
        for level, name in ((fair, "fair"), (good, "good")):
            fig.add_hline(y=level, line_dash="dot", line_color="#555", annotation_text=name,
                          annotation_position="right", row=1, col=col)
        fig.update_yaxes(range=[0, top * 1.1], row=1, col=col)
    fig.update_layout(height=300, margin={"l": 10, "r": 40, "t": 40, "b": 20})
    return fig


def static_charts_html(pack: dict) -> str:
    """The pack's charts as non-interactive plotly with its script inline: standalone and printable."""
    figures = [timeline_figure(pack["turns"]), scores_figure(pack["scores"])]
    config = {"staticPlot": True, "displayModeBar": False}
    return "".join(
        pio.to_html(fig, full_html=False, include_plotlyjs=(i == 0), config=config, default_width="100%")
        for i, fig in enumerate(figures)
    )
