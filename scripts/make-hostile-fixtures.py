#!/usr/bin/env python3
"""Builds the hostile-input fixtures under tests/fixtures/hostile/ from a real template.

Usage: scripts/make-hostile-fixtures.py TEMPLATE.xlsx OUT_DIR
TEMPLATE is a template written by `jixiao issue` (any department). Standard library only.
Each fixture is a template broken in one way a hostile or damaged file can be; the ODS ones
start from the LibreOffice resave in tests/fixtures/returns/reference.ods.
"""
import io
import sys
import zipfile
import zlib


def entries(path):
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def write(out, items, extra=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            z.writestr(info.filename, data)
        for name, data in extra or []:
            z.writestr(name, data)
    open(out, "wb").write(buf.getvalue())


def replace(items, name, fn):
    return [(i, fn(d) if i.filename == name else d) for i, d in items]


def main():
    template, out = sys.argv[1], sys.argv[2]
    items = entries(template)
    sheet = "xl/worksheets/sheet4.xml"  # 绩效指标

    # A dimension claiming the whole sheet.
    write(f"{out}/dimension.xlsx", replace(items, sheet, lambda d: d.replace(
        b'<dimension ref="', b'<dimension ref="A1:XFD1048576" old="', 1)))

    # Cells at A1 and XFD1048576 in the sheet that is read.
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData>'
    write(f"{out}/far-cells.xlsx", replace(items, sheet, lambda d: d.replace(b"</sheetData>", far, 1)))

    # Billion laughs in the shared strings, and an external entity.
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)) + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    write(f"{out}/entities.xlsx", replace(items, "xl/sharedStrings.xml", lambda d: laughs))
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    write(f"{out}/external-entity.xlsx", replace(items, sheet, lambda d: xxe + d.split(b"?>", 1)[1].replace(
        b"<sheetData>", b"<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>", 1)))

    # A shared-string index far out of range.
    write(f"{out}/sst-index.xlsx", replace(items, sheet, lambda d: d.replace(
        b'<c r="A3" t="s"><v>', b'<c r="A3" t="s"><v>99999999', 1)))

    # Deeply nested XML inside a cell.
    nest = b"<x>" * 200000 + b"</x>" * 200000
    write(f"{out}/nested.xlsx", replace(items, sheet, lambda d: d.replace(
        b"</sheetData>", b'<row r="2000"><c r="A2000" t="inlineStr"><is><t>a</t>' + nest + b"</is></c></row></sheetData>", 1)))

    # Path-traversal and duplicate entry names.
    dup = [(i, d) for i, d in items] + [(items[0][0], items[0][1])]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        import warnings
        warnings.simplefilter("ignore")
        for info, data in dup:
            z.writestr(info.filename, data)
        z.writestr("../../../../tmp/jixiao-evil.txt", b"evil")
        z.writestr("/etc/evil.txt", b"evil")
    open(f"{out}/traversal.xlsx", "wb").write(buf.getvalue())

    # A zip bomb: about 1 MB that declares and expands to 1 GB.
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1 << 20)
    body = b"".join(comp.compress(chunk) for _ in range(1024)) + comp.flush()
    size = 1 << 30
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(chunk, crc)
    name = b"xl/worksheets/sheet4.xml"
    local = (b"PK\x03\x04" + (20).to_bytes(2, "little") + (0).to_bytes(2, "little") + (8).to_bytes(2, "little")
             + (0).to_bytes(4, "little") + crc.to_bytes(4, "little") + len(body).to_bytes(4, "little")
             + size.to_bytes(4, "little") + len(name).to_bytes(2, "little") + (0).to_bytes(2, "little") + name)
    central = (b"PK\x01\x02" + (20).to_bytes(2, "little") + (20).to_bytes(2, "little") + (0).to_bytes(2, "little")
               + (8).to_bytes(2, "little") + (0).to_bytes(4, "little") + crc.to_bytes(4, "little")
               + len(body).to_bytes(4, "little") + size.to_bytes(4, "little") + len(name).to_bytes(2, "little")
               + (0).to_bytes(2, "little") * 4 + (0).to_bytes(4, "little") + (0).to_bytes(4, "little") + name)
    wb = b"PK\x03\x04"  # keep sniffing honest: the name xl/workbook.xml appears below
    extra_name = b"xl/workbook.xml"
    data = local + body
    cd_offset = len(data)
    end = (b"PK\x05\x06" + (0).to_bytes(2, "little") * 2 + (1).to_bytes(2, "little") * 2
           + len(central).to_bytes(4, "little") + cd_offset.to_bytes(4, "little") + len(extra_name).to_bytes(2, "little") + extra_name)
    del wb, data, central, end

    # The bomb inside a complete workbook, declaring its real size (caught by the directory
    # check) and declaring a small size (caught by the bounded decompression).
    for fname, declared in (("bomb.xlsx", size), ("bomb-lying.xlsx", 1000)):
        whole(out, fname, items, body, declared)

    ods_fixtures(out)


def ods_fixtures(out):
    """ODS tables whose repeated cells and rows with content calamine would copy out."""
    import os
    source = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "returns", "reference.ods")
    items = entries(source)
    cell = lambda n: (b'<table:table-cell office:value-type="string" table:number-columns-repeated="%d">'
                      b'<text:p>x</text:p></table:table-cell>' % n)
    rows = {
        # 6,000 rows of 16,000 cells of "x" from a few hundred bytes.
        "repeat.ods": b'<table:table-row table:number-rows-repeated="6000">' + cell(16000) + b"</table:table-row>",
        # Content in A1 and 300,000 rows below: the dense span between them.
        "far-cells.ods": (b"<table:table-row>" + cell(1) + b"</table:table-row>"
                          b'<table:table-row table:number-rows-repeated="300000"><table:table-cell/></table:table-row>'
                          b"<table:table-row>" + cell(30) + b"</table:table-row>"),
    }
    for fname, extra in rows.items():
        def insert(d):
            start = d.index('table:name="绩效指标"'.encode())
            at = d.index(b"<table:table-row", start)
            return d[:at] + extra + d[at:]
        items_out = replace(items, "content.xml", insert)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for info, data in items_out:
                method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
                z.writestr(info.filename, data, compress_type=method)
        open(f"{out}/{fname}", "wb").write(buf.getvalue())


def whole(out, fname, items, body, declared):
    parts = [(i.filename.encode(), d) for i, d in items]
    blob, cd = b"", b""
    for name, raw in parts:
        if name == b"xl/worksheets/sheet4.xml":
            packed, crc, usize = body, 0, declared
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = c.compress(raw) + c.flush()
            crc, usize = zlib.crc32(raw), len(raw)
        off = len(blob)
        head = lambda sig, extra: (sig + extra + (8).to_bytes(2, "little") + (0).to_bytes(4, "little")
                                  + crc.to_bytes(4, "little") + len(packed).to_bytes(4, "little")
                                  + usize.to_bytes(4, "little") + len(name).to_bytes(2, "little"))
        blob += head(b"PK\x03\x04", (20).to_bytes(2, "little") + (0).to_bytes(2, "little")) + (0).to_bytes(2, "little") + name + packed
        cd += (head(b"PK\x01\x02", (20).to_bytes(2, "little") * 2 + (0).to_bytes(2, "little"))
               + (0).to_bytes(2, "little") * 4 + (0).to_bytes(4, "little") + off.to_bytes(4, "little") + name)
    end = (b"PK\x05\x06" + (0).to_bytes(2, "little") * 2 + len(parts).to_bytes(2, "little") * 2
           + len(cd).to_bytes(4, "little") + len(blob).to_bytes(4, "little") + (0).to_bytes(2, "little"))
    open(f"{out}/{fname}", "wb").write(blob + cd + end)


if __name__ == "__main__":
    main()
