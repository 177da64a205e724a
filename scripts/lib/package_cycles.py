"""Finds package cycles in `jdeps -verbose:package` output (read from stdin) and prints them.

A cycle is a set of packages that reach each other through their imports (a strongly connected component of
the package graph); its pairs that import each other directly are printed with it, since they are where a
cycle is usually broken. Arguments: MODULE=PREFIX... (which module holds which package, for the report) and
--fail-on all|MODULE,... (exit 1 only when a cycle has a package of one of those modules).
"""
import re
import sys

EDGE = re.compile(r"^\s+(dev\.portal\.\S+)\s+->\s+(dev\.portal\.\S+)\s")


def read_graph(lines):
    graph = {}
    for line in lines:
        m = EDGE.match(line)
        if m and m.group(1) != m.group(2):
            graph.setdefault(m.group(1), set()).add(m.group(2))
            graph.setdefault(m.group(2), set())
    return graph


def cycles(graph):
    """Tarjan's strongly connected components, iteratively (a deep import chain must not hit the recursion limit)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def main(args):
    owners, fail_on = {}, set()
    for arg in args:
        if arg.startswith("--fail-on="):
            fail_on = set(arg.split("=", 1)[1].split(","))
        else:
            module, package = arg.split("=", 1)
            owners[package] = module
    graph = read_graph(sys.stdin)
    found = cycles(graph)
    failing = 0
    for component in found:
        modules = sorted({owners.get(p, "?") for p in component})
        fails = "all" in fail_on or bool(fail_on.intersection(modules))
        failing += fails
        print(f"{'FAIL' if fails else 'note'}: cycle in {', '.join(modules)}: {len(component)} packages")
        for p in component:
            back = sorted(q for q in graph[p] if q in component and p in graph[q] and p < q)
            for q in back:
                print(f"    {p} <-> {q}")
        longer = [p for p in component if not any(q in component and p in graph[q] for q in graph[p])]
        if longer:
            print("    (and through longer paths: " + ", ".join(longer) + ")")
    print(f"package cycles: {len(found)} found in {len(graph)} packages, {failing} in modules that must have none")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
