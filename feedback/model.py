"""The small trained model (placeholder until the artefact is built): returns None when absent."""
from __future__ import annotations


def predict_proba(pairs):
    return None
ENGINE_VERSION = "stance-1.0+rules"
