#!/usr/bin/env python3
"""Writes python-packaging.graphml: a slice of the Python packaging ecosystem (PyPI), one node per
distribution, an edge u -> v for "u declares a runtime dependency on v" (the reading EcoGraph gives
generic graphs: u depends on v).

Facts: each package's required runtime dependencies as its recent releases declare them (extras and
test/doc-only dependencies left out; a few Python-version- or platform-conditional ones kept where they
apply to CPython 3.11 on Linux: keyring -> SecretStorage, jeepney). Run with networkx 3.x:

    python3 Examples/Data/make_graph.py
"""
import os

import networkx as nx

DEPENDS = {
    # HTTP
    "requests": ["urllib3", "idna", "charset-normalizer", "certifi"],
    "requests-toolbelt": ["requests"],
    "httpx": ["httpcore", "anyio", "certifi", "idna"],
    "httpcore": ["h11", "certifi"],
    "anyio": ["idna", "sniffio"],
    # publishing and building
    "twine": ["readme-renderer", "requests", "requests-toolbelt", "urllib3", "keyring", "rfc3986", "rich",
              "pkginfo", "packaging", "id"],
    "id": ["requests"],
    "readme-renderer": ["nh3", "docutils", "pygments"],
    "keyring": ["jaraco.classes", "jaraco.functools", "jaraco.context", "secretstorage", "jeepney"],
    "secretstorage": ["cryptography", "jeepney"],
    "cryptography": ["cffi"],
    "cffi": ["pycparser"],
    "jaraco.classes": ["more-itertools"],
    "jaraco.functools": ["more-itertools"],
    "build": ["packaging", "pyproject-hooks"],
    "rich": ["markdown-it-py", "pygments"],
    "markdown-it-py": ["mdurl"],
    # testing and environments
    "pytest": ["iniconfig", "packaging", "pluggy", "pygments"],
    "tox": ["cachetools", "chardet", "colorama", "filelock", "packaging", "platformdirs", "pluggy",
            "pyproject-api", "virtualenv"],
    "pyproject-api": ["packaging"],
    "virtualenv": ["distlib", "filelock", "platformdirs"],
    "black": ["click", "mypy-extensions", "packaging", "pathspec", "platformdirs"],
    # web
    "flask": ["werkzeug", "jinja2", "itsdangerous", "click", "blinker"],
    "werkzeug": ["markupsafe"],
    "jinja2": ["markupsafe"],
    "fastapi": ["starlette", "pydantic", "typing-extensions"],
    "starlette": ["anyio"],
    "uvicorn": ["click", "h11"],
    "pydantic": ["pydantic-core", "typing-extensions", "annotated-types", "typing-inspection"],
    "pydantic-core": ["typing-extensions"],
    "typing-inspection": ["typing-extensions"],
    # science
    "pandas": ["numpy", "python-dateutil", "pytz", "tzdata"],
    "python-dateutil": ["six"],
    "matplotlib": ["contourpy", "cycler", "fonttools", "kiwisolver", "numpy", "packaging", "pillow",
                   "pyparsing", "python-dateutil"],
    "contourpy": ["numpy"],
    "scipy": ["numpy"],
    "scikit-learn": ["numpy", "scipy", "joblib", "threadpoolctl"],
    # cloud
    "boto3": ["botocore", "jmespath", "s3transfer"],
    "botocore": ["jmespath", "python-dateutil", "urllib3"],
    "s3transfer": ["botocore"],
    # docs
    "sphinx": ["jinja2", "pygments", "docutils", "snowballstemmer", "babel", "alabaster", "imagesize",
               "requests", "packaging", "roman-numerals-py", "sphinxcontrib-applehelp",
               "sphinxcontrib-devhelp", "sphinxcontrib-htmlhelp", "sphinxcontrib-jsmath",
               "sphinxcontrib-qthelp", "sphinxcontrib-serializinghtml"],
}


def main() -> None:
    graph = nx.DiGraph(name="A slice of the Python packaging ecosystem (PyPI runtime dependencies)")
    for package, dependencies in DEPENDS.items():
        graph.add_node(package)
        for dependency in dependencies:
            graph.add_edge(package, dependency)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python-packaging.graphml")
    nx.write_graphml(graph, out)
    print(f"wrote {out}: {graph.number_of_nodes()} packages, {graph.number_of_edges()} dependencies "
          f"(networkx {nx.__version__})")


if __name__ == "__main__":
    main()
