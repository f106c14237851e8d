"""`make bench`: serve the portal with gunicorn on PostgreSQL and load it with 20 concurrent clients.

Prints requests/s and p95 latency of the dashboard, the objective, activity and indicator lists, a
public page (anonymous, served from the cache) and two API lists beside those of a minimal Django
view (/healthz: one SELECT 1) measured in the same run.
A benchmark, not a test: it prints figures and the targets they are held to.
"""

import http.client
import os
import statistics
import subprocess
import sys
import threading
import time

from common import DATABASE_URL, ENV, ROOT, manage, prepare_database

PORT = int(os.environ.get("BENCH_PORT", "8765"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))


def session_cookie() -> str:
    code = (
        "from django.contrib.sessions.backends.db import SessionStore;"
        "from stakeholders.models import User;"
        "u=User.objects.get(username='observer');s=SessionStore();"
        "s['_auth_user_id']=str(u.pk);s['_auth_user_backend']='django.contrib.auth.backends.ModelBackend';"
        "s['_auth_user_hash']=u.get_session_auth_hash();s.create();print(s.session_key)"
    )
    return "sessionid=" + manage("shell", "-c", code).strip().splitlines()[-1]


def load(path: str, cookie: str, seconds: float = SECONDS) -> dict:
    """CLIENTS threads, each with a keep-alive connection, for some seconds; returns throughput and latencies."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        mine = []
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                ok = False
            if ok:
                mine.append(time.perf_counter() - started)
            else:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    return {
        "rps": len(latencies) / elapsed,
        "p95_ms": p95 * 1000,
        "median_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "requests": len(latencies),
        "errors": errors[0],
    }


def wait_until_up() -> None:
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            connection.request("GET", "/healthz", headers={"Host": "127.0.0.1"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def main() -> int:
    print(f"Preparing {DATABASE_URL} with the demo data ...", flush=True)
    prepare_database()
    cookie = session_cookie()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "uncnm_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=ENV,
    )
    try:
        wait_until_up()
        targets = [
            ("minimal view (/healthz)", "/healthz", cookie),
            ("dashboard", "/dashboard/", cookie),
            ("objective list", "/", cookie),
            ("activity list", "/activities/", cookie),
            ("indicator list", "/indicators/", cookie),
            ("public page (anonymous)", "/public/objectives/6/?lang=ru", ""),
            ("API assessments (anon.)", "/api/v1/assessments/", ""),
            ("API activities (member)", "/api/v1/activities/", cookie),
        ]
        for _name, path, who in targets:  # warm up every worker (and its cache)
            load(path, who, seconds=2)
        results = {name: load(path, who) for name, path, who in targets}
    finally:
        server.terminate()
        server.wait(timeout=30)

    setup = f"{CLIENTS} concurrent clients, {SECONDS:.0f} s per page, gunicorn with {WORKERS} workers"
    print(f"\n{setup}, {os.cpu_count()} cores\n")
    print(f"{'page':<26}{'req/s':>10}{'median ms':>12}{'p95 ms':>10}{'requests':>10}{'errors':>8}")
    for name, r in results.items():
        print(
            f"{name:<26}{r['rps']:>10.1f}{r['median_ms']:>12.1f}{r['p95_ms']:>10.1f}{r['requests']:>10}{r['errors']:>8}"
        )
    baseline = results["minimal view (/healthz)"]["rps"]

    def share(name: str) -> float:
        return 100 * results[name]["rps"] / baseline if baseline else 0

    # (page, least share of the minimal view's throughput in %, greatest p95 in ms or None)
    targets_met = [
        ("dashboard", 25, 250),
        ("activity list", 15, 250),
        ("indicator list", 15, 250),
        ("public page (anonymous)", 50, None),
    ]
    ok = not any(r["errors"] for r in results.values())
    print()
    for name, least, p95 in targets_met:
        met = share(name) >= least and (p95 is None or results[name]["p95_ms"] < p95)
        ok = ok and met
        limit = f", p95 {results[name]['p95_ms']:.0f} ms (target < {p95} ms)" if p95 else ""
        verdict = "met" if met else "NOT met"
        print(f"{name}: {share(name):.1f} % of the minimal view (target >= {least} %){limit}: {verdict}")
    print(f"\nall targets: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
