#!/usr/bin/env python3
"""Deterministic synthetic content for the benchmark.

  generate.py pages N OUT      N bare Markdown pages (paragraphs and a list), with
                               site.xml and glossary.xml only
  generate.py realistic N OUT  the sample content/ (children, glossary, reports,
                               offer) plus N pages of 1 to 2 KB with three sections,
                               a bullet list, a table, a link to the next page, an
                               autolink and glossary abbreviations
  generate.py children N OUT [E]  the sample content/ with N children's records
                               of about E entries (default 200) each: the sample's
                               four records repeated, each with distinct names and text

For pages and realistic, OUT/hugo holds the same pages as a minimal Hugo site."""
import os, random, re, shutil, sys

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(42)
WORDS = ("child family school health police plan safe help review agency support home worker meeting risk "
         "learning partnership report care young people council service early protection").split()
# Abbreviations the sample glossary explains; safesite expands and links the first use of each.
ABBREVIATIONS = "CAMHS GP LADO MASH CP CIN DSL IRO CSE EHCP".split()
HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "content")


def sentence(k=12, abbreviations=False):
    words = [rng.choice(WORDS) for _ in range(k)]
    if abbreviations:
        words[rng.randrange(1, k)] = rng.choice(ABBREVIATIONS)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(abbreviations=False):
    return " ".join(sentence(rng.randint(8, 16), abbreviations) for _ in range(rng.randint(3, 6)))


def hugo_site():
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


def write_page(i, body, hugo_body):
    with open(f"{out}/content/pages/page-{i:05d}.md", "w") as f:
        f.write(f"# Page {i}\n\n{body}")
    with open(f"{out}/hugo/content/pages/page-{i:05d}.md", "w") as f:
        f.write(f'---\ntitle: "Page {i}"\n---\n{hugo_body}')


def realistic_body(i, link):
    rows = "\n".join(f"| {rng.choice(WORDS).capitalize()} | {rng.randint(1, 400)} | {sentence(5)} |" for _ in range(rng.randint(3, 5)))
    return (f"## What we found\n\n{paragraph(True)}\n\n"
            f"- {sentence(8, True)}\n- {sentence(8)}\n- {sentence(8)}\n\n"
            f"## The figures\n\n| Service | Children | Note |\n|:--|--:|:--|\n{rows}\n\n"
            f"## What happens next\n\n{paragraph(True)} Read [the next page]({link}), or see https://www.gov.uk/report-child-abuse for help.\n")


def scaled_child(sample, k, entries):
    """The sample record `sample` as child number k: distinct id, names and text, about `entries` entries."""
    names = re.findall(r'preferred="([^"]*)"', sample) + re.findall(r"<(?:name|worker|person)\b[^>]*>([^<]*)<", sample)
    tag = "".join(chr(ord("a") + (k // 26 ** p) % 26) for p in range(4))
    words = sorted({w for name in names for w in re.findall(r"[A-Z][A-Za-z'-]+", name)}, key=len, reverse=True)
    text = re.sub(r'id="c-\d+"', f'id="c-{k:05d}"', sample, count=1)
    if words:
        text = re.sub(r"\b(" + "|".join(map(re.escape, words)) + r")\b", lambda m: m.group(1) + tag, text)
    head, rest = text.split("<chronology>", 1)
    chronology, tail = rest.split("</chronology>", 1)
    base = re.findall(r"<entry\b.*?</entry>", chronology, re.S)
    made = []
    for e in range(entries):
        entry = base[e % len(base)]
        if e >= len(base):
            entry = entry.replace("</event>", f" Note {e} of record {tag}.</event>", 1)
        made.append(entry)
    return head + "<chronology>\n    " + "\n    ".join(made) + "\n  </chronology>" + tail


if kind == "pages":
    os.makedirs(f"{out}/content/pages", exist_ok=True)
    shutil.copy(f"{SAMPLE}/glossary.xml", f"{out}/content/glossary.xml")
    # The sample's site facts, without its menu: these pages are not the ones it names.
    with open(f"{SAMPLE}/site.xml") as f:
        site = re.sub(r"\s*<navigation>.*?</navigation>", "", f.read(), flags=re.S)
    with open(f"{out}/content/site.xml", "w") as f:
        f.write(site)
    hugo_site()
    for i in range(n):
        body = f"## Part one\n\n{paragraph()}\n\n## Part two\n\n{paragraph()}\n\n- {sentence()}\n- {sentence()}\n\n## Part three\n\n{paragraph()}\n"
        write_page(i, body, body)
elif kind == "realistic":
    shutil.copytree(SAMPLE, f"{out}/content")
    hugo_site()
    for i in range(n):
        nxt = (i + 1) % n
        state = rng.getstate()
        body = realistic_body(i, f"page-{nxt:05d}")
        rng.setstate(state)
        write_page(i, body, realistic_body(i, f"../page-{nxt:05d}/"))
elif kind == "children":
    entries = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    shutil.copytree(SAMPLE, f"{out}/content", ignore=shutil.ignore_patterns("children"))
    samples = []
    for c in sorted(os.listdir(f"{SAMPLE}/children")):
        with open(f"{SAMPLE}/children/{c}/child.xml") as f:
            samples.append(f.read())
    for k in range(n):
        os.makedirs(f"{out}/content/children/c-{k:05d}", exist_ok=True)
        with open(f"{out}/content/children/c-{k:05d}/child.xml", "w") as f:
            f.write(scaled_child(samples[k % len(samples)], k, entries))
else:
    sys.exit(f"unknown kind {kind}")
