#!/usr/bin/env python3
"""Deterministic synthetic content for the benchmark: N Markdown pages, or
N children with E chronology entries each, in a safesite content folder and
(for pages) the same pages in a minimal Hugo site."""
import os, random, sys

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(42)
WORDS = ("child family school health police plan safe help review agency support home worker meeting risk "
         "learning partnership report care young people council service early protection").split()

def sentence(k=12):
    return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + "."

def paragraph():
    return " ".join(sentence(rng.randint(8, 16)) for _ in range(rng.randint(3, 6)))

os.makedirs(f"{out}/content/pages", exist_ok=True)
for f in ("site.xml", "glossary.xml"):
    with open(f"content/{f}") as src, open(f"{out}/content/{f}", "w") as dst:
        dst.write(src.read())

if kind == "pages":
    os.makedirs(f"{out}/hugo/content/pages", exist_ok=True)
    os.makedirs(f"{out}/hugo/layouts/_default", exist_ok=True)
    with open(f"{out}/hugo/config.toml", "w") as f:
        f.write('baseURL = "https://example.org/"\nlanguageCode = "en-gb"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS"]\n')
    layout = ('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
              '<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
    with open(f"{out}/hugo/layouts/_default/baseof.html", "w") as f:
        f.write(layout)
    for name in ("single", "list"):
        with open(f"{out}/hugo/layouts/_default/{name}.html", "w") as f:
            f.write('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n')
    for i in range(n):
        body = f"## Part one\n\n{paragraph()}\n\n## Part two\n\n{paragraph()}\n\n- {sentence()}\n- {sentence()}\n\n## Part three\n\n{paragraph()}\n"
        with open(f"{out}/content/pages/page-{i:05d}.md", "w") as f:
            f.write(f"# Page {i}\n\n{body}")
        with open(f"{out}/hugo/content/pages/page-{i:05d}.md", "w") as f:
            f.write(f'---\ntitle: "Page {i}"\n---\n{body}')
else:
    entries = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    agencies = ["health", "police", "education", "childrens-social-care", "early-help"]
    for c in range(n):
        os.makedirs(f"{out}/content/children/c-{c:05d}", exist_ok=True)
        lines = [f'<child id="c-{c:05d}"><name preferred="Kid{c}">Kid{c} Bench-Test{c}</name><born date="2012-05-01"/><reading-age>10</reading-age><chronology>']
        for e in range(entries):
            y = 2012 + e * 14 // entries
            lines.append(f'<entry date="{y}-{e % 12 + 1:02d}-{e % 28 + 1:02d}" agency="{agencies[e % 5]}" category="other">'
                         f'<event>Event {e} for child {c}: {sentence(10)}</event><impact>{sentence(8)}</impact></entry>')
        lines.append('</chronology><plan kind="child-in-need" review="2027-01-01"><child-says>I am fine.</child-says>'
                     '<goal id="g"><outcome>You are safe.</outcome><measure>We can see it.</measure>'
                     '<action who="Jo" agency="family" by="2026-12-01">Jo helps.</action></goal></plan></child>')
        with open(f"{out}/content/children/c-{c:05d}/child.xml", "w") as f:
            f.write("\n".join(lines))
