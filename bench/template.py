# String templates: render a template 20,000 times with named values (twin of template.du).
import string, time

count = 20000
card = string.Template('<div class="user">${name} (#${id}) - ${state}</div>')
t0 = time.perf_counter()
html = ""
for i in range(1, count + 1):
    html = card.substitute(name=f"user-{i}", id=i, state="active" if i % 2 == 0 else "inactive")
ms = (time.perf_counter() - t0) * 1000
print(f"template x{count} in {ms}ms: {html}")
