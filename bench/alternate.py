# Compares commands in alternating rounds, for before-and-after figures of a change:
#   python3 bench/alternate.py ROUNDS 'node OLD/cli.cjs lint DIR' 'node dist/cli.cjs lint DIR' ...
# Each round runs every command once (every other round in reverse order), after one round that is
# not counted, so that a change in the machine's load falls on all of them alike. Prints each
# command's median wall time and median CPU time (user and system, from wait4), with the least of
# each. Output of the commands is discarded. Keep the old build with `cp -r dist SOMEWHERE` first.
import os
import shlex
import statistics
import sys
import time

rounds = int(sys.argv[1])
commands = sys.argv[2:]
if rounds < 1 or not commands:
    sys.exit("usage: python3 bench/alternate.py ROUNDS COMMAND [COMMAND ...]")
times = {c: ([], []) for c in commands}
devnull = os.open(os.devnull, os.O_WRONLY)
for r in range(rounds + 1):
    for command in commands if r % 2 == 0 else commands[::-1]:
        argv = shlex.split(command)
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            try:
                os.execvp(argv[0], argv)
            except OSError:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"{command}: exit {os.waitstatus_to_exitcode(status)}")
        if r > 0:
            times[command][0].append(time.monotonic() - start)
            times[command][1].append(usage.ru_utime + usage.ru_stime)
for command in commands:
    wall, cpu = times[command]
    print(f"{statistics.median(wall):7.3f} s wall (least {min(wall):.3f})  {statistics.median(cpu):7.3f} s CPU (least {min(cpu):.3f})  {command}")
