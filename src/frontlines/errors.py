"""Named exceptions. The library never prints: it raises these, and the CLI turns them into messages."""


class FrontlinesError(Exception):
    """Base class: every error the library raises on purpose."""


class InputError(FrontlinesError):
    """An input file or record cannot be read. ``origin`` is "path" or "path:line"."""

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message


class ModelNotFoundError(FrontlinesError):
    """No spaCy English model is installed."""


class GazetteerError(FrontlinesError):
    """The gazetteer index cannot be built or loaded."""


class StorageError(FrontlinesError):
    """The database cannot be opened, migrated or written."""


class GoldFormatError(FrontlinesError):
    """A gold file for `frontlines evaluate` is not in a supported format."""
