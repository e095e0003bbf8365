#!/usr/bin/env python3
"""End-to-end test of `dealstream import maven-crm` and its reconciliation.

Imports the Maven CRM dataset into a fresh data directory with the real
binary, then checks that the employee, office (department) and product
figures of the read models -- won count, lost count, win rate, won amount --
equal a computation made here, straight from the CSV files with the csv
module, sharing no code with the projections. Equality is exact (the win
rate is the same IEEE double, amounts the same decimal strings).

Then, on the imported data: history and as-of state of one deal, verify,
a sealed JSON Lines export imported into another empty directory (same head
hash, same read models), and rebuild + verify of the copy's projections.

usage: maven_reconcile.py DEALSTREAM_BINARY DATASET_DIR WORK_DIR
"""
import collections
import csv
import json
import os
import shutil
import subprocess
import sys
import time

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL: " + message, file=sys.stderr)


def run(binary, *args, expect=0):
    started = time.monotonic()
    proc = subprocess.run([binary, *args], capture_output=True, text=True)
    took = time.monotonic() - started
    if proc.returncode != expect:
        sys.exit("dealstream %s exited %d (expected %d)\nstdout:\n%s\nstderr:\n%s"
                 % (" ".join(args), proc.returncode, expect, proc.stdout, proc.stderr))
    return proc.stdout, took


def read_csv(dataset, name):
    with open(os.path.join(dataset, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def independent_figures(dataset):
    """Won/lost counts and won amounts per agent, office and product."""
    teams = read_csv(dataset, "sales_teams.csv")
    office_of = {t["sales_agent"]: t["regional_office"] for t in teams}
    products = [p["product"] for p in read_csv(dataset, "products.csv")]
    # The pipeline writes one product without its space ("GTXPro"); match
    # names ignoring spaces and case, as the dataset's README explains.
    canonical = {p.replace(" ", "").lower(): p for p in products}

    def zero():
        return {"won": 0, "lost": 0, "amount": 0}

    agents = {t["sales_agent"]: zero() for t in teams}
    offices = {o: zero() for o in office_of.values()}
    by_product = {p: zero() for p in products}
    total = zero()
    for row in read_csv(dataset, "sales_pipeline.csv"):
        stage = row["deal_stage"]
        if stage not in ("Won", "Lost"):
            continue
        product = canonical[row["product"].replace(" ", "").lower()]
        for bucket in (agents[row["sales_agent"]], offices[office_of[row["sales_agent"]]],
                       by_product[product], total):
            if stage == "Won":
                bucket["won"] += 1
                bucket["amount"] += int(row["close_value"])
            else:
                bucket["lost"] += 1
    return agents, offices, by_product, total


def compare(label, got, want):
    check(got["won_count"] == want["won"],
          "%s won_count %s != %s" % (label, got["won_count"], want["won"]))
    check(got["lost_count"] == want["lost"],
          "%s lost_count %s != %s" % (label, got["lost_count"], want["lost"]))
    decided = want["won"] + want["lost"]
    rate = want["won"] / decided if decided else None
    check(got["win_rate"] == rate, "%s win_rate %r != %r" % (label, got["win_rate"], rate))
    amount = {"amount": "%d.00" % want["amount"], "currency": "USD"}
    check(got["won_amount"] == amount,
          "%s won_amount %s != %s" % (label, got["won_amount"], amount))


def reconcile(binary, dataset, data, label):
    """Employee, office and product figures of `data` equal the CSV's."""
    agents, offices, by_product, total = independent_figures(dataset)
    employees = json.loads(run(binary, "query", "employees", "--format", "json", "--data", data)[0])
    rows = {e["name"]: e for e in employees["employees"]}
    for agent, want in agents.items():
        check(agent in rows, "%s: employee %s missing from the read model" % (label, agent))
        if agent in rows:
            compare(label + ": employee " + agent, rows[agent], want)
    departments = {d["name"]: d for d in employees["departments"]}
    for office, want in offices.items():
        check(office in departments, "office %s missing from the read model" % office)
        if office in departments:
            compare(label + ": office " + office, departments[office], want)
    compare(label + ": headquarters", departments["Headquarters"], total)
    for product, want in by_product.items():
        view = json.loads(run(binary, "query", "departments", "--product",
                              "maven-product-" + slug(product), "--data", data)[0])
        hq = [d for d in view["departments"] if d["name"] == "Headquarters"]
        check(len(hq) == 1, "product %s: no Headquarters row" % product)
        if hq:
            compare(label + ": product " + product, hq[0], want)

    return agents, offices, by_product


def import_beside_a_running_server(binary, dataset, work):
    """`import maven-crm` on a directory a running server holds goes through
    the server's command API; the result reconciles the same way."""
    data = os.path.join(work, "served")
    server = subprocess.Popen([binary, "serve", "--data", data, "--listen", "127.0.0.1:0",
                               "--durability", "os"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        note = os.path.join(data, "serve.json")
        deadline = time.monotonic() + 120
        while not os.path.exists(note) and time.monotonic() < deadline:
            check(server.poll() is None, "the server exited early")
            time.sleep(0.2)
        check(os.path.exists(note), "the server left no serve.json")
        summary, took = run(binary, "import", "maven-crm", dataset, "--data", data)
        print("import through the server: %.1f s" % took)
        check("imported through the server at http://127.0.0.1:" in summary,
              "import beside a server: " + summary[-300:])
        check("opportunities  8,800" in summary, "import beside a server: " + summary[-300:])
        reconcile(binary, dataset, data, "through the server")
        history = json.loads(run(binary, "history", "opportunity-1C1I7A6R", "--format", "json",
                                 "--data", data)[0])
        check(history["steps"][2]["causation_id"] == history["steps"][1]["event_id"],
              "through the server, each step is still caused by the previous one")
        again, _ = run(binary, "import", "maven-crm", dataset, "--data", data)
        check(" 0 events written" in again,
              "a second import through the server writes nothing: " + again[-400:])
    finally:
        server.terminate()
        check(server.wait(timeout=60) == 0, "the server did not stop cleanly")


def slug(name):
    out = []
    for c in name.lower():
        if c.isalnum():
            out.append(c)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def main():
    binary, dataset, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    data = os.path.join(work, "data")

    summary, took = run(binary, "import", "maven-crm", dataset, "--data", data, "--durability", "os")
    print("import: %.1f s" % took)
    print(summary)
    for needle in ("product_alias: 1,480", "blank_account: 1,425", "blank_engage_date: 500",
                   "blank_close: 2,089", "lost_zero_value: 2,473", "agents_without_deals: 5",
                   "sector_misspelled: 12", "country_misspelled: 1",
                   "account_name_lowercase: 1", "dictionary_whitespace: 1",
                   "opportunities  8,800 (Prospecting 500, Engaging 1,589, Won 4,238, Lost 2,473)"):
        check(needle in summary, "import summary lacks %r" % needle)

    agents, offices, by_product = reconcile(binary, dataset, data, "direct import")

    history = json.loads(run(binary, "history", "opportunity-1C1I7A6R", "--format", "json",
                             "--data", data)[0])
    check([s["command"] for s in history["steps"]] ==
          ["OpenOpportunity", "AdvanceOpportunityStage", "WinOpportunity"],
          "history of 1C1I7A6R: %s" % [s["command"] for s in history["steps"]])
    check(history["steps"][2]["time"] == "2017-03-01T00:00:00.000000Z", "won at close_date")
    check(history["steps"][2]["causation_id"] == history["steps"][1]["event_id"],
          "each step is caused by the previous one")
    before = json.loads(run(binary, "state", "opportunity-1C1I7A6R", "--as-of", "2017-02-28",
                            "--format", "json", "--data", data)[0])
    check(before["state"]["status"] == "open" and before["state"]["stage"] == "Qualification",
          "as of 2017-02-28 the deal is open in Qualification: %s" % before["state"]["stage"])

    verified, took = run(binary, "verify", "--data", data)
    print("verify: %.1f s" % took)
    head = verified.split("head ")[1].split()[0]

    export = os.path.join(work, "log.jsonl")
    _, took = run(binary, "export", "--format", "jsonl", "--sealed", "--output", export,
                  "--data", data)
    print("export: %.1f s" % took)
    copy = os.path.join(work, "copy")
    _, took = run(binary, "import", "jsonl", export, "--data", copy)
    print("import jsonl: %.1f s" % took)
    copied = run(binary, "verify", "--data", copy)[0]
    check(copied.split("head ")[1].split()[0] == head, "the copy's head hash differs")
    for projection in ("employees", "funnel", "forecast", "pipeline", "lifecycle"):
        a = run(binary, "query", projection, "--data", data)[0]
        b = run(binary, "query", projection, "--data", copy)[0]
        check(a == b, "query %s differs between the source and the imported copy" % projection)
    rebuilt, took = run(binary, "rebuild", "--data", copy)
    print("rebuild: %.1f s" % took)
    after = run(binary, "verify", "--data", copy)[0]
    check("projection crm: OK" in after, "verify after rebuild: " + after)

    import_beside_a_running_server(binary, dataset, work)

    if FAILURES:
        sys.exit("%d reconciliation failures" % len(FAILURES))
    print("reconciled %d employees, %d offices, %d products exactly" %
          (len(agents), len(offices), len(by_product)))


if __name__ == "__main__":
    main()
