"""Text helpers for reading and normalising: every edit keeps the map back to the raw file."""


def line_span(text: str, pos: int) -> tuple[int, int]:
    """The start and end of the line that holds ``pos`` (its line break left out).

    >>> line_span("ab\\ncd\\nef", 4), line_span("ab", 1)
    ((3, 5), (0, 2))
    """
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end
