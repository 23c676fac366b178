"""The rule ids the stages record themselves (the boilerplate rules' ids live in their data
files). ``Options`` checks ``disable`` against these and the data files' ids, and
``tools/gen_rules_doc.py`` writes them into docs/rules.md: (id, what it does, example).
"""

from __future__ import annotations

STAGE_RULES: tuple[tuple[str, str, str], ...] = (
    (
        "decode.charset",
        "Bytes given to clean(): the charset they were read in (`after`), UTF-8 first.",
        "bytes → utf-8",
    ),
    (
        "normalize.mojibake",
        "Text decoded with the wrong charset, repaired by ftfy.",
        "Koreaâ€™s → Korea’s",
    ),
    ("normalize.html_entity", "HTML character references left in text.", "&amp; → &"),
    (
        "normalize.unicode",
        "Other ftfy repairs (NFC; ligatures too, on a line ftfy is asked about).",
        "cafe\\u0301 → café",
    ),
    ("normalize.modifier_apostrophe", "U+02BC between letters becomes ’.", "Koreaʼs → Korea’s"),
    (
        "normalize.invisible",
        "Zero-width spaces, word joiners, BOMs, soft hyphens.",
        "zero\\u200bwidth",
    ),
    ("normalize.control", "C0 control characters.", "\\x07"),
    (
        "normalize.surrogate",
        "UTF-16 surrogates left in a str: a pair becomes its character, a lone one U+FFFD.",
        "\\ud83d\\ude00 → 😀",
    ),
    (
        "content.boilerplate",
        "Lines outside the article's stretch in a full-page dump.",
        "Home | World | Sport",
    ),
    (
        "content.comments",
        "Reader comments under an article extracted from HTML: from a heading counting them, or a thread signed 'Posted by: NAME at DATE'.",
        "Great post! / Posted by: Bob | May 3, 2012 11:40 AM",
    ),
    (
        "content.related",
        "A box of related or more-from links under an article extracted from HTML, from its"
        " heading on, unless what follows reads as prose.",
        "More from Sport / - Cup final tickets",
    ),
    (
        "metadata.date_stamp",
        "A line that is only a date (label, time, counter); gives `date`.",
        "Oct 22, 2024 17:19 74",
    ),
    (
        "metadata.date_prefix",
        "A labelled date opening a line; the sentence stays.",
        "date 2024-10-21 On October 21, …",
    ),
    ("metadata.byline", "A byline in the header; gives `author`.", "By Jane Smith | Reuters"),
    (
        "metadata.title",
        "The headline, when the header is corroborated as page furniture; gives `title`.",
        "Risk wins, risk loses! …",
    ),
    (
        "metadata.subtitle",
        "A standfirst right after the headline; gives `subtitle`.",
        "Russia has previously tried to woo Seoul …",
    ),
    (
        "metadata.title_repeat",
        "The headline repeated, e.g. as an image caption.",
        "Risk wins, risk loses! … - 1",
    ),
    (
        "metadata.masthead",
        "Short lines above a corroborated headline (site name, section kicker);"
        " a Title Case one can give `source`.",
        "Coastal Herald",
    ),
    (
        "metadata.source_line",
        "A 'Source: …' line after the text; gives `source`.",
        "Source: Reuters",
    ),
    ("metadata.source_signature", "A short trailing signature; gives `source`.", "News.Az"),
    ("glue.lower_lower", "Two lowercase words glued.", "theinitial → the initial"),
    (
        "glue.lower_title",
        "A lowercase word glued to a capitalised one.",
        "withUkraine → with Ukraine",
    ),
    ("glue.title_lower", "A capitalised word glued to a lowercase one.", "Troopsin → Troops in"),
    ("glue.title_title", "Two capitalised words glued.", "SaysNorth → Says North"),
    (
        "glue.sentence",
        "A sentence end glued to the next sentence.",
        "neighbor.South → neighbor. South",
    ),
    ("glue.line", "Words glued where a line break was lost.", "…”The → …” The"),
)
