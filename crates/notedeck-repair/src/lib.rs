//! Detect and repair text damaged by a wrong encoding (UTF-8 read as Windows-125x or Latin-1).
