#!/usr/bin/env python3
"""Writes an Argo Workflow whose DAG is a chain of N trivial steps: s0 -> s1 -> ... -> s(N-1)."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
lines = [
    "apiVersion: argoproj.io/v1alpha1",
    "kind: Workflow",
    "metadata:",
    f"  name: chain{n}",
    "spec:",
    "  entrypoint: main",
    "  templates:",
    "    - name: noop",
    "      container:",
    "        image: busybox",
    "        command: [\"true\"]",
    "    - name: main",
    "      dag:",
    "        tasks:",
]
for i in range(n):
    lines.append(f"          - name: s{i}")
    lines.append("            template: noop")
    if i > 0:
        lines.append(f"            dependencies: [s{i - 1}]")
print("\n".join(lines))
