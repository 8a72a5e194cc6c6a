"""Instructions per registration from two callgrind runs of the instruction probe (with and without registrations),
attributed to the JIT-compiled methods through the runtime's perf map. Usage:
registration-instructions.py <registrations> <empty.callgrind> <empty.map> <full.callgrind> <full.map> [top]"""
import bisect
import collections
import re
import sys


def self_costs(path):
    """Instructions per (object, address) from a callgrind file written with --dump-instr=yes, calls' inclusive costs left out."""
    costs, names = collections.Counter(), {}
    obj, last, after_call = None, 0, False
    with open(path) as lines:
        for line in lines:
            if not line.strip() or line[0] == '#':
                continue
            if line[0].isdigit() or line[0] in '+-*':
                fields = line.split()
                position = fields[0]
                if position == '*':
                    address = last
                elif position[0] == '+':
                    address = last + int(position[1:])
                elif position[0] == '-':
                    address = last - int(position[1:])
                else:
                    address = int(position, 16)
                last = address
                if after_call:
                    after_call = False
                elif len(fields) >= 3:
                    costs[(obj, address)] += int(fields[2])
                continue
            if line.startswith('calls='):
                after_call = True
                continue
            match = re.match(r'(c?ob|c?fn|c?fl|fi|fe)=\((\d+)\)(?: (.*))?', line)
            if match:
                key, number, name = match.groups()
                if name:
                    names[(key.lstrip('c'), number)] = name.strip()
                if key == 'ob':
                    obj = names.get(('ob', number), number)
    return costs


def by_method(costs, map_path):
    rows = sorted((int(a, 16), int(s, 16), n.strip()) for a, s, n in (l.split(' ', 2) for l in open(map_path)))
    starts = [r[0] for r in rows]
    totals = collections.Counter()
    for (obj, address), count in costs.items():
        i = bisect.bisect_right(starts, address) - 1
        if i >= 0 and address < rows[i][0] + rows[i][1]:
            name = re.sub(r'^(instance )?\S+ ', '', rows[i][2])
            totals[re.sub(r'\(.*', '', name)] += count
        else:
            totals['[' + str(obj).split('/')[-1] + ']'] += count
    return totals


registrations = int(sys.argv[1])
empty = by_method(self_costs(sys.argv[2]), sys.argv[3])
full = by_method(self_costs(sys.argv[4]), sys.argv[5])
top = int(sys.argv[6]) if len(sys.argv) > 6 else 25
difference = collections.Counter({k: full[k] - empty[k] for k in set(full) | set(empty)})
print(f"{sum(difference.values()) / registrations:.0f} instructions per registration")
for name, count in difference.most_common(top):
    print(f"  {count / registrations:8.1f}  {name[:140]}")
