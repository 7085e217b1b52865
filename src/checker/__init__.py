"""checker: compliance checks for government information-disclosure annual reports."""

__version__ = "0.1.0"
