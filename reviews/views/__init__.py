"""Views of a review cycle, along the same seams as the models: cycles, inputs, assessments, drafts."""
