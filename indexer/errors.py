"""ArticleError, and how a file's name is shown in its messages: one line naming the file and the
reason is what every command prints, so the name must be there and must not swamp the line."""


class ArticleError(ValueError):
    """An article cannot be indexed; the message names the file and the reason."""


def shown(name: str, limit: int = 120) -> str:
    """Error messages name the file, but a hostile 5,000-character name would swamp them."""
    return name if len(name) <= limit else f"{name[:limit - 1]}…"
