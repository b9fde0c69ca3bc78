"""What copy means: UK/US variants, names and their near misses, who said what, the house's
lexicon, and the optional NLP that settles the hard cases."""
