"""Drafting help from a model the user configures (`config.toml` `[assist]`), off by default (SPEC §8).

`prompt` builds what is sent (our Chinese prompt, the section's text and notes), `secrecy` refuses text marked
秘密/机密/绝密/内部, `client` talks to an OpenAI-compatible endpoint, `verify` flags what the answer says that the
user never gave. The application layer (`appraisal.service`) puts them together; this package never touches a
draft on disk. `client` (which loads urllib, http.client and ssl) is imported only when a request is made, so
the command line starts as fast as before.
"""

from appraisal.assist.prompt import TASKS, AssistRequest, build_request
from appraisal.assist.secrecy import SecretMark, secret_marks
from appraisal.assist.verify import Unverified, unverified

__all__ = [
    "TASKS",
    "AssistRequest",
    "SecretMark",
    "Unverified",
    "build_request",
    "secret_marks",
    "unverified",
]
