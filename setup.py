"""Only the optional compiled part of the package; everything else is in pyproject.toml.

``giaoban_qa.spelling._accel`` is the spelling rules' per-word loops in C (see its source).
It is optional: where no C compiler is found the build goes on without it, and the package
uses the Python versions of the same passes (same results, slower).
"""

import sys

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "giaoban_qa.spelling._accel",
            ["src/giaoban_qa/spelling/_accel.c"],
            libraries=[] if sys.platform == "win32" else ["m"],  # log() for the slip rule's scores
            optional=True,
        ),
    ]
)
