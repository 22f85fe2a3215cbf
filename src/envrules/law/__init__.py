"""The law: rule packs, places (stacks of packs by level), holiday notices and their data files."""
