"""The attribution sieves, one module each, listed in `indexer.attribution.pipeline.SIEVES` in
the order they run: the most precise first. Each is named, tested on its own and can be
switched off (`Attributor(resolver, disabled={"cue_pronoun"})`); the name of the sieve that
credited a speaker is kept with the credit and shown by `inspect`."""
