#!/usr/bin/env python3
"""Checks the consumer smoke test's dependency trees against the BOM it imports.

Usage: check-consumer-tree.py EFFECTIVE_POM TREE...

EFFECTIVE_POM is `mvn help:effective-pom` of a consumer module, whose <dependencyManagement> is exactly the
imported io.hfthot:hfthot-bom; each TREE is a `mvn dependency:tree` text output. Fails (exit 1) when a resolved
artifact that the BOM manages has another version, or when Hadoop, Jetty or a logging backend is in a tree.
"""
import re
import sys
import xml.etree.ElementTree as ET

BANNED = [
    (re.compile(r"^org\.apache\.hadoop$"), "Hadoop"),
    (re.compile(r"^org\.eclipse\.jetty(\..*)?$"), "Jetty"),
    (re.compile(r"^ch\.qos\.(logback|reload4j)$"), "a logging backend"),
    (re.compile(r"^log4j$"), "a logging backend"),
]
BANNED_ARTIFACTS = {
    ("org.apache.logging.log4j", "log4j-core"), ("org.apache.logging.log4j", "log4j-slf4j-impl"),
    ("org.apache.logging.log4j", "log4j-slf4j2-impl"), ("org.slf4j", "slf4j-simple"), ("org.slf4j", "slf4j-nop"),
    ("org.slf4j", "slf4j-jdk14"), ("org.slf4j", "slf4j-reload4j"), ("org.slf4j", "slf4j-log4j12"),
}


def managed_versions(effective_pom):
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    root = ET.parse(effective_pom).getroot()
    # A multi-module effective-pom wraps <project>s in <projects>; the first is enough (same BOM for all).
    project = root if root.tag.endswith("project") else root.find("m:project", ns)
    out = {}
    for dep in project.findall("m:dependencyManagement/m:dependencies/m:dependency", ns):
        key = (dep.findtext("m:groupId", namespaces=ns), dep.findtext("m:artifactId", namespaces=ns))
        out[key] = dep.findtext("m:version", namespaces=ns)
    return out


def resolved(tree_file):
    with open(tree_file, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines[1:]:  # the first line is the project itself
        coords = re.sub(r"^[|+\\\- ]*", "", line).split(" ")[0]
        parts = coords.split(":")
        if len(parts) == 5:
            g, a, _, v, scope = parts
        elif len(parts) == 6:
            g, a, _, _, v, scope = parts
        else:
            continue
        yield g, a, v, scope


def main():
    managed = managed_versions(sys.argv[1])
    if not managed:
        sys.exit("no dependencyManagement in " + sys.argv[1] + ": is the BOM imported?")
    problems = []
    checked = 0
    for tree in sys.argv[2:]:
        for g, a, v, scope in resolved(tree):
            checked += 1
            want = managed.get((g, a))
            if want is not None and want != v:
                problems.append(f"{tree}: {g}:{a}:{v} ({scope}) but the BOM says {want}")
            for pattern, what in BANNED:
                if pattern.match(g):
                    problems.append(f"{tree}: {what} in the consumer's graph: {g}:{a}:{v}")
            if (g, a) in BANNED_ARTIFACTS:
                problems.append(f"{tree}: a logging backend in the consumer's graph: {g}:{a}:{v}")
    if checked == 0:
        sys.exit("no dependencies read from " + ", ".join(sys.argv[2:]))
    for p in problems:
        print("consumer dependency check: " + p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"consumer dependency check: {checked} resolved artifacts, every BOM-managed one at the BOM's version "
          f"({len(managed)} managed); no Hadoop, Jetty or logging backend")


if __name__ == "__main__":
    main()
