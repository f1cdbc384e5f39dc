"""Text helpers for reading and normalising: every edit keeps the map back to the raw file."""
