//! Notes -> Anki package (`.apkg`) writer, and reading review state from an Anki collection.
