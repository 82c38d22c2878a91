"""Asks the Myochart window to close, as a window manager's close button does:
a WM_DELETE_WINDOW message (the e2e suite runs under Xvfb, without a window
manager, and WebDriver has no way to press the title bar's close button).

Usage: close-window.py TITLE  (on $DISPLAY; exits 1 if no window has TITLE)
"""
import sys

from Xlib import X, display
from Xlib.protocol import event


def windows(window):
    yield window
    for child in window.query_tree().children:
        yield from windows(child)


def main(title):
    screen = display.Display()
    delete = screen.intern_atom("WM_DELETE_WINDOW")
    protocols = screen.intern_atom("WM_PROTOCOLS")
    found = False
    for window in windows(screen.screen().root):
        name = window.get_wm_name()
        if not isinstance(name, str) or title not in name:
            continue
        message = event.ClientMessage(
            window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        window.send_event(message, event_mask=X.NoEventMask)
        found = True
    screen.flush()
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
