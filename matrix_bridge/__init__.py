"""Matrix bridge: forwards staff-room messages to the Rasa Matrix channel (own venv, matrix-nio)."""
