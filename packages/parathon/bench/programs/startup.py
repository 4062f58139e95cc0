# Start-up alone: an empty program (reported so the other rows can be read net of it).
