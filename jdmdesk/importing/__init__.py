"""Reading files from outside the study (hospital lab exports) into rows of text."""
