"""The hottest instructions of one method's fully optimised (Tier1) body: perf's sampled addresses against the perf
map's address of that body and the JIT's disassembly with code bytes. Usage:
hot-instructions.py <Class:Method> <disasm.txt> <samples.txt: perf script -F pid,ip> [top]; the perf map is /tmp/perf-<pid>.map"""
import collections
import re
import sys

method, disasm, sampled, top = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 12
samples_of = [line.split() for line in open(sampled) if line.strip()]
perf_map = f'/tmp/perf-{samples_of[0][0]}.map'

cls, name = method.split(':')
listings = [l for l in open(disasm).read().split('; Assembly listing for method ')[1:]
            if re.match(rf'\S*\.{cls}:{name}\(', l) and '(Tier1)' in l.split('\n')[0]]
if not listings:
    sys.exit(f'no Tier1 body of {method} in the disassembly: did the run last long enough for it to be recompiled?')
listing = listings[-1]
size = int(re.search(r'Total bytes of code (\d+)', listing).group(1))
starts = [int(line.split()[0], 16) for line in open(perf_map)
          if f'{cls}::{name}(' in line and int(line.split()[1], 16) == size]
if len(starts) != 1:
    sys.exit(f'{len(starts)} bodies of {method} of {size} bytes in the perf map; expected one')
start = starts[0]
addresses = [int(ip, 16) for _, ip in samples_of]
samples = collections.Counter(a - start for a in addresses if start <= a < start + size)
instructions, offset = [], None
for line in listing.splitlines():
    group = re.search(r';; offset=0x([0-9A-F]+)', line)
    if group:
        offset = int(group.group(1), 16)
        continue
    code = re.match(r'\s+([0-9A-F]{2,})\s{2,}(\S.*)$', line)
    if code and offset is not None and len(code.group(1)) % 2 == 0:
        instructions.append((offset, code.group(2)))
        offset += len(code.group(1)) // 2
at = {o: i for i, (o, _) in enumerate(instructions)}
total = sum(samples.values())
print(f'{method}: {total} of {len(addresses)} samples ({100 * total / len(addresses):.1f} %), {size} bytes of Tier1 code')
for where, count in samples.most_common(top):
    print(f'{where:#06x}  {count} samples, {100 * count / total:.1f} % of the method')
    i = at.get(where)
    for j in range(max(0, i - 5), i + 1) if i is not None else []:
        print(f'    {"> " if j == i else "  "}{instructions[j][0]:#06x}  {instructions[j][1][:110]}')
