# Baton's namespace fork server: one per host driver, started with `python3 -S -c`. It reads one
# JSON request per line on stdin and starts each step in new mount and PID namespaces by forking
# itself: no shell, no mount(8), no unshare(1) per step; the step's program is the only exec.
#
#   server --fork--> A: unshare(mount, pid [, user]); / made private
#                    A --fork--> B: init of the new PID namespace: mounts, chroot, chdir
#                                B --fork--> C: the step (stdio from files, exec)
#
# Replies on stdout, one line each (a single write, so lines from many processes never mix):
#   started ID PID    host PID of B; a cancel signals B's descendants, a kill B itself, which ends the namespace
#   exited ID CODE    C ended (exit code, or 128+signal) and every other process of the namespace was
#                     sent SIGKILL; sent before the namespace is torn down, which goes on in the background
#   ended ID CODE     A is done: B is gone; the last line for ID (CODE is B's status, 137 when B was killed)
# A setup failure writes sandbox-error.txt in the work area and ends with code 125.
# When stdin closes (the driver closed or died) the server exits; A and B follow it through
# PR_SET_PDEATHSIG, and the kernel kills what ran in each namespace with its init.
import ctypes
import json
import os
import signal
import sys

CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUSER = 0x00020000, 0x20000000, 0x10000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 8, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG = 1
SETUP_FAILED = 125

libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.unshare.argtypes = [ctypes.c_int]
libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]


def say(*words):
    os.write(1, (" ".join(str(w) for w in words) + "\n").encode())


def check(rc, what):
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def encode(text):
    return None if text is None else os.fsencode(text)


def mount(source, target, fstype, flags, data=None):
    check(libc.mount(encode(source), encode(target), encode(fstype), flags, encode(data)), "mount " + target)


def die_with_parent():
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def status_code(status):
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)


def setup_failed(req, error):
    try:
        with open(os.path.join(req["dir"], "sandbox-error.txt"), "w") as f:
            f.write(str(error) + "\n")
    finally:
        say("exited", req["id"], SETUP_FAILED)
        os._exit(SETUP_FAILED)


def namespace(req, server):
    """A: creates the namespaces, starts their init and waits for it."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    die_with_parent()
    if os.getppid() != server:
        os._exit(1)
    try:
        uid, gid = os.getuid(), os.getgid()
        flags = CLONE_NEWNS | CLONE_NEWPID | (CLONE_NEWUSER if req["userns"] else 0)
        check(libc.unshare(flags), "unshare")
        if req["userns"]:
            for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"), ("gid_map", f"0 {gid} 1")):
                with open("/proc/self/" + name, "w") as f:
                    f.write(text)
        mount(None, "/", None, MS_REC | MS_PRIVATE)
        stdio = [os.open("/dev/null", os.O_RDONLY),
                 os.open(req["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
                 os.open(req["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    except OSError as e:
        setup_failed(req, e)
    init = os.fork()
    if init == 0:
        try:
            namespace_init(req, stdio)
        except BaseException as e:
            setup_failed(req, e)
    say("started", req["id"], init)
    _, status = os.waitpid(init, 0)
    say("ended", req["id"], status_code(status))
    os._exit(0)


def namespace_init(req, stdio):
    """B: PID 1 of the namespace; builds the view, runs the step, then ends everything else."""
    die_with_parent()
    try:
        os.chdir(req["dir"])
        if req.get("tmp"):
            mount(req["tmp"], "/tmp", None, MS_BIND)
        for kind, source, target, options in req["mounts"]:
            if kind == "proc":
                mount("proc", target, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
            elif kind == "overlay":
                mount("overlay", target, "overlay", 0, options)
            else:
                mount(source, target, None, MS_BIND | (MS_REC if kind == "rbind" else 0))
        if req.get("root"):
            os.chroot(req["root"])
        os.chdir(req["cwd"])
    except OSError as e:
        setup_failed(req, e)
    step = os.fork()
    if step == 0:
        run_step(req, stdio)
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
    say("exited", req["id"], code)
    os._exit(code)


def run_step(req, stdio):
    """C: the step itself."""
    try:
        for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_DFL)
        for target, fd in enumerate(stdio):
            os.dup2(fd, target)
        env = req["env"]
        argv = req["argv"]
        os.execvpe(argv[0], argv, env)
    except OSError as e:
        os.write(2, f"baton: cannot run {req['argv'][0]}: {e.strerror}\n".encode())
        os._exit(127)
    except BaseException:
        os._exit(127)


def main():
    server = os.getpid()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # namespaces (A) are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # a Ctrl-C is the driver's to handle
    for line in sys.stdin.buffer:
        req = json.loads(line)
        if os.fork() == 0:
            try:
                namespace(req, server)
            except BaseException as e:
                setup_failed(req, e)


main()
