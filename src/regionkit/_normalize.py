"""Text normalization for matching names as people really type them."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "CATEGORY_WORDS",
    "canonical",
    "category_hints",
    "fold",
    "has_learned_word",
    "learned_category_words",
    "normalize",
    "plain_word",
    "russian_reading",
    "russian_stems",
    "set_learned_category_words",
    "strip_category_words",
    "strong_category_hints",
    "without_preposition",
]

# Latin letters that look like Cyrillic ones, and back (upper and lower case).
_LATIN = "AaBCcEeHKkMOoPpTXxYy"
_CYRILLIC = "АаВСсЕеНКкМОоРрТХхУу"
_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)
_APOSTROPHES = str.maketrans("", "", "'’ʼ`´ʻ\u02bc")
# A word: letters and digits, with the marks that belong to them (Python's \w
# leaves out the vowel signs of Devanagari, Thai or Lao, which would cut
# "कान्सू" into pieces).
_WORD = re.compile(
    r"\w[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    r"\u0670\u06d6-\u06ed\u0900-\u0963\u0966-\u0fff\u1000-\u109f\u1780-\u17ff"
    r"\u3099\u309a]*"
)  # a mark alone, with no letter before it, is no word
# Format characters (Unicode category Cf: zero-width joiners and spaces, soft
# hyphens, direction marks, BOM) are invisible inside a word: "Mos\u200dcow" is
# "Moscow". `canonical` drops them; `fold` keeps them, as stored names (a
# Sinhala or Persian joiner) are exact keys. The Cf code points of Unicode 15.1;
# a test checks this Python's.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_CJK_ONLY = re.compile(r"[\u3400-\u9fff]+")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff]) +|  *(?=[\u3400-\u9fff])")

_COUNTRY_WORDS = (
    "people s republic of china",
    "peoples republic of china",
    "pr china",
    "p r china",
    "prc",
    "china",
    "中华人民共和国",
    "中国",
    "中國",
    "russian federation",
    "russia",
    "российская федерация",
    "россия",
    "рф",
    "китай",
    "кнр",
)
_COUNTRY_EDGE = re.compile(
    rf"^(?:{'|'.join(_COUNTRY_WORDS)})\b\s*|\s*\b(?:{'|'.join(_COUNTRY_WORDS)})$"
    # Chinese text has no word boundaries: 中国黑龙江, 台湾省中华人民共和国.
    r"|^(?:中华人民共和国|中國|中国)|(?:中华人民共和国|中華人民共和國|中国|中國)$"
)

# Category words in the languages people type; removing them leaves the core name.
_CATEGORY_WORDS = {
    # English and romanized Russian
    "republic", "respublika", "resp", "rep", "krai", "kray", "kraj", "territory",
    "republits",  # sic: Google's address data writes it so
    "oblast", "oblast'", "obl", "region", "province", "autonomous", "avtonomnyy",
    "avtonomnaya", "avtonomnyj", "avtonomnaja", "okrug", "district", "area",
    "federal", "city", "of", "the", "gorod", "g", "ao", "aobl",
    # Russian
    "республика", "респ", "край", "кр", "область", "обл", "автономный",
    "автономная", "авт", "округ", "окр", "ао", "аобл", "город", "г",
    "федерального", "значения",
    # Russian, of China's units: городской округ (a prefecture-level city),
    # городской уезд (a county-level city), уезд, район, хошун, аймак
    "городской", "уезд", "район", "хошун", "аймак", "провинция",
    # Russian, the status of a locality that is not a город, abbreviated as
    # KLADR and addresses write it: пгт Ванино, с. Троицкое, п. Эльбан (the
    # words in full are parts of names too: Красное Село, Новая Деревня)
    "пгт", "рп", "п", "пос", "с", "д", "дер",
    # Chinese in pinyin
    "sheng", "shi", "zizhiqu", "zizhizhou", "zizhixian", "diqu", "meng", "qu",
    "xian", "qi", "tebie", "xingzhengqu", "municipality", "prefecture",
    "weiwuer",
    "autonomous region", "special", "administrative", "sar", "county", "banner",
    "league",
    # Portuguese, as Macau writes China's units: Província de Guangdong, Região
    # Administrativa Especial de Hong Kong, Município de Pequim
    "provincia", "municipio", "regiao", "autonoma", "especial", "administrativa",
    # German, French, Spanish and Italian, as pycountry's and CLDR's names write
    # them: Republik Tatarstan, République du Tatarstan, República de
    # Tartaristán, Repubblica del Tatarstan, Provinz Guangdong; and their word
    # for a region, which fits any subject as "region" does (Regione di Mosca)
    "republik", "republique", "republica", "repubblica", "provinz", "regione",
}  # fmt: skip
# The Romance category words a link word ("de", "du", "del" …) follows, which
# goes with them: "República de Tartaristán" is Tartaristán.
_LINKED_CATEGORY_WORDS = frozenset(
    {"provincia", "municipio", "regiao", "autonoma", "especial", "administrativa"}
    | {"republique", "republica", "repubblica", "province", "oblast", "krai"}
    | {"region", "regione"}  # Région de Moscou, Región de Moscú
)
_LINKS = frozenset({"de", "do", "da", "du", "des", "del", "della", "di"})

_CN_SUFFIXES = (
    "特别行政区", "特別行政區", "特区", "特區", "维吾尔自治区", "維吾爾自治區",
    "壮族自治区", "壯族自治區", "回族自治区", "回族自治區", "自治区", "自治區",
    "自治州", "自治县", "自治縣", "自治旗", "地区", "地區", "林区", "林區", "新区",
    "新區", "矿区", "礦區", "省", "市", "区", "區", "县", "縣", "旗", "州", "盟",
)  # fmt: skip

CATEGORY_WORDS = frozenset(_CATEGORY_WORDS)
"""The words that name a category (and are removed to leave a name's core)."""

_CN_SUFFIX = re.compile(f"(?:{'|'.join(_CN_SUFFIXES)})$")
# What `_COUNTRY_EDGE` can remove begins or ends the text with.
_COUNTRY_STARTS = (*_COUNTRY_WORDS, "中华人民共和国", "中國", "中国")
_COUNTRY_ENDS = (*_COUNTRY_WORDS, "中华人民共和国", "中華人民共和國", "中国", "中國")
_RU_PREPOSITIONS = frozenset(
    {"в", "во", "из", "на", "по", "от", "до", "для", "у", "с", "со", "к", "о", "об"}
)
# Case endings of Russian nouns and adjectives, longest first.
_RU_ENDINGS = tuple(
    sorted(
        {
            "ого", "его", "ому", "ему", "ими", "ыми", "ой", "ей", "ий", "ый", "ая",
            "яя", "ое", "ее", "ом", "ем", "ую", "юю", "ых", "их", "ым", "им", "ам",
            "ям", "ах", "ях", "ами", "ями", "ов", "ев", "а", "я", "у", "ю", "е",
            "ы", "и", "о", "ь", "й",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """
    Fold case, width and spacing: the light form used for exact matching.

    >>> fold("  ХАБАРОВСКИЙ   край ")
    'хабаровский край'
    """
    if _CJK_ONLY.fullmatch(text):  # no case, width or spaces to fold
        return text
    if text.isascii():
        folded = " ".join(text.lower().split())
    else:
        folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return text if folded == text else folded  # share the string where it is one


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """
    Normalize what someone typed for matching: `canonical`, less a country name.

    >>> normalize("Heilongjiang, China")
    'heilongjiang'
    >>> normalize("China")  # a country name alone is kept
    'china'
    """
    text = canonical(text)
    if not (text.startswith(_COUNTRY_STARTS) or text.endswith(_COUNTRY_ENDS)):
        return text  # no country name at either end (a look costs less)
    return _COUNTRY_EDGE.sub("", text).strip() or text


@functools.lru_cache(maxsize=65536)
def canonical(text: str) -> str:
    """
    Return *text* in the form names are compared in.

    Folds case and width (NFKC), maps ё to е, mends words that mix Cyrillic and
    Latin look-alike letters, drops accents from Latin letters (pinyin tones,
    ü), turns punctuation into spaces and drops apostrophes, and closes the
    spaces inside Chinese text. Stored names keep a country word that belongs
    to them ("Central China").

    >>> canonical("Хабaровский  КРАЙ")  # a Latin 'a' inside
    'хабаровский край'
    >>> canonical("Xī'ān")
    'xian'
    >>> canonical("Ёлкино")
    'елкино'
    >>> canonical("Hong Kong S.A.R.")
    'hong kong sar'
    """
    if _CJK_ONLY.fullmatch(text):  # most Chinese names: nothing to do
        return text
    original = text
    if "." in text:  # "Hong Kong S.A.R.": the initialism is one word
        text = _INITIALISM.sub(lambda m: m.group().replace(".", ""), text)
    if text.isascii():  # English and plain pinyin: no width, script or accents
        text = _fold_romanization(_spaced_words(text.lower().translate(_APOSTROPHES)))
        return original if text == original else text
    text = unicodedata.normalize("NFKC", _FORMAT.sub("", text))
    text = text.casefold().replace("ё", "е").translate(_APOSTROPHES)
    # "_" is a word character to the pattern, but a space here: read before the
    # words, so that a mark after it ("_ً") is not left a word of its own.
    text = _strip_latin_marks(text).replace("_", " ")
    # Mended after the marks are gone: "ÒЀ" is "oѐ" then, whose o is Cyrillic's.
    if _CYRILLIC_LETTER.search(text) and _LATIN_LETTER.search(text):
        text = " ".join(_mend_script(word) for word in text.split())
    text = _spaced_words(text)
    if text.isascii():
        text = _fold_romanization(text)
    elif _CJK.search(text):
        text = _CJK_GAP.sub("", text)
    return original if text == original else text


def plain_word(text: str) -> str | None:
    """
    Return `normalize` of *text* if *text* is one plain folded word, else None.

    A word of lower-case letters of Russian, or of Latin with pinyin's tones
    (the words of a folded text, mostly), is its own `fold`, and `canonical`
    and `normalize` only drop its accents and ё, unless a romanization fold
    applies to its letters: this tells so without making (and caching) each
    form.

    >>> plain_word("харбин"), plain_word("qūjìng"), plain_word("Harbin")
    ('харбин', 'qujing', None)
    """
    if _PLAIN_WORD.fullmatch(text) is None:
        return None
    if text[0] >= "а":  # Russian: Cyrillic comes after the Latin letters above
        return text.replace("ё", "е")
    plain = text if text.isascii() else text.translate(_LATIN_BASES)
    return None if _ROMANIZED.search(plain) else plain


_PLAIN_WORD = re.compile(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+|[а-яё]+")
# The letters `_fold_romanization` changes a word by ("st " needs a space).
_ROMANIZED = re.compile(r"y[eo]|iy|yy|ij|yj|ii|ja|zizhi")


# Latin letters each with a dot, two or more: S.A.R., U.S.S.R.
_INITIALISM = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]\.){2,}")


def _spaced_words(text: str) -> str:
    """Return the words of *text*, less punctuation and underscores, one space apart."""
    # Letters, digits and spaces alone (most names): the words are the split.
    if text.replace(" ", "").isalnum():
        return " ".join(text.split())
    text = " ".join(_WORD.findall(text))
    return " ".join(text.replace("_", " ").split()) if "_" in text else text


# Pinyin names of ethnic groups in autonomous units' names: Zangzu, Zangzuqiangzu.
_ETHNIC_PINYIN = re.compile(r"[a-z]{2,}zu(?:[a-z]+zu)*")
_ADJECTIVE_END = re.compile(r"(?<=[a-z])(?:iy|yy|ij|yj|ii)\b")
_ADJECTIVE_LETTERS = re.compile(r"iy|yy|ij|yj|ii")
_JA_END = re.compile(r"(?<=[a-z])ja\b")  # Udmurtskaja: the German-style я
_ZIZHI = re.compile(r"(?<=[a-z])(zizhiqu|zizhizhou|zizhixian|zizhiqi)\b")


# Russian ё romanized as yo (Semyonov, Yoshkar-Ola); not pinyin's yong and you
# (Pyongyang is not Pengyang).
_YO = re.compile(r"yo(?!ng|u)")
_SAINT = re.compile(r"\bst(?= )")


def _fold_romanization(text: str) -> str:
    """
    Make the usual romanizations of one Russian or Chinese name agree.

    Yevreyskaya/Evreyskaya, Khabarovskiy/Khabarovskij/Khabarovsky, and pinyin
    run together with its generic term (Zhuangzuzizhiqu).
    """
    if "st " in text:
        text = _SAINT.sub("saint", text)  # St. Petersburg, St Petersburg
    previous = ""
    # Each step only where its letters are (a regular expression costs more
    # than a look for them).
    while previous != text:  # each step shortens or settles: a fixed point
        previous = text
        if "ye" in text or "yo" in text:  # (removing "ye"'s y makes no "yo")
            text = " ".join(map(_fold_e, text.split()))
        if _ADJECTIVE_LETTERS.search(text):
            text = _ADJECTIVE_END.sub("y", text)
        if "ja" in text:
            text = _JA_END.sub("ya", text)
    return _ZIZHI.sub(r" \1", text) if "zizhi" in text else text


def _fold_e(word: str) -> str:
    # Yekaterinburg, Semyonov; not in short words, where ye is a syllable of
    # its own (Boye is not Boe).
    return _YO.sub("e", word.replace("ye", "e")) if len(word) >= 5 else word


def strip_category_words(normalized: str) -> str:
    """
    Remove category words from a normalized name, leaving its core.

    >>> strip_category_words("khabarovskiy kray")
    'khabarovskiy'
    >>> strip_category_words("黑龙江省")
    '黑龙江'
    >>> strip_category_words("regiao administrativa especial de hong kong")
    'hong kong'
    """
    learned = learned_category_words()
    if " " in normalized:
        split = normalized.split()
        words = [
            w
            for at, w in enumerate(split)
            if w not in _CATEGORY_WORDS
            and w not in learned
            and not (w.endswith("zu") and _ETHNIC_PINYIN.fullmatch(w))
            and not (w in _LINKS and at and split[at - 1] in _LINKED_CATEGORY_WORDS)
        ]
        core = " ".join(words)
    else:
        core = (
            "" if normalized in _CATEGORY_WORDS or normalized in learned else normalized
        )
    match = _CN_SUFFIX.search(core) if core.endswith(_CN_SUFFIXES) else None
    if match is not None and match.start() > 1:
        core = core[: match.start()]
    return core or normalized


# Words that say which category a text means, by category value.
_CITY = ("city", "shi", "gorod", "город", "г")
_HINT_WORDS = {
    "oblast": ("oblast", "obl", "область", "обл", "province", "region", "regione"),
    "province": ("province", "sheng", "provinz", "провинция", "provincia"),
    "krai": ("krai", "kray", "kraj", "край", "кр", "territory"),
    "republic": (
        *("republic", "respublika", "resp", "республика", "респ", "rep"),
        *("republik", "republique", "republica", "repubblica"),
    ),
    "autonomous_okrug": ("okrug", "округ", "окр", "ao", "ао", "district"),
    # Russian names of China's units
    "prefecture_level_city": (*_CITY, "городской", "округ"),
    "county_level_city": (*_CITY, "городской", "уезд"),
    # Еврейская автономная обл.: an autonomous oblast is an oblast too; "АО"
    # abbreviates it as it does an autonomous okrug ("Еврейская АО").
    "autonomous_oblast": (
        "aobl",
        "аобл",
        "oblast",
        "obl",
        "область",
        "обл",
        "ao",
        "ао",
    ),
    "federal_city": _CITY,
    "city": _CITY,  # a Russian город: "г Майкоп", "г. Хабаровск"
    # any other locality: "пгт Ванино", "с. Троицкое"
    "inhabited_locality": ("пгт", "рп", "п", "пос", "с", "д", "дер"),
    "municipality": (*_CITY, "municipality", "municipio"),
    "autonomous_region": ("zizhiqu",),
    "special_administrative_region": ("sar", "xingzhengqu", "especial"),
    "federal_district": ("federal", "фо"),
    "prefecture": ("prefecture", "diqu", "округ"),
    "autonomous_prefecture": ("prefecture", "zizhizhou", "округ"),
    "league": ("league", "meng", "аймак"),
    "district": ("district", "qu", "район"),
    "county": ("county", "xian", "уезд"),
    "autonomous_county": ("county", "xian", "zizhixian", "уезд"),
    "banner": ("banner", "qi", "хошун"),
    "autonomous_banner": ("banner", "qi", "zizhiqi", "хошун"),
}
_HINTS_BY_WORD: dict[str, frozenset[str]] = {}
for _category, _words in _HINT_WORDS.items():
    for _word in _words:
        _HINTS_BY_WORD[_word] = _HINTS_BY_WORD.get(_word, frozenset()) | {_category}
_CN_CITIES = frozenset(
    {"municipality", "prefecture_level_city", "county_level_city", "federal_city"}
)
_CN_HINTS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (suffix, frozenset(categories))
    for suffix, categories in (
        ("特别行政区", {"special_administrative_region"}),
        ("特別行政區", {"special_administrative_region"}),
        # 香港特区: the SAR's short form, as in 香港特区政府 and 澳門特區政府
        # (深圳特区, the economic zone, is no SAR, and so no unit).
        ("特区", {"special_administrative_region"}),
        ("特區", {"special_administrative_region"}),
        ("自治区", {"autonomous_region"}),
        ("自治區", {"autonomous_region"}),
        ("边疆区", {"krai"}),
        ("邊疆區", {"krai"}),
        ("共和国", {"republic"}),
        ("共和國", {"republic"}),
        ("自治州", {"autonomous_prefecture"}),
        ("自治县", {"autonomous_county"}),
        ("自治縣", {"autonomous_county"}),
        ("自治旗", {"autonomous_banner"}),
        ("地区", {"prefecture"}),
        ("地區", {"prefecture"}),
        ("林区", {"forestry_district"}),
        ("省", {"province"}),
        ("州", {"oblast", "autonomous_prefecture"}),
        ("盟", {"league"}),
        ("市", _CN_CITIES),
        ("区", {"district"}),
        ("區", {"district"}),
        ("县", {"county", "autonomous_county"}),
        ("縣", {"county", "autonomous_county"}),
        ("旗", {"banner", "autonomous_banner"}),
    )
)

_CN_HINT_SUFFIXES = tuple(suffix for suffix, _ in _CN_HINTS)
_NO_HINTS: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=65536)
def category_hints(normalized: str) -> frozenset[str]:
    """
    Return the category values that the category words in *normalized* point to.

    >>> sorted(category_hints("moscow province"))
    ['oblast', 'province']
    >>> sorted(category_hints("黑龙江省"))
    ['province']
    """
    hints: frozenset[str] = _NO_HINTS
    learned = learned_category_words()
    for word in normalized.split():
        named = _HINTS_BY_WORD.get(word) or learned.get(word)
        if named is not None:
            hints = hints | named if hints else named
    if normalized.endswith(_CN_HINT_SUFFIXES):  # else none of them fits
        for suffix, categories in _CN_HINTS:
            if normalized.endswith(suffix):
                return hints | categories
    return hints


# The category words of other Cyrillic languages, learned from our name
# sources (tools/update_category_words.py: Kazakh облысы, Belarusian вобласць,
# Mongolian муж), by word: the categories each names. tools/build_data.py
# packs them as `regionkit._category_words`, imported at first use.
_learned: dict[str, frozenset[str]] | None = None


def learned_category_words() -> dict[str, frozenset[str]]:
    """Return the learned category words, with the categories each names."""
    global _learned  # read once, at first use
    if _learned is None:
        from regionkit._category_words import WORDS  # a table, no code

        _learned = {word: frozenset(named) for word, named in WORDS.items()}
    return _learned


def set_learned_category_words(words: dict[str, tuple[str, ...]]) -> None:
    """
    Use *words* as the learned category words (the build's, before it packs them).

    The build calls it with the table it packs, so that the indices it builds
    read the same words; first, before anything is normalized, since the
    caches of `_index` that read the words are not cleared here.
    """
    global _learned  # the one table, replaced whole
    _learned = {word: frozenset(named) for word, named in words.items()}
    for cached in (category_hints, strong_category_hints, russian_reading):
        cached.cache_clear()


def has_learned_word(normalized: str) -> bool:
    """
    Whether *normalized* holds a learned category word.

    >>> has_learned_word("оская вобласць")
    True
    """
    return not learned_category_words().keys().isdisjoint(normalized.split())


# The Russian word of each category that foreign category words name, for
# reading a Russian core with them ("Новосибирск облысы": новосибирск область).
_RUSSIAN_WORDS = {
    "oblast": "область",
    "krai": "край",
    "republic": "республика",
    "autonomous_okrug": "автономный округ",
    "province": "провинция",
}


@functools.lru_cache(maxsize=65536)
def russian_reading(normalized: str) -> str:
    """
    Return *normalized* with its learned category words in Russian, or "".

    A learned word becomes the Russian word of its category when it names one
    such category alone; "" when no word changes.

    >>> russian_reading("новосибирск облысы")
    'новосибирск область'
    >>> russian_reading("новосибирская область")
    ''
    """
    learned = learned_category_words()
    words = normalized.split()
    changed = False
    for at, word in enumerate(words):
        named = learned.get(word)
        if named is None:
            continue
        russian = {_RUSSIAN_WORDS.get(category) for category in named}
        if len(russian) == 1 and None not in russian:
            words[at] = russian.pop()  # type: ignore[assignment]  # not None
            changed = True
    return " ".join(words) if changed else ""


# Words too loose to rule a unit out: "Perm Region" is Perm Krai.
_WEAK_HINTS = frozenset({"region", "regione"})


@functools.lru_cache(maxsize=65536)
def strong_category_hints(normalized: str) -> frozenset[str]:
    """
    Return the categories the text's category words name outright.

    Lookup rules a unit out when the text names a category that does not fit
    it; "region" fits any federal subject, so it rules nothing out, and
    "province" (省) fits China's autonomous regions too, which were provinces
    until 1958 and are still called so ("广西省").

    >>> sorted(strong_category_hints("altay krai"))
    ['krai']
    >>> strong_category_hints("perm region")
    frozenset()
    >>> sorted(strong_category_hints("广西省"))
    ['autonomous_region', 'province']
    """
    if not _WEAK_HINTS.isdisjoint(normalized.split()):
        normalized = " ".join(w for w in normalized.split() if w not in _WEAK_HINTS)
    hints = category_hints(normalized)
    if "province" in hints:
        hints |= {"autonomous_region"}
    return hints


def without_preposition(normalized: str) -> str:
    """
    Return *normalized* without a leading Russian preposition ("в", "по", "из").

    >>> without_preposition("по республике татарстан")
    'республике татарстан'
    """
    first, _, rest = normalized.partition(" ")
    return rest if rest and first in _RU_PREPOSITIONS else normalized


def russian_stems(normalized: str) -> str:
    """
    Reduce the Russian words of *normalized* to rough stems, dropping prepositions.

    Crude on purpose: it only has to make the case forms of one name agree.

    >>> russian_stems("в хабаровском крае") == russian_stems("хабаровский край")
    True
    >>> russian_stems("из татарстана") == russian_stems("татарстан")
    True
    """
    words = normalized.split()
    if len(words) > 1 and words[0] in _RU_PREPOSITIONS:
        words = words[1:]
    return " ".join(_stem(word) for word in words)


def _stem(word: str) -> str:
    if not _RU_LOWER.search(word):
        return word
    # The longest ending that leaves three letters: a word ends in one ending
    # of each length at most.
    for size, endings in _RU_ENDINGS_BY_SIZE:
        if len(word) - size >= 3 and word[-size:] in endings:
            return word[:-size]
    return word


_RU_LOWER = re.compile("[а-я]")
_RU_ENDINGS_BY_SIZE = tuple(
    (size, frozenset(e for e in _RU_ENDINGS if len(e) == size))
    for size in sorted({len(e) for e in _RU_ENDINGS}, reverse=True)
)


def _mend_script(word: str) -> str:
    """Turn look-alike letters in a word that mixes scripts into its main script."""
    if word.isascii():
        return word
    cyrillic = sum(1 for c in word if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in word if c.isascii() and c.isalpha())
    if not cyrillic or not latin:
        return word
    return word.translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN)


def _latin_base(char: str) -> str | None:
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() and base.isalpha() and base != char else None


# Accented Latin letters (Latin-1, Extended-A and -B, pinyin's tones) to their
# base letters, for str.translate: the common case without a Python loop.
_LATIN_BASES = {
    code: base
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
    if (base := _latin_base(chr(code))) is not None
}
_COMBINING = re.compile(r"[\u0300-\u036f]")
_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")  # the keys above
# The letters `_mend_script` counts: a word mixes them only if the text has both.
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


_STRESS = frozenset("\u0301\u0300")


def _strip_latin_marks(text: str) -> str:
    """Drop accents from Latin letters only: Cyrillic й keeps its breve."""
    if text.isascii():
        return text
    if _ACCENTED.search(text):
        text = text.translate(_LATIN_BASES)
    if not _COMBINING.search(text):
        return text
    kept: list[str] = []  # marks typed apart from their letters: the slow way
    base_is_latin = False
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            if base_is_latin or char in _STRESS:  # Ха́баровск: a stress mark
                continue
        else:
            base_is_latin = char.isascii()
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))
