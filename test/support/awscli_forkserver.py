"""Runs the real AWS CLI once per case, each in its own process.

The CLI spends most of a run building its command tables (every service, then the ssm
operations). This launcher builds them once, exactly as `aws` does at start-up, then forks one
child per case: the child changes to the case's directory, points stdout and stderr at files and
runs the CLI's own entry point on the case's argv, as the `aws` script would, and exits with its
status. Nothing is shared between cases but what the CLI had built before reading any argument.

stdin: JSON {"concurrency": n, "cases": [{"id", "argv", "cwd"}]}
stdout: JSON {"version": awscli.__version__, "results": [{"id", "exit", "stdout", "stderr"}]}
"""
import json
import os
import sys

import awscli
import awscli.clidriver as clidriver


def build_driver():
    if hasattr(clidriver, 'AWSCLIEntryPoint'):
        driver = clidriver.create_clidriver([])
    else:
        driver = clidriver.create_clidriver()
    driver._get_command_table()['ssm']._get_command_table()
    return driver


def run_child(driver, case):
    os.chdir(case['cwd'])
    out = os.open(os.path.join(case['cwd'], '.stdout'), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    err = os.open(os.path.join(case['cwd'], '.stderr'), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.argv = ['aws'] + case['argv']
    try:
        if hasattr(clidriver, 'AWSCLIEntryPoint'):
            rc = clidriver.AWSCLIEntryPoint(driver).main(case['argv'])
        else:
            rc = driver.main(case['argv'])
            clidriver.HISTORY_RECORDER.record('CLI_RC', rc, 'CLI')
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(rc if isinstance(rc, int) else 0)


def main():
    request = json.load(sys.stdin)
    driver = build_driver()
    pending = list(request['cases'])
    running = {}
    results = []
    while pending or running:
        while pending and len(running) < request['concurrency']:
            case = pending.pop(0)
            pid = os.fork()
            if pid == 0:
                run_child(driver, case)
            running[pid] = case
        pid, status = os.wait()
        case = running.pop(pid)
        code = os.waitstatus_to_exitcode(status)
        with open(os.path.join(case['cwd'], '.stdout'), encoding='utf-8', errors='replace') as f:
            stdout = f.read()
        with open(os.path.join(case['cwd'], '.stderr'), encoding='utf-8', errors='replace') as f:
            stderr = f.read()
        results.append({'id': case['id'], 'exit': code, 'stdout': stdout, 'stderr': stderr})
    json.dump({'version': awscli.__version__, 'results': results}, sys.stdout)


if __name__ == '__main__':
    main()
