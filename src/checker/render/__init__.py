"""One renderer per output format; each is a function of the results."""
