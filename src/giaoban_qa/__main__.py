import gc

# The command line's imports create some 60,000 objects that live as long as the process
# (modules, classes, functions, compiled patterns); with the collector on, it walked them
# ~20 times before the first file was read (~4 ms of a one-file check). Paused for the
# imports only; ``main`` pauses it again for the rest of the start-up (see cli.main).
gc.disable()
try:
    # Installed before the command line's own imports, which compile a few patterns (argparse's
    # gettext, string.Template, the printable-text check): served from the cache too.
    # ``main`` installs it again for callers of cli.main, which does nothing the second time.
    from giaoban_qa import recache

    recache.install()
    from giaoban_qa.cli import main
finally:
    gc.enable()

raise SystemExit(main())
