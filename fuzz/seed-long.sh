#!/bin/sh
# Long inputs for every target's corpus (issue 13): the four shapes of
# `benches/long_article.rs` (a repeated name, a repeated sentence, one line
# without punctuation, short lines) at about 3 MB, behind each target's
# leading bytes, and long files of each format. Run from `fuzz/`, after
# the seed corpora of README.md; with `-max_len=4000000` libFuzzer reads
# them whole.
set -eu
export LC_ALL=C
size=${SIZE:-3000000}

# `repeat UNIT`: UNIT written again and again to about $size bytes.
repeat() {
    python3 -c 'import sys
u = sys.argv[1].replace("\\n", "\n").encode()
sys.stdout.buffer.write(u * (int(sys.argv[2]) // len(u)))' "$1" "$size"
}

# `shape NAME UNIT`, then what goes before it in each target.
shapes() {
    cat <<'EOF'
name|Moscou 
sentence|Le président Poutine a rencontré Erdogan à Moscou le 3 mars 2020. 
line|Poutine rencontre Erdogan à Sotchi le lundi 20 novembre puis Assad 
short|Poutine reçoit Assad à Sotchi\n
EOF
}

mkdir -p corpus/ingest corpus/extract corpus/wrap corpus/formats corpus/state corpus/cache
shapes | while IFS='|' read -r name unit; do
    body=$(mktemp)
    { printf 'Un titre\n\n'; repeat "$unit"; } > "$body"
    cp "$body" "corpus/ingest/long-$name"
    # extract: anchor bytes (a day: kind 3 | day 12 << 2, a year, a month).
    { printf '\063;\013'; cat "$body"; } > "corpus/extract/long-$name"
    # wrap: a width of 80 columns (79 % 120 + 1).
    { printf 'O'; cat "$body"; } > "corpus/wrap/long-$name"
    # formats: as a text file (6) and an extensionless one (7).
    { printf '\006'; cat "$body"; } > "corpus/formats/long-txt-$name"
    { printf '\007'; cat "$body"; } > "corpus/formats/long-bare-$name"
    rm -f "$body"
done

# formats: one long page, feed, JSON export, letter and mailbox.
para=$(repeat '<p>Le président Poutine a rencontré Erdogan à Moscou le 3 mars 2020.</p>\n')
{ printf '\000<html><head><title>Un titre</title></head><body><article>\n'
  printf '%s' "$para"; printf '</article></body></html>\n'; } > corpus/formats/long-page
{ printf '\001<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
  printf '<item><title>Un titre</title><pubDate>Tue, 03 Mar 2020 10:00:00 GMT</pubDate><description><![CDATA['
  printf '%s' "$para"; printf ']]></description></item></channel></rss>\n'; } > corpus/formats/long-feed
sentences=$(repeat 'Le président Poutine a rencontré Erdogan à Moscou le 3 mars 2020. ')
{ printf '\002{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","title":"Un titre","content_text":"'
  printf '%s' "$sentences"; printf '"}]}\n'; } > corpus/formats/long-jsonfeed
{ printf '\003{"headline":"Un titre","date":"2020-03-03","text":"'
  printf '%s' "$sentences"; printf '"}\n'; } > corpus/formats/long-jsonl
{ printf '\004From: a@example.org\nSubject: Un titre\nDate: Tue, 03 Mar 2020 10:00:00 +0000\n\n'
  printf '%s\n' "$sentences"; } > corpus/formats/long-letter
letter='From a@example.org Tue Mar  3 10:00:00 2020\nFrom: a@example.org\nSubject: Un titre\n\nPoutine reçoit Assad à Sotchi.\n\n'
{ printf '\005'; repeat "$letter"; } > corpus/formats/long-mbox

# state: a snapshot, then a long change log of marks set and cleared.
{ printf '{"version":1,"articles":{"a":{"read":true}}}\000'
  repeat '{"key":"a","mark":"read","on":false}\n{"key":"b","mark":"starred","on":true}\n'; } > corpus/state/long-log
