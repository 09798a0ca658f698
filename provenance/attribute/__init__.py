"""Attribution stage: quotes, reported speech, documents and relays.

Each module finds one family of constructions and returns `Attribution`
records (provenance.attribute.frames); provenance.resolve turns their speaker
mentions into canonical speakers.
"""
