#!/usr/bin/env python3
"""P8 (restart with a large log) and the server side of P6 (its memory).

Usage: restart_bench.py --dealstream BIN --data DIR --rounds R --events N
                        --opportunities M --json F --markdown F
                        [--p6-json F] [--p6-markdown F] [--gen-seconds S]

DIR holds a generated history (bench/gen_history). The first start of
`dealstream serve` on it folds the whole log (no snapshots yet) and is timed
as the cold start; SIGTERM then makes it write its projection snapshots and
checkpoints. Each measured round starts the server again and times from
process start (just before exec) to its first HTTP answer (the server
listens once the read models and record lists have loaded their snapshots:
reads are served from then on) and to the first 200 of GET /readyz, which
answers 200 only once every read model, record list, token table, search
index and the command directory has caught up with the log (commands are
decided from then on). The resident memory of the serving process (VmRSS,
VmHWM) is read once it is ready. Rounds are reported as medians.
"""
import argparse, http.client, json, os, signal, socket, subprocess, sys, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def note_token(data, pid):
    """The process token `serve` writes to DIR/serve.json once it listens."""
    try:
        with open(os.path.join(data, "serve.json")) as f:
            note = json.load(f)
    except (OSError, ValueError):
        return None
    return note.get("token") if note.get("pid") == pid else None


def readyz_status(port, token):
    """The status of GET /readyz, or None while nothing answers."""
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        c.request("GET", "/readyz", headers={"Authorization": f"Bearer {token}"})
        status = c.getresponse().status
        c.close()
        return status
    except OSError:
        return None


def ready(port, token):
    return readyz_status(port, token) == 200


def rss(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) * 1024
    return out


def start_and_wait(binary, data, timeout):
    port = free_port()
    log = open(os.path.join(data, "..", "serve-%d.log" % port), "w")
    t0 = time.monotonic()
    proc = subprocess.Popen([binary, "serve", "--data", data, "--listen", f"127.0.0.1:{port}",
                             "--durability", "os"], stdout=log, stderr=subprocess.STDOUT)
    token = None
    answered_ms = None
    while True:
        token = token or note_token(data, proc.pid)
        status = readyz_status(port, token) if token else None
        if status is not None and answered_ms is None:
            answered_ms = (time.monotonic() - t0) * 1000
        if status == 200:
            ms = (time.monotonic() - t0) * 1000
            break
        if proc.poll() is not None:
            sys.exit(f"restart_bench: serve exited with {proc.returncode}; see {log.name}")
        if time.monotonic() - t0 > timeout:
            proc.kill()
            sys.exit(f"restart_bench: not ready within {timeout} s; see {log.name}")
        time.sleep(0.005)
    mem = rss(proc.pid)
    return proc, ms, mem, answered_ms


def stop(proc):
    t0 = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=600)
    return time.monotonic() - t0


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def main():
    p = argparse.ArgumentParser()
    for name in ("dealstream", "data", "json", "markdown", "p6-json", "p6-markdown"):
        p.add_argument("--" + name, default="")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--events", type=int, required=True)
    p.add_argument("--opportunities", type=int, required=True)
    p.add_argument("--gen-seconds", type=float, default=0)
    a = p.parse_args()

    # A kept data directory (scripts/bench reuses it) already has snapshots:
    # then the first start is not cold.
    had_snapshots = os.path.isdir(os.path.join(a.data, "projections"))
    first = "first start (snapshots of an earlier run present)" if had_snapshots else \
        "cold (no snapshots: the whole log folded)"
    proc, cold_ms, _, cold_answered_ms = start_and_wait(a.dealstream, a.data, 3600)
    stop_s = stop(proc)
    print(f"restart_bench: {first}: {cold_ms:.0f} ms; stop with snapshots {stop_s:.1f} s",
          file=sys.stderr)
    times, answered, rss_ready, hwm = [], [], [], []
    for r in range(a.rounds):
        proc, ms, mem, answered_ms = start_and_wait(a.dealstream, a.data, 600)
        stop(proc)
        times.append(ms)
        answered.append(answered_ms)
        rss_ready.append(mem.get("VmRSS", 0))
        hwm.append(mem.get("VmHWM", 0))
        print(f"restart_bench: round {r}: reads served after {answered_ms:.0f} ms, ready in "
              f"{ms:.0f} ms, RSS {mem.get('VmRSS', 0) >> 20} MB", file=sys.stderr)
    restart_ms = median(times)
    reads_ms = median(answered)
    result = {"P8": {"events": a.events, "opportunities": a.opportunities,
                     "restart_ms": round(restart_ms, 1), "restart_max_ms": round(max(times), 1),
                     "serving_reads_ms": round(reads_ms, 1),
                     "first_start_ms": round(cold_ms, 1), "first_start_cold": not had_snapshots,
                     "rounds": a.rounds}}
    met = "met" if restart_ms <= 2000 else "NOT met"
    with open(a.json, "w") as f:
        json.dump(result, f)
    rows = "".join(f"| restart {i + 1} | {r:.0f} ms | {t:.0f} ms |\n"
                   for i, (r, t) in enumerate(zip(answered, times)))
    with open(a.markdown, "w") as f:
        f.write(
            "## P8 — restart with a large log\n\n"
            f"Target: serving again in <= 2 s with 10M events. Ready for reads and commands "
            f"(`/readyz` 200) after **{restart_ms:.0f} ms** (median of {a.rounds}): target "
            f"**{met}** ({restart_ms / 2000:.2f}x the budget); serving reads after "
            f"**{reads_ms:.0f} ms** ({reads_ms / 2000:.2f}x).\n\n"
            f"A history of {a.events:,} events ({a.opportunities:,} opportunities) written by "
            f"`bench/gen_history`"
            + (f" in {a.gen_seconds:.0f} s" if a.gen_seconds else "")
            + ". Time from process start of `dealstream serve` to its first HTTP answer "
            "(read models and record lists loaded: reads served) and to the first 200 of "
            "`/readyz` (every read model, record list, token table, search index and the "
            "command directory caught up: commands decided).\n\n"
            "| start | serving reads after | ready after |\n|---|---:|---:|\n"
            f"| {first} | {cold_answered_ms:.0f} ms | {cold_ms:.0f} ms |\n"
            + rows + f"\nThe stop after the first start (snapshots written) took {stop_s:.1f} s.\n")
    if a.p6_json:
        rss_b, hwm_b = median(rss_ready), max(hwm)
        with open(a.p6_json, "w") as f:
            json.dump({"P6-serve": {"opportunities": a.opportunities, "events": a.events,
                                    "rss_bytes": rss_b, "peak_rss_bytes": hwm_b}}, f)
        with open(a.p6_markdown, "w") as f:
            f.write(
                "## P6-serve — memory of the running server\n\n"
                f"`dealstream serve` on the same {a.events:,}-event history, restarted from its "
                f"snapshots and ready: RSS **{rss_b / 2**30:.2f} GiB** (median of {a.rounds}), "
                f"peak {hwm_b / 2**30:.2f} GiB; target <= 2 GB: "
                f"**{'met' if rss_b <= 2e9 else 'NOT met'}**.\n")


if __name__ == "__main__":
    main()
