"""Type stubs of the Rust extension module ``newsgraph._native``."""

import datetime
import os
from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, Sequence, Union, overload

SCHEMA: str
__version__: str

Date = Union[str, datetime.date]
Format = Literal["auto", "text", "html", "jsonl", "warc"]
Article = Union[str, Mapping[str, Any]]

class NewsgraphError(Exception):
    """An error of the engine; its message is the one the CLI prints."""

class InputError(NewsgraphError):
    """An input that cannot be read, or an article that must be skipped."""

class Pipeline:
    """The engine, its lexicons loaded once: build one per process and reuse it."""

    def __init__(
        self,
        *,
        actors: Sequence[Union[str, os.PathLike[str]]] = ...,
        verbs: Sequence[Union[str, os.PathLike[str]]] = ...,
        tokens: bool = False,
        validate: bool = False,
    ) -> None: ...
    def extract(
        self,
        text: str,
        published: Optional[Date] = None,
        url: Optional[str] = None,
        id: Optional[str] = None,
        *,
        title: Optional[str] = None,
        format: Format = "auto",
    ) -> dict[str, Any]: ...
    def extract_json(
        self,
        text: str,
        published: Optional[Date] = None,
        url: Optional[str] = None,
        id: Optional[str] = None,
        *,
        title: Optional[str] = None,
        format: Format = "auto",
    ) -> str: ...
    @overload
    def extract_many(
        self,
        articles: Iterable[Article],
        published: Optional[Date] = None,
        *,
        as_json: Literal[False] = False,
        errors: Literal["raise", "none"] = "raise",
    ) -> list[Optional[dict[str, Any]]]: ...
    @overload
    def extract_many(
        self,
        articles: Iterable[Article],
        published: Optional[Date] = None,
        *,
        as_json: Literal[True],
        errors: Literal["raise", "none"] = "raise",
    ) -> list[Optional[str]]: ...
    def read(
        self,
        path: Union[str, os.PathLike[str]],
        published: Optional[Date] = None,
        *,
        format: Format = "auto",
        as_json: bool = False,
    ) -> Records: ...
    @property
    def stages(self) -> list[str]: ...

class Records(Iterator[Any]):
    """The records of one input file; bad records are skipped and listed in ``errors``."""

    def __iter__(self) -> Records: ...
    def __next__(self) -> Any: ...
    @property
    def errors(self) -> list[str]: ...
    @property
    def skipped(self) -> int: ...
    @property
    def warnings(self) -> list[str]: ...
    @property
    def summary(self) -> Optional[str]: ...
