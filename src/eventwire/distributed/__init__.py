"""The registered stages on Dask, for archive-size batches (``eventwire batch``; docs/scaling.md).

Needs the optional extra ``eventwire[dask]``. ``runner.run_batch`` is the entry point; nothing
here re-implements a stage: article and story stages run through the embedded runner on
partition stores, and the two stream stages get a distributed plan that calls their code.
"""
