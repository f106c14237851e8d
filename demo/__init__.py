"""Demo data: a plausible UN Country Network on Migration in Belarus (`manage.py seed_demo`).

Every function is idempotent: rows are looked up by their natural key and only
created or brought back to the values below, so running the seed twice changes
nothing. E-mail addresses use example.org; people are fictitious.
"""
