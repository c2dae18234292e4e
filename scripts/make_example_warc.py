#!/usr/bin/env python3
"""Writes examples/archive.warc.gz from the invented pages in examples/html/.

The archive is a WARC/1.1 file in which every record is its own gzip member
(the layout crawlers write, so a reader can seek to any record). It holds:

  1. a warcinfo record;
  2. for three pages (copies of examples/html/01, 02 and 03, fetched from
     URLs that differ from their canonical URLs) a request record and a
     response record (HTTP/1.1 200, text/html; charset=utf-8);
  3. a request and a response for a missing page (HTTP/1.1 404), which an
     extractor should skip;
  4. a metadata record (application/warc-fields) about the first response.

Everything is deterministic: record ids are UUIDv5 of fixed names, dates are
fixed, and the gzip members carry no file name and mtime 0, so running the
script again rewrites the same bytes. Standard library only.

    python3 scripts/make_example_warc.py            # writes examples/archive.warc.gz
    python3 scripts/make_example_warc.py --out x.warc.gz
"""

import argparse
import base64
import gzip
import hashlib
import io
import pathlib
import sys
import uuid
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = ROOT / "examples" / "html"
DEFAULT_OUT = ROOT / "examples" / "archive.warc.gz"

# Namespace of the record ids: UUIDv5 of a fixed name, never random.
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://rashomon.example/examples/archive.warc.gz")

CRLF = b"\r\n"

# (page file, URL it was fetched from, server IP, crawl second). The URLs
# differ from each page's rel=canonical on purpose.
FETCHES = [
    ("01_meridian_post.html",
     "https://www.meridianpost.example/world/2030/mar/14/corrin-bay-oil-slick-lanner-flats?CMP=share_btn_link",
     "192.0.2.10", 1),
    ("02_wattenlaender_zeitung.html",
     "https://www.wattenlaender-zeitung.example/welt/id48213377.html",
     "192.0.2.20", 3),
    ("03_lanner_flats_blog.html",
     "https://lannerflats-notes.example/?p=412",
     "198.51.100.7", 5),
]

MISSING_URL = "https://www.meridianpost.example/world/2030/mar/14/corrin-bay-salvage-plan"
MISSING_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Page not found | The Meridian Post</title></head>
<body>
<div class="error-page">
  <h1>Sorry, we couldn't find that page</h1>
  <p>The page may have been moved or deleted, or the address may be mistyped.</p>
  <p><a href="/">Go to the home page</a> or <a href="/search">search The Meridian Post</a>.</p>
</div>
</body>
</html>
""".encode("utf-8")


def record_id(name):
    return "<urn:uuid:%s>" % uuid.uuid5(ID_NAMESPACE, name)


def warc_date(second):
    return "2030-03-15T09:00:%02dZ" % second


def http_date(second):
    return "Fri, 15 Mar 2030 09:00:%02d GMT" % second


def sha1_label(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def host_of(url):
    return url.split("/")[2]


def path_of(url):
    rest = url.split("/", 3)
    return "/" + (rest[3] if len(rest) > 3 else "")


def record(headers, block):
    """One WARC record as bytes: version line, header fields, block, two CRLFs."""
    fields = [("WARC-Type", headers.pop("WARC-Type"))]
    fields += list(headers.items())
    fields.append(("Content-Length", str(len(block))))
    out = io.BytesIO()
    out.write(b"WARC/1.1" + CRLF)
    for key, value in fields:
        out.write(("%s: %s" % (key, value)).encode("utf-8") + CRLF)
    out.write(CRLF)
    out.write(block)
    out.write(CRLF + CRLF)
    return out.getvalue()


def http_request(url):
    lines = [
        "GET %s HTTP/1.1" % path_of(url),
        "Host: %s" % host_of(url),
        "User-Agent: rashomon-example-crawler/1.0 (+https://rashomon.example/crawler)",
        "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
        "Accept-Language: en-GB,en;q=0.8,de;q=0.6",
        "Accept-Encoding: identity",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def http_response(status, body, second):
    lines = [
        "HTTP/1.1 %s" % status,
        "Date: %s" % http_date(second),
        "Server: nginx",
        "Content-Type: text/html; charset=utf-8",
        "Content-Length: %d" % len(body),
        "Cache-Control: max-age=60",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


def exchange(name, url, ip, second, status, body, warcinfo_id):
    """A request record and its response record, in the order wget writes them."""
    response_id = record_id(name + "/response")
    request_block = http_request(url)
    response_block = http_response(status, body, second)
    request = record({
        "WARC-Type": "request",
        "WARC-Record-ID": record_id(name + "/request"),
        "WARC-Warcinfo-ID": warcinfo_id,
        "WARC-Date": warc_date(second),
        "WARC-Target-URI": url,
        "WARC-Concurrent-To": response_id,
        "Content-Type": "application/http; msgtype=request",
        "WARC-Block-Digest": sha1_label(request_block),
    }, request_block)
    response = record({
        "WARC-Type": "response",
        "WARC-Record-ID": response_id,
        "WARC-Warcinfo-ID": warcinfo_id,
        "WARC-Date": warc_date(second),
        "WARC-Target-URI": url,
        "WARC-IP-Address": ip,
        "Content-Type": "application/http; msgtype=response",
        "WARC-Block-Digest": sha1_label(response_block),
        "WARC-Payload-Digest": sha1_label(body),
    }, response_block)
    return [request, response], response_id


def build():
    warcinfo_id = record_id("warcinfo")
    info = "\r\n".join([
        "software: rashomon scripts/make_example_warc.py",
        "format: WARC File Format 1.1",
        "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "isPartOf: rashomon-examples",
        "description: Invented pages about the Corrin Bay grounding (examples/README.md)",
        "robots: ignore",
        "",
    ]).encode("utf-8")
    records = [record({
        "WARC-Type": "warcinfo",
        "WARC-Record-ID": warcinfo_id,
        "WARC-Date": warc_date(0),
        "WARC-Filename": "archive.warc.gz",
        "Content-Type": "application/warc-fields",
    }, info)]

    first_response = None
    for filename, url, ip, second in FETCHES:
        body = (PAGES / filename).read_bytes()
        pair, response_id = exchange(filename, url, ip, second, "200 OK", body, warcinfo_id)
        records += pair
        first_response = first_response or (response_id, url)

    pair, _ = exchange("missing", MISSING_URL, "192.0.2.10", 7, "404 Not Found", MISSING_PAGE,
                       warcinfo_id)
    records += pair

    response_id, url = first_response
    metadata = "\r\n".join([
        "via: https://www.meridianpost.example/world",
        "hopsFromSeed: L",
        "fetchTimeMs: 184",
        "outlink: https://www.meridianpost.example/world/2029/nov/02/calder-strait-shipping-traffic-record L a/@href",
        "outlink: https://www.meridianpost.example/environment/2030/feb/27/lanner-flats-seabird-count L a/@href",
        "outlink: https://img.meridianpost.example/2030/03/14/corrin-bay-shoal-1200.jpg E img/@src",
        "",
    ]).encode("utf-8")
    records.append(record({
        "WARC-Type": "metadata",
        "WARC-Record-ID": record_id("01_meridian_post.html/metadata"),
        "WARC-Warcinfo-ID": warcinfo_id,
        "WARC-Date": warc_date(1),
        "WARC-Target-URI": url,
        "WARC-Concurrent-To": response_id,
        "Content-Type": "application/warc-fields",
    }, metadata))
    return records


def check(data):
    """Reads the archive back member by member and checks every Content-Length."""
    count = 0
    offset = 0
    while offset < len(data):
        # One gzip member at a time: what is left after it is the next record.
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        raw = member.decompress(data[offset:])
        if not member.eof:
            raise SystemExit("record %d: truncated gzip member" % count)
        offset = len(data) - len(member.unused_data)
        head, _, rest = raw.partition(b"\r\n\r\n")
        lines = head.decode("utf-8").split("\r\n")
        if lines[0] != "WARC/1.1":
            raise SystemExit("record %d: no WARC/1.1 version line" % count)
        fields = dict(line.split(": ", 1) for line in lines[1:])
        length = int(fields["Content-Length"])
        if len(rest) != length + 4 or not rest.endswith(b"\r\n\r\n"):
            raise SystemExit("record %d: Content-Length %d does not match" % (count, length))
        if fields["Content-Type"] == "application/http; msgtype=response":
            http_head, _, body = rest[:length].partition(b"\r\n\r\n")
            declared = [l for l in http_head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
            if int(declared[0].split(b":")[1]) != len(body):
                raise SystemExit("record %d: HTTP Content-Length does not match" % count)
        count += 1
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output file (default: %(default)s)")
    args = parser.parse_args()
    data = b"".join(gzip.compress(r, compresslevel=9, mtime=0) for r in build())
    count = check(data)
    pathlib.Path(args.out).write_bytes(data)
    print("wrote %s: %d records, %d bytes" % (args.out, count, len(data)), file=sys.stderr)


if __name__ == "__main__":
    main()
