"""Peers: the five rules decided by off-the-shelf rule engines.

Every peer gets the same flat dict of facts, computed in Python by
:func:`peers.facts.facts` (dates to local dates, working-day deadlines, money
to integer fen, history look-ups); the engine then decides which rule ids are
violated. Facts are computed with the floor's own helpers and history index,
so a peer can only disagree with the floor through its rule expressions.
"""
