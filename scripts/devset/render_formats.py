#!/usr/bin/env python3
"""Renders some articles of the development set in the formats news really
arrives in (saved web pages, RSS and Atom items, a JSON Feed, JSON Lines
exports, e-mail newsletters), with the chrome such files carry around the
article (menus, cookie banners, "most read" boxes, share buttons, footers,
comments), and writes their gold: the text articles' gold entries, renamed.

The same article must give the same entities, events and date whatever
its format, and nothing of the chrome may become an entity; tests/devset.rs
scores these sets as it scores the text ones.

    python3 scripts/devset/render_formats.py     # from the repository root

Writes tests/devset/formats-en/, tests/devset/formats-fr/ and
tests/devset/gold/formats-{en,fr}.json. Deterministic: the same inputs give
the same bytes. Every word of chrome below is made up for revue's tests.
"""

import email.header
import email.utils
import html
import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "devset"

# (source article, format, site template)
CHOICES = {
    "en": [
        ("en_01_courts_verdict.txt", "html", "ledger"),
        ("en_09_sport_football.txt", "html", "echo"),
        ("en_05_ukraine_liveblog.txt", "html", "echo"),
        ("en_21_transport_rail_strike.txt", "rss", "ledger"),
        ("en_13_africa_ecowas_niger.txt", "atom", "echo"),
        ("en_24_sport_tennis.txt", "jsonl", "ledger"),
        ("en_18_climate_cop28_deal.txt", "eml", "echo"),
    ],
    "fr": [
        ("fr_03_politique_censure.txt", "html", "courrier"),
        ("fr_08_afrique_election.txt", "html", "vigie"),
        ("fr_09_ukraine_direct.txt", "html", "vigie"),
        ("fr_05_economie_bce.txt", "rss", "courrier"),
        ("fr_15_climat_cop.txt", "jsonfeed", "vigie"),
        ("fr_21_transport_greve.txt", "eml", "courrier"),
        ("fr_28_migrations_naufrage.txt", "jsonl", "vigie"),
    ],
}

EXTENSION = {"html": "html", "rss": "xml", "atom": "xml", "jsonl": "jsonl",
             "jsonfeed": "json", "eml": "eml"}

# Made-up outlets and the chrome of their pages.
SITES = {
    "ledger": {
        "name": "The Northern Ledger", "host": "northern-ledger.example", "lang": "en",
        "nav": ["Home", "UK", "World", "Business", "Sport", "Opinion", "Puzzles"],
        "cookie": "We use cookies to improve your experience. Accept all | Manage settings",
        "ad": "ADVERTISEMENT",
        "share": "Share this article: Email | Copy link",
        "most_read": ["Bramwell council approves Harbour Road cycle lanes",
                      "Ferncliffe Rovers sack manager after cup exit",
                      "Quiz: how well do you know the week's news?"],
        "footer": "© 2026 Northern Ledger Media Ltd. Terms | Privacy | Contact us",
        "comments": ["Stanley_88: About time.", "Reader from Ashby: Great reporting."],
        "newsletter": "The Ledger Morning Briefing",
    },
    "echo": {
        "name": "Daily Echo Online", "host": "daily-echo.example", "lang": "en",
        "nav": ["News", "Politics", "Money", "Sport", "Culture", "Podcasts", "Sign in"],
        "cookie": "This site uses cookies. By continuing you agree to our cookie policy. OK",
        "ad": "Sponsored content",
        "share": "Share on social media",
        "most_read": ["Tollbridge residents fight plan for new quarry",
                      "Weather: warm weekend ahead for the Lowmoor coast",
                      "Watch: the best saves of the season"],
        "footer": "Daily Echo Online is published by Echo Digital Group. All rights reserved.",
        "comments": ["marty_k: Interesting read.", "Wendell P.: Could not agree more."],
        "newsletter": "Echo Evening Edition",
    },
    "courrier": {
        "name": "Le Courrier du Matin", "host": "courrier-matin.example", "lang": "fr",
        "nav": ["Accueil", "Politique", "International", "Économie", "Sport", "Culture", "Se connecter"],
        "cookie": "Ce site utilise des cookies pour mesurer l'audience. Accepter | Paramétrer",
        "ad": "PUBLICITÉ",
        "share": "Partager : Courriel | Copier le lien",
        "most_read": ["Les travaux du pont de Vaugirol prendront deux ans de plus",
                      "Mots croisés du jour",
                      "Recette : le gratin de la grand-mère Loubière"],
        "footer": "© Le Courrier du Matin 2026 — Mentions légales — Nous contacter",
        "comments": ["Gégé71 : enfin une bonne nouvelle.", "Anne-Sophie : article très clair, merci."],
        "newsletter": "La Matinale du Courrier",
    },
    "vigie": {
        "name": "La Vigie", "host": "la-vigie.example", "lang": "fr",
        "nav": ["À la une", "France", "Monde", "Économie", "Planète", "Sports", "Abonnez-vous"],
        "cookie": "Avec votre accord, nous utilisons des cookies. Tout accepter | Continuer sans accepter",
        "ad": "Contenu sponsorisé",
        "share": "Partager sur les réseaux sociaux",
        "most_read": ["À Mirebourg, le marché de Noël ouvre ses portes",
                      "Le quiz de l'actualité de la semaine",
                      "Vidéo : les plus beaux buts du week-end"],
        "footer": "La Vigie est éditée par Vigie Médias SAS. Tous droits réservés.",
        "comments": ["Pierrot_du_sud : bien vu.", "Mireille B. : très bon article."],
        "newsletter": "La Lettre du soir de La Vigie",
    },
}

BYLINE = re.compile(r"^(By|Par) ")
DATE_LINE = re.compile(
    r"^(Published|Updated|Publié|Mis à jour|Le \d|Posted|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4})",
)
CAPTION = re.compile(r"(Crédit ?:|Photo ?:|Photograph:|© )")
CLOSING = tuple('.!?»"”…)')


def blocks(text, headline):
    """The article as (kind, text) blocks after its headline: kicker, date,
    byline, caption, heading or paragraph; the revue header line dropped."""
    lines = text.split("\n")
    at = next(i for i, l in enumerate(lines) if l.strip() == headline.strip())
    out = []
    for l in lines[:at]:
        l = l.strip()
        if not l or l.startswith("date "):
            continue
        out.append(("date" if DATE_LINE.match(l) else "kicker", l))
    for l in lines[at + 1:]:
        l = l.strip()
        if not l:
            continue
        if BYLINE.match(l) and len(l) < 120:
            kind = "byline"
        elif DATE_LINE.match(l) and len(l) < 80:
            kind = "date"
        elif CAPTION.search(l) and len(l) < 200:
            kind = "caption"
        elif len(l) < 110 and not l.endswith(CLOSING):
            kind = "heading"
        else:
            kind = "paragraph"
        out.append((kind, l))
    return out


def published(gold_article):
    day = datetime.strptime(gold_article["date"], "%Y-%m-%d")
    return day.replace(hour=9, minute=30, tzinfo=timezone.utc)


def esc(s):
    return html.escape(s, quote=True)


def body_html(bs, with_header):
    """The article's blocks as HTML; without the header blocks (kicker,
    date, byline) for feed items, whose fields carry them."""
    out = []
    for kind, t in bs:
        if kind == "paragraph":
            out.append(f"<p>{esc(t)}</p>")
        elif kind == "heading":
            out.append(f"<h2>{esc(t)}</h2>")
        elif kind == "caption":
            out.append(f'<figure><img src="photo.jpg" alt=""><figcaption>{esc(t)}</figcaption></figure>')
        elif not with_header:
            continue
        elif kind == "byline":
            out.append(f'<p class="byline">{esc(t)}</p>')
        elif kind == "date":
            out.append(f'<p class="date"><time>{esc(t)}</time></p>')
        elif kind == "kicker":
            out.append(f'<p class="kicker">{esc(t)}</p>')
    return "\n".join(out)


def author(bs):
    for kind, t in bs:
        if kind == "byline":
            return BYLINE.sub("", t).split(",")[0].strip()
    return None


def slug(file):
    return Path(file).stem.split("_", 2)[-1].replace("_", "-")


def page(site, a, bs, style):
    s = SITES[site]
    when = published(a).isoformat()
    url = f"https://{s['host']}/{when[:10].replace('-', '/')}/{slug(a['file'])}"
    who = author(bs)
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["headline"],
          "datePublished": when, "publisher": {"@type": "Organization", "name": s["name"]}}
    if who:
        ld["author"] = {"@type": "Person", "name": who}
    head = [f'<meta charset="utf-8">', f"<title>{esc(a['headline'])} | {esc(s['name'])}</title>",
            f'<meta property="og:site_name" content="{esc(s["name"])}">',
            f'<meta property="og:title" content="{esc(a["headline"])}">',
            f'<link rel="canonical" href="{url}">']
    if style == "jsonld":
        head.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>")
    else:
        head.append(f'<meta property="article:published_time" content="{when}">')
        if who:
            head.append(f'<meta name="author" content="{esc(who)}">')
    nav = "".join(f'<li><a href="/{i}">{esc(n)}</a></li>' for i, n in enumerate(s["nav"]))
    most = "".join(f'<li><a href="/read/{i}">{esc(t)}</a></li>' for i, t in enumerate(s["most_read"]))
    comments = "".join(f"<p>{esc(c)}</p>" for c in s["comments"])
    header_blocks = [(k, t) for k, t in bs if k in ("kicker", "date", "byline")]
    rest = [(k, t) for k, t in bs if k not in ("kicker", "date", "byline")]
    return f"""<!DOCTYPE html>
<html lang="{s['lang']}">
<head>
{chr(10).join(head)}
</head>
<body>
<div class="cookie-banner">{esc(s['cookie'])}</div>
<header class="site-header"><a class="logo" href="/">{esc(s['name'])}</a><nav><ul>{nav}</ul></nav></header>
<div class="ad-slot">{esc(s['ad'])}</div>
<main>
<article>
<header>
<h1>{esc(a['headline'])}</h1>
{body_html(header_blocks, True)}
<time datetime="{when}" class="published"></time>
</header>
<div class="share">{esc(s['share'])}</div>
<div class="article-body">
{body_html(rest, True)}
</div>
</article>
<aside class="most-read"><h2>{"Les plus lus" if s["lang"] == "fr" else "Most read"}</h2><ol>{most}</ol></aside>
<section class="comments" id="comments"><h2>{"Commentaires" if s["lang"] == "fr" else "Comments"}</h2>{comments}</section>
</main>
<footer><p>{esc(s['footer'])}</p></footer>
</body>
</html>
"""


def rss(site, a, bs):
    s = SITES[site]
    when = email.utils.format_datetime(published(a))
    url = f"https://{s['host']}/{slug(a['file'])}"
    who = author(bs)
    creator = f"<dc:creator>{esc(who)}</dc:creator>" if who else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>{esc(s['name'])}</title>
<link>https://{s['host']}/</link>
<description>{esc(s['name'])}: latest</description>
<item>
<title>{esc(a['headline'])}</title>
<link>{url}</link>
<guid isPermaLink="false">{s['host']}-{slug(a['file'])}</guid>
<pubDate>{when}</pubDate>
{creator}
<content:encoded><![CDATA[{body_html(bs, False)}]]></content:encoded>
</item>
</channel>
</rss>
"""


def atom(site, a, bs):
    s = SITES[site]
    when = published(a).isoformat().replace("+00:00", "Z")
    url = f"https://{s['host']}/{slug(a['file'])}"
    who = author(bs) or s["name"]
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{esc(s['name'])}</title>
<id>https://{s['host']}/</id>
<updated>{when}</updated>
<entry>
<title>{esc(a['headline'])}</title>
<id>{url}</id>
<link href="{url}"/>
<published>{when}</published>
<updated>{when}</updated>
<author><name>{esc(who)}</name></author>
<content type="html">{esc(body_html(bs, False))}</content>
</entry>
</feed>
"""


def jsonl(site, a, bs):
    s = SITES[site]
    body = "\n\n".join(t for k, t in bs if k in ("paragraph", "heading", "caption"))
    row = {"title": a["headline"], "body": body, "published_at": published(a).isoformat(),
           "url": f"https://{s['host']}/{slug(a['file'])}", "source": s["name"]}
    who = author(bs)
    if who:
        row["author"] = who
    return json.dumps(row, ensure_ascii=False) + "\n"


def json_feed(site, a, bs):
    s = SITES[site]
    item = {"id": f"{s['host']}-{slug(a['file'])}", "url": f"https://{s['host']}/{slug(a['file'])}",
            "title": a["headline"], "content_html": body_html(bs, False),
            "date_published": published(a).isoformat()}
    who = author(bs)
    if who:
        item["authors"] = [{"name": who}]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": s["name"],
            "home_page_url": f"https://{s['host']}/", "items": [item]}
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def eml(site, a, bs):
    s = SITES[site]
    when = email.utils.format_datetime(published(a).replace(hour=6, minute=0))
    hello = "Bonjour," if s["lang"] == "fr" else "Good morning,"
    bye = ("Vous recevez cette lettre car vous y êtes abonné. Se désabonner"
           if s["lang"] == "fr" else "You are receiving this because you subscribed. Unsubscribe")
    body = body_html(bs, False)
    part = f"""<html><body>
<p>{hello}</p>
<h1>{esc(a['headline'])}</h1>
{body}
<p class="footer">{esc(bye)} — {esc(s['footer'])}</p>
</body></html>"""
    subject = email.header.Header(a["headline"], "utf-8").encode()
    sender = email.header.Header(s["newsletter"], "utf-8").encode()
    return f"""From: {sender} <lettre@{s['host']}>
To: reader@example.org
Subject: {subject}
Date: {when}
Message-ID: <{slug(a['file'])}@{s['host']}>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: 8bit

{part}
"""


def render(fmt, site, a, bs):
    if fmt == "html":
        return page(site, a, bs, "jsonld" if site in ("ledger", "courrier") else "meta")
    return {"rss": rss, "atom": atom, "jsonl": jsonl, "jsonfeed": json_feed, "eml": eml}[fmt](site, a, bs)


def main():
    for lang, choices in CHOICES.items():
        gold = json.loads((DEVSET / "gold" / f"{lang}.json").read_text(encoding="utf-8"))
        out_dir = DEVSET / f"formats-{lang}"
        out_dir.mkdir(exist_ok=True)
        renamed = {}
        articles = []
        for file, fmt, site in choices:
            (a,) = [x for x in gold["articles"] if x["file"] == file]
            text = (DEVSET / lang / file).read_text(encoding="utf-8")
            bs = blocks(text, a["headline"])
            name = Path(file).stem + "." + EXTENSION[fmt]
            (out_dir / name).write_text(render(fmt, site, a, bs), encoding="utf-8")
            renamed[file] = name
            # The page's, feed's or message's date is its header, in the schema's words.
            articles.append({**a, "file": name, "date_source": "header"})

        def keep(entry):
            files = [renamed[f] for f in entry["articles"] if f in renamed]
            return {**entry, "articles": files} if files else None

        out = {
            "about": f"The gold of tests/devset/gold/{lang}.json for the articles that "
                     "scripts/devset/render_formats.py renders as pages, feeds, exports and "
                     "newsletters: the same entries, with the rendered files' names. Nothing of "
                     "the pages' chrome (menus, banners, boxes, comments, footers) is an entity.",
            "articles": articles,
            "entities": [e for e in map(keep, gold["entities"]) if e],
            "events": [e for e in map(keep, gold["events"]) if e],
        }
        (DEVSET / "gold" / f"formats-{lang}.json").write_text(
            json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"formats-{lang}: {len(articles)} articles, {len(out['entities'])} entities, "
              f"{len(out['events'])} events", file=sys.stderr)


if __name__ == "__main__":
    main()
