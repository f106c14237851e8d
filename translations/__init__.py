"""Content translation: what of a cycle's texts is translated, missing or outdated, one text translated
beside its source, and the XLIFF/XLSX round trip with a translator. The translations themselves are
models of `reviews` (they follow the texts they translate)."""
