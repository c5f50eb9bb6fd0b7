"""Figure 1: one ``GET /profile`` body into models, against ``json.loads``.

pachca-profile parses as ``PachcaClient.get_profile`` does: the generated
``UserResponse.from_dict(json.loads(body))``.
"""

from __future__ import annotations

import json

from bench.payload import PROFILE_BODY
from bench.report import NOT_MEASURED, Row, at_most, duration, ratio
from bench.sdk import OfficialSdk
from bench.timing import measure, per_call
from pachca_profile_api.models.user_response import UserResponse

GOAL = 3.0


def parse_profile(body: bytes) -> UserResponse:
    """The body as the generated models, the path ``get_profile`` takes."""
    return UserResponse.from_dict(json.loads(body))


def run(*, sdk: OfficialSdk | None, rounds: int) -> list[Row]:
    """Time the three parsers on the same bytes; one table row."""
    candidates = {
        "json": per_call(lambda: json.loads(PROFILE_BODY), calls=2000),
        "ours": per_call(lambda: parse_profile(PROFILE_BODY), calls=500),
    }
    if sdk is not None:
        candidates["sdk"] = per_call(lambda: sdk.parse(PROFILE_BODY), calls=25)

    samples = measure(candidates, rounds=rounds)

    ours = samples.ratio("ours", "json")
    sdk_cell = NOT_MEASURED
    if sdk is not None:
        sdk_ratio = samples.ratio("sdk", "json")
        sdk_cell = f"{ratio(sdk_ratio)} ({duration(samples.median('sdk'))})"
    return [
        Row(
            measure="Parse one GET /profile body (time vs json.loads)",
            ours=f"{ratio(ours)} ({duration(samples.median('ours'))})",
            sdk=sdk_cell,
            baseline=f"json.loads: {duration(samples.median('json'))}",
            goal=f"≤ {GOAL:g}x",
            verdict=at_most(ours, GOAL),
        )
    ]
