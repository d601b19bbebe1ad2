"""`manage.py worker`: django-tasks-db's database worker, plus the return of abandoned tasks.

django-tasks-db marks a task `RUNNING` when a worker claims it and never looks at it again: a
worker killed mid-task (OOM, SIGKILL, a lost host) leaves it running for ever. Here every worker
holds a PostgreSQL advisory lock on its own id for as long as it lives, on a connection of its
own. PostgreSQL releases the lock when that connection ends, also when the process is killed.
A second thread of every worker looks every few seconds for running tasks whose worker's lock is
free: that worker is gone, so the task goes back to `READY` and is run again. Our tasks are made
for that (pilots/tasks.py: the result is written in one transaction, once).
"""

import logging
import threading
import time

from django.db import connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

LOCK_CLASS = 17017  # first key of the two-key advisory lock: "a worker is alive"
SWEEP_SECONDS = 2.0


def requeue_abandoned(cursor: object, own_id: str) -> list[str]:
    """Put back the running tasks of workers that hold no lock any more; their ids."""
    requeued = []
    for task in DBTaskResult.objects.running().only("id", "worker_ids"):
        worker_id = task.worker_ids[-1] if task.worker_ids else ""
        if worker_id == own_id:
            continue
        cursor.execute("SELECT pg_try_advisory_lock(%s, hashtext(%s))", [LOCK_CLASS, worker_id])
        if not cursor.fetchone()[0]:
            continue  # its worker is alive and busy with it
        try:
            # Only if it is still the same run: the task may have finished meanwhile.
            put_back = DBTaskResult.objects.filter(
                pk=task.pk, status="RUNNING", worker_ids=task.worker_ids
            ).update(status="READY", started_at=None)
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s, hashtext(%s))", [LOCK_CLASS, worker_id])
        if put_back:
            logger.warning("Task %s of vanished worker %s is queued again", task.pk, worker_id)
            requeued.append(str(task.pk))
    return requeued


def _keep_alive(worker_id: str, locked: threading.Event) -> None:
    # A connection of this thread alone: the lock lives exactly as long as the process.
    connection = connections.create_connection("default")
    connection.connect()
    connection.set_autocommit(True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, hashtext(%s))", [LOCK_CLASS, worker_id])
    locked.set()
    while True:
        try:
            with connection.cursor() as cursor:
                requeue_abandoned(cursor, worker_id)
        except Exception:  # a database restart: the worker loop itself will notice too
            logger.exception("Looking for abandoned tasks failed")
            connection.close()
            time.sleep(SWEEP_SECONDS)
            connection.connect()
            connection.set_autocommit(True)
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_lock(%s, hashtext(%s))", [LOCK_CLASS, worker_id])
        time.sleep(SWEEP_SECONDS)


class Command(DbWorkerCommand):
    help = "Run the background worker (django-tasks-db) that also re-queues abandoned tasks"

    def handle(self, *args: object, **options: object) -> None:
        if connections["default"].vendor != "postgresql":
            raise SystemExit("manage.py worker needs PostgreSQL (DATABASE_URL)")
        # The reloader would run a second process with the same worker id (and lock).
        options["reload"] = False
        locked = threading.Event()
        threading.Thread(
            target=_keep_alive, args=(options["worker_id"], locked), daemon=True, name="sweeper"
        ).start()
        if not locked.wait(timeout=30):
            raise SystemExit("worker: could not take its advisory lock in 30 s")
        super().handle(*args, **options)
