"""Views of the call for inputs, along the seams of its models: inputs, consultations, contributions."""
