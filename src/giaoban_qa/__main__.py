import gc

# The command line's imports create some 60,000 objects that live as long as the process
# (modules, classes, functions, compiled patterns); with the collector on, it walked them
# ~20 times before the first file was read (~4 ms of a one-file check). Paused for the
# imports only; ``main`` pauses it again for the rest of the start-up (see cli.main).
gc.disable()
try:
    from giaoban_qa.cli import main
finally:
    gc.enable()

raise SystemExit(main())
