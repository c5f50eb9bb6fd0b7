"""Whether a string is one emoji, as the API's ``wrong_emoji`` check asks.

The check works on code points with the standard library only: a string
passes when it is a single emoji sequence, that is pictographs joined by
zero-width joiners, each optionally followed by variation selectors, skin
tones or tag characters; a pair of regional indicators (a flag); or a
keycap (a digit, ``#`` or ``*`` with U+20E3).
"""

from __future__ import annotations

ZERO_WIDTH_JOINER = "\u200d"
KEYCAP = "\u20e3"
KEYCAP_BASES = frozenset("0123456789#*")

# Limitation: the pictograph ranges below are the blocks emoji come from, not
# the exact Unicode emoji list, so a few pictographs that no platform draws
# as emoji (some arrows and dingbats) pass as well.
_PICTOGRAPH_RANGES = (
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x2049),
    (0x2122, 0x2139),
    (0x2194, 0x21AA),
    (0x231A, 0x23FF),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25FE),
    (0x2600, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0x1F000, 0x1F1E5),
    (0x1F200, 0x1FAFF),
)
_REGIONAL_INDICATORS = (0x1F1E6, 0x1F1FF)
_MODIFIERS = (
    (0xFE0E, 0xFE0F),
    (0x1F3FB, 0x1F3FF),
    (0xE0020, 0xE007F),
)


def _within(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    point = ord(char)
    return any(low <= point <= high for low, high in ranges)


def _is_pictograph(char: str) -> bool:
    return _within(char, _PICTOGRAPH_RANGES)


def _is_modifier(char: str) -> bool:
    return _within(char, _MODIFIERS)


def _is_regional_indicator(char: str) -> bool:
    return _within(char, (_REGIONAL_INDICATORS,))


def _is_keycap(text: str) -> bool:
    base, rest = text[0], text[1:].replace("\ufe0f", "")
    return base in KEYCAP_BASES and rest == KEYCAP


def _is_flag(text: str) -> bool:
    return len(text) == 2 and all(_is_regional_indicator(c) for c in text)


def _is_pictograph_run(part: str) -> bool:
    """One pictograph followed only by modifiers."""
    return (
        part != ""
        and _is_pictograph(part[0])
        and all(_is_modifier(char) for char in part[1:])
    )


def is_emoji(text: str) -> bool:
    """Whether ``text`` is exactly one emoji (a sequence counts as one).

    >>> is_emoji("🏖"), is_emoji("👩‍💻"), is_emoji("🇷🇺")
    (True, True, True)
    >>> is_emoji("smile")
    False
    """
    if text == "":
        return False

    if _is_flag(text) or _is_keycap(text):
        return True

    return all(_is_pictograph_run(part) for part in text.split(ZERO_WIDTH_JOINER))
