# Runs one command for the bench (bench/spawn.ts measureAlternating) and writes, as JSON to the file
# named first, its exit status, its wall time, its CPU time (user and system) and its peak resident set
# size as the kernel counts them (wait4's rusage: the process and the children it waited for). The same for a Node
# tool and a Python one. The command's standard output goes to the file named second.
import json
import os
import sys
import time

result_file, stdout_file, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
out = os.open(stdout_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
start = time.monotonic()
pid = os.fork()
if pid == 0:
    os.dup2(out, 1)
    try:
        os.execvp(argv[0], argv)
    except OSError as error:
        os.write(2, f"{argv[0]}: {error}\n".encode())
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.monotonic() - start
# ru_maxrss is in KiB on Linux, in bytes on macOS.
rss_kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
with open(result_file, "w") as f:
    json.dump({"status": os.waitstatus_to_exitcode(status), "ms": elapsed * 1000, "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000, "rssKiB": rss_kib}, f)
