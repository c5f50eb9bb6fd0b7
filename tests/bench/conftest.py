"""Makes the benchmark harness in bench/ importable as ``bench``.

bench/ is not part of the installed package; its helpers are tested here
from the source tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
