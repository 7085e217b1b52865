"""checker: compliance checks for government information-disclosure annual reports."""

from checker import classcode

__version__ = "0.1.0"

classcode.install()  # before any of the package's dataclasses is created
