#!/usr/bin/python3
"""Build the Chinese font the print sheets embed: a subset of Noto Sans CJK SC Regular (SIL OFL 1.1).

Run by hand from the repo root with Debian's fonts-noto-cjk and python3-fonttools installed:

    /usr/bin/python3 scripts/fonts/subset-cjk-font.py [--format otf|ttf] [--ttc PATH] [--out PATH]

Steps:
  1. Take face "Noto Sans CJK SC" (Regular) out of Debian's NotoSansCJK-Regular.ttc.
  2. Keep the characters: ASCII, Latin-1, General Punctuation, CJK Symbols and Punctuation,
     Halfwidth and Fullwidth Forms, every character of GB2312 (each two-byte code decoded with
     Python's 'gb2312' codec: 6,763 hanzi plus the GB2312 symbol rows), and every non-ASCII
     character the font covers that appears in src/**/*.ts(x), data/geo/projects.geojson and
     data/geo/counties.geojson.
  3. Drop hinting and the layout / vertical-writing tables a PDF embedder does not use
     (GSUB, GPOS, GDEF, BASE, VORG, vhea, vmtx).
  4. Default (--format ttf): convert the CFF outlines to TrueType quadratics (fontTools cu2qu,
     max error 1 unit of 1000/em), every glyph padded to 4 bytes. pdf-lib re-subsets the font with
     @pdf-lib/fontkit when it embeds it. Tested (pdf-lib 1.17.1, @pdf-lib/fontkit 1.1.1):
       - CFF (--format otf): fontkit's CFF subset of this CID-keyed font is embedded as
         CIDFontType0C; poppler rejects it ("Embedded font file may be invalid", every glyph drawn
         as a box) although the text still extracts. Kept as an option for comparison only.
       - TrueType, unpadded: fontkit concatenates the glyph records as they are and halves the
         offsets for a short loca, so after the first odd-length glyph later glyphs come out blank.
       - TrueType, padded (this): renders in poppler; pdftotext and pdf.js extract the text exactly.

Output: data/geo/sources/fonts/NotoSansSC-OuTu-Subset.ttf (or .otf).
"""

import argparse
import glob
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
DEFAULT_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
FACE = 'Noto Sans CJK SC'
FAMILY = 'Noto Sans SC OuTu Subset'
PS_NAME = 'NotoSansSC-OuTu-Subset'

# Unicode blocks kept whole (as far as the font covers them).
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]

TEXT_GLOBS = ['src/**/*.ts', 'src/**/*.tsx', 'data/geo/projects.geojson', 'data/geo/counties.geojson']


def gb2312_chars():
    """Every character GB2312 encodes: rows 0xA1-0xF7, cells 0xA1-0xFE, decoded one by one."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass  # unassigned cell
    return chars


def repo_chars():
    """Non-ASCII characters in the repo's source and its Chinese-named data."""
    chars = set()
    for pattern in TEXT_GLOBS:
        for path in glob.glob(os.path.join(REPO, pattern), recursive=True):
            with open(path, encoding='utf-8') as f:
                chars.update(c for c in f.read() if ord(c) > 0x7E)
    return chars


def is_cjk(cp):
    return (
        0x2E80 <= cp <= 0x2FDF  # radicals
        or 0x3000 <= cp <= 0x30FF  # punctuation, kana
        or 0x3400 <= cp <= 0x4DBF  # Ext A
        or 0x4E00 <= cp <= 0x9FFF  # unified ideographs
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0xFF00 <= cp <= 0xFFEF  # fullwidth forms
        or 0x20000 <= cp <= 0x3FFFF  # Ext B and later
    )


def load_face(ttc_path):
    collection = TTCollection(ttc_path)
    for font in collection.fonts:
        if font['name'].getDebugName(1) == FACE and font['name'].getDebugName(2) == 'Regular':
            return font
    sys.exit(f'{FACE} Regular not found in {ttc_path}')


def cff_to_truetype(font, max_err=1.0):
    """Replace the CFF table by glyf/loca (quadratic splines via cu2qu, max_err in font units)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    # Pad every glyph to 4 bytes: fontkit's TrueType subsetter concatenates the glyphs as they are
    # and halves the offsets for a short loca, so an odd-length glyph shifts every later one.
    glyf.padding = 4
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf
    del font['CFF ']
    font.sfntVersion = '\x00\x01\x00\x00'
    maxp = font['maxp']
    maxp.tableVersion = 0x00010000
    # No hinting: no zones beyond the glyph zone, no storage, functions or instructions.
    maxp.maxZones = 1
    for field in (
        'maxTwilightPoints',
        'maxStorage',
        'maxFunctionDefs',
        'maxInstructionDefs',
        'maxStackElements',
        'maxSizeOfInstructions',
        'maxComponentElements',
        'maxComponentDepth',
    ):
        setattr(maxp, field, 0)
    # maxPoints / maxContours and the composite counts are recalculated when the font is saved.
    font['head'].indexToLocFormat = 0
    font['head'].glyphDataFormat = 0
    post = font['post']
    post.formatType = 3.0  # no glyph names: the CID font has none worth keeping
    post.extraNames = []
    post.mapping = {}


def rename(font):
    """OFL: a Modified Version gets its own name (the Reserved Font Name 'Source' is not used)."""
    name = font['name']
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            name.removeNames(nameID=record.nameID)
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName('Regular', 2, 3, 1, 0x409)
    name.setName(f'{PS_NAME};subset for OuTu print sheets', 3, 3, 1, 0x409)
    name.setName(FAMILY, 4, 3, 1, 0x409)
    name.setName(PS_NAME, 6, 3, 1, 0x409)
    name.setName(f'Subset of Noto Sans CJK SC Regular made by {os.path.relpath(__file__, REPO)}', 10, 3, 1, 0x409)
    if 'CFF ' in font:
        cff = font['CFF '].cff
        cff.fontNames = [PS_NAME]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--ttc', default=DEFAULT_TTC)
    parser.add_argument('--format', choices=['ttf', 'otf'], default='ttf')
    parser.add_argument('--out', default=None)
    args = parser.parse_args()
    out = args.out or os.path.join(REPO, 'data', 'geo', 'sources', 'fonts', f'{PS_NAME}.{args.format}')

    font = load_face(args.ttc)
    cmap = font.getBestCmap()

    wanted = set()
    for lo, hi in RANGES:
        wanted.update(range(lo, hi + 1))
    gb = {ord(c) for c in gb2312_chars()}
    from_repo = {ord(c) for c in repo_chars()}
    wanted |= gb | from_repo
    missing_repo_cjk = sorted(cp for cp in from_repo if cp not in cmap and is_cjk(cp))
    unicodes = sorted(cp for cp in wanted if cp in cmap)

    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = []
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'BASE', 'VORG', 'vhea', 'vmtx', 'DSIG']
    options.name_IDs = ['*']
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_bounds = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)

    if args.format == 'ttf':
        cff_to_truetype(font)
    rename(font)

    os.makedirs(os.path.dirname(out), exist_ok=True)
    font.recalcTimestamp = False  # keep the source's head.modified: same input, same bytes
    font.save(out)  # recalculates maxp/head bounds (and loca) on compile

    print(f'source face   : {FACE} Regular from {args.ttc}')
    print(f'GB2312 chars  : {len(gb)}')
    print(f'repo chars    : {len(from_repo)} non-ASCII, {sum(1 for cp in from_repo if is_cjk(cp))} CJK')
    if missing_repo_cjk:
        print(f'not in font   : {"".join(chr(cp) for cp in missing_repo_cjk)}')
    print(f'code points   : {len(unicodes)}')
    print(f'glyphs        : {len(font.getGlyphOrder())}')
    print(f'output        : {os.path.relpath(out, REPO)} ({os.path.getsize(out):,} bytes)')


if __name__ == '__main__':
    main()
