"""Files for people: Word briefings, figures, spreadsheets, images. No Qt."""
