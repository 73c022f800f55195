"""gunicorn settings for Humas CMS (`gunicorn -c gunicorn.conf.py humas_site.wsgi`).

Everything can be overridden by the usual environment variables
(GUNICORN_CMD_ARGS, WEB_CONCURRENCY) or command-line flags.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The classic rule of thumb for sync workers: two per core plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take the site down.
max_requests = 20000
max_requests_jitter = 2000
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Send SIGHUP to the master for a graceful reload after a deploy.
