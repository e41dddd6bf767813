"""Matrix bridge: forwards the bot's room messages to the Rasa Matrix channel (own venv, matrix-nio)."""
