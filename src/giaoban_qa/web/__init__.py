"""The editor's local web page (``giaoban-qa serve``): an I/O edge like the command line.

``roundtrip`` holds what the page does with an upload (check it, build each download) with
no web framework; ``app`` is the Flask application around it. Nothing here is imported by
``check``: Flask and waitress load only when ``serve`` runs.
"""
