"""Moving records off the laptop: the wire protocol, the client engine and the central server. No Qt."""
