"""Starts and stops the assistant's processes: used by `make run`, `make train` and the e2e tests.

It is the only place that knows how the Rasa server, the action server and the widget page
are launched, so the README, CI and the end-to-end tests run the same thing.
"""
