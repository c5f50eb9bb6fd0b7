"""Contains some shared types for properties"""

import datetime
import re
import sys
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


# A fraction of a second after the seconds, of any length.
_FRACTION = re.compile(r"(?<=:\d\d)\.(\d+)")


def parse_datetime(value: str) -> datetime.datetime:
    """Read an RFC 3339 date-time; a trailing Z or z means UTC on every Python.

    fromisoformat refuses a lower-case z everywhere, and on Python 3.10 any
    Z and any fraction of a second not 3 or 6 digits long; so the zone is
    written +00:00 and, on 3.10, the fraction is cut or padded to
    microseconds ("12.0Z" is valid RFC 3339).
    """
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    if sys.version_info < (3, 11):
        value = _FRACTION.sub(lambda found: "." + found[1][:6].ljust(6, "0"), value, 1)
    return datetime.datetime.fromisoformat(value)


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "parse_datetime",
]
