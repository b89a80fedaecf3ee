# opensandbox-devserver: a small stateful Python "kernel" for one code context.
#
# Protocol: one JSON object per line on the original stdin ({"code": "..."}); JSON lines
# on the original stdout, which becomes the control channel:
#   {"type": "ready"}                          once, at start
#   {"type": "stdout"|"stderr", "text": ...}   output as it arrives (Python and subprocesses)
#   {"type": "execution_count", "execution_count": n}
#   {"type": "result", "results": {"text/plain": repr}, "execution_count": n}
#   {"type": "error", "ename": ..., "evalue": ..., "traceback": [...]}
#   {"type": "done"}                           end of one execution
# File descriptors 1 and 2 are replaced by pipes read by threads here, so output of
# child processes is captured too. SIGINT interrupts the running cell.
import ast
import codecs
import io
import json
import os
import sys
import threading
import traceback


def main():
    # Control channels on private, non-inheritable descriptors; user code and its child
    # processes get /dev/null as stdin.
    requests = os.fdopen(os.dup(0), "rb")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    sys.stdin = open(os.devnull, "r")
    ctl = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    lock = threading.Lock()

    def send(obj):
        data = json.dumps(obj, ensure_ascii=False)
        with lock:
            ctl.write(data + "\n")
            ctl.flush()

    marker = ("\x1eOSB-SYNC-" + os.urandom(8).hex() + "\x1e").encode()
    synced = {1: threading.Event(), 2: threading.Event()}

    def reader(fd_read, fd, name):
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        buf = b""
        while True:
            try:
                chunk = os.read(fd_read, 65536)
            except InterruptedError:
                continue
            if not chunk:
                return
            buf += chunk
            while True:
                pos = buf.find(marker)
                if pos < 0:
                    break
                text = decoder.decode(buf[:pos]) + decoder.decode(b"", final=True)
                if text:
                    send({"type": name, "text": text})
                buf = buf[pos + len(marker):]
                synced[fd].set()
            keep = 0
            for k in range(min(len(marker) - 1, len(buf)), 0, -1):
                if buf.endswith(marker[:k]):
                    keep = k
                    break
            out, buf = buf[: len(buf) - keep], buf[len(buf) - keep:]
            text = decoder.decode(out)
            if text:
                send({"type": name, "text": text})

    for fd, name in ((1, "stdout"), (2, "stderr")):
        r, w = os.pipe()
        os.dup2(w, fd)
        os.close(w)
        threading.Thread(target=reader, args=(r, fd, name), daemon=True).start()

    sys.stdout = io.TextIOWrapper(
        os.fdopen(1, "wb", buffering=0, closefd=False),
        encoding="utf-8", errors="replace", line_buffering=True, write_through=True)
    sys.stderr = io.TextIOWrapper(
        os.fdopen(2, "wb", buffering=0, closefd=False),
        encoding="utf-8", errors="replace", line_buffering=True, write_through=True)

    def sync():
        # Make sure everything written so far went through the reader threads.
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                stream.flush()
            except Exception:
                pass
        for fd in (1, 2):
            synced[fd].clear()
            try:
                os.write(fd, marker)
            except OSError:
                synced[fd].set()
        for fd in (1, 2):
            synced[fd].wait(5)

    def user_traceback(exc):
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != "<cell>":
            tb = tb.tb_next
        lines = traceback.format_exception(type(exc), exc, tb)
        return "".join(lines).rstrip("\n").split("\n")

    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    count = 0
    send({"type": "ready"})
    while True:
        try:
            line = requests.readline()
        except KeyboardInterrupt:
            continue
        if not line:
            return
        try:
            code = json.loads(line).get("code", "")
        except Exception:
            continue
        count += 1
        send({"type": "execution_count", "execution_count": count})
        result = None
        error = None
        try:
            tree = ast.parse(code, "<cell>", "exec")
            last = None
            if tree.body and isinstance(tree.body[-1], ast.Expr):
                last = ast.Expression(tree.body.pop().value)
            exec(compile(tree, "<cell>", "exec"), namespace)
            if last is not None:
                value = eval(compile(last, "<cell>", "eval"), namespace)
                if value is not None:
                    namespace["_"] = value
                    result = repr(value)
        except BaseException as exc:  # noqa: B036 - report everything, like a kernel
            error = {
                "type": "error",
                "ename": type(exc).__name__,
                "evalue": str(exc),
                "traceback": user_traceback(exc),
            }
        try:
            sync()
        except KeyboardInterrupt:
            pass
        if result is not None:
            send({"type": "result", "results": {"text/plain": result}, "execution_count": count})
        if error is not None:
            send(error)
        send({"type": "done"})


main()
