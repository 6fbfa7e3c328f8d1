"""Sending mail without ever losing what it is about.

Every app saves the person's data first and sends email afterwards, from a background task. These are the two
pieces they share: queueing a task so that a broken queue is logged rather than raised into the request that
has already saved its data, and telling "the mail server is down" (try again later, for everyone) from "this
one address was refused".
"""

import logging
import smtplib
import socket

logger = logging.getLogger(__name__)

# Errors that mean the mail server itself is unreachable, not that one address was refused.
SERVER_DOWN_ERRORS = (
    ConnectionError,
    TimeoutError,
    socket.gaierror,
    smtplib.SMTPConnectError,
    smtplib.SMTPServerDisconnected,
)


def enqueue(task_function, *args):
    """Queue a task; if even queueing fails, log it and carry on: the data it is about is already saved."""
    try:
        task_function.enqueue(*args)
    except Exception:
        logger.exception("Could not queue %s%r", task_function.name, args)
        return False
    return True
