"""Engine agreement: how often supervisors agree with the engine's flags, per label and over time."""
import csv
import io

import plotly.express as px
import streamlit as st

from feedback.agreement import agreement_by_day
from feedback.types import LABEL_NAMES
from ui.services import require_workspace

ws = require_workspace()
st.title("Engine agreement")
st.caption("From supervisors' verdicts on flagged turns: agree, disagree or relabel. This is how a programme "
           "learns whether to trust the engine. Kappa corrects agreement for chance (0.4 to 0.6 is moderate).")
per_label, verdicts = ws.engine_agreement()
if not verdicts:
    st.info("No supervisor verdicts yet. They appear once supervisors review submitted sessions.")
    st.stop()

table = [{"label": LABEL_NAMES.get(r.label, r.label), **r.model_dump(exclude={"label"})} for r in per_label]
st.dataframe(table, hide_index=True, column_config={
    "precision": st.column_config.NumberColumn(format="%.2f"),
    "recall": st.column_config.NumberColumn(format="%.2f"),
    "kappa": st.column_config.NumberColumn(format="%.2f"),
})

trend = [{**row, "engine label": LABEL_NAMES.get(row["engine_label"], row["engine_label"])}
         for row in agreement_by_day(verdicts)]
fig = px.line(trend, x="day", y="agreement", color="engine label", markers=True, hover_data=["verdicts"],
              title="Share of flags supervisors agreed with, by day")
fig.update_layout(yaxis_tickformat=".0%", height=320, margin={"l": 10, "r": 10, "t": 40, "b": 10})
st.plotly_chart(fig, key="agreement-trend")


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


left, right = st.columns(2)
left.download_button("Per-label agreement (CSV)", data=as_csv([r.model_dump() for r in per_label]),
                     file_name="engine-agreement.csv", mime="text/csv", icon=":material/download:", on_click="ignore")
right.download_button("Every verdict (CSV)", data=as_csv(verdicts), file_name="engine-verdicts.csv",
                      mime="text/csv", icon=":material/download:", on_click="ignore")
