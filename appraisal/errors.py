"""The one exception type the user ever sees: its message is a finished Chinese sentence."""


class AppraisalError(Exception):
    """An error whose message is shown to the user as is (Chinese, one sentence, no traceback)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
