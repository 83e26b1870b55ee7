"""The physician's review: review view and its texts, the PDF summary, the study overview."""
