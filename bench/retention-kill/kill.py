#!/usr/bin/env python3
"""Kills a retention writer (core-scheduler's test class ChangeWriterMain, the writer RetentionKillAfterStartTest
kills) with SIGKILL at random instants and says whether every version it had
reported as written is in the file afterwards. Prints figures only.

usage: kill.py CLASSPATH SEED_MV_DB WORK_DIR KILLS [MIN_S MAX_S]
Each round copies SEED_MV_DB into WORK_DIR, starts the writer on it, kills it MIN_S..MAX_S seconds (default 1..6)
after it opened the database, copies the file and reads its highest version with MaxVersion.
"""
import os
import random
import shutil
import subprocess
import sys
import threading
import time


def main(argv):
    if len(argv) not in (5, 7):
        sys.exit(__doc__)
    cp, seed, work, kills = argv[1], argv[2], argv[3], int(argv[4])
    lo, hi = (float(argv[5]), float(argv[6])) if len(argv) == 7 else (1.0, 6.0)
    lost = 0
    for i in range(kills):
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        shutil.copyfile(seed, f"{work}/vigil-retention.mv.db")
        p = subprocess.Popen(["java", "-cp", cp, "org.vigil.engine.retention.ChangeWriterMain", f"{work}/retention.dat"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        seen = {"durable": -1, "start": None}
        t0 = time.monotonic()

        def read():
            for line in p.stdout:
                if line.startswith("DURABLE"):
                    seen["durable"] = int(line.split()[1])
                elif line.startswith("STARTED"):
                    seen["start"], seen["v0"] = time.monotonic() - t0, int(line.split()[1])
                else:
                    print("  >", line.rstrip())

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        while seen["start"] is None and time.monotonic() - t0 < 120 and p.poll() is None:
            time.sleep(0.05)
        time.sleep(random.uniform(lo, hi))
        p.kill()
        p.wait()
        reader.join(2)
        shutil.copyfile(f"{work}/vigil-retention.mv.db", f"{work}/after-kill.mv.db")
        found = subprocess.run(["java", "-cp", cp, "MaxVersion", f"{work}/after-kill"], capture_output=True, text=True)
        got = int(found.stdout.strip() or -1)
        missing = got < seen["durable"]
        lost += missing
        print(f"kill {i + 1}: opened at version {seen.get('v0')}, reported written up to {seen['durable']}, "
              f"file holds up to {got}{'  LOST' if missing else ''}", flush=True)
    print(f"kills that lost versions reported as written: {lost} of {kills}")


if __name__ == "__main__":
    main(sys.argv)
