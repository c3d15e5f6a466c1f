# Baton's namespace fork server: one per host driver, started with `python3 -S -c`. It reads one
# JSON request per line on stdin and starts each step with no shell, no mount(8) and no unshare(1):
#
#   server --clone(new mount + PID namespace)--> init: PID 1 of the namespace; mounts, chroot, chdir
#                                                init --posix_spawn--> the step (the only exec)
#
# The step holds no privilege. Hidden directories ($BATON_HOME) are covered with an empty read-only tmpfs, the
# host's shared writable ones (/var/tmp, /dev/shm) with an empty writable tmpfs of the step's own.
# Run by root, the init sets its real ids to the step user's and keeps effective and saved ids 0 (so it
# keeps the capabilities it needs to record the exit and end the namespace); posix_spawn's resetids makes
# the child's effective ids its real ones, and execve as a non-root user leaves it no capabilities. Run by
# an ordinary user, the user namespace maps that user to itself (not to root), so the step's execve drops
# the capabilities the init holds in the namespace. Either way the bounding set is emptied and
# no_new_privs set first, so setuid programs and file capabilities gain nothing.
#
# A raw clone() makes the namespaces and their init in one copy of this small process, and
# posix_spawn() (vfork) starts the step without copying it again: copies of a Python process are
# what a step would otherwise spend most of its time on.
#
# Replies on stdout, one line each (a single write, so lines from many processes never mix):
#   started ID PID    host PID of the init; a cancel signals its descendants, a kill the init itself,
#                     which ends the namespace and everything in it
#   exited ID CODE    the step ended (exit code, or 128+signal) and every other process of the namespace
#                     was sent SIGKILL; sent before the namespace is torn down, which goes on in the background
#   ended ID CODE     the init is gone (CODE 137 when it was killed); the last line for ID
# A setup failure writes sandbox-error.txt in the work area and ends with code 125.
#
# Steps outlive the engine: each init records, in the step's work area on the host side, `init.pid`
# (its host PID and start time, before the step starts; created exclusively, and the step is not run
# when it exists already) and `exit-status` (`exited CODE` or `signalled SIGNAL`, once the step ended
# and its output files are complete), each written to a temporary file and linked or renamed. An engine started after a crash reads them to re-attach to the step or
# collect its result. When stdin closes (the driver closed or died) the server exits without starting
# any request still unread; the inits it started carry on, and a write to the dead driver is ignored.
import ctypes
import gc
import json
import os
import selectors
import signal
import sys

CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER = 0x00020000, 0x20000000, 0x10000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 8, 4096, 16384, 1 << 18
PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 24, 38
SETUP_FAILED = 125
SYS_CLONE = {"x86_64": 56, "aarch64": 220, "riscv64": 220, "ppc64le": 120, "s390x": 120}[os.uname().machine]
RESET_SIGNALS = (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT, signal.SIGCHLD)

libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.syscall.restype = ctypes.c_long
libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
with open("/proc/sys/kernel/cap_last_cap") as f:
    LAST_CAP = int(f.read())
libc.syscall.argtypes = [ctypes.c_long, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                         ctypes.c_ulong]


def say(*words):
    try:
        os.write(1, (" ".join(str(w) for w in words) + "\n").encode())
    except OSError:  # the driver is gone; what the step did is in its work area
        pass


def record(area, name, text):
    """Writes a file of the work area whole or not at all, through a directory fd opened before any chroot."""
    if area is None:
        return
    fd = os.open(name + ".tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644, dir_fd=area)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)
    os.rename(name + ".tmp", name, src_dir_fd=area, dst_dir_fd=area)


def claim(area, text):
    """Creates init.pid unless it exists: a later engine that found the step never started claims it the same way."""
    try:
        fd = os.open("init.pid.tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644, dir_fd=area)
        try:
            os.write(fd, text.encode())
        finally:
            os.close(fd)
        os.link("init.pid.tmp", "init.pid", src_dir_fd=area, dst_dir_fd=area)
        return True
    except OSError:  # claimed already, or the work area is gone: either way the step is not this init's to run
        return False
    finally:
        try:
            os.unlink("init.pid.tmp", dir_fd=area)
        except OSError:
            pass


def exit_status(status):
    if os.WIFEXITED(status):
        return f"exited {os.WEXITSTATUS(status)}\n"
    return f"signalled {os.WTERMSIG(status)}\n"


def check(rc, what):
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def mount(source, target, fstype, flags, data=None):
    enc = lambda text: None if text is None else os.fsencode(text)
    check(libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)), "mount " + target)


def hide(paths):
    """Covers each hidden directory the view shows with an empty read-only file system."""
    for path in paths:
        if os.path.isdir(path):
            mount("tmpfs", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=0555,size=4k")


def replace_shared(paths):
    """Gives each shared writable directory the view shows an empty one of the step's own (MountTable's options)."""
    for path in paths:
        if os.path.isdir(path):
            mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777,size=64m")


def unprivileged(user):
    """Leaves the init its capabilities but nothing for the step to inherit (see the top of this file)."""
    if user is not None:
        uid, gid = user
        os.setgroups([])
        os.setresgid(gid, 0, 0)
        os.setresuid(uid, 0, 0)
    for cap in range(LAST_CAP + 1):
        check(libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0), "drop capability %d from the bounding set" % cap)
    check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "set no_new_privs")


def status_code(status):
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


def setup_failed(req, area, error):
    try:
        with open(os.path.join(req["dir"], "sandbox-error.txt"), "w") as f:
            f.write(str(error) + "\n")
        record(area, "exit-status", f"exited {SETUP_FAILED}\n")
    finally:
        say("exited", req["id"], SETUP_FAILED)
        os._exit(SETUP_FAILED)


def own_start():
    """This process's host PID and start time (clock ticks after boot), from the host's /proc."""
    with open("/proc/self/stat") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    return int(stat.split(" ", 1)[0]), int(fields[19])


def program(argv0, env):
    """argv[0] searched on the step's own PATH, as execvp would inside the step."""
    if "/" in argv0:
        return argv0
    for directory in env.get("PATH", "/usr/bin:/bin").split(":"):
        path = os.path.join(directory or ".", argv0)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise FileNotFoundError(2, f"{argv0}: not found on PATH")


def namespace_init(req, ids):
    """PID 1 of a new namespace, cloned from the server: builds the view, runs the step, ends the rest."""
    area = None
    try:
        signal.set_wakeup_fd(-1)
        for sig in RESET_SIGNALS:
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # the step gets the default back from posix_spawn
        area = os.open(req["dir"], os.O_RDONLY | os.O_DIRECTORY)
        pid, started = own_start()  # read before /proc is replaced by the namespace's own
        if req["userns"]:
            uid, gid = ids
            for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
                with open("/proc/self/" + name, "w") as f:
                    f.write(text)
        if not claim(area, f"{pid} {started}\n"):  # once files can be created as the mapped user
            say("exited", req["id"], SETUP_FAILED)  # a later engine took the step as never started
            os._exit(SETUP_FAILED)
        # Opened before /tmp is replaced: the work area may be under the host's /tmp.
        stdio = [os.open("/dev/null", os.O_RDONLY),
                 os.open(req["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
                 os.open(req["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
        mount(None, "/", None, MS_REC | MS_PRIVATE)
        os.chdir(req["dir"])
        if req.get("tmp"):  # the host's file system, with its own /tmp and its own processes in /proc
            mount(req["tmp"], "/tmp", None, MS_BIND)
            mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        for kind, source, target, options in req["mounts"]:
            if kind == "proc":
                mount("proc", target, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
            elif kind == "overlay":
                mount("overlay", target, "overlay", 0, options)
            else:
                mount(source, target, None, MS_BIND | (MS_REC if kind == "rbind" else 0))
        if req.get("root"):
            os.chroot(req["root"])
        hide(req["hide"])
        replace_shared(req["shared"])  # after hide(): covers a hidden directory inside too
        os.chdir(req["cwd"])
        unprivileged(req["user"])
    except BaseException as e:
        setup_failed(req, area, e)
    try:
        env = req["env"]
        step = os.posix_spawn(program(req["argv"][0], env), req["argv"], env,
                              file_actions=[(os.POSIX_SPAWN_DUP2, fd, target) for target, fd in enumerate(stdio)],
                              setsigdef=RESET_SIGNALS, resetids=True)
    except OSError as e:
        os.write(stdio[2], f"baton: cannot run {req['argv'][0]}: {e.strerror}\n".encode())
        record(area, "exit-status", "exited 127\n")
        say("exited", req["id"], 127)
        os._exit(127)
    for fd in stdio:
        os.close(fd)
    while True:  # as init, also reaps what the step leaves behind
        pid, status = os.waitpid(-1, 0)
        if pid == step:
            break
    try:
        os.kill(-1, signal.SIGKILL)  # from a namespace's init: every other process of the namespace
    except ProcessLookupError:
        pass
    code = status_code(status)
    record(area, "exit-status", exit_status(status))
    say("exited", req["id"], code)
    os._exit(code)


def start(req, ids, running, parent):
    if os.getppid() != parent:
        return  # the driver died with this request unread; a later engine decides what becomes of the step
    flags = CLONE_NEWNS | CLONE_NEWPID | (CLONE_NEWUSER if req["userns"] else 0)
    pid = libc.syscall(SYS_CLONE, flags | signal.SIGCHLD, 0, 0, 0, 0)
    if pid == 0:
        try:
            namespace_init(req, ids)
        finally:
            os._exit(SETUP_FAILED)
    if pid < 0:
        try:
            with open(os.path.join(req["dir"], "sandbox-error.txt"), "w") as f:
                f.write(f"clone: {os.strerror(ctypes.get_errno())}\n")
        finally:
            say("exited", req["id"], SETUP_FAILED)
            say("ended", req["id"], SETUP_FAILED)
        return
    running[pid] = req["id"]
    say("started", req["id"], pid)


def reap(running):
    while running:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        step = running.pop(pid, None)
        if step is not None:
            say("ended", step, status_code(status))


def main():
    ids = (os.getuid(), os.getgid())
    parent = os.getppid()
    running = {}
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is the driver's to handle
    selector = selectors.DefaultSelector()
    selector.register(0, selectors.EVENT_READ, "requests")
    selector.register(wake_read, selectors.EVENT_READ, "children")
    gc.freeze()  # keeps the collector from touching (and so copying) the pages every clone shares
    pending = b""
    while True:
        for key, _ in selector.select():
            if key.data == "children":
                os.read(wake_read, 4096)
                reap(running)
                continue
            data = os.read(0, 65536)
            if not data:
                return
            pending += data
            *lines, pending = pending.split(b"\n")
            for line in lines:
                start(json.loads(line), ids, running, parent)


main()
