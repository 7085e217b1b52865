"""Checks across reports: last year's report of the same body, a government's
subordinate bodies, copies.

Each file leaves a small summary behind when it is checked (``summary``): its
body, year and edition, the few table cells the cross-report rules name, and
MinHash signatures of its sections. The stage (``stage``) indexes those by
(body, year) once every file is done, so it never holds a document and never
compares every pair.
"""
