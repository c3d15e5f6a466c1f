#!/usr/bin/python3
"""Generate identical DAG workloads for Baton and every peer engine.

Usage:
  gen.py gen WORKDIR    write WORKDIR/<workload>/{graph.json,workflow.yaml,Makefile,build.ninja,...}

report.py turns run.sh's results.tsv into tables and a chart.

Every workload is one graph: node id -> (deps, shell command). Node <id> always
produces the file out/<id>. No-op steps run `touch out/<id>` (one process spawn,
one empty file: file-based engines such as snakemake/makeflow/cwl need an output
to track a dependency, so every engine does the same). The data workload has
A: `head -c 209715200 /dev/zero > out/A` and B: `sha256sum out/A > out/B`.
"""
import json
import os
import sys

DATA_BYTES = 200 * 1024 * 1024


def touch(n):
    return f"touch out/{n}"


def wl_chain(n=200):
    g = {}
    for i in range(n):
        g[f"c{i}"] = [f"c{i-1}"] if i else []
    return g


def wl_fan(width):
    g = {"src": []}
    for i in range(width):
        g[f"m{i}"] = ["src"]
    g["sink"] = [f"m{i}" for i in range(width)]
    return g


def wl_layered(layers=10, width=10):
    g = {}
    for k in range(layers):
        for j in range(width):
            g[f"l{k}_{j}"] = [f"l{k-1}_{i}" for i in range(width)] if k else []
    return g


# chain100 and fan500 are the small sizes of the per-step slopes (chain100 -> chain200,
# fan500 -> wide5000): the difference between two sizes cancels start-up and teardown.
WORKLOADS = {
    "chain100": lambda: wl_chain(100),
    "chain200": lambda: wl_chain(200),
    "fan500": lambda: wl_fan(500),
    "layered10x10": lambda: wl_layered(10, 10),
    "data200mb": None,  # special
    "wide5000": lambda: wl_fan(5000),
}


def build(name):
    if name == "data200mb":
        nodes = {
            "A": {"deps": [], "cmd": f"head -c {DATA_BYTES} /dev/zero > out/A"},
            "B": {"deps": ["A"], "cmd": "sha256sum out/A > out/B"},
        }
    else:
        nodes = {k: {"deps": d, "cmd": touch(k)} for k, d in WORKLOADS[name]().items()}
    # topological order is insertion order by construction
    has_child = {d for v in nodes.values() for d in v["deps"]}
    sinks = [k for k in nodes if k not in has_child]
    roots = [k for k, v in nodes.items() if not v["deps"]]
    return {"name": name, "nodes": nodes, "order": list(nodes), "sinks": sinks, "roots": roots}


# ---------------------------------------------------------------- emitters
def emit_make(g):
    s = [".PHONY: all", "all: " + " ".join(f"out/{k}" for k in g["sinks"]), ""]
    for k in g["order"]:
        v = g["nodes"][k]
        s.append(f"out/{k}: " + " ".join(f"out/{d}" for d in v["deps"]))
        s.append("\t@" + v["cmd"])
    return "\n".join(s) + "\n"


def emit_ninja(g):
    s = ["rule r", "  command = $cmd", ""]
    for k in g["order"]:
        v = g["nodes"][k]
        deps = " ".join(f"out/{d}" for d in v["deps"])
        s.append(f"build out/{k}: r" + (f" | {deps}" if deps else ""))
        s.append(f"  cmd = {v['cmd']}")
    s.append("default " + " ".join(f"out/{k}" for k in g["sinks"]))
    return "\n".join(s) + "\n"


def emit_makeflow(g):
    s = []
    for k in g["order"]:
        v = g["nodes"][k]
        s.append(f"out/{k}: " + " ".join(f"out/{d}" for d in v["deps"]))
        s.append("\t" + v["cmd"])
        s.append("")
    return "\n".join(s)


SNAKEFILE = '''import json
G = json.load(open("graph.json"))
N = G["nodes"]
localrules: all
rule all:
    input: expand("out/{n}", n=G["sinks"])
rule step:
    input: lambda wc: ["out/" + d for d in N[wc.n]["deps"]]
    output: "out/{n}"
    params: cmd=lambda wc: N[wc.n]["cmd"]
    shell: "{params.cmd}"
'''

DODO = '''import json
G = json.load(open("graph.json"))
DOIT_CONFIG = {"verbosity": 0, "dep_file": ".doit.db"}
def task_step():
    for k in G["order"]:
        v = G["nodes"][k]
        yield {"name": k, "actions": [v["cmd"]],
               "task_dep": ["step:" + d for d in v["deps"]], "verbosity": 0}
'''


def emit_cwl(g):
    """One CommandLineTool (sh -c cmd) and a Workflow with one step per node.
    Dependencies are expressed as File[] inputs fed from upstream outputs."""
    tool = {
        "cwlVersion": "v1.2",
        "class": "CommandLineTool",
        "baseCommand": ["sh", "-c"],
        "inputs": {
            "cmd": {"type": "string", "inputBinding": {"position": 1}},
            "deps": {"type": "File[]", "inputBinding": {"position": 2}},
        },
        "outputs": {"out": {"type": "File", "outputBinding": {"glob": "out/*"}}},
    }
    steps = {}
    for k in g["order"]:
        v = g["nodes"][k]
        # inside cwl each step has its own outdir; make out/ there and read deps via their staged paths
        # staged dependency paths arrive as $0 $1 ... (sh -c CMD DEP0 DEP1 ...)
        cmd = v["cmd"].replace("sha256sum out/A", 'sha256sum "$0"')
        src = {"cmd": {"default": "mkdir -p out && " + cmd}}
        src["deps"] = ({"source": [f"{d}/out" for d in v["deps"]], "linkMerge": "merge_flattened"}
                       if v["deps"] else {"default": []})
        steps[k] = {"run": "step.cwl", "in": src, "out": ["out"]}
    wf = {
        "cwlVersion": "v1.2",
        "class": "Workflow",
        "requirements": {"MultipleInputFeatureRequirement": {}},
        "inputs": {},
        "outputs": {f"o_{k}": {"type": "File", "outputSource": f"{k}/out"} for k in g["sinks"]},
        "steps": steps,
    }
    return tool, wf


def bpmn(g, vendor):
    """BPMN 2.0 process. Layered/fan DAGs become fork/join parallel gateways.
    Service tasks call bench.Step (sh -c <cmd>, cmd taken from a field)."""
    ns = {"flowable": 'xmlns:flowable="http://flowable.org/bpmn"',
          "camunda": 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn"'}[vendor]
    cls_attr = f'{vendor}:class="bench.Step"'
    els, flows = [], []
    fid = [0]

    def flow(a, b):
        fid[0] += 1
        flows.append(f'<sequenceFlow id="f{fid[0]}" sourceRef="{a}" targetRef="{b}"/>')

    def task(k):
        cmd = g["nodes"][k]["cmd"].replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
        els.append(f'<serviceTask id="{k}" {cls_attr}><extensionElements>'
                   f'<{vendor}:field name="cmd"><{vendor}:string>{cmd}</{vendor}:string></{vendor}:field>'
                   f'</extensionElements></serviceTask>')

    # group nodes into layers by identical dependency sets (exact for our workloads)
    layers, seen = [], {}
    for k in g["order"]:
        key = tuple(g["nodes"][k]["deps"])
        if key in seen and seen[key] == len(layers) - 1:
            layers[-1].append(k)
        else:
            seen[key] = len(layers)
            layers.append([k])
    els.append('<startEvent id="start"/>')
    prev = "start"
    for li, layer in enumerate(layers):
        for k in layer:
            task(k)
        if len(layer) == 1:
            flow(prev, layer[0])
            prev = layer[0]
        else:
            els.append(f'<parallelGateway id="fork{li}"/><parallelGateway id="join{li}"/>')
            flow(prev, f"fork{li}")
            for k in layer:
                flow(f"fork{li}", k)
                flow(k, f"join{li}")
            prev = f"join{li}"
    els.append('<endEvent id="end"/>')
    flow(prev, "end")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" {ns} '
            f'targetNamespace="bench">\n<process id="p" isExecutable="true"'
            + (' camunda:historyTimeToLive="1"' if vendor == "camunda" else "") + '>\n'
            + "\n".join(els) + "\n" + "\n".join(flows) + "\n</process>\n</definitions>\n")


def emit_argo(g, parallelism):
    """An Argo Workflow: one DAG task per node, each the `step` template. No-op steps exec
    `touch OUT/<id>` directly (no shell), like make; OUT is the workflow parameter `out`, an
    absolute host directory outside /tmp (host steps get a private /tmp)."""
    def q(text):
        return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar
    s = ["apiVersion: argoproj.io/v1alpha1", "kind: Workflow",
         f"metadata: {{generateName: {g['name']}-}}", "spec:", "  entrypoint: main"]
    if parallelism > 0:
        s.append(f"  parallelism: {parallelism}")
    s += ["  arguments:", "    parameters: [{name: out, value: out}]", "  templates:",
          "  - name: main", "    dag:", "      tasks:"]
    def task(node):  # Argo task names allow letters, digits and '-' only
        return node.replace("_", "-")
    for k in g["order"]:
        v = g["nodes"][k]
        s.append(f"      - name: {task(k)}")
        if v["deps"]:
            s.append("        dependencies: [" + ", ".join(task(d) for d in v["deps"]) + "]")
        if v["cmd"] == touch(k):
            s.append("        template: touch")
            s.append(f"        arguments: {{parameters: [{{name: id, value: {k}}}]}}")
        else:
            s.append("        template: sh")
            cmd = v["cmd"].replace("out/", "{{workflow.parameters.out}}/")
            s.append(f"        arguments: {{parameters: [{{name: cmd, value: {q(cmd)}}}]}}")
    s += ["  - name: touch", "    inputs: {parameters: [{name: id}]}",
          "    container:", "      image: alpine:3.20",
          '      command: [touch, "{{workflow.parameters.out}}/{{inputs.parameters.id}}"]',
          "  - name: sh", "    inputs: {parameters: [{name: cmd}]}",
          "    container:", "      image: alpine:3.20",
          '      command: [sh, -c, "{{inputs.parameters.cmd}}"]']
    return "\n".join(s) + "\n"


def gen(workdir, parallelism=2):
    for name in WORKLOADS:
        g = build(name)
        d = os.path.join(workdir, name)
        os.makedirs(d, exist_ok=True)

        def w(fn, text):
            with open(os.path.join(d, fn), "w") as f:
                f.write(text)
        w("graph.json", json.dumps(g))
        w("Makefile", emit_make(g))
        w("build.ninja", emit_ninja(g))
        w("Makeflow", emit_makeflow(g))
        w("Snakefile", SNAKEFILE)
        w("dodo.py", DODO)
        tool, wf = emit_cwl(g)
        w("step.cwl", json.dumps(tool, indent=1))
        w("wf.cwl", json.dumps(wf, indent=1))
        w("flowable.bpmn20.xml", bpmn(g, "flowable"))
        w("camunda.bpmn", bpmn(g, "camunda"))
        w("workflow.yaml", emit_argo(g, parallelism))
        w("steps", str(len(g["nodes"])))
        # bash baselines: the same commands, topological order, no engine
        w("baseline_seq.sh", "set -e\n" + "\n".join(f"sh -c '{g['nodes'][k]['cmd']}'" for k in g["order"]) + "\n")
    print("generated in", workdir)


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2)
