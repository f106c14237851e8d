"""Views of a draft, along the seams of its models: exports (and the outline), versions, publication."""
