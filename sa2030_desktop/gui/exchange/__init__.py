"""Exchange with Excel/CSV and between laptops: import wizard, exports, merge review, disk watch."""
