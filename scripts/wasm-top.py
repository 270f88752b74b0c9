#!/usr/bin/env python3
"""Where the bytes of a wasm file go: the code of each function (by the
crate its name comes from, and the largest functions), the data segments,
and the rest. Reads a wasm that kept its name section (wasm-opt -g).

    scripts/wasm-top.py FILE [N]

No dependencies: the wasm binary format is parsed here, and Rust's legacy
symbol mangling (_ZN...E) is undone well enough to name crates and paths.
"""
import re
import sys
from collections import Counter


def leb(b, i):
    result = shift = 0
    while True:
        byte = b[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j : j + size]
        i = j + size


def imported_functions(payload):
    count, i = leb(payload, 0)
    funcs = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            n, i = leb(payload, i)
            i += n
        kind = payload[i]
        i += 1
        if kind == 0:  # function: type index
            _, i = leb(payload, i)
            funcs += 1
        elif kind == 1:  # table: reftype, limits
            i += 1
            flags, i = leb(payload, i)
            _, i = leb(payload, i)
            if flags & 1:
                _, i = leb(payload, i)
        elif kind == 2:  # memory: limits
            flags, i = leb(payload, i)
            _, i = leb(payload, i)
            if flags & 1:
                _, i = leb(payload, i)
        elif kind == 3:  # global: valtype, mutability
            i += 2
        else:
            _, i = leb(payload, i)
    return funcs


def function_names(payload):
    names = {}
    n, i = leb(payload, 0)
    i += n  # "name"
    while i < len(payload):
        kind = payload[i]
        size, j = leb(payload, i + 1)
        if kind == 1:
            count, k = leb(payload, j)
            for _ in range(count):
                index, k = leb(payload, k)
                length, k = leb(payload, k)
                names[index] = payload[k : k + length].decode("utf-8", "replace")
                k += length
        i = j + size
    return names


def demangle(name):
    """`_ZN5tachys4html7element...17h0123E` -> `tachys::html::element::...`."""
    if not name.startswith("_ZN"):
        return name
    parts, i = [], 3
    while i < len(name) and name[i].isdigit():
        m = re.match(r"\d+", name[i:])
        length = int(m.group())
        i += len(m.group())
        parts.append(name[i : i + length])
        i += length
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    text = "::".join(parts)
    for code, char in (("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"),
                       ("$C$", ","), ("..", "::"), ("$u7b$", "{"), ("$u7d$", "}")):
        text = text.replace(code, char)
    return text


def crate_of(name):
    """The first `crate::` (or `crate[hash]::`) path in the name."""
    m = re.search(r"([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", demangle(name))
    return m.group(1) if m else "?"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    b = open(path, "rb").read()
    imports = 0
    bodies = []
    names = {}
    by_section = Counter()
    for sid, payload in sections(b):
        label = {1: "types", 2: "imports", 3: "functions", 7: "exports", 9: "elements",
                 10: "code", 11: "data"}.get(sid, "custom" if sid == 0 else f"section {sid}")
        if sid == 0 and payload[1:5] == b"name":
            names = function_names(payload)
            continue  # not shipped: the release wasm has no names
        by_section[label] += len(payload)
        if sid == 2:
            imports = imported_functions(payload)
        elif sid == 10:
            count, i = leb(payload, 0)
            for _ in range(count):
                size, j = leb(payload, i)
                bodies.append(size + (j - i))
                i = j + size
    total = sum(by_section.values())
    print(f"{path}: {total:,} bytes without names")
    for label, size in by_section.most_common():
        print(f"  {label:<12} {size:>9,}  {100 * size / total:5.1f}%")
    crates = Counter()
    functions = []
    for k, size in enumerate(bodies):
        name = names.get(imports + k, f"func[{imports + k}]")
        crates[crate_of(name)] += size
        functions.append((size, demangle(name)))
    code = sum(bodies) or 1
    print(f"  code by crate (top {top}):")
    for crate, size in crates.most_common(top):
        print(f"    {crate:<28} {size:>9,}  {100 * size / code:5.1f}% of code")
    # The app's own code by module (ui::session::set_screen, storage, …):
    # an island's code is its component file and what it alone calls.
    modules = Counter()
    for size, name in functions:
        m = re.search(r"\bapp(?:\[[0-9a-f]+\])?::((?:[a-z_][a-z0-9_]*::){0,3})", name)
        if m:
            modules[m.group(1).rstrip(":") or "(root)"] += size
    print(f"  app code by module (top {top}):")
    for module, size in modules.most_common(top):
        print(f"    {module:<40} {size:>9,}")
    print(f"  largest functions (top {top}):")
    for size, name in sorted(functions, reverse=True)[:top]:
        print(f"    {size:>9,}  {name[:110]}")


if __name__ == "__main__":
    main()
