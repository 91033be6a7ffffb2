"""The server's body limit, with the larger OpenRosa submission limit on /v1/openrosa/TOKEN/submission."""

from __future__ import annotations

import re

from sync.server.limits import BodyLimitMiddleware
from sync.server.openrosa.submissions import MAX_BODY_BYTES

_SUBMISSION_PATH = re.compile(r"^/v1/openrosa/[^/]{1,200}/submission$")


class BodyLimitWithOpenRosa(BodyLimitMiddleware):
    """BodyLimitMiddleware whose limit on OpenRosa submission paths (the token is in the path) is 10 MB."""

    def limit_for(self, path: str) -> int:
        if _SUBMISSION_PATH.match(path):
            return MAX_BODY_BYTES
        return super().limit_for(path)
