"""
What several of China's build tools share: code facts (stdlib).

The MCA names every unit with a generic suffix that decides its category;
`LEVEL2_SUFFIXES` and `LEVEL3_SUFFIXES` list them longest first. `PROVINCE_ISO`
maps a GB/T 2260 province prefix to its ISO 3166-2 code.
"""

from __future__ import annotations

PROVINCE_ISO = {
    "11": "CN-BJ", "12": "CN-TJ", "13": "CN-HE", "14": "CN-SX", "15": "CN-NM",
    "21": "CN-LN", "22": "CN-JL", "23": "CN-HL", "31": "CN-SH", "32": "CN-JS",
    "33": "CN-ZJ", "34": "CN-AH", "35": "CN-FJ", "36": "CN-JX", "37": "CN-SD",
    "41": "CN-HA", "42": "CN-HB", "43": "CN-HN", "44": "CN-GD", "45": "CN-GX",
    "46": "CN-HI", "50": "CN-CQ", "51": "CN-SC", "52": "CN-GZ", "53": "CN-YN",
    "54": "CN-XZ", "61": "CN-SN", "62": "CN-GS", "63": "CN-QH", "64": "CN-NX",
    "65": "CN-XJ", "71": "CN-TW", "81": "CN-HK", "82": "CN-MO",
}  # fmt: skip

LEVEL2_SUFFIXES = (
    ("自治州", "autonomous_prefecture"),
    ("地区", "prefecture"),
    ("盟", "league"),
    ("市", "prefecture_level_city"),
)
LEVEL3_SUFFIXES = (
    ("自治县", "autonomous_county"),
    ("自治旗", "autonomous_banner"),
    ("旗", "banner"),
    ("特区", "special_district"),
    ("区", "district"),
    ("县", "county"),
    ("市", "county_level_city"),
)


def suffix_category(name: str, level: int) -> str | None:
    """Return the category that *name*'s generic suffix gives at *level*."""
    for suffix, category in LEVEL2_SUFFIXES if level == 2 else LEVEL3_SUFFIXES:
        if name.endswith(suffix):
            return category
    return None
