"""The „Berichtsrunden“ view (REPORTING.md „In the application“): rounds, completeness matrix,
reports with their form, review queue, comparison of two rounds."""
