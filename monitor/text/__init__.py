"""From a fetched page to the text of the terms: chrome set aside, the main content rendered, its
comparison form normalised, and the fetch judged usable or not."""
