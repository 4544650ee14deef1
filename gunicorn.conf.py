"""Gunicorn's settings for production (read by `gunicorn config.wsgi` from this folder).

Threaded workers (gthread): a connection is handed to a thread only once its request has
arrived, so slow or half-open clients wait in the poller and do not block a worker, as
they would with sync workers. A buffering proxy in front is still expected (README).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request that takes longer than this is killed; database and cache give up sooner.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Idle keep-alive connections are closed after this, so they cannot pile up.
keepalive = 5
# Bounds on the request head: nothing real comes near them.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Trust X-Forwarded-* only from these addresses (the proxy); never from anyone.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Restart workers now and then, so a slow leak cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
